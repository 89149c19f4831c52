// The frame of the engine's integration suites: one real local JVM for the file, a fake apiserver per test (its exec
// through the guarded shell, stopped after the test with what its debuggers left in this machine's /tmp), and a run
// of the engine against it with the file's default inputs.
import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startFakeApiServer, type FakeApiServer, type FakeApiServerOptions } from '../../support/fake-apiserver/index.js';
import { runEngine, type RunReport } from '../../../src/engine.js';
import type { RunManifest } from '../../../src/shared/model.js';
import { startSimpleJvm, type LocalJvm } from './local-jvm.js';
import { installGuardedShell, settingsFrom, stopFakeCluster, toolboxSub, type ExecGuard } from './engine-fixtures.js';

export interface EngineRun {
  report: RunReport;
  /** As written to manifest.json; the report's when none could be written. */
  manifest: RunManifest;
  outputDir: string;
  progress: string[];
  /** What the engine asked to mask (the kubeconfig's secrets). */
  masked: string[];
  elapsedMs: number;
}

export interface EngineSuite {
  /** The file's JVM, started before its first test. */
  readonly jvm: LocalJvm;
  /** A folder for the file's output directories, removed after its last test. */
  readonly work: string;
  /** The current test's fake apiserver and its exec guard (after start). */
  readonly api: FakeApiServer;
  readonly guard: ExecGuard;
  /** Starts the current test's fake apiserver (a kubelet answering after 20 ms unless `options` say otherwise), stopping the one before. */
  start: (options?: FakeApiServerOptions) => Promise<FakeApiServer>;
  /**
   * Runs the engine against the current apiserver with the file's defaults, then `inputs`, into a new output
   * directory unless one is given. The guard refused nothing: a `tmplink` would have run `rm -rf /tmp` here.
   */
  engine: (inputs: Record<string, string>, o?: { signal?: AbortSignal; outputDir?: string }) => Promise<EngineRun>;
}

/** What most suites start from: the file's JVM, a JDK 17 debugger, two thread dumps 200 ms apart, a 60 s run. */
export function seedInputs(jvm: LocalJvm): Record<string, string> {
  return {
    'jvm-pid': String(jvm.pid),
    'jdk-image': 'eclipse-temurin:17-jdk',
    'thread-dump-count': '2',
    'thread-dump-interval': '200ms',
    timeout: '60s',
  };
}

export function engineSuite(tmpPrefix: string, namespace: string, defaults: (jvm: LocalJvm) => Record<string, string>): EngineSuite {
  let jvm: LocalJvm | undefined;
  let work: string | undefined;
  let api: FakeApiServer | undefined;
  let guard: ExecGuard | undefined;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), tmpPrefix));
    jvm = await startSimpleJvm();
  }, 60_000);
  afterAll(async () => {
    await jvm?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });
  afterEach(async () => {
    await stopFakeCluster(api, guard);
    api = undefined;
    guard = undefined;
  });
  return {
    get jvm() {
      return jvm!;
    },
    get work() {
      return work!;
    },
    get api() {
      return api!;
    },
    get guard() {
      return guard!;
    },
    start: async (options = {}) => {
      await stopFakeCluster(api, guard);
      api = await startFakeApiServer({ kubelet: { delayMs: 20 }, ...options });
      guard = installGuardedShell(api);
      return api;
    },
    engine: async (inputs, o = {}) => {
      const outputDir = o.outputDir ?? (await mkdtemp(path.join(work!, 'out-')));
      const settings = settingsFrom({
        kubeconfig: api!.kubeconfigYaml({ namespace }),
        'output-dir': outputDir,
        ...defaults(jvm!),
        ...inputs,
      });
      const progress: string[] = [];
      const masked: string[] = [];
      const t0 = Date.now();
      const report = await runEngine(settings, { progress: (m) => progress.push(m), mask: (s) => masked.push(s), signal: o.signal });
      const elapsedMs = Date.now() - t0;
      expect(guard!.violations).toEqual([]);
      const file = path.join(outputDir, 'manifest.json');
      const manifest = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as RunManifest) : report.manifest;
      return { report, manifest, outputDir, progress, masked, elapsedMs };
    },
  };
}

/** Every error of a run, the run's, its pods' and their JVMs'. */
export function runErrors(run: EngineRun): unknown[] {
  return [...run.manifest.errors, ...run.manifest.pods.flatMap((p) => [...p.errors, ...p.jvms.flatMap((j) => j.errors)])];
}

/** Like expect(outcome).toBe(...), but a failure shows the run's progress and errors. */
export function expectOutcome(run: EngineRun, outcome: RunReport['outcome']): void {
  if (run.report.outcome !== outcome)
    throw new Error(
      `outcome ${run.report.outcome}, expected ${outcome}\nprogress:\n${run.progress.join('\n')}\nerrors: ${JSON.stringify(runErrors(run), null, 1)}`,
    );
}

/** The toolbox sub-commands the server was asked to run, in order. */
export const subsOf = (server: FakeApiServer): (string | undefined)[] => server.execs.map((e) => toolboxSub(e.command));
