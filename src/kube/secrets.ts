// Every credential a kubeconfig can carry, of any length, to be masked in the log and cut from what we write.
import { readFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

type ReadFile = (file: string) => string;

/** The lines of a value: the runner masks line by line, and PEM armour lines are no secret. */
function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(l));
}

/** A value as written in the kubeconfig, and the PEM it decodes to (`*-data` fields are base64). */
function withDecoded(value: string): string[] {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return [value, ...(decoded.includes('-----BEGIN ') ? lines(decoded) : [])];
}

function fileLines(file: unknown, readFile: ReadFile): string[] {
  if (typeof file !== 'string' || file === '') return [];
  try {
    return lines(readFile(file));
  } catch {
    return []; // unreadable: then it cannot be printed either
  }
}

/** Every string inside a value (auth-provider configs may nest). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Exec plugin args: flags (`--region`) are the plugin's interface, their values (`--token=x`, `x`) may be secrets. */
function execArgSecrets(args: unknown): string[] {
  if (!Array.isArray(args)) return [];
  return args.flatMap((a) => {
    if (typeof a !== 'string') return [];
    const flag = /^--?[A-Za-z0-9][\w.-]*(=(.*))?$/s.exec(a);
    if (!flag) return [a];
    return flag[2] ? [flag[2]] : [];
  });
}

/** The user:password of a proxy URL, raw and percent-decoded, and the Basic header made of it. */
function proxySecrets(proxyUrl: unknown): string[] {
  if (typeof proxyUrl !== 'string') return [];
  let url: URL;
  try {
    url = new URL(proxyUrl);
  } catch {
    // Unparseable: take whatever sits between the scheme and the last @.
    const m = /^[a-z0-9+.-]+:\/\/([^/]*)@/i.exec(proxyUrl);
    return m ? [m[1]] : [];
  }
  if (!url.username && !url.password) return [];
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const user = decode(url.username);
  const password = decode(url.password);
  // Without a password the user name is the credential (a token as user name).
  const out = password ? [url.password, password, `${url.username}:${url.password}`, `${user}:${password}`] : [url.username, user];
  out.push(Buffer.from(`${user}:${password}`).toString('base64'));
  return out;
}

/** Every credential value in the kubeconfig, of any length: each user's, and each cluster's proxy credentials. */
export function kubeconfigSecrets(kc: KubeConfig, readFile: ReadFile = (f) => readFileSync(f, 'utf8')): string[] {
  const out: string[] = [];
  for (const user of kc.getUsers()) {
    const u = user as unknown as Record<string, unknown>;
    for (const key of ['token', 'password']) if (typeof u[key] === 'string') out.push(...lines(u[key]));
    for (const key of ['keyData', 'certData']) if (typeof u[key] === 'string') out.push(...withDecoded(u[key]));
    for (const key of ['keyFile', 'certFile']) out.push(...fileLines(u[key], readFile));
    // client-node sends username:password as a Basic header; a server echoing it echoes this.
    if (typeof u.username === 'string' && typeof u.password === 'string' && u.password) {
      out.push(Buffer.from(`${u.username}:${u.password}`).toString('base64'));
    }
    const provider = u.authProvider as { config?: unknown } | undefined;
    out.push(...strings(provider?.config).flatMap(lines));
    const exec = u.exec as { env?: { value?: unknown }[]; args?: unknown } | undefined;
    for (const e of exec?.env ?? []) if (typeof e?.value === 'string') out.push(...lines(e.value));
    out.push(...execArgSecrets(exec?.args).flatMap(lines));
  }
  for (const cluster of kc.getClusters()) out.push(...proxySecrets(cluster.proxyUrl));
  return [...new Set(out.filter((s) => s !== ''))];
}

/**
 * The credentials the client really sends for the current context: a token from an exec plugin or an
 * auth provider exists only at run time, and a server may echo the Authorization header in an error.
 * Runs the exec plugin once (client-node caches its credential). A failure here is left to the first
 * request, which reports it.
 */
export async function credentialsInUse(kc: KubeConfig): Promise<string[]> {
  const opts: RequestOptions & { headers?: Record<string, unknown> } = {};
  try {
    await kc.applyToHTTPSOptions(opts);
  } catch {
    return [];
  }
  const out: string[] = [];
  const auth = opts.headers?.Authorization ?? opts.headers?.authorization;
  if (typeof auth === 'string') {
    const m = /^(\w+)\s+(.+)$/.exec(auth);
    if (m) out.push(m[2]);
    if (m && m[1].toLowerCase() === 'basic')
      out.push(
        ...lines(
          Buffer.from(m[2], 'base64')
            .toString('utf8')
            .replace(/^[^:]*:/, ''),
        ),
      );
  }
  for (const pem of [opts.key, opts.cert].flat()) {
    if (typeof pem === 'string' || Buffer.isBuffer(pem)) out.push(...lines(pem.toString('utf8')));
  }
  return [...new Set(out.filter((s) => s !== ''))];
}
