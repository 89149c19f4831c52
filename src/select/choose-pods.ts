import type { V1LabelSelector, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';

/** A pod can be dumped only while it runs and is not going away. */
export function isLivePod(pod: V1Pod): boolean {
  return pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp;
}

export function isPodReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function revisionOf(rs: V1ReplicaSet): number {
  const value = Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision']);
  return Number.isFinite(value) ? value : -1;
}

function createdAt(pod: V1Pod): number {
  const t = pod.metadata?.creationTimestamp;
  return t ? new Date(t).getTime() : 0;
}

function ownedBy(pod: V1Pod, uid: string | undefined): boolean {
  return !!uid && (pod.metadata?.ownerReferences ?? []).some((o) => o.uid === uid);
}

/** Orders candidate pods for a purpose: live ones to dump, or stuck ones to explain. */
export type PodRanker = (pods: V1Pod[], preferred?: (pod: V1Pod) => boolean) => V1Pod[];

/**
 * A pod that never started its JVM, or whose JVM is gone: Pending (unschedulable, image not pulled, init
 * containers), Failed or Unknown; not one being deleted (an old revision going away explains nothing).
 */
export function isStuckPod(pod: V1Pod): boolean {
  return !isLivePod(pod) && !pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** `keep`'s pods, `preferred` ones first, then (with `readyFirst`) ready before unready, then the newest. */
function ranked(pods: V1Pod[], keep: (pod: V1Pod) => boolean, preferred: (pod: V1Pod) => boolean, readyFirst: boolean): V1Pod[] {
  return pods
    .filter(keep)
    .map((pod) => ({ pod, group: preferred(pod) ? 0 : 1, ready: readyFirst && !isPodReady(pod) ? 1 : 0, created: createdAt(pod) }))
    .sort(
      (a, b) =>
        a.group - b.group ||
        a.ready - b.ready ||
        b.created - a.created ||
        (a.pod.metadata?.name ?? '').localeCompare(b.pod.metadata?.name ?? ''),
    )
    .map((x) => x.pod);
}

/** Stuck pods whose state and events say why there is no live pod: `preferred` ones (the new revision's) first, newest first. */
export const rankStuckPods: PodRanker = (pods, preferred = () => false) => ranked(pods, isStuckPod, preferred, false);

/**
 * Orders live pods for dumping. Pods in `preferred` come first: during a failed rollout those are the new
 * ReplicaSet's pods, which are the interesting ones even (especially) when not Ready. Within a group,
 * ready pods first, then the newest.
 */
export const rankLivePods: PodRanker = (pods, preferred = () => false) => ranked(pods, isLivePod, preferred, true);

/** For a Deployment: pods of the newest ReplicaSet (by revision) first, then pods of older ones. */
export function choosePodsForDeployment(
  pods: V1Pod[],
  replicaSets: V1ReplicaSet[],
  deploymentUid: string | undefined,
  maxPods: number,
  newRevisionOnly = false,
  rank: PodRanker = rankLivePods,
): V1Pod[] {
  const ours = replicaSets.filter((rs) => !deploymentUid || ownedBy(rs as V1Pod, deploymentUid));
  const newest = [...ours].sort((a, b) => revisionOf(b) - revisionOf(a))[0];
  // After a failed rollout only the new revision's pods answer why it failed: never an old healthy one instead.
  const oursUids = new Set((newRevisionOnly ? [newest] : ours).map((rs) => rs?.metadata?.uid).filter(Boolean));
  const candidates = pods.filter((p) => (p.metadata?.ownerReferences ?? []).some((o) => oursUids.has(o.uid)));
  return rank(candidates, (pod) => ownedBy(pod, newest?.metadata?.uid)).slice(0, maxPods);
}

/** For a StatefulSet: pods at the update revision first (the rollout's new pods). */
export function choosePodsForStatefulSet(
  pods: V1Pod[],
  ownerUid: string | undefined,
  updateRevision: string | undefined,
  maxPods: number,
  newRevisionOnly = false,
  rank: PodRanker = rankLivePods,
): V1Pod[] {
  const atUpdate = (pod: V1Pod) => !!updateRevision && pod.metadata?.labels?.['controller-revision-hash'] === updateRevision;
  const candidates = pods.filter((p) => (!ownerUid || ownedBy(p, ownerUid)) && (!newRevisionOnly || atUpdate(p)));
  return rank(candidates, atUpdate).slice(0, maxPods);
}

export function choosePodsForOwner(pods: V1Pod[], ownerUid: string | undefined, maxPods: number, rank: PodRanker = rankLivePods): V1Pod[] {
  return rank(pods.filter((p) => !ownerUid || ownedBy(p, ownerUid))).slice(0, maxPods);
}

/** Renders a LabelSelector as the `labelSelector` query string the API takes. */
export function labelSelectorToString(selector: V1LabelSelector | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const expr of selector?.matchExpressions ?? []) {
    const values = (expr.values ?? []).join(',');
    switch (expr.operator) {
      case 'In':
        parts.push(`${expr.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${expr.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(expr.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${expr.key}`);
        break;
      default:
        throw new Error(`unsupported label selector operator '${expr.operator}'`);
    }
  }
  return parts.join(',');
}

/** Explains why nothing could be chosen, for an error message that says what to look at. */
export function describeNoLivePods(pods: V1Pod[]): string {
  if (pods.length === 0) return 'no pods exist for it';
  const phases = pods.map((p) => `${p.metadata?.name} (${p.metadata?.deletionTimestamp ? 'Terminating' : (p.status?.phase ?? 'Unknown')})`);
  return `none of its ${pods.length} pod(s) is Running: ${phases.slice(0, 10).join(', ')}`;
}
