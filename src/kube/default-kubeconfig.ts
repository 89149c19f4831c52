// The kubeconfig when none was given, from kubectl's places in kubectl's order, saying which one it used. With
// none there, an error that names all three: never client-node's silent fall-back to http://localhost:8080.
import { KubeConfig } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { errorMessage } from '../shared/errors.js';

/** Where a pod's service account token is mounted (client-node looks there too). */
export const SERVICE_ACCOUNT_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export interface DefaultPlaces {
  env: NodeJS.ProcessEnv;
  home: string;
  tokenPath: string;
}

export function defaultPlaces(env: NodeJS.ProcessEnv = process.env): DefaultPlaces {
  return { env, home: env.HOME || homedir(), tokenPath: SERVICE_ACCOUNT_TOKEN_PATH };
}

/** Loads `kc` from KUBECONFIG, else ~/.kube/config, else the in-cluster service account; returns which, for the log. */
export function loadDefaultKubeconfig(kc: KubeConfig, places: DefaultPlaces = defaultPlaces()): string {
  const fromEnv = places.env.KUBECONFIG ?? '';
  const listed = fromEnv.split(path.delimiter).filter(Boolean);
  if (listed.length > 0) {
    // As kubectl: the files that exist are merged, the first one's current context wins; none is an error.
    const files = listed.filter((f) => existsSync(f));
    if (files.length === 0) throw new Error(`KUBECONFIG is set (${fromEnv}) but names no file that exists.`);
    files.forEach((file, i) => {
      const target = i === 0 ? kc : new KubeConfig();
      load(target, file, 'a file in KUBECONFIG');
      if (i > 0) kc.mergeConfig(target);
    });
    return `KUBECONFIG (${files.join(path.delimiter)})`;
  }
  const homeConfig = path.join(places.home, '.kube', 'config');
  if (existsSync(homeConfig)) {
    load(kc, homeConfig, 'the default kubeconfig');
    return homeConfig;
  }
  if (existsSync(places.tokenPath) && places.env.KUBERNETES_SERVICE_HOST) {
    // client-node reads the token and CA below this prefix (empty: the real mount).
    const prefix = places.tokenPath.endsWith(SERVICE_ACCOUNT_TOKEN_PATH)
      ? places.tokenPath.slice(0, -SERVICE_ACCOUNT_TOKEN_PATH.length)
      : '';
    withEnv(places.env, () => kc.loadFromCluster(prefix));
    return `the in-cluster service account (${places.tokenPath})`;
  }
  throw new Error(
    'No kubeconfig to use. Looked at: the kubeconfig input (empty: unset, or a secret this run cannot read, as in a pull request from a fork); ' +
      `KUBECONFIG (not set); ${homeConfig} (does not exist); the in-cluster service account (${places.tokenPath} does not exist or KUBERNETES_SERVICE_HOST is not set).`,
  );
}

function load(kc: KubeConfig, file: string, what: string): void {
  try {
    kc.loadFromFile(file);
  } catch (err) {
    // The parser's message can quote the file: its first line names the problem.
    throw new Error(`${what}, ${file}, could not be loaded: ${errorMessage(err).split('\n')[0]}`, { cause: err });
  }
}

/** Runs `fn` with process.env as `env` for the variables client-node reads, then restores them. */
function withEnv(env: NodeJS.ProcessEnv, fn: () => void): void {
  const keys = ['KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT'];
  const saved = keys.map((k) => [k, process.env[k]] as const);
  for (const k of keys) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
