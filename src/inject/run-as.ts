import type { V1Pod } from '@kubernetes/client-node';

export interface RunAsDecision {
  uid?: number;
  gid?: number;
  /**
   * Where uid/gid came from. 'detect': unknown until the debugger runs; it starts as root and reads /proc.
   * 'scout': read from /proc by an unprivileged debugger (a running one of ours, or a new scout), when the pod forbids root.
   */
  source: 'input' | 'container securityContext' | 'pod securityContext' | 'container status' | 'scout' | 'detect';
}

/**
 * Whether a root debugger would be refused: an ephemeral container inherits the pod's securityContext, not
 * the target container's, so only the pod-level runAsNonRoot applies to it.
 */
export function requiresNonRoot(pod: V1Pod): boolean {
  return pod.spec?.securityContext?.runAsNonRoot ?? false;
}

/**
 * The uid/gid the debugger should run as. HotSpot's attach listener accepts only a peer with the JVM's
 * euid and egid (JDK 8 rejects even root), so we copy the target's ids; an explicit input wins, since
 * the user may know better than a spec the image's USER overrides.
 */
export function chooseRunAs(pod: V1Pod, container: string, input: { uid?: number; gid?: number }): RunAsDecision {
  if (input.uid !== undefined) return { uid: input.uid, gid: input.gid, source: 'input' };
  const c = pod.spec?.containers.find((x) => x.name === container);
  const fromContainer = c?.securityContext?.runAsUser;
  const fromPod = pod.spec?.securityContext?.runAsUser;
  const gidFromSpec = input.gid ?? c?.securityContext?.runAsGroup ?? pod.spec?.securityContext?.runAsGroup;
  // KEP-3619: newer clusters report the ids the process really got.
  const reported = pod.status?.containerStatuses?.find((s) => s.name === container)?.user?.linux;
  if (fromContainer !== undefined) return { uid: fromContainer, gid: gidFromSpec ?? reported?.gid, source: 'container securityContext' };
  if (fromPod !== undefined) return { uid: fromPod, gid: gidFromSpec ?? reported?.gid, source: 'pod securityContext' };
  if (reported?.uid !== undefined) return { uid: reported.uid, gid: gidFromSpec ?? reported.gid, source: 'container status' };
  return { gid: gidFromSpec, source: 'detect' };
}

/** The debugger's own securityContext ids: fixed ids when known, root when they must be detected in the pod. */
export function debuggerIdentity(
  decision: RunAsDecision,
  nonRootRequired: boolean,
): { runAsUser?: number; runAsGroup?: number; root: boolean } {
  if (decision.uid !== undefined) return { runAsUser: decision.uid, runAsGroup: decision.gid, root: decision.uid === 0 };
  if (nonRootRequired) {
    throw new Error(
      "The pod requires a non-root user (runAsNonRoot) but neither its spec nor its status tells the JVM's uid, " +
        "so the debugger cannot start as root to find it. Set 'run-as-user' and 'run-as-group' to the JVM's ids " +
        '(`kubectl exec POD -c CONTAINER -- id` shows them).',
    );
  }
  return { runAsUser: 0, runAsGroup: decision.gid ?? 0, root: true };
}
