import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** The container to dump: the input, else the default-container annotation, else the only container. */
export function chooseContainer(pod: V1Pod, requested: string | undefined): string {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const podName = pod.metadata?.name ?? '?';
  if (requested) {
    if (names.includes(requested)) return requested;
    throw new Error(`Pod ${podName} has no container '${requested}'. Its containers: ${names.join(', ')}. Set 'container' to one of them.`);
  }
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && names.includes(annotated)) return annotated;
  if (names.length === 1) return names[0];
  throw new Error(
    `Pod ${podName} has ${names.length} containers (${names.join(', ')}) and no '${DEFAULT_CONTAINER_ANNOTATION}' annotation: set the 'container' input to the one running the JVM.`,
  );
}

/** Why the chosen container cannot be dumped right now, or undefined when it runs. */
export function containerNotRunningReason(pod: V1Pod, container: string): string | undefined {
  return statusNotRunningReason(
    pod.status?.containerStatuses?.find((s) => s.name === container),
    container,
  );
}

/** Why the container with `status` does not run, or undefined when it runs. */
export function statusNotRunningReason(status: V1ContainerStatus | undefined, container: string): string | undefined {
  if (!status) return `container '${container}' has no status yet`;
  if (status.state?.running) return undefined;
  const waiting = status.state?.waiting;
  if (waiting)
    return `container '${container}' is waiting (${waiting.reason ?? 'unknown'}${waiting.message ? `: ${waiting.message}` : ''})`;
  const terminated = status.state?.terminated;
  if (terminated) return `container '${container}' has terminated (${terminated.reason ?? 'exit ' + terminated.exitCode})`;
  return `container '${container}' is not running`;
}
