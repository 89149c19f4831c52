// wait-for-rollout: watch the workload's rollout as `kubectl rollout status` does, and decide early when the new
// revision's pods crash-loop or cannot start. Polls (every 2 s): a few small GETs, and no watch permission on workloads needed.
import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import type { Cluster } from '../kube/client.js';
import { apiErrorMessage } from '../kube/status.js';
import type { TargetSpec } from '../inputs/settings.js';
import type { RolloutWait } from '../shared/model.js';
import { oneLine } from '../shared/text.js';
import { labelSelectorToString, revisionOf } from './choose-pods.js';
import { readWorkload, workloadState, type Workload } from './rollout.js';

const POLL_MS = 2_000;
/** A new pod restarted this often after a failure is crash-looping, even between two back-offs. */
const CRASH_RESTARTS = 2;

/** The new revision's pods: the newest ReplicaSet's (deployment) or those at the update revision (statefulset). */
export function newRevisionPods(w: Workload, pods: V1Pod[], replicaSets: V1ReplicaSet[]): V1Pod[] {
  const uid = w.object.metadata?.uid;
  const ownedBy = (o: { metadata?: { ownerReferences?: { uid: string }[] } }, owner?: string) =>
    !!owner && (o.metadata?.ownerReferences ?? []).some((r) => r.uid === owner);
  if (w.kind === 'deployment') {
    const newest = replicaSets.filter((rs) => ownedBy(rs, uid)).sort((a, b) => revisionOf(b) - revisionOf(a))[0];
    return pods.filter((p) => ownedBy(p, newest?.metadata?.uid));
  }
  if (w.kind === 'statefulset') {
    const rev = w.object.status?.updateRevision;
    return pods.filter((p) => ownedBy(p, uid) && (!rev || p.metadata?.labels?.['controller-revision-hash'] === rev));
  }
  return pods.filter((p) => ownedBy(p, uid));
}

/**
 * Waiting reasons that do not clear without a change on the user's side (a wrong image tag, a missing Secret): the
 * rollout cannot complete, so waiting out rollout-timeout only delays the evidence. Not ErrImagePull: a first pull
 * may fail for a moment; ImagePullBackOff follows when it keeps failing.
 */
const STUCK_WAITING = new Set(['ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName', 'CreateContainerConfigError']);
const MESSAGE_MAX = 200;

/**
 * Why a new pod will not become ready without a change, or undefined: a container (init ones included) crash-looping,
 * e.g. "new pod web-7d9c-x2 crash-looping (exit 137 OOMKilled, 3 restarts)", or stuck waiting, e.g. "new pod
 * web-7d9c-x2 container app ImagePullBackOff: Back-off pulling image ...".
 */
export function stuckReason(pods: V1Pod[]): string | undefined {
  for (const p of pods) {
    const statuses = [
      ...(p.status?.initContainerStatuses ?? []).map((s) => ({ s, init: true })),
      ...(p.status?.containerStatuses ?? []).map((s) => ({ s, init: false })),
    ];
    for (const { s, init } of statuses) {
      const t = s.lastState?.terminated;
      const looping = s.state?.waiting?.reason === 'CrashLoopBackOff' || (s.restartCount >= CRASH_RESTARTS && !!t && t.exitCode !== 0);
      if (looping) {
        const end = t ? `exit ${t.exitCode}${t.reason ? ` ${t.reason}` : ''}, ` : '';
        return `new pod ${p.metadata?.name} ${init ? `init container ${s.name} ` : ''}crash-looping (${end}${s.restartCount} restarts)`;
      }
      const w = s.state?.waiting;
      if (w?.reason && STUCK_WAITING.has(w.reason)) {
        const message = oneLine(w.message ?? '', MESSAGE_MAX);
        return `new pod ${p.metadata?.name} ${init ? 'init ' : ''}container ${s.name} ${w.reason}${message ? `: ${message}` : ''}`;
      }
    }
  }
  return undefined;
}

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  progress: (message: string) => void;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Waits until the rollout completes or fails (deadline exceeded, crash loop, timeout). Never throws for the cluster. */
export async function waitForRollout(cluster: Cluster, target: TargetSpec, o: WaitOptions): Promise<RolloutWait> {
  const started = Date.now();
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last = '';
  for (;;) {
    const waitedMs = () => Date.now() - started;
    let workload: Workload | undefined;
    try {
      workload = await readWorkload(cluster, target);
    } catch (err) {
      return { status: 'failed', reason: `reading the workload failed: ${apiErrorMessage(err)}`, waitedMs: waitedMs() };
    }
    if (!workload) return { status: 'failed', reason: 'wait-for-rollout needs a deployment, statefulset or daemonset target', waitedMs: 0 };
    const state = workloadState(workload);
    if (state.status === 'complete') return { status: 'complete', waitedMs: waitedMs() };
    if (state.status === 'failed') return { status: 'failed', reason: state.reason, waitedMs: waitedMs() };
    const stuck = await stuckPodOf(cluster, workload).catch(() => undefined);
    if (stuck) return { status: 'failed', reason: stuck, waitedMs: waitedMs() };
    if (state.reason && state.reason !== last) o.progress(`${state.kind}/${state.name}: ${state.reason}`);
    last = state.reason ?? '';
    if (o.signal?.aborted) return { status: 'failed', reason: 'cancelled while waiting for the rollout', waitedMs: waitedMs() };
    if (waitedMs() + POLL_MS > o.timeoutMs) {
      return {
        status: 'failed',
        reason: `timed out after ${Math.round(o.timeoutMs / 1000)}s: ${last || 'not complete'}`,
        waitedMs: waitedMs(),
      };
    }
    await sleep(POLL_MS);
  }
}

async function stuckPodOf(cluster: Cluster, w: Workload): Promise<string | undefined> {
  const ns = cluster.namespace;
  const labelSelector = labelSelectorToString(w.object.spec?.selector);
  const [pods, rss] = await Promise.all([
    cluster.core.listNamespacedPod({ namespace: ns, labelSelector }).then((l) => l.items),
    w.kind === 'deployment' ? cluster.apps.listNamespacedReplicaSet({ namespace: ns, labelSelector }).then((l) => l.items) : [],
  ]);
  return stuckReason(newRevisionPods(w, pods, rss));
}
