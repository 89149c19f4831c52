import type { V1Pod } from '@kubernetes/client-node';
import type { Cluster } from '../kube/client.js';
import { apiErrorCode, apiErrorMessage } from '../kube/status.js';
import { describeTarget, type TargetSpec } from '../inputs/settings.js';
import {
  choosePodsForDeployment,
  choosePodsForOwner,
  choosePodsForStatefulSet,
  describeNoLivePods,
  isLivePod,
  labelSelectorToString,
  rankLivePods,
  rankStuckPods,
} from './choose-pods.js';

export class TargetError extends Error {
  /** When no pod is live: the target's stuck pods (Pending, Failed), best first, whose state and events say why. */
  readonly stuck: V1Pod[];
  constructor(message: string, stuck: V1Pod[] = []) {
    super(message);
    this.stuck = stuck;
  }
}

async function read<T>(what: string, ns: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (apiErrorCode(err) === 404) throw new TargetError(`${what} not found in namespace '${ns}'. Check the name and the namespace input.`);
    if (apiErrorCode(err) === 403)
      throw new TargetError(
        `Not allowed to read ${what} in namespace '${ns}' (${apiErrorMessage(err)}). Grant get/list on it (see the README's RBAC).`,
      );
    throw new TargetError(`Reading ${what} in namespace '${ns}' failed: ${apiErrorMessage(err)}`);
  }
}

/** Finds the live pods to dump, best first, at most maxPods; with newRevisionOnly, only the rollout's new pods. */
export async function resolvePods(cluster: Cluster, target: TargetSpec, maxPods: number, newRevisionOnly = false): Promise<V1Pod[]> {
  const ns = cluster.namespace;
  const listPods = (labelSelector: string) =>
    read(`pods matching '${labelSelector}'`, ns, () => cluster.core.listNamespacedPod({ namespace: ns, labelSelector })).then(
      (l) => l.items,
    );
  const none = (selector: string, pods: V1Pod[], stuck: V1Pod[]) =>
    new TargetError(
      `No live pod for ${describeTarget(target)} in namespace '${ns}' (selector '${selector}'): ${describeNoLivePods(pods)}.`,
      stuck,
    );

  switch (target.kind) {
    case 'pod': {
      const pod = await read(`pod '${target.name}'`, ns, () => cluster.core.readNamespacedPod({ name: target.name, namespace: ns }));
      if (!isLivePod(pod))
        throw new TargetError(
          `Pod '${target.name}' in namespace '${ns}' is not running (${pod.metadata?.deletionTimestamp ? 'Terminating' : pod.status?.phase}).`,
          rankStuckPods([pod]),
        );
      return [pod];
    }
    case 'selector': {
      const pods = await listPods(target.selector);
      const chosen = rankLivePods(pods).slice(0, maxPods);
      if (chosen.length === 0) throw none(target.selector, pods, rankStuckPods(pods).slice(0, maxPods));
      return chosen;
    }
    case 'deployment': {
      const d = await read(`deployment '${target.name}'`, ns, () =>
        cluster.apps.readNamespacedDeployment({ name: target.name, namespace: ns }),
      );
      const selector = labelSelectorToString(d.spec?.selector);
      const [pods, rss] = await Promise.all([
        listPods(selector),
        read(`replicasets of deployment '${target.name}'`, ns, () =>
          cluster.apps.listNamespacedReplicaSet({ namespace: ns, labelSelector: selector }),
        ).then((l) => l.items),
      ]);
      const chosen = choosePodsForDeployment(pods, rss, d.metadata?.uid, maxPods, newRevisionOnly);
      if (chosen.length === 0)
        throw none(selector, pods, choosePodsForDeployment(pods, rss, d.metadata?.uid, maxPods, newRevisionOnly, rankStuckPods));
      return chosen;
    }
    case 'statefulset': {
      const s = await read(`statefulset '${target.name}'`, ns, () =>
        cluster.apps.readNamespacedStatefulSet({ name: target.name, namespace: ns }),
      );
      const selector = labelSelectorToString(s.spec?.selector);
      const pods = await listPods(selector);
      const pick = (rank = rankLivePods) =>
        choosePodsForStatefulSet(pods, s.metadata?.uid, s.status?.updateRevision, maxPods, newRevisionOnly, rank);
      const chosen = pick();
      if (chosen.length === 0) throw none(selector, pods, pick(rankStuckPods));
      return chosen;
    }
    case 'daemonset': {
      const s = await read(`daemonset '${target.name}'`, ns, () =>
        cluster.apps.readNamespacedDaemonSet({ name: target.name, namespace: ns }),
      );
      const selector = labelSelectorToString(s.spec?.selector);
      const pods = await listPods(selector);
      const chosen = choosePodsForOwner(pods, s.metadata?.uid, maxPods);
      if (chosen.length === 0) throw none(selector, pods, choosePodsForOwner(pods, s.metadata?.uid, maxPods, rankStuckPods));
      return chosen;
    }
  }
}
