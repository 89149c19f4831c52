import { describe, expect, it } from '@jest/globals';
import {
  choosePodsForDeployment,
  choosePodsForStatefulSet,
  isStuckPod,
  labelSelectorToString,
  rankLivePods,
  rankStuckPods,
} from '../../src/select/choose-pods.js';
import { chooseContainer, containerNotRunningReason } from '../../src/select/choose-container.js';
import { pod, replicaSet } from '../support/pods.js';

const names = (pods: { metadata?: { name?: string } }[]) => pods.map((p) => p.metadata?.name);

describe('choosePodsForDeployment', () => {
  const rss = [replicaSet('web-old', 3), replicaSet('web-new', 4), replicaSet('other', 9, 'uid-someone-else')];
  it("prefers the newest ReplicaSet's running pods even when not ready (a failed rollout)", () => {
    const pods = [
      pod({ name: 'old-1', owner: 'web-old', ready: true }),
      pod({ name: 'new-1', owner: 'web-new', ready: false }),
      pod({ name: 'new-pending', owner: 'web-new', phase: 'Pending' }),
    ];
    expect(names(choosePodsForDeployment(pods, rss, 'uid-web', 1))).toEqual(['new-1']);
    expect(names(choosePodsForDeployment(pods, rss, 'uid-web', 5))).toEqual(['new-1', 'old-1']);
  });
  it('never picks Terminating or Pending pods, nor pods of a ReplicaSet it does not own', () => {
    const pods = [
      pod({ name: 'new-term', owner: 'web-new', terminating: true }),
      pod({ name: 'foreign', owner: 'other' }),
      pod({ name: 'old-1', owner: 'web-old' }),
    ];
    expect(names(choosePodsForDeployment(pods, rss, 'uid-web', 3))).toEqual(['old-1']);
    expect(choosePodsForDeployment([pod({ name: 'p', owner: 'web-new', phase: 'Pending' })], rss, 'uid-web', 3)).toEqual([]);
  });
  it('orders ready before unready, then newest first, within a group', () => {
    const pods = [
      pod({ name: 'a', owner: 'web-new', ready: false, created: '2026-01-01T00:00:03Z' }),
      pod({ name: 'b', owner: 'web-new', ready: true, created: '2026-01-01T00:00:01Z' }),
      pod({ name: 'c', owner: 'web-new', ready: true, created: '2026-01-01T00:00:02Z' }),
    ];
    expect(names(choosePodsForDeployment(pods, rss, 'uid-web', 3))).toEqual(['c', 'b', 'a']);
  });
});

describe('other workloads', () => {
  it('StatefulSet: pods at the update revision first', () => {
    const a = pod({ name: 'db-0', labels: { 'controller-revision-hash': 'db-1' } });
    const b = pod({ name: 'db-1', labels: { 'controller-revision-hash': 'db-2' }, ready: false });
    expect(names(choosePodsForStatefulSet([a, b], undefined, 'db-2', 2))).toEqual(['db-1', 'db-0']);
  });
  it('selector: live pods only', () => {
    expect(names(rankLivePods([pod({ name: 'x', phase: 'Succeeded' }), pod({ name: 'y' })]))).toEqual(['y']);
  });
  it('renders label selectors as the API takes them', () => {
    expect(
      labelSelectorToString({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=web,tier in (a,b),!canary');
  });
});

describe('chooseContainer', () => {
  const two = pod({
    name: 'p',
    containers: [
      { name: 'app', image: 'a' },
      { name: 'sidecar', image: 's' },
    ],
  });
  it('uses the input, the default-container annotation, or the only container', () => {
    expect(chooseContainer(two, 'sidecar')).toBe('sidecar');
    expect(
      chooseContainer(
        { ...two, metadata: { ...two.metadata, annotations: { 'kubectl.kubernetes.io/default-container': 'app' } } },
        undefined,
      ),
    ).toBe('app');
    expect(chooseContainer(pod({ name: 'q' }), undefined)).toBe('app');
  });
  it('lists the containers when it cannot choose', () => {
    expect(() => chooseContainer(two, undefined)).toThrow(/2 containers \(app, sidecar\).*set the 'container' input/);
    expect(() => chooseContainer(two, 'web')).toThrow(/no container 'web'. Its containers: app, sidecar/);
  });
  it('says why a container cannot be dumped', () => {
    const p = pod({ name: 'p' });
    p.status!.containerStatuses![0].state = { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m' } };
    expect(containerNotRunningReason(p, 'app')).toMatch(/waiting \(CrashLoopBackOff: back-off 5m\)/);
    expect(containerNotRunningReason(pod({ name: 'q' }), 'app')).toBeUndefined();
  });
});

describe('stuck pods, explained when no pod is live', () => {
  const rss = [replicaSet('web-old', 3), replicaSet('web-new', 4)];
  const pods = [
    pod({ name: 'old-pending', owner: 'web-old', phase: 'Pending', created: '2026-01-01T00:00:09Z' }),
    pod({ name: 'new-pending-1', owner: 'web-new', phase: 'Pending', created: '2026-01-01T00:00:01Z' }),
    pod({ name: 'new-pending-2', owner: 'web-new', phase: 'Pending', created: '2026-01-01T00:00:02Z' }),
    pod({ name: 'new-failed', owner: 'web-new', phase: 'Failed', created: '2026-01-01T00:00:00Z' }),
    pod({ name: 'new-done', owner: 'web-new', phase: 'Succeeded' }),
    pod({ name: 'new-term', owner: 'web-new', phase: 'Pending', terminating: true }),
    pod({ name: 'new-running', owner: 'web-new' }),
  ];
  it('the new revision first, newest first; not Running, Succeeded or Terminating pods', () => {
    expect(names(choosePodsForDeployment(pods, rss, 'uid-web', 9, false, rankStuckPods))).toEqual([
      'new-pending-2',
      'new-pending-1',
      'new-failed',
      'old-pending',
    ]);
    expect(names(choosePodsForDeployment(pods, rss, 'uid-web', 2, true, rankStuckPods))).toEqual(['new-pending-2', 'new-pending-1']);
  });
  it('isStuckPod: Pending, Failed, Unknown', () => {
    expect(pods.filter(isStuckPod).map((p) => p.metadata?.name)).toEqual(['old-pending', 'new-pending-1', 'new-pending-2', 'new-failed']);
    expect(isStuckPod(pod({ name: 'u', phase: 'Unknown' }))).toBe(true);
  });
});
