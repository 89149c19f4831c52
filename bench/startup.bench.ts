// Benchmark: the bundle's start-up, from spawning `node <dist>/index.js` (the CLI) to its first connection to the
// API server. The "API server" is a bare TCP listener that notes the connection and closes it.
// Run: bash bench/run.sh (KJD_BENCH_DIST=DIR picks the bundle; default dist).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const dist = path.resolve(process.env.KJD_BENCH_DIST ?? 'dist');
const RUNS = Number(process.env.KJD_BENCH_STARTUP_RUNS ?? 9);

let connected: (() => void) | undefined;
const server = createServer((socket: Socket) => {
  connected?.();
  socket.destroy();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const dir = mkdtempSync(path.join(tmpdir(), 'kjd-startup-'));
const kubeconfig = path.join(dir, 'kubeconfig');
const kubeconfigText = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: bench}}]
contexts: [{name: c, context: {cluster: c, user: u, namespace: bench}}]
current-context: c
`;
writeFileSync(kubeconfig, kubeconfigText);

/** ms from spawn to the child's exit, or to its first connection (the child is then killed; the figure is kept once it exited). */
function time(args: string[], env: NodeJS.ProcessEnv, untilConnect: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let at: number | undefined;
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    if (untilConnect) {
      connected = () => {
        connected = undefined;
        at = performance.now() - t0;
        child.kill('SIGKILL');
      };
    }
    child.on('error', reject);
    child.on('exit', () => {
      connected = undefined;
      if (!untilConnect) resolve(performance.now() - t0);
      else if (at === undefined) reject(new Error(`${args.join(' ')} exited before connecting`));
      else resolve(at);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function measure(label: string, args: string[], env: NodeJS.ProcessEnv, untilConnect: boolean): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push(await time(args, env, untilConnect));
  console.log(`| ${label} | ${median(ms).toFixed(0)} ms | ${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)} ms |`);
}

console.log(`| what (bundle ${dist}) | median of ${RUNS} | min-max |`);
console.log('|---|---|---|');
await measure('`node -e 0`', ['-e', '0'], {}, false);
await measure('CLI `--help`', [path.join(dist, 'index.js'), '--help'], { KUBE_JVM_DUMP_CLI: '1' }, false);
await measure(
  'CLI to its first API connection',
  [path.join(dist, 'index.js'), 'pod/p', '--kubeconfig', kubeconfig, '-o', path.join(dir, 'out')],
  { KUBE_JVM_DUMP_CLI: '1' },
  true,
);
// The CLI as installed (bin/, which turns on Node's compile cache): the first run writes the cache, reruns read it.
const bin = path.resolve('bin/kube-jvm-dump.js');
const cache = { NODE_COMPILE_CACHE: path.join(dir, 'compile-cache') };
const cliArgs = [bin, 'pod/p', '--kubeconfig', kubeconfig, '-o', path.join(dir, 'out-bin')];
// Node writes the cache when a process exits, not when it is killed at its first connection as below.
const first = await time([bin, '--help'], cache, false);
console.log(`| CLI via bin/ \`--help\`, first run (compiles, writes the compile cache at exit) | ${first.toFixed(0)} ms | |`);
await measure('CLI via bin/ `--help`, compile cache warm', [bin, '--help'], cache, false);
await measure('CLI via bin/ to its first API connection, compile cache warm (./dist)', cliArgs, cache, true);
await measure(
  'action to its first API connection',
  [path.join(dist, 'index.js')],
  {
    INPUT_TARGET: 'pod/p',
    INPUT_KUBECONFIG: kubeconfigText,
    INPUT_NAMESPACE: 'bench',
    'INPUT_OUTPUT-DIR': path.join(dir, 'out-action'),
    GITHUB_OUTPUT: path.join(dir, 'github-output'),
  },
  true,
);
server.close();
rmSync(dir, { recursive: true, force: true });
