// dumps: jfr,threads,histogram end to end against the fake apiserver, whose exec runs the real toolbox and the real
// summariser exec on this machine against a real local JVM (the seed's Simple): the recording starts before the thread
// dumps and ends after the histogram, arrives verified as recording.jfr with jfr-summary.json, and leaves nothing
// behind in the JVM's /tmp (the shared volume: this machine's /tmp) and no recording running in the JVM.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { makeDeployment, makeReplicaSet, startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver/index.js';
import { runEngine } from '../../src/engine.js';
import type { RunManifest } from '../../src/shared/model.js';
import type { JfrSummary } from '../../src/shared/jfr-summary.js';
import { startSimpleJvm, type LocalJvm } from './support/local-jvm.js';
import {
  type ExecGuard,
  expectFilesMatchDisk,
  installGuardedShell,
  jvmContainer,
  seedPodFor,
  settingsFrom,
  stopFakeCluster,
  toolboxSub,
} from './support/engine-fixtures.js';

const NS = 'shop';
let jvm: LocalJvm;
let work: string;
let api: FakeApiServer | undefined;
let guard: ExecGuard;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kjd-jfr-it-'));
  jvm = await startSimpleJvm();
}, 60_000);

afterAll(async () => {
  await jvm?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

afterEach(async () => {
  await stopFakeCluster(api, guard);
  api = undefined;
});

describe('jfr through the engine', () => {
  it('records around the thread dumps and the histogram, brings recording.jfr and jfr-summary.json, leaves nothing behind', async () => {
    const server = await startFakeApiServer({ kubelet: { delayMs: 20 } });
    api = server;
    guard = installGuardedShell(server);
    const d = server.store.put(
      makeDeployment({ name: 'shop', namespace: NS, revision: 1, containers: [jvmContainer()], readyReplicas: 1 }),
    );
    const rs = server.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: 'aaa11' }));
    server.store.put(seedPodFor(rs, { name: 'shop-aaa11-bbbbb', ready: true }));
    const outputDir = await mkdtemp(path.join(work, 'out-'));
    const settings = settingsFrom({
      kubeconfig: server.kubeconfigYaml({ namespace: NS }),
      target: 'deployment/shop',
      'jvm-pid': String(jvm.pid),
      'jdk-image': 'eclipse-temurin:17-jdk',
      dumps: 'histogram,jfr,threads',
      'thread-dump-count': '2',
      'thread-dump-interval': '200ms',
      'jfr-duration': '2s',
      'jfr-settings': 'default',
      'include-context': 'false',
      timeout: '60s',
      'output-dir': outputDir,
    });
    const progress: string[] = [];
    const report = await runEngine(settings, { progress: (m) => progress.push(m) });
    expect(guard.violations).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(outputDir, 'manifest.json'), 'utf8')) as RunManifest;
    const j = manifest.pods[0]?.jvms[0];
    if (report.outcome !== 'success') throw new Error(`outcome ${report.outcome}\n${progress.join('\n')}\n${JSON.stringify(j?.errors)}`);
    expect(manifest.requested).toMatchObject({ dumps: ['threads', 'histogram', 'jfr'], jfr: { durationMs: 2000, settings: 'default' } });

    const dir = `shop-aaa11-bbbbb/app/${jvm.pid}`;
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
    // recording runs on, JFR.stop, then the transfer.
    const steps = server.execs
      .map((e) =>
        toolboxSub(e.command) === 'jcmd' ? e.command.find((a) => a.startsWith('JFR.') || a === 'VM.version') : toolboxSub(e.command),
      )
      .filter((s) => s !== 'probe');
    // (and JFR.check: does another recording run beside ours?)
    expect(steps.slice(0, 6)).toEqual(['VM.version', 'JFR.start', 'threads', 'jfrprepare', 'JFR.check', 'JFR.stop']);
    expect(steps).toContain('jfrsummary');
    expect(steps).toContain('stream');
    expect(steps).toContain('remove');
    // It ran its 2 s: the stop came no sooner.
    expect(j.timingsMs.jfr + j.timingsMs['jfr-start']).toBeGreaterThanOrEqual(2000);

    // Nothing left: no recording of ours running, no file in the JVM's /tmp, no staged summariser.
    const { stdout } = await promisify(execFile)('jcmd', [String(jvm.pid), 'JFR.check']);
    expect(stdout).not.toContain('kube-jvm-dump-');
    expect(readdirSync('/tmp').filter((f) => f.startsWith('kjd-') && f.endsWith('.jfr'))).toEqual([]);
    expect(readdirSync(guard.workTmp).filter((f) => f.startsWith('kjd-jfr.'))).toEqual([]);
  }, 90_000);
});
