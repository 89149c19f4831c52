// Benchmark: heap dump transfer through the real exec path (client-node WebSocket, v5 channels) from a
// local fake API server whose exec runs the real toolbox `stream` command on this machine. Measures
// throughput and the runner process's peak RSS, which must not grow with the dump's size (streaming).
// Run: bash bench/run.sh   (sizes in MiB: KJD_BENCH_SIZES=64,512,2048)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { execInContainer } from '../src/kube/exec.js';
import { toolboxCommand } from '../src/collect/toolbox.js';
import { parseStreamTrailer } from '../src/collect/toolbox-protocol.js';
import { HashingFileSink } from '../src/collect/transfer.js';
import { makePod, startFakeApiServer } from '../test/support/fake-apiserver/index.js';

const sizes = (process.env.KJD_BENCH_SIZES ?? '64,512,2048').split(',').map(Number);
const dir = await mkdtemp(path.join(tmpdir(), 'kjd-bench-'));
const api = await startFakeApiServer();
api.store.put(makePod({ name: 'bench', containers: ['app'] }));
api.kubelet.setState('default', 'bench', 'app', { state: 'running' });
const kc = new KubeConfig();
kc.loadFromString(api.kubeconfigYaml());

console.log('| dump size | compress in stream | time | throughput | runner peak RSS | sha256 verified |');
console.log('|---|---|---|---|---|---|');
for (const mib of sizes) {
  const source = path.join(dir, `heap-${mib}.bin`);
  // Incompressible bytes: the worst case for the wire.
  execFileSync('sh', ['-c', `head -c ${mib * 1024 * 1024} /dev/urandom > ${source}`]);
  for (const compress of mib <= 512 ? [0, 1] : [0]) {
    const target = path.join(dir, `received-${mib}-${compress}`);
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const sink = new HashingFileSink(target);
    const t0 = process.hrtime.bigint();
    const r = await execInContainer(kc, 'default', 'bench', 'app', toolboxCommand('stream', 0, 0, source, compress), {
      timeoutMs: 600_000,
      stdoutSink: sink,
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const trailer = parseStreamTrailer(r.stderr);
    const ok = r.exitCode === 0 && trailer.sha256 === sink.digest();
    console.log(
      `| ${mib} MiB | ${compress ? 'gzip -1' : 'no'} | ${seconds.toFixed(1)} s | ${(mib / seconds).toFixed(0)} MiB/s of dump | ${(peak / 1024 / 1024).toFixed(0)} MiB | ${ok ? 'yes' : 'NO'} |`,
    );
    await rm(target, { force: true });
  }
  await rm(source, { force: true });
}
await api.stop();
await rm(dir, { recursive: true, force: true });
