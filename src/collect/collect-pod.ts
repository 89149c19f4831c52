// One pod: plan, (scout,) inject the debugger, probe, then its JVMs (pod-jvms.ts).
import type { V1Pod } from '@kubernetes/client-node';
import { debuggerFits, findScoutStandIn, type DebuggerRequest } from '../inject/debugger-spec.js';
import { injectDebugger, type InjectedDebugger } from '../inject/inject.js';
import { execInContainer } from '../kube/exec.js';
import { apiStatus, isNotFoundOf } from '../kube/status.js';
import { errorMessage } from '../shared/errors.js';
import type { DebuggerInfo, PodResult, Stage } from '../shared/model.js';
import { collectOomDumps } from './collect-oom-dumps.js';
import { timeLeft, type CollectContext } from './context.js';
import {
  chooseTarget,
  controllerOf,
  debuggerIdentityFor,
  debuggerLifeSeconds,
  debuggerRequest,
  planJvms,
  planPod,
  runAsFromScout,
  runSecondsLeft,
  SCOUT_MIN_SECONDS,
  SCOUT_UID,
  scoutIdentity,
  type PodPlan,
} from './plan.js';
import { collectJvms } from './pod-jvms.js';
import { StageError } from './stage-error.js';
import { createToolbox } from './toolbox.js';
import type { ContainerExec, Toolbox } from './toolbox-types.js';

/** Cleanup gets this long even after a cancel or past the deadline: a heap dump must not stay in the pod. */
const CLEANUP_TIMEOUT_MS = 30_000;

export type { CollectContext, Progress } from './context.js';

/** Dumps every JVM in one pod. Never throws: whatever failed is recorded, whatever worked is kept. */
export async function collectPod(ctx: CollectContext, pod: V1Pod): Promise<PodResult> {
  const podName = pod.metadata?.name ?? '?';
  const result: PodResult = {
    namespace: ctx.cluster.namespace,
    pod: podName,
    container: ctx.settings.container ?? '',
    node: pod.spec?.nodeName,
    owner: controllerOf(pod),
    jvms: [],
    errors: [],
    timingsMs: {},
  };
  const started = Date.now();
  try {
    await collectPodSteps(ctx, pod, result);
  } catch (err) {
    const stage: Stage = err instanceof StageError ? err.stage : 'collect';
    result.errors.push({ stage, message: errorMessage(err) });
    ctx.progress(`${podName}: ${errorMessage(err)}`);
  } finally {
    // Whatever happened, this pod takes no more thread dumps: no heap dump waits for it.
    ctx.threadsFirst?.started(podName);
  }
  // A failure is often the pod going away under us (a rollout, a scale-down): say so plainly, once.
  if (result.errors.length > 0 || result.jvms.some((j) => j.errors.length > 0)) {
    const gone = await podGone(ctx, podName);
    if (gone) {
      result.errors.unshift({ stage: 'collect', message: `Pod ${podName} ${gone} during the run; what was collected before is kept.` });
      ctx.progress(`${podName}: ${gone} during the run`);
    }
  }
  result.timingsMs.total = Date.now() - started;
  return result;
}

/** 'was deleted' or 'is being deleted' when that is the pod's state now; undefined when it is there, or unknown. */
async function podGone(ctx: CollectContext, name: string): Promise<string | undefined> {
  try {
    const now = await ctx.cluster.core.readNamespacedPod({ name, namespace: ctx.cluster.namespace });
    return now.metadata?.deletionTimestamp ? 'is being deleted' : undefined;
  } catch (err) {
    return isNotFoundOf(apiStatus(err), 'pods', name) ? 'was deleted' : undefined;
  }
}

/** Runs an I/O step and files its failure under `stage`. */
async function step<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof StageError ? err : new StageError(stage, errorMessage(err));
  }
}

async function collectPodSteps(ctx: CollectContext, pod: V1Pod, result: PodResult): Promise<void> {
  const { settings, progress } = ctx;
  const target = chooseTarget(pod, settings);
  result.container = target.container;
  result.targetImage = target.targetImage;
  let plan = planPod(pod, settings, target);
  const t0 = Date.now();
  let current = pod;

  // Without the JVM's ids and with root forbidden, a scout reads them from /proc first; a scout whose ids fit
  // the JVM's is the debugger itself, so the pod gains one container, not two.
  const scouted = plan.needsScout ? await scout(ctx, plan, current) : undefined;
  if (scouted) {
    plan = scouted.plan;
    current = scouted.pod;
  }

  const life = debuggerLifeSeconds(settings.debuggerTtlSeconds, ctx.deadline, Date.now());
  const req = debuggerRequest(plan, current, settings, debuggerIdentityFor(plan), life, nowSeconds());
  const debuggerInfo: DebuggerInfo = {
    ...(scouted && { scout: scouted.name }),
    name: req.name,
    image: req.image,
    reused: false,
    runAsUser: req.runAsUser,
    runAsGroup: req.runAsGroup,
    uidSource: plan.runAs.source,
  };
  result.debugger = debuggerInfo;
  progress(
    `${plan.pod}: debugger ${req.image} as ${req.root ? "root (drops to the JVM's ids)" : `${req.runAsUser}:${req.runAsGroup ?? '-'}`}; ${plan.tmp.note}`,
  );
  // Reuse needs enough of the debugger's life left to finish this run; a scout added by this run has a
  // debugger's whole life, as a new debugger would.
  const neededSeconds = runSecondsLeft(ctx.deadline, Date.now());
  const scoutServes = scouted?.fresh && scoutFits(current, scouted.name, req);
  const injected: InjectedDebugger = scoutServes
    ? { name: scouted.name, reused: false, pod: current }
    : await step('inject', () =>
        injectDebugger(ctx.cluster, current, req, neededSeconds, ctx.deadline, ctx.signal, (m) => progress(`${plan.pod}: ${m}`)),
      );
  debuggerInfo.name = injected.name;
  debuggerInfo.reused = injected.reused;
  result.timingsMs.inject = Date.now() - t0;
  progress(
    `${plan.pod}: ${
      scoutServes
        ? `the scout ${injected.name} already runs as the JVM's user: it is the debugger`
        : injected.reused
          ? `reusing running debugger ${injected.name}`
          : `added ${injected.name}, running after ${Date.now() - t0} ms`
    }`,
  );

  const tProbe = Date.now();
  // The scout's probe already tells what the debugger's would, when the scout is the debugger.
  const toolbox =
    scouted?.name === injected.name
      ? scouted.toolbox
      : await step('discover', () => createToolbox(containerExec(ctx, plan, injected.name), timeLeft(ctx)));
  result.timingsMs.probe = Date.now() - tProbe;
  const { probe } = toolbox;
  debuggerInfo.jdkFeature = probe.jdkFeature;
  const { jvms, strategy } = planJvms(plan, probe, settings, !!req.tmpVolume);
  debuggerInfo.tmpStrategy = strategy;
  if (strategy === 'tmp-symlink') await linkTmp(toolbox, jvms[0].pid);
  progress(
    `${plan.pod}: ${jvms.length} JVM(s): ${jvms.map((j) => j.pid).join(', ')}; debugger JDK ${probe.jdkVersion ?? '?'}, uid ${probe.selfUid}, /tmp via ${strategy}`,
  );

  const targets = jvms.map((jvm) => ({ plan, toolbox, jvm, strategy, debuggerName: injected.name }));
  await collectJvms(ctx, targets, result.jvms);
  // Heap dumps left on OutOfMemoryError (the heap at the crash): only where a heap dump may be taken at all.
  if (settings.dumps.includes('heap') && !ctx.signal?.aborted)
    for (const r of result.jvms) await collectOomDumps(ctx, toolbox, pod, plan.container, r);
}

interface Scouted {
  plan: PodPlan;
  pod: V1Pod;
  name: string;
  toolbox: Toolbox;
  /** Added by this run (else a running debugger of ours, borrowed to read /proc). */
  fresh: boolean;
}

/**
 * Reads the JVM's ids from /proc (world-readable) with a debugger that may run as anybody: a running one of
 * ours when there is one, else a new unprivileged scout, given a debugger's life so that it can serve as one.
 */
async function scout(ctx: CollectContext, plan: PodPlan, pod: V1Pod): Promise<Scouted> {
  const { settings, progress } = ctx;
  const standIn = findScoutStandIn(pod, settings.jdkImage, plan.container, nowSeconds(), SCOUT_MIN_SECONDS, SCOUT_UID);
  let name = standIn?.name;
  let current = pod;
  if (name) {
    progress(
      `${plan.pod}: the pod requires non-root and its spec does not tell the JVM's uid: running debugger ${name} reads it from /proc`,
    );
  } else {
    progress(
      `${plan.pod}: the pod requires non-root and its spec does not tell the JVM's uid: a scout debugger (uid ${SCOUT_UID}) reads it from /proc`,
    );
    const life = debuggerLifeSeconds(settings.debuggerTtlSeconds, ctx.deadline, Date.now());
    const req = debuggerRequest(plan, pod, settings, scoutIdentity(), life, nowSeconds());
    const added = await step('inject', () => injectDebugger(ctx.cluster, pod, req, 0, ctx.deadline, ctx.signal));
    name = added.name;
    current = added.pod;
  }
  const seen = await step('discover', () => createToolbox(containerExec(ctx, plan, name), timeLeft(ctx)));
  return {
    plan: { ...plan, runAs: runAsFromScout(plan, seen.probe, settings.jvmPid) },
    pod: current,
    name,
    toolbox: seen,
    fresh: !standIn,
  };
}

/** Whether the scout `name` in `pod` already has the identity and /tmp mount the debugger needs. */
function scoutFits(pod: V1Pod, name: string, req: DebuggerRequest): boolean {
  const c = pod.spec?.ephemeralContainers?.find((x) => x.name === name);
  return !!c && debuggerFits(c, req);
}

async function linkTmp(toolbox: Toolbox, pid: number): Promise<void> {
  try {
    await toolbox.linkTmp(pid);
  } catch (err) {
    throw new StageError('discover', `Linking the debugger's /tmp to the JVM's failed: ${errorMessage(err)}`);
  }
}

/** The exec path into one debugger, bounded by the run's deadline and cancel (cleanup excepted). */
function containerExec(ctx: CollectContext, plan: PodPlan, container: string): ContainerExec {
  return (argv, opts) =>
    execInContainer(ctx.cluster.kc, ctx.cluster.namespace, plan.pod, container, argv, {
      timeoutMs: opts.cleanup
        ? CLEANUP_TIMEOUT_MS
        : Math.max(1000, Math.min(opts.timeoutMs ?? Number.MAX_SAFE_INTEGER, ctx.deadline - Date.now())),
      stdoutSink: opts.stdoutSink,
      onStderr: opts.onStderr,
      signal: opts.cleanup ? undefined : ctx.signal,
    });
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
