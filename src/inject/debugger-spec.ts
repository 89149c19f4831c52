import type { V1EphemeralContainer, V1Pod } from '@kubernetes/client-node';
import { DEBUGGER_EXPIRES_ENV, DEBUGGER_MARKER_ENV, TOOL_NAME } from '../shared/constants.js';
import type { PullPolicy } from '../inputs/settings.js';

export interface DebuggerRequest {
  name: string;
  image: string;
  pullPolicy: PullPolicy;
  targetContainer: string;
  ttlSeconds: number;
  /** Epoch seconds at which the debugger's process ends. */
  expiresAt: number;
  tmpVolume?: string;
  runAsUser?: number;
  runAsGroup?: number;
  /** Root debuggers read the JVM's ids from /proc and drop to them; they need setuid/setgid. */
  root: boolean;
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `<prefix>-<5 chars>`, unique among the pod's containers; `random` is injectable for tests. */
export function debuggerName(prefix: string, pod: V1Pod, random: () => number = Math.random): string {
  const taken = new Set(
    [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name),
  );
  for (;;) {
    let suffix = '';
    for (let i = 0; i < 5; i++) suffix += SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)];
    const name = `${prefix}-${suffix}`;
    if (!taken.has(name)) return name;
  }
}

/** The ephemeral container: only fields the API allows for ephemeral containers (no ports, resources, probes). */
export function buildDebuggerContainer(req: DebuggerRequest): V1EphemeralContainer {
  const nonRoot = !req.root && req.runAsUser !== undefined;
  return {
    name: req.name,
    image: req.image,
    imagePullPolicy: req.pullPolicy,
    targetContainerName: req.targetContainer,
    // A bounded sleep: the debugger ends by itself even if this run dies; ephemeral containers can't be removed.
    command: ['sleep', String(req.ttlSeconds)],
    env: [
      { name: DEBUGGER_MARKER_ENV, value: TOOL_NAME },
      { name: DEBUGGER_EXPIRES_ENV, value: String(req.expiresAt) },
    ],
    stdin: false,
    tty: false,
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: req.tmpVolume ? [{ name: req.tmpVolume, mountPath: '/tmp' }] : undefined,
    securityContext: {
      runAsUser: req.runAsUser,
      runAsGroup: req.runAsGroup,
      // Non-root debuggers fit Pod Security "restricted". A root one keeps the runtime's default capabilities:
      // reaching a root JVM's /proc/<pid>/root needs a superset of its capabilities (or SYS_PTRACE, which
      // baseline forbids), and dropping to the JVM's ids needs SETUID/SETGID.
      ...(nonRoot
        ? {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          }
        : { runAsNonRoot: false }),
    },
  };
}

/** The strategic merge patch that appends one ephemeral container and keeps the existing ones (merge key: name). */
export function ephemeralContainerPatch(container: V1EphemeralContainer): { spec: { ephemeralContainers: V1EphemeralContainer[] } } {
  return { spec: { ephemeralContainers: [container] } };
}

function envValue(c: V1EphemeralContainer, name: string): string | undefined {
  return c.env?.find((e) => e.name === name)?.value;
}

/** Our running debuggers of this image that see `target`'s processes, the longest-lived first. */
function runningDebuggers(pod: V1Pod, image: string, target: string): V1EphemeralContainer[] {
  const running = new Set((pod.status?.ephemeralContainerStatuses ?? []).filter((s) => s.state?.running).map((s) => s.name));
  return (pod.spec?.ephemeralContainers ?? [])
    .filter(
      (c) => envValue(c, DEBUGGER_MARKER_ENV) === TOOL_NAME && running.has(c.name) && c.image === image && c.targetContainerName === target,
    )
    .sort((a, b) => secondsLeft(b, 0) - secondsLeft(a, 0));
}

function secondsLeft(c: V1EphemeralContainer, nowSeconds: number): number {
  return Number(envValue(c, DEBUGGER_EXPIRES_ENV) ?? 0) - nowSeconds;
}

/** Whether a debugger runs as `want`'s identity with `want`'s /tmp mount (so it can attach as the JVM's user). */
export function debuggerFits(c: V1EphemeralContainer, want: Pick<DebuggerRequest, 'runAsUser' | 'runAsGroup' | 'tmpVolume'>): boolean {
  return (
    (c.securityContext?.runAsUser ?? undefined) === want.runAsUser &&
    (c.securityContext?.runAsGroup ?? undefined) === want.runAsGroup &&
    c.volumeMounts?.find((m) => m.mountPath === '/tmp')?.name === want.tmpVolume
  );
}

/**
 * A debugger of ours that this run can use instead of adding another (they can never be removed): same
 * image, target, identity and /tmp mount, still running, with at least `neededSeconds` of its sleep left.
 */
export function findReusableDebugger(
  pod: V1Pod,
  want: DebuggerRequest,
  nowSeconds: number,
  neededSeconds: number,
): V1EphemeralContainer | undefined {
  return runningDebuggers(pod, want.image, want.targetContainer).find(
    (c) => debuggerFits(c, want) && secondsLeft(c, nowSeconds) >= neededSeconds,
  );
}

/**
 * Any running debugger of ours, whatever its identity, that can read the JVM's ids from /proc instead of a
 * new scout (/proc/<pid>/status is world-readable): one with `minSeconds` of its sleep left. Debuggers not
 * running as `scoutUid` come first: they were given a JVM's ids, so they are the likelier to fit this one.
 */
export function findScoutStandIn(
  pod: V1Pod,
  image: string,
  target: string,
  nowSeconds: number,
  minSeconds: number,
  scoutUid: number,
): V1EphemeralContainer | undefined {
  const alive = runningDebuggers(pod, image, target).filter((c) => secondsLeft(c, nowSeconds) >= minSeconds);
  return alive.find((c) => c.securityContext?.runAsUser !== scoutUid) ?? alive[0];
}

/** Kubelet reasons after which the debugger will not start without a change on the user's side. */
const FATAL_WAITING_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'ImageInspectError',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PreStartHookError',
  'RegistryUnavailable',
  'SignatureValidationFailed',
]);

export type DebuggerState =
  { phase: 'running' } | { phase: 'pending'; reason?: string } | { phase: 'failed'; reason: string; message?: string };

export function debuggerState(pod: V1Pod, name: string): DebuggerState {
  const status = pod.status?.ephemeralContainerStatuses?.find((s) => s.name === name);
  if (!status) return { phase: 'pending' };
  if (status.state?.running) return { phase: 'running' };
  const t = status.state?.terminated;
  if (t) return { phase: 'failed', reason: t.reason ?? `exited with ${t.exitCode}`, message: t.message };
  const w = status.state?.waiting;
  if (w?.reason && FATAL_WAITING_REASONS.has(w.reason)) return { phase: 'failed', reason: w.reason, message: w.message };
  return { phase: 'pending', reason: w?.reason };
}
