// The workload's rollout, judged as `kubectl rollout status` judges it (observedGeneration, updated / ready /
// available replicas, the Progressing condition), at one moment: the dump's, or each step of a wait.
import type { V1DaemonSet, V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import type { Cluster } from '../kube/client.js';
import type { WorkloadState } from '../shared/model.js';
import type { TargetSpec } from '../inputs/settings.js';

export type Workload =
  | { kind: 'deployment'; object: V1Deployment }
  | { kind: 'statefulset'; object: V1StatefulSet }
  | { kind: 'daemonset'; object: V1DaemonSet };

type Judged = Pick<WorkloadState, 'status' | 'reason'>;

const waiting = (reason: string): Judged => ({ status: 'progressing', reason });

/** kubectl's DeploymentStatusViewer, with the deadline as a failure. */
export function deploymentRollout(d: V1Deployment): Judged {
  const s = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) return waiting('waiting for the deployment spec update to be observed');
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { status: 'failed', reason: `ProgressDeadlineExceeded${progressing.message ? `: ${progressing.message}` : ''}` };
  }
  // The ReplicaSet could not create a pod (quota, admission, a missing ServiceAccount): no pod will say why, only
  // this condition. Not a failure by itself: under a tight quota a surge pod waits for an old one to go.
  const replicaFailure = s.conditions?.find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
  const why = replicaFailure
    ? ` (ReplicaFailure${replicaFailure.reason ? ` ${replicaFailure.reason}` : ''}${replicaFailure.message ? `: ${replicaFailure.message}` : ''})`
    : '';
  const desired = d.spec?.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  if (updated < desired) return waiting(`${updated} of ${desired} new replicas have been updated${why}`);
  if ((s.replicas ?? 0) > updated) return waiting(`${(s.replicas ?? 0) - updated} old replicas are pending termination`);
  if ((s.availableReplicas ?? 0) < updated) return waiting(`${s.availableReplicas ?? 0} of ${updated} updated replicas are available`);
  return { status: 'complete' };
}

/** kubectl's StatefulSetStatusViewer (RollingUpdate; a partition counts only the pods above it). */
export function statefulSetRollout(sts: V1StatefulSet): Judged {
  const s = sts.status ?? { replicas: 0 };
  if (!s.observedGeneration || (sts.metadata?.generation ?? 0) > s.observedGeneration) {
    return waiting('waiting for the statefulset spec update to be observed');
  }
  const desired = sts.spec?.replicas ?? 1;
  if ((s.readyReplicas ?? 0) < desired) return waiting(`${s.readyReplicas ?? 0} of ${desired} pods are ready`);
  const partition = sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  if (partition > 0) {
    const expected = desired - partition;
    return (s.updatedReplicas ?? 0) < expected
      ? waiting(`${s.updatedReplicas ?? 0} of ${expected} pods above the partition are updated`)
      : { status: 'complete' };
  }
  if (s.updateRevision && s.updateRevision !== s.currentRevision) {
    return waiting(`${s.updatedReplicas ?? 0} of ${desired} pods are at revision ${s.updateRevision}`);
  }
  return { status: 'complete' };
}

/** kubectl's DaemonSetStatusViewer. */
export function daemonSetRollout(ds: V1DaemonSet): Judged {
  const s = ds.status;
  if (!s || (ds.metadata?.generation ?? 0) > (s.observedGeneration ?? 0))
    return waiting('waiting for the daemonset spec update to be observed');
  const updated = s.updatedNumberScheduled ?? 0;
  if (updated < s.desiredNumberScheduled) return waiting(`${updated} of ${s.desiredNumberScheduled} new pods have been updated`);
  if ((s.numberAvailable ?? 0) < s.desiredNumberScheduled) {
    return waiting(`${s.numberAvailable ?? 0} of ${s.desiredNumberScheduled} updated pods are available`);
  }
  return { status: 'complete' };
}

export function workloadState(w: Workload): WorkloadState {
  const name = w.object.metadata?.name ?? '';
  switch (w.kind) {
    case 'deployment': {
      const s = w.object.status ?? {};
      return {
        kind: w.kind,
        name,
        ...deploymentRollout(w.object),
        revision: w.object.metadata?.annotations?.['deployment.kubernetes.io/revision'],
        replicas: {
          desired: w.object.spec?.replicas ?? 1,
          updated: s.updatedReplicas ?? 0,
          ready: s.readyReplicas ?? 0,
          available: s.availableReplicas ?? 0,
        },
      };
    }
    case 'statefulset': {
      const s = w.object.status;
      return {
        kind: w.kind,
        name,
        ...statefulSetRollout(w.object),
        revision: s?.updateRevision,
        replicas: {
          desired: w.object.spec?.replicas ?? 1,
          updated: s?.updatedReplicas ?? 0,
          ready: s?.readyReplicas ?? 0,
          available: s?.availableReplicas ?? 0,
        },
      };
    }
    case 'daemonset': {
      const s = w.object.status;
      return {
        kind: w.kind,
        name,
        ...daemonSetRollout(w.object),
        replicas: {
          desired: s?.desiredNumberScheduled ?? 0,
          updated: s?.updatedNumberScheduled ?? 0,
          ready: s?.numberReady ?? 0,
          available: s?.numberAvailable ?? 0,
        },
      };
    }
  }
}

/** The target's workload object; undefined for a pod or a selector target. Throws the API's error. */
export async function readWorkload(cluster: Cluster, target: TargetSpec): Promise<Workload | undefined> {
  const args = { namespace: cluster.namespace, name: target.kind === 'selector' ? '' : target.name };
  switch (target.kind) {
    case 'deployment':
      return { kind: 'deployment', object: await cluster.apps.readNamespacedDeployment(args) };
    case 'statefulset':
      return { kind: 'statefulset', object: await cluster.apps.readNamespacedStatefulSet(args) };
    case 'daemonset':
      return { kind: 'daemonset', object: await cluster.apps.readNamespacedDaemonSet(args) };
    default:
      return undefined;
  }
}
