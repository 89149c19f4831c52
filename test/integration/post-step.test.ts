// when: job-failure as the runner runs it: the bundle as a main step (arms: checks, saves state, no dump), then
// as the post step with the runner's post-step environment (STATE_* from the main step's GITHUB_STATE): dumps,
// uploads and summarises. A main step that did not arm leaves its post step idle.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { makeDeployment, makeReplicaSet, startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver/index.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service/service.mjs';
import { startSimpleJvm, type LocalJvm } from './support/local-jvm.js';
import {
  ephemeralPatches,
  installGuardedShell,
  jvmContainer,
  seedPodFor,
  stopFakeCluster,
  type ExecGuard,
} from './support/engine-fixtures.js';

const NS = 'prod';
let jvm: LocalJvm;
let service: ArtifactService;
let api: FakeApiServer | undefined;
let guard: ExecGuard;
const temps: string[] = [];

beforeAll(async () => {
  [jvm, service] = await Promise.all([startSimpleJvm(), startArtifactService()]);
}, 90_000);
afterAll(async () => {
  await Promise.all([jvm?.stop(), service?.stop()]);
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});
afterEach(async () => {
  await stopFakeCluster(api, guard);
  api = undefined;
});

async function cluster(): Promise<FakeApiServer> {
  api = await startFakeApiServer({ kubelet: { delayMs: 20 } });
  guard = installGuardedShell(api);
  const d = api.store.put(makeDeployment({ name: 'web', namespace: NS, containers: [jvmContainer()] }));
  const rs = api.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: 'abc12' }));
  api.store.put(seedPodFor(rs, { name: 'web-abc12-xxxxx' }));
  return api;
}

async function step(inputs: Record<string, string>, state: Record<string, string> = {}): Promise<ActionRun> {
  const env: Record<string, string> = { ...service.env };
  for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
  const run = await runAction(
    {
      kubeconfig: api!.kubeconfigYaml({ namespace: NS }),
      target: 'deployment/web',
      'jvm-pid': String(jvm.pid),
      'jdk-image': 'eclipse-temurin:17-jdk',
      dumps: 'threads',
      'thread-dump-count': '1',
      timeout: '60s',
      ...inputs,
    },
    env,
    120_000,
  );
  temps.push(run.runnerTemp);
  expect(guard.violations).toEqual([]);
  return run;
}

describe('when: job-failure', () => {
  it('the main step arms (cluster and target checked, nothing dumped); the post step of the failed job dumps', async () => {
    const server = await cluster();
    const main = await step({ when: 'job-failure', 'artifact-name': 'armed' });
    expect([main.code, main.stderr]).toEqual([0, '']);
    expect(main.stdout).toContain('Armed: deployment/web in prod answers (web-abc12-xxxxx)');
    expect(main.state).toEqual({ isPost: 'true', armed: 'true' });
    expect(ephemeralPatches(server)).toEqual([]);
    expect(main.outputs).toEqual({});
    expect(main.summary).toBe('');

    // The runner runs the post step (post-if: failure()) with the same inputs and the saved state.
    const post = await step({ when: 'job-failure', 'artifact-name': 'armed' }, main.state);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('The job failed: dumping now');
    expect(ephemeralPatches(server)).toHaveLength(1);
    expect(post.outputs.outcome).toBe('success');
    expect(post.outputs['artifact-name']).toBe('armed');
    expect(service.uploads().some((u) => u.name === 'armed' && u.finalized)).toBe(true);
    expect(post.summary).toContain('web-abc12-xxxxx');
  }, 180_000);

  it('arming fails the step when the target does not answer; a step that did not arm leaves its post step idle', async () => {
    const server = await cluster();
    const bad = await step({ when: 'job-failure', target: 'deployment/missing' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::when: job-failure could not arm: deployment 'missing' not found/);
    expect(bad.state).toEqual({ isPost: 'true' });

    // when: now failed earlier in the job: the post step (post-if: failure()) must not dump again.
    const before = server.requests.length;
    const idle = await step({}, { isPost: 'true' });
    expect([idle.code, idle.stdout, idle.outputs]).toEqual([0, '', {}]);
    expect(server.requests.length).toBe(before);
  }, 180_000);

  it('a bad value is refused', async () => {
    await cluster();
    const r = await step({ when: 'later' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Input 'when' must be now or job-failure, got 'later'.");
  }, 60_000);
});
