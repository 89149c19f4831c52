// Pod resolution for every kind of target, through the real client against the fake API server.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  makeDaemonSet,
  makePod,
  makePodFor,
  makeStatefulSet,
  startFakeApiServer,
  type FakeApiServer,
} from '../support/fake-apiserver/index.js';
import { connect, type Cluster } from '../../src/kube/client.js';
import { resolvePods } from '../../src/select/resolve.js';
import { parseTarget } from '../../src/inputs/input-helper.js';

let api: FakeApiServer;
let cluster: Cluster;
const names = (pods: { metadata?: { name?: string } }[]) => pods.map((p) => p.metadata?.name);
const resolve = (target: string, maxPods = 5) =>
  resolvePods(cluster, target.startsWith('selector ') ? parseTarget('', target.slice(9)) : parseTarget(target, ''), maxPods);

beforeAll(async () => {
  api = await startFakeApiServer();
  cluster = connect({ from: 'content', yaml: api.kubeconfigYaml({ namespace: 'shop' }) }, undefined, undefined);
  const sts = api.store.put(
    makeStatefulSet({ name: 'db', namespace: 'shop', replicas: 2, currentRevision: 'db-aaa', updateRevision: 'db-bbb' }),
  );
  api.store.put(makePodFor(sts, { name: 'db-0', labels: { 'controller-revision-hash': 'db-aaa' } }));
  api.store.put(makePodFor(sts, { name: 'db-1', labels: { 'controller-revision-hash': 'db-bbb' }, ready: false }));
  const ds = api.store.put(makeDaemonSet({ name: 'agent', namespace: 'shop' }));
  api.store.put(makePodFor(ds, { name: 'agent-x' }));
  api.store.put(makePodFor(ds, { name: 'agent-gone', deletionTimestamp: new Date() }));
  // Same labels, another owner: a selector finds it, the DaemonSet target must not.
  api.store.put(makePod({ name: 'agent-impostor', namespace: 'shop', labels: { app: 'agent' } }));
  api.store.put(makePod({ name: 'lonely', namespace: 'shop', labels: { app: 'lonely' }, phase: 'Pending' }));
});
afterAll(async () => {
  await api?.stop();
});

describe('resolvePods', () => {
  it('uses the context namespace when none is given', () => {
    expect(cluster.namespace).toBe('shop');
  });
  it('statefulset: pods at the update revision first, ready or not', async () => {
    expect(names(await resolve('statefulset/db', 1))).toEqual(['db-1']);
    expect(names(await resolve('sts/db'))).toEqual(['db-1', 'db-0']);
  });
  it('daemonset: only its own live pods', async () => {
    expect(names(await resolve('ds/agent'))).toEqual(['agent-x']);
  });
  it('selector: any live pod matching', async () => {
    expect(names(await resolve('selector app=agent')).sort()).toEqual(['agent-impostor', 'agent-x']);
  });
  it('pod: a pod that is not running is a clear error', async () => {
    await expect(resolve('pod/lonely')).rejects.toThrow(/Pod 'lonely' in namespace 'shop' is not running \(Pending\)/);
    expect(names(await resolve('pod/agent-x'))).toEqual(['agent-x']);
  });
  it('nothing live: the error names the namespace, the selector and what the pods are doing', async () => {
    await expect(resolve('selector app=lonely')).rejects.toThrow(
      /No live pod for selector app=lonely in namespace 'shop' \(selector 'app=lonely'\): none of its 1 pod\(s\) is Running: lonely \(Pending\)/,
    );
    await expect(resolve('statefulset/nope')).rejects.toThrow(/statefulset 'nope' not found in namespace 'shop'/);
  });
});
