// wait-for-rollout against the fake apiserver: complete (nothing dumped), ProgressDeadlineExceeded (only the new
// revision's pod dumped, not the old healthy one), a crash-looping new pod (failed at once), and the timeout.
import { describe, expect, it } from '@jest/globals';
import { makeDeployment, makeReplicaSet, type FakeApiServer, type Json } from '../support/fake-apiserver/index.js';
import { rolloutVerdict } from '../../src/analyse/rollout-verdict.js';
import { jvmContainer, seedPodFor } from './support/engine-fixtures.js';
import { engineSuite, seedInputs } from './support/engine-suite.js';

const NS = 'shop';
const suite = engineSuite('kjd-rollout-it-', NS, (jvm) => ({
  ...seedInputs(jvm),
  target: 'deployment/checkout',
  'wait-for-rollout': 'true',
  dumps: 'threads',
  'thread-dump-count': '1',
}));
const { start, engine: run } = suite;

/** Revision 2 of checkout rolling out: the old pod Ready (and newer, so only the revision can tell them apart), the new one not. */
function rollingOut(server: FakeApiServer, o: { deadline?: boolean; newStatuses?: Json[] } = {}) {
  const d = makeDeployment({
    name: 'checkout',
    namespace: NS,
    revision: 2,
    containers: [jvmContainer()],
    replicas: 1,
    readyReplicas: 1,
    updatedReplicas: 1,
  });
  d.status.replicas = 2;
  d.status.availableReplicas = 1;
  d.status.conditions = [
    o.deadline
      ? {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "checkout-new22" has timed out progressing.',
        }
      : { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "checkout-new22" is progressing.' },
  ];
  const stored = server.store.put(d);
  const oldRs = server.store.put(makeReplicaSet({ deployment: stored, revision: 1, podTemplateHash: 'old11' }));
  const newRs = server.store.put(makeReplicaSet({ deployment: stored, revision: 2, podTemplateHash: 'new22' }));
  server.store.put(seedPodFor(oldRs, { name: 'checkout-old11-aaaaa', ready: true, creationTimestamp: new Date() }));
  server.store.put(
    seedPodFor(newRs, {
      name: 'checkout-new22-bbbbb',
      ready: false,
      creationTimestamp: new Date(Date.now() - 60_000),
      ...(o.newStatuses ? { containerStatuses: o.newStatuses } : {}),
    }),
  );
  return stored;
}

describe('wait-for-rollout', () => {
  it('a rollout that completes while waiting: complete, nothing dumped', async () => {
    const server = await start();
    const d = rollingOut(server);
    // The rollout completes 3 s after the wait's first read (not after this line: the engine's start-up varies).
    let timer: NodeJS.Timeout | undefined;
    server.faults.intercept = (q) => {
      if (!timer && q.method === 'GET' && q.path.endsWith('/deployments/checkout')) {
        timer = setTimeout(
          () => server.store.put({ ...d, status: { ...d.status, replicas: 1, availableReplicas: 1, conditions: [] } }),
          3_000,
        );
      }
      return undefined;
    };
    const r = await run({ 'rollout-timeout': '30s' });
    expect(r.manifest.rollout).toMatchObject({ status: 'complete' });
    expect(r.manifest.rollout!.waitedMs).toBeGreaterThanOrEqual(2_500);
    expect(r.manifest.pods).toEqual([]);
    expect(server.execs).toEqual([]);
    expect(r.progress).toContain('deployment/checkout: 1 old replicas are pending termination');
  }, 60_000);

  it('with dump-on-success, a complete rollout is dumped too', async () => {
    const server = await start();
    const d = rollingOut(server);
    server.store.put({ ...d, status: { ...d.status, replicas: 1, availableReplicas: 1, conditions: [] } });
    const r = await run({ 'dump-on-success': 'true' });
    expect(r.manifest.rollout?.status).toBe('complete');
    expect(r.manifest.pods).toHaveLength(1);
    expect(r.report.outcome).toBe('success');
  }, 60_000);

  it('ProgressDeadlineExceeded: failed at once, and only the new revision is dumped (not the old Ready pod)', async () => {
    const server = await start();
    rollingOut(server, { deadline: true });
    // Room for two pods: the old one is left out by the revision, not by the count.
    const r = await run({ 'max-pods': '2' });
    expect(r.manifest.rollout).toMatchObject({
      status: 'failed',
      reason: 'ProgressDeadlineExceeded: ReplicaSet "checkout-new22" has timed out progressing.',
    });
    expect(r.elapsedMs).toBeLessThan(30_000);
    expect(r.manifest.pods.map((p) => p.pod)).toEqual(['checkout-new22-bbbbb']);
    expect(r.report.outcome).toBe('success');
    expect(rolloutVerdict(r.manifest, [])?.text).toMatch(
      /^Rollout of deployment\/checkout failed \(ProgressDeadlineExceeded\): new pod checkout-new22-bbbbb Running, not Ready/,
    );
  }, 60_000);

  it('a crash-looping new pod fails the rollout before any deadline, with exit code and restarts', async () => {
    const server = await start();
    server.faults.exec = 'forbidden';
    rollingOut(server, {
      newStatuses: [
        {
          name: 'app',
          image: 'x',
          imageID: '',
          ready: false,
          restartCount: 3,
          started: false,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-01-01T10:00:00Z' } },
        },
      ],
    });
    const r = await run({ 'rollout-timeout': '5m' });
    expect(r.manifest.rollout).toMatchObject({
      status: 'failed',
      reason: 'new pod checkout-new22-bbbbb crash-looping (exit 137 OOMKilled, 3 restarts)',
    });
    expect(r.elapsedMs).toBeLessThan(30_000);
    expect(r.manifest.pods.map((p) => p.pod)).toEqual(['checkout-new22-bbbbb']);
    expect(rolloutVerdict(r.manifest, [])?.text).toMatch(
      /^Rollout of deployment\/checkout failed \(new pod checkout-new22-bbbbb crash-looping \(exit 137 OOMKilled, 3 restarts\)\): new pod checkout-new22-bbbbb crash-looping: exit 137 OOMKilled, 3 restarts/,
    );
  }, 60_000);

  it('a new pod that never becomes Ready: failed at rollout-timeout', async () => {
    const server = await start();
    rollingOut(server);
    const r = await run({ 'rollout-timeout': '10s' });
    expect(r.manifest.rollout).toMatchObject({ status: 'failed', reason: 'timed out after 10s: 1 old replicas are pending termination' });
    expect(r.manifest.rollout!.waitedMs).toBeGreaterThanOrEqual(8_000);
    expect(r.manifest.rollout!.waitedMs).toBeLessThan(12_000);
    expect(r.manifest.pods.map((p) => p.pod)).toEqual(['checkout-new22-bbbbb']);
  }, 60_000);
});
