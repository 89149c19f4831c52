// The set-up an e2e file needs to run the bundled action: the cluster check, a local artifact service for the
// file, the cleanup hooks, and `dump`, which runs the action as a workflow step would and keeps its runner temp
// until the end of the test. Call e2eActionFile at the top level of a test file (it registers jest hooks).
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { runAction, type ActionRun } from '../../support/run-action.js';
import { startArtifactService, type ArtifactService } from './artifacts.js';
import { fileCleanup, testCleanup } from './cleanup.js';
import { actionKubeconfig, DEBUGGER_IMAGE, NS, requireCluster } from './cluster.js';

export type DumpRun = ActionRun & { artifactName: string };

export interface E2eActionFile {
  /** The file's artifact service (set once beforeAll has run). */
  service(): ArtifactService;
  dump(inputs: Record<string, string>, onStdout?: (soFar: string, pid: number) => void): Promise<DumpRun>;
}

/** Inputs every e2e run shares; `inputs` of a run override them. */
export function baseInputs(artifactName: string): Record<string, string> {
  return {
    kubeconfig: actionKubeconfig(),
    namespace: NS,
    'jdk-image': DEBUGGER_IMAGE,
    'image-pull-policy': 'Never',
    'thread-dump-count': '2',
    'thread-dump-interval': '1s',
    timeout: '3m',
    'artifact-name': artifactName,
  };
}

export function e2eActionFile(prefix: string): E2eActionFile {
  let service: ArtifactService | undefined;
  let runNo = 0;
  beforeAll(async () => {
    requireCluster();
    service = await startArtifactService();
    const started = service;
    fileCleanup.add('artifact service', () => started.stop());
  }, 60_000);
  // Whatever a test created was registered when it was created: deleted, awaited.
  afterEach(() => testCleanup.drain());
  afterAll(() => fileCleanup.drain());

  const current = () => {
    if (!service) throw new Error('the artifact service is not started yet (e2eActionFile runs in beforeAll)');
    return service;
  };
  return {
    service: current,
    async dump(inputs, onStdout) {
      const artifactName = `${prefix}-${++runNo}-${Date.now()}`;
      const run = await runAction({ ...baseInputs(artifactName), ...inputs }, current().env, 600_000, onStdout);
      testCleanup.add(`runner temp ${run.runnerTemp}`, () => rm(run.runnerTemp, { recursive: true, force: true }));
      process.stderr.write(
        `--- action (${inputs.target ?? inputs.selector}) exit ${run.code} in ${run.durationMs} ms\n${run.stdout}\n${run.stderr}\n`,
      );
      return { ...run, artifactName };
    },
  };
}
