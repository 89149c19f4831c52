// dumps: jfr,threads,histogram end to end against the fake apiserver, whose exec runs the real toolbox and the real
// summariser exec on this machine against a real local JVM (the seed's Simple): the recording starts before the thread
// dumps and ends after the histogram, arrives verified as recording.jfr with jfr-summary.json, and leaves nothing
// behind in the JVM's /tmp (the shared volume: this machine's /tmp) and no recording running in the JVM.
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { makeDeployment, makeReplicaSet, type ExecBehaviour, type FakeApiServer } from '../support/fake-apiserver/index.js';
import type { JfrSummary } from '../../src/shared/jfr-summary.js';
import { startSimpleJvm } from './support/local-jvm.js';
import { expectFilesMatchDisk, jvmContainer, seedPodFor, toolboxSub } from './support/engine-fixtures.js';
import { engineSuite } from './support/engine-suite.js';

const NS = 'shop';
const suite = engineSuite('kjd-jfr-it-', NS, () => ({
  target: 'deployment/shop',
  'jdk-image': 'eclipse-temurin:17-jdk',
  'jfr-duration': '2s',
  'jfr-settings': 'default',
  'include-context': 'false',
  timeout: '60s',
}));

/** deployment/shop with one Ready pod (its JVMs: this machine's), recorded 2 s with the default settings. */
async function runShop(inputs: Record<string, string>, prepare: (server: FakeApiServer) => void) {
  const server = await suite.start();
  prepare(server);
  const d = server.store.put(makeDeployment({ name: 'shop', namespace: NS, revision: 1, containers: [jvmContainer()], readyReplicas: 1 }));
  const rs = server.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: 'aaa11' }));
  server.store.put(seedPodFor(rs, { name: 'shop-aaa11-bbbbb', ready: true }));
  return { server, ...(await suite.engine(inputs)) };
}

describe('jfr through the engine', () => {
  it('records around the thread dumps and the histogram, brings recording.jfr and jfr-summary.json, leaves nothing behind', async () => {
    const { server, outputDir, manifest, report, progress } = await runShop(
      {
        'jvm-pid': String(suite.jvm.pid),
        dumps: 'histogram,jfr,threads',
        'thread-dump-count': '2',
        'thread-dump-interval': '200ms',
      },
      () => undefined,
    );
    const j = manifest.pods[0]?.jvms[0];
    if (report.outcome !== 'success') throw new Error(`outcome ${report.outcome}\n${progress.join('\n')}\n${JSON.stringify(j?.errors)}`);
    expect(manifest.requested).toMatchObject({ dumps: ['threads', 'histogram', 'jfr'], jfr: { durationMs: 2000, settings: 'default' } });

    const dir = `shop-aaa11-bbbbb/app/${suite.jvm.pid}`;
    expect(j.files.map((f) => [f.kind, f.path]).sort()).toEqual(
      [
        ['threads', `${dir}/threads-1.txt`],
        ['threads', `${dir}/threads-2.txt`],
        ['histogram', `${dir}/histogram.txt`],
        ['jfr', `${dir}/recording.jfr`],
        ['jfr', `${dir}/jfr-summary.json`],
      ].sort(),
    );
    expect(await expectFilesMatchDisk(outputDir, j.files)).toEqual([]);
    expect(
      readFileSync(path.join(outputDir, dir, 'recording.jfr'))
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('FLR\0');
    const summary = JSON.parse(readFileSync(path.join(outputDir, dir, 'jfr-summary.json'), 'utf8')) as JfrSummary;
    expect(summary.schema).toBe(1);
    expect(summary.recording.events).toBeGreaterThan(0);

    // The order in the JVM: JFR.start, the thread dumps (with the histogram), the summariser compiled while the
    // recording runs on, JFR.stop, then the transfer. No VM.version: the probe read the version from the JVM's files.
    const steps = server.execs
      .map((e) =>
        toolboxSub(e.command) === 'jcmd' ? e.command.find((a) => a.startsWith('JFR.') || a === 'VM.version') : toolboxSub(e.command),
      )
      .filter((s) => s !== 'probe');
    // (and JFR.check: does another recording run beside ours?) The summariser's compile and JFR.check start together,
    // and when the dumps took the whole jfr-duration, JFR.stop at once too: their order is the machine's.
    expect(steps.slice(0, 2)).toEqual(['JFR.start', 'threads']);
    expect(steps.slice(2, 5).sort()).toEqual(['JFR.check', 'JFR.stop', 'jfrprepare']);
    expect([j.version, j.feature]).toEqual([expect.stringMatching(/^\d+/), expect.any(Number)]);
    expect(steps).toContain('jfrsummary');
    expect(steps).toContain('stream');
    expect(steps).toContain('remove');
    // It ran its 2 s: the stop came no sooner.
    expect(j.timingsMs.jfr + j.timingsMs['jfr-start']).toBeGreaterThanOrEqual(2000);

    // Nothing left: no recording of ours running, no file in the JVM's /tmp, no staged summariser.
    const { stdout } = await promisify(execFile)('jcmd', [String(suite.jvm.pid), 'JFR.check']);
    expect(stdout).not.toContain('kube-jvm-dump-');
    expect(readdirSync('/tmp').filter((f) => f.startsWith('kjd-') && f.endsWith('.jfr'))).toEqual([]);
    expect(readdirSync(suite.guard.workTmp).filter((f) => f.startsWith('kjd-jfr.'))).toEqual([]);
  }, 90_000);

  it('records two JVMs of one pod at once: both recordings start before either stops, and the heap dumps come after', async () => {
    const second = await startSimpleJvm();
    try {
      const { server, outputDir, manifest, report, progress } = await runShop(
        { dumps: 'threads,jfr,heap', 'thread-dump-count': '1', timeout: '90s' },
        (s) => onlyJvms(s, [suite.jvm.pid, second.pid]),
      );
      const jvms = manifest.pods[0]?.jvms ?? [];
      if (report.outcome !== 'success') throw new Error(`outcome ${report.outcome}\n${progress.join('\n')}\n${JSON.stringify(jvms)}`);
      expect(jvms.map((j) => j.pid).sort()).toEqual([suite.jvm.pid, second.pid].sort());

      // The JVMs' commands in the order the pod saw them, each with the JVM it went to.
      const steps = server.execs
        .filter((e) => toolboxSub(e.command) === 'jcmd')
        .map((e) => `${e.command[7]} ${e.command[8]}`)
        .filter((s) => /^\d+ (JFR\.start|JFR\.stop|GC\.heap_dump)$/.test(s));
      const starts = steps.flatMap((s, i) => (s.endsWith('JFR.start') ? [i] : []));
      const stops = steps.flatMap((s, i) => (s.endsWith('JFR.stop') ? [i] : []));
      const heaps = steps.flatMap((s, i) => (s.endsWith('GC.heap_dump') ? [i] : []));
      expect([starts.length, stops.length, heaps.length]).toEqual([2, 2, 2]);
      expect(Math.max(...starts)).toBeLessThan(Math.min(...stops));
      expect(Math.max(...stops)).toBeLessThan(Math.min(...heaps));

      // The recordings themselves say so: the spans of their events overlap.
      const spans = jvms.map((j) => {
        expect(j.errors).toEqual([]);
        expect(j.files.map((f) => f.path.split('/').pop()).sort()).toEqual([
          'heap.hprof.gz',
          'jfr-summary.json',
          'recording.jfr',
          'threads-1.txt',
        ]);
        const summary = JSON.parse(
          readFileSync(path.join(outputDir, `shop-aaa11-bbbbb/app/${j.pid}`, 'jfr-summary.json'), 'utf8'),
        ) as JfrSummary;
        const start = Date.parse(summary.recording.start ?? '');
        return { start, end: start + summary.recording.durationMs };
      });
      expect(spans[0].start).toBeLessThan(spans[1].end);
      expect(spans[1].start).toBeLessThan(spans[0].end);
      expect(
        await expectFilesMatchDisk(
          outputDir,
          jvms.flatMap((j) => j.files),
        ),
      ).toEqual([]);
    } finally {
      await second.stop();
    }
  }, 120_000);
});

/** The probe as if the pod held only these JVMs: this machine runs others (other tests', the developer's). */
function onlyJvms(server: FakeApiServer, pids: number[]): void {
  const inner = server.execHandler;
  server.execHandler = async (req) => {
    const behaviour = await inner(req);
    if (toolboxSub(req.command) !== 'probe') return behaviour;
    const filtered: ExecBehaviour = async (io) => {
      let text = '';
      const outcome = await behaviour({ ...io, stdout: (chunk) => Promise.resolve(void (text += chunk.toString())) });
      const kept = text.split('\n').filter((line) => !line.startsWith('jvm\t') || pids.includes(Number(line.split('\t')[1])));
      await io.stdout(kept.join('\n'));
      return outcome;
    };
    return filtered;
  };
}
