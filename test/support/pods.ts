// Small builders for pod-shaped test data (pure unit tests; the fake API server has its own).
import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';

export interface PodOptions {
  name: string;
  phase?: string;
  ready?: boolean;
  owner?: string;
  created?: string;
  terminating?: boolean;
  containers?: V1Pod['spec'] extends infer S ? (S extends { containers: infer C } ? C : never) : never;
  labels?: Record<string, string>;
}

export function pod(o: PodOptions): V1Pod {
  const containers = o.containers ?? [{ name: 'app', image: 'app:1' }];
  return {
    metadata: {
      name: o.name,
      namespace: 'default',
      uid: `uid-${o.name}`,
      labels: o.labels,
      creationTimestamp: new Date(o.created ?? '2026-01-01T00:00:00Z'),
      deletionTimestamp: o.terminating ? new Date('2026-01-02T00:00:00Z') : undefined,
      ownerReferences: o.owner
        ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.owner, uid: `uid-${o.owner}`, controller: true }]
        : undefined,
    },
    spec: { containers },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
      containerStatuses: containers.map((c) => ({
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        ready: o.ready !== false,
        restartCount: 0,
        state: { running: { startedAt: new Date() } },
      })),
    },
  };
}

export function replicaSet(name: string, revision: number, deploymentUid = 'uid-web'): V1ReplicaSet {
  return {
    metadata: {
      name,
      uid: `uid-${name}`,
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploymentUid, controller: true }],
    },
  };
}
