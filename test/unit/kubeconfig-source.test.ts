// Which kubeconfig a run uses, and that it says so: a named file that is empty or unreadable is an error (never a
// fall-back to ~/.kube/config, which may be another cluster); with nothing given, kubectl's places in its order;
// with none of them there, an error naming all three (never client-node's silent http://localhost:8080).
import { afterEach, describe, expect, it } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli.js';
import { connect } from '../../src/kube/client.js';
import { loadDefaultKubeconfig, SERVICE_ACCOUNT_TOKEN_PATH } from '../../src/kube/default-kubeconfig.js';

const kubeconfig = (server: string, context: string) =>
  `apiVersion: v1\nclusters:\n- name: c\n  cluster: {server: "${server}"}\ncontexts:\n- name: ${context}\n  context: {cluster: c, user: u}\ncurrent-context: ${context}\nusers:\n- name: u\n  user: {token: t-123456}\n`;

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kjd-kc-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

class Text extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

describe('CLI --kubeconfig FILE', () => {
  async function cli(args: string[], home: string): Promise<{ code: number; stderr: string }> {
    const out = new Text();
    const err = new Text();
    const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };
    // ~/.kube/config holds another cluster: it must never be used instead of the named file.
    process.env.HOME = home;
    delete process.env.KUBECONFIG;
    try {
      const code = await runCli(args, out as unknown as typeof process.stdout, err as unknown as typeof process.stderr);
      return { code, stderr: err.text };
    } finally {
      process.env.HOME = saved.HOME;
      if (saved.KUBECONFIG === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved.KUBECONFIG;
    }
  }
  function homeWithOtherCluster(): string {
    const home = tempDir();
    mkdirSync(path.join(home, '.kube'));
    writeFileSync(path.join(home, '.kube', 'config'), kubeconfig('https://other-cluster.invalid:6443', 'prod'));
    return home;
  }

  it.each([
    ['an empty file', (d: string) => (writeFileSync(path.join(d, 'kc'), ''), path.join(d, 'kc')), /the kubeconfig file .*kc is empty/],
    ['a file of blanks', (d: string) => (writeFileSync(path.join(d, 'kc'), '\n  \n'), path.join(d, 'kc')), /is empty/],
    ['a missing file', (d: string) => path.join(d, 'missing'), /cannot read the kubeconfig file .*missing: ENOENT/],
    ['a directory', (d: string) => d, /cannot read the kubeconfig file .*: EISDIR/],
    ['an empty name', () => '', /--kubeconfig needs a file name/],
  ])('%s is an error (exit 2), not ~/.kube/config', async (_what, file, message) => {
    const home = homeWithOtherCluster();
    const work = tempDir();
    for (const args of [
      ['pod/x', '--kubeconfig', file(work)],
      ['pod/x', `--kubeconfig=${file(work)}`],
    ]) {
      const r = await cli([...args, '--out', path.join(work, 'out')], home);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/other-cluster/);
    }
  });
});

describe('the kubeconfig from the usual places', () => {
  const places = (o: { env?: NodeJS.ProcessEnv; home?: string; tokenPath?: string }) => ({
    env: o.env ?? {},
    home: o.home ?? tempDir(),
    tokenPath: o.tokenPath ?? path.join(tempDir(), 'no-token'),
  });

  it('says which one it used: KUBECONFIG first (the files that exist, merged), then ~/.kube/config', () => {
    const d = tempDir();
    writeFileSync(path.join(d, 'a'), kubeconfig('https://a.example:6443', 'ctx-a'));
    const kc = new KubeConfig();
    const src = loadDefaultKubeconfig(kc, places({ env: { KUBECONFIG: `${path.join(d, 'missing')}:${path.join(d, 'a')}` } }));
    expect(src).toBe(`KUBECONFIG (${path.join(d, 'a')})`);
    expect(kc.getCurrentCluster()?.server).toBe('https://a.example:6443');

    const home = tempDir();
    mkdirSync(path.join(home, '.kube'));
    writeFileSync(path.join(home, '.kube', 'config'), kubeconfig('https://home.example:6443', 'ctx-home'));
    const kc2 = new KubeConfig();
    expect(loadDefaultKubeconfig(kc2, places({ home }))).toBe(path.join(home, '.kube', 'config'));
    expect(kc2.getCurrentContext()).toBe('ctx-home');
  });

  it('uses the in-cluster service account when that is all there is', () => {
    const root = tempDir();
    const token = path.join(root, SERVICE_ACCOUNT_TOKEN_PATH);
    mkdirSync(path.dirname(token), { recursive: true });
    writeFileSync(token, 'sa-token-1234567');
    writeFileSync(path.join(path.dirname(token), 'ca.crt'), '');
    const kc = new KubeConfig();
    const src = loadDefaultKubeconfig(
      kc,
      places({ env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' }, tokenPath: token }),
    );
    expect(src).toBe(`the in-cluster service account (${token})`);
    expect(kc.getCurrentCluster()?.server).toBe('https://10.0.0.1:443');
  });

  it('with none of them: an error naming all three places, never http://localhost:8080', () => {
    const home = tempDir();
    const kc = new KubeConfig();
    const p = places({ home });
    expect(() => loadDefaultKubeconfig(kc, p)).toThrow(
      `No kubeconfig to use. Looked at: the kubeconfig input (empty: unset, or a secret this run cannot read, as in a pull request from a fork); KUBECONFIG (not set); ${path.join(home, '.kube', 'config')} (does not exist); the in-cluster service account (${p.tokenPath} does not exist or KUBERNETES_SERVICE_HOST is not set).`,
    );
    expect(kc.getClusters()).toEqual([]);
  });

  it('KUBECONFIG naming only files that do not exist is an error, not a fall-back to ~/.kube/config', () => {
    const home = tempDir();
    mkdirSync(path.join(home, '.kube'));
    writeFileSync(path.join(home, '.kube', 'config'), kubeconfig('https://home.example:6443', 'ctx-home'));
    expect(() => loadDefaultKubeconfig(new KubeConfig(), places({ home, env: { KUBECONFIG: '/nonexistent/kc' } }))).toThrow(
      'KUBECONFIG is set (/nonexistent/kc) but names no file that exists.',
    );
  });

  it('connect tells the source, the server and the context', () => {
    const c = connect({ from: 'content', yaml: kubeconfig('https://k.example:6443', 'ctx-k') }, undefined, undefined);
    expect(c).toMatchObject({ source: 'the kubeconfig input', server: 'https://k.example:6443', context: 'ctx-k' });
  });
});
