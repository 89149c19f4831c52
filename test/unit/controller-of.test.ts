// The pod's controller as the manifest keeps it (pod.owner): what tells replicas of one workload apart.
import { describe, expect, it } from '@jest/globals';
import type { V1Pod } from '@kubernetes/client-node';
import { controllerOf } from '../../src/collect/plan.js';

const withOwners = (ownerReferences: NonNullable<V1Pod['metadata']>['ownerReferences']): V1Pod => ({
  metadata: { name: 'p', ownerReferences },
});

describe('controllerOf', () => {
  it('the owner marked controller, as kind/name', () => {
    const pod = withOwners([
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'not-me', uid: '1' },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9c6f', uid: '2', controller: true },
    ]);
    expect(controllerOf(pod)).toBe('ReplicaSet/web-7d9c6f');
  });

  it('none for a bare pod or owners that do not control it', () => {
    expect(controllerOf({ metadata: { name: 'p' } })).toBeUndefined();
    expect(controllerOf(withOwners([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: '1', controller: false }]))).toBeUndefined();
  });
});
