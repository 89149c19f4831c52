// A pod with no JVM to dump (Pending, Failed): its state, events and logs are the only evidence of why the
// workload has no live pod (an image that cannot be pulled, no node with room, an init container failing).
import type { V1Pod } from '@kubernetes/client-node';
import { chooseContainer, containerNotRunningReason, statusNotRunningReason } from '../select/choose-container.js';
import type { PodResult } from '../shared/model.js';
import { collectPodContext, type PodContextOptions } from './pod-context.js';
import { unscheduled } from './pod-facts.js';
import { controllerOf } from './plan.js';

/** Why no JVM runs in `pod`, for its error record: the scheduler's reason, else the container's state. */
export function whyNoJvm(pod: V1Pod, container: string | undefined): string {
  const name = pod.metadata?.name ?? '?';
  const phase = pod.metadata?.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? 'Unknown');
  // An init container that has not completed holds every app container back: it is the reason, not theirs.
  const init = pod.status?.initContainerStatuses?.find((s) => s.state?.terminated?.exitCode !== 0);
  const why =
    unscheduled(pod) ??
    (init ? `init ${statusNotRunningReason(init, init.name) ?? `container '${init.name}' is running`}` : undefined) ??
    (container ? containerNotRunningReason(pod, container) : undefined);
  return `Pod ${name} is ${phase}${why ? ` (${why})` : ''}: no JVM runs in it.`;
}

/** The pod as a result with no JVM: its context (never throws) and one error that says why. */
export async function explainStuckPod(pod: V1Pod, requestedContainer: string | undefined, o: PodContextOptions): Promise<PodResult> {
  let container: string | undefined;
  try {
    container = chooseContainer(pod, requestedContainer);
  } catch {
    // Several containers and none named: the context lists each one's state.
  }
  return {
    namespace: o.cluster.namespace,
    pod: pod.metadata?.name ?? '?',
    container: container ?? '',
    node: pod.spec?.nodeName,
    owner: controllerOf(pod),
    jvms: [],
    errors: [{ stage: 'target', message: o.scrub(whyNoJvm(pod, container)) }],
    timingsMs: {},
    context: await collectPodContext(pod, o),
    stuck: true,
  };
}
