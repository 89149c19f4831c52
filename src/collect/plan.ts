// The decisions of one pod's collection, pure: which container, which identity, which /tmp, whether a
// scout must read the JVM's ids first, which JVMs to dump and how jcmd reaches them.
import type { V1Pod } from '@kubernetes/client-node';
import type { Settings } from '../inputs/settings.js';
import { chooseContainer, containerNotRunningReason } from '../select/choose-container.js';
import { debuggerName, type DebuggerRequest } from '../inject/debugger-spec.js';
import { chooseRunAs, debuggerIdentity, requiresNonRoot, type RunAsDecision } from '../inject/run-as.js';
import { chooseTmpMount, chooseTmpStrategy, type TmpMountChoice, type TmpStrategy } from '../inject/tmp-mount.js';
import type { ProbedJvm, ProbeResult } from './toolbox-protocol.js';
import type { Ids } from './toolbox-types.js';
import { StageError } from './stage-error.js';

/** The scout that reads the JVM's ids when only /proc can tell them runs as nobody. */
export const SCOUT_UID = 65534;
/** A running debugger borrowed as the scout needs this much life left for its probe. */
export const SCOUT_MIN_SECONDS = 30;

export interface PodPlan extends PodTarget {
  tmp: TmpMountChoice;
  /** The pod forbids root containers (pod-level runAsNonRoot binds ephemeral containers too). */
  nonRoot: boolean;
  runAs: RunAsDecision;
  /** Nothing tells the JVM's uid and root is forbidden: an unprivileged scout reads it from /proc first. */
  needsScout: boolean;
  /** Why the JVM may refuse attach because of how the pod is hardened, and how to allow it. */
  attachHint?: string;
}

export interface PodTarget {
  pod: string;
  container: string;
  targetImage?: string;
}

/** The container whose JVMs are dumped. */
export function chooseTarget(pod: V1Pod, settings: Settings): PodTarget {
  const container = at('target', () => chooseContainer(pod, settings.container));
  return { pod: pod.metadata?.name ?? '?', container, targetImage: pod.spec?.containers.find((c) => c.name === container)?.image };
}

/** The pod's controller as "kind/name": what tells replicas of one workload (one revision of it) apart from other pods. */
export function controllerOf(pod: V1Pod): string | undefined {
  const c = pod.metadata?.ownerReferences?.find((r) => r.controller);
  return c ? `${c.kind}/${c.name}` : undefined;
}

/** Everything decidable from the pod and the settings, before anything changes in the cluster. */
export function planPod(pod: V1Pod, settings: Settings, target: PodTarget): PodPlan {
  const notRunning = containerNotRunningReason(pod, target.container);
  if (notRunning) throw new StageError('target', `Pod ${target.pod}: ${notRunning}; there is no JVM to dump.`);
  const tmp = at('inject', () => chooseTmpMount(pod, target.container, settings.tmpVolume));
  const nonRoot = requiresNonRoot(pod);
  const runAs = chooseRunAs(pod, target.container, { uid: settings.runAsUser, gid: settings.runAsGroup });
  return {
    ...target,
    tmp,
    nonRoot,
    runAs,
    needsScout: runAs.uid === undefined && nonRoot,
    attachHint: hardeningHint(pod, target.container),
  };
}

/**
 * A read-only root filesystem with nothing mounted at /tmp leaves the JVM nowhere to create its attach
 * socket or write a heap dump: attach fails, only the SIGQUIT path is left.
 */
export function hardeningHint(pod: V1Pod, container: string): string | undefined {
  const c = pod.spec?.containers.find((x) => x.name === container);
  if (!c?.securityContext?.readOnlyRootFilesystem) return undefined;
  if ((c.volumeMounts ?? []).some((m) => m.mountPath.replace(/\/+$/, '') === '/tmp')) return undefined;
  return (
    `container '${container}' has readOnlyRootFilesystem and nothing mounted at /tmp, so the JVM can create neither its attach ` +
    'socket nor a heap dump there: mount an emptyDir at /tmp (attach, histogram and heap dumps then work)'
  );
}

/**
 * The seconds a debugger must still live for this run: until the deadline, plus 30 s to clean up. A debugger that
 * exits mid-run (its sleep ran out) takes its jcmd and the stream of a heap dump with it.
 */
export function runSecondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.ceil(Math.max(0, deadlineMs - nowMs) / 1000) + 30;
}

/** A new debugger sleeps `debugger-ttl`, but never less than this run can still take. */
export function debuggerLifeSeconds(ttlSeconds: number, deadlineMs: number, nowMs: number): number {
  return Math.max(ttlSeconds, runSecondsLeft(deadlineMs, nowMs));
}

/** The debugger to add to `pod` (its current version: names must not clash with containers added since). */
export function debuggerRequest(
  plan: PodPlan,
  pod: V1Pod,
  settings: Settings,
  identity: { runAsUser?: number; runAsGroup?: number; root: boolean },
  ttlSeconds: number,
  nowSeconds: number,
  random: () => number = Math.random,
): DebuggerRequest {
  return {
    name: debuggerName(settings.debuggerNamePrefix, pod, random),
    image: settings.jdkImage,
    pullPolicy: settings.imagePullPolicy,
    targetContainer: plan.container,
    ttlSeconds,
    expiresAt: nowSeconds + ttlSeconds,
    tmpVolume: plan.tmp.volume,
    ...identity,
  };
}

export function scoutIdentity(): { runAsUser: number; runAsGroup: number; root: false } {
  return { runAsUser: SCOUT_UID, runAsGroup: SCOUT_UID, root: false };
}

/** The real debugger's identity: the JVM's ids when known, else root that drops to them in the pod. */
export function debuggerIdentityFor(plan: PodPlan): { runAsUser?: number; runAsGroup?: number; root: boolean } {
  return at('inject', () => debuggerIdentity(plan.runAs, plan.nonRoot));
}

/** The JVM's ids as the scout saw them in /proc. */
export function runAsFromScout(plan: PodPlan, probe: ProbeResult, jvmPid: number | undefined): RunAsDecision {
  const first = selectJvms(probe.jvms, jvmPid).find((j) => j.uid !== undefined);
  if (!first) {
    throw new StageError(
      'discover',
      `The scout debugger found no JVM in ${plan.pod}/${plan.container}, so the JVM's uid is unknown: set run-as-user and run-as-group.`,
    );
  }
  if (first.uid === 0) {
    throw new StageError(
      'inject',
      `The JVM in ${plan.pod} runs as root but the pod requires non-root containers (runAsNonRoot), so no debugger may attach to it.`,
    );
  }
  return { uid: first.uid, gid: first.gid, source: 'scout' };
}

function selectJvms(jvms: ProbedJvm[], jvmPid: number | undefined): ProbedJvm[] {
  return jvmPid === undefined ? jvms : jvms.filter((j) => j.pid === jvmPid || j.nsPid === jvmPid);
}

export interface JvmPlan {
  jvms: ProbedJvm[];
  strategy: TmpStrategy;
}

/** After the debugger's probe: the JVMs to dump (all, or the one asked for) and how jcmd reaches them. */
export function planJvms(plan: PodPlan, probe: ProbeResult, settings: Settings, sharedVolume: boolean): JvmPlan {
  if (!probe.jcmdPath) {
    throw new StageError(
      'discover',
      `The debugger image ${settings.jdkImage} has no jcmd: use a JDK image (not a JRE), e.g. eclipse-temurin:25-jdk.`,
    );
  }
  const jvms = selectJvms(probe.jvms, settings.jvmPid);
  if (settings.jvmPid !== undefined && jvms.length === 0) {
    const seen = probe.jvms.map((j) => `${j.pid} (${j.commandLine.slice(0, 80)})`).join(', ') || 'none';
    throw new StageError('discover', `No JVM with pid ${settings.jvmPid} in ${plan.pod}/${plan.container}; JVMs found: ${seen}.`);
  }
  if (jvms.length === 0) {
    throw new StageError(
      'discover',
      `No JVM found in ${plan.pod}/${plan.container}. The debugger sees the target's processes only with targetContainerName; check the container runs Java.`,
    );
  }
  const strategy = at('discover', () => chooseTmpStrategy(sharedVolume, probe.jdkFeature, probe.selfUid === 0));
  return { jvms, strategy };
}

/**
 * The ids to attach as: the JVM's own (from /proc). A debugger that is not root cannot switch, so it must
 * already have them; HotSpot lets only the same user attach.
 */
export function attachIds(jvm: ProbedJvm, probe: ProbeResult): { ids: Ids } | { mismatch: string } {
  const uid = jvm.uid ?? probe.selfUid;
  const gid = jvm.gid ?? probe.selfGid;
  if (probe.selfUid !== 0 && (uid !== probe.selfUid || gid !== probe.selfGid)) {
    return {
      mismatch:
        `The JVM runs as ${uid}:${gid} but the debugger as ${probe.selfUid}:${probe.selfGid}; HotSpot only lets the same user attach. ` +
        `Set run-as-user: ${uid} and run-as-group: ${gid}.`,
    };
  }
  return { ids: { uid, gid } };
}

/** Runs a pure decision and files its error under `stage`. */
function at<T>(stage: StageError['stage'], decide: () => T): T {
  try {
    return decide();
  } catch (err) {
    if (err instanceof StageError) throw err;
    throw new StageError(stage, err instanceof Error ? err.message : String(err));
  }
}
