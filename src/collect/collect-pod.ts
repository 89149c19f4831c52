import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { V1Pod } from '@kubernetes/client-node';
import type { Settings } from '../inputs/settings.js';
import type { Cluster } from '../kube/client.js';
import { execInContainer, type ExecResult } from '../kube/exec.js';
import type { DumpKind, FileRecord, JvmResult, PodResult, Stage } from '../shared/model.js';
import { chooseContainer, containerNotRunningReason } from '../select/choose-container.js';
import { chooseRunAs, debuggerIdentity, requiresNonRoot } from '../inject/run-as.js';
import { chooseTmpMount, chooseTmpStrategy, debuggerPathFor, type TmpStrategy } from '../inject/tmp-mount.js';
import { debuggerName, type DebuggerRequest } from '../inject/debugger-spec.js';
import { injectDebugger } from '../inject/inject.js';
import { parseProbe, parseStreamTrailer, parseVmVersion, toolboxCommand, toolboxError, type ProbedJvm } from './toolbox.js';
import { explainJcmdFailure, heapDumpNeedKiB, heapDumpPlan, histogramArgs, histogramTotalBytes, threadPrintArgs, vmInfoCommands } from './jcmd.js';
import { absolute, FileNames, jvmDir } from '../shared/layout.js';
import { checkGzippedHprof, HashingFileSink } from './transfer.js';
import { readSignalledDump } from './signal-dump.js';

export type Progress = (message: string) => void;

export interface CollectContext {
  cluster: Cluster;
  settings: Settings;
  deadline: number;
  progress: Progress;
  signal?: AbortSignal;
  /** Waits between spaced thread dumps; injectable so unit tests need not wait. */
  pause?: (ms: number) => Promise<void>;
}

/** The scout that reads the JVM's ids when only /proc can tell them: nobody's uid, and a short life. */
const SCOUT_UID = 65534;
const SCOUT_TTL_SECONDS = 60;

class TransferError extends Error {}

class StepError extends Error {
  constructor(readonly stage: Stage, message: string, readonly dump?: DumpKind) { super(message); }
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Dumps every JVM in one pod. Never throws: whatever failed is recorded, whatever worked is kept. */
export async function collectPod(ctx: CollectContext, pod: V1Pod): Promise<PodResult> {
  const { settings, cluster } = ctx;
  const podName = pod.metadata?.name ?? '?';
  const result: PodResult = { namespace: cluster.namespace, pod: podName, container: settings.container ?? '', node: pod.spec?.nodeName, jvms: [], errors: [], timingsMs: {} };
  const started = Date.now();
  try {
    await collectPodInner(ctx, pod, result);
  } catch (err) {
    const e = err as StepError;
    result.errors.push({ stage: e.stage ?? 'collect', message: e.message ?? String(err) });
    ctx.progress(`${podName}: ${e.message}`);
  }
  result.timingsMs.total = Date.now() - started;
  return result;
}

async function collectPodInner(ctx: CollectContext, pod: V1Pod, result: PodResult): Promise<void> {
  const { settings, cluster, progress } = ctx;
  const podName = result.pod;
  const step = async <T>(stage: Stage, fn: () => T | Promise<T>): Promise<T> => {
    try { return await fn(); } catch (err) { throw err instanceof StepError ? err : new StepError(stage, (err as Error).message ?? String(err)); }
  };

  const container = await step('target', () => chooseContainer(pod, settings.container));
  result.container = container;
  result.targetImage = pod.spec?.containers.find((c) => c.name === container)?.image;
  const notRunning = containerNotRunningReason(pod, container);
  if (notRunning) throw new StepError('target', `Pod ${podName}: ${notRunning}; there is no JVM to dump.`);

  const tmp = await step('inject', () => chooseTmpMount(pod, container, settings.tmpVolume));
  const nonRoot = requiresNonRoot(pod);
  let runAs = chooseRunAs(pod, container, { uid: settings.runAsUser, gid: settings.runAsGroup });
  const request = (p: V1Pod, ids: { runAsUser?: number; runAsGroup?: number; root: boolean }, ttlSeconds: number): DebuggerRequest => ({
    name: debuggerName(settings.debuggerNamePrefix, p),
    image: settings.jdkImage,
    pullPolicy: settings.imagePullPolicy,
    targetContainer: container,
    ttlSeconds,
    expiresAt: Math.floor(Date.now() / 1000) + ttlSeconds,
    tmpVolume: tmp.volume,
    ...ids,
  });
  // Reuse needs enough of the debugger's life left to finish this run.
  const neededSeconds = () => Math.ceil(Math.max(0, ctx.deadline - Date.now()) / 1000) + 30;
  const t0 = Date.now();
  let current = pod;

  if (runAs.uid === undefined && nonRoot) {
    // The pod forbids a root debugger and nothing tells the JVM's ids. /proc/<pid>/status is readable by
    // anyone, so a short-lived unprivileged scout reads them; the real debugger then runs as the JVM's user.
    const scoutReq = request(current, { runAsUser: SCOUT_UID, runAsGroup: SCOUT_UID, root: false }, SCOUT_TTL_SECONDS);
    progress(`${podName}: the pod requires non-root and its spec does not tell the JVM's uid: a scout debugger (uid ${SCOUT_UID}) reads it from /proc`);
    const scout = await step('inject', () => injectDebugger(cluster, current, scoutReq, 0, ctx.deadline, ctx.signal));
    current = scout.pod;
    const scouted = await step('discover', () => execInContainer(cluster.kc, cluster.namespace, podName, scout.name, toolboxCommand('probe'), { timeoutMs: Math.max(1000, ctx.deadline - Date.now()), signal: ctx.signal }));
    const seen = parseProbe(scouted.stdout).jvms.filter((j) => settings.jvmPid === undefined || j.pid === settings.jvmPid || j.nsPid === settings.jvmPid);
    const first = seen.find((j) => j.uid !== undefined);
    if (!first) throw new StepError('discover', `The scout debugger found no JVM in ${podName}/${container}, so the JVM's uid is unknown: set run-as-user and run-as-group.`);
    if (first.uid === 0) {
      throw new StepError('inject', `The JVM in ${podName} runs as root but the pod requires non-root containers (runAsNonRoot), so no debugger may attach to it.`);
    }
    runAs = { uid: first.uid, gid: first.gid, source: 'scout' };
    result.debugger = { name: scout.name, image: settings.jdkImage, reused: false, scout: scout.name };
  }

  const identity = await step('inject', () => debuggerIdentity(runAs, nonRoot));
  const req = request(current, identity, settings.debuggerTtlSeconds);
  result.debugger = { ...result.debugger, name: req.name, image: req.image, reused: false, runAsUser: req.runAsUser, runAsGroup: req.runAsGroup, uidSource: runAs.source };
  progress(`${podName}: debugger ${req.image} as ${req.root ? 'root (drops to the JVM\'s ids)' : `${req.runAsUser}:${req.runAsGroup ?? '-'}`}; ${tmp.note}`);
  const injected = await step('inject', () => injectDebugger(cluster, current, req, neededSeconds(), ctx.deadline, ctx.signal));
  result.debugger!.name = injected.name;
  result.debugger!.reused = injected.reused;
  result.timingsMs.inject = Date.now() - t0;
  progress(`${podName}: ${injected.reused ? `reusing running debugger ${injected.name}` : `added ${injected.name}, running after ${Date.now() - t0} ms`}`);

  const exec = (argv: string[], extra: ExecExtra = {}): Promise<ExecResult> =>
    execInContainer(cluster.kc, cluster.namespace, podName, injected.name, argv, {
      // Cleanup runs even after a cancel or past the deadline, briefly: a heap dump must not stay in the pod.
      timeoutMs: extra.cleanup ? 30_000 : Math.max(1000, Math.min(extra.timeoutMs ?? Number.MAX_SAFE_INTEGER, ctx.deadline - Date.now())),
      stdoutSink: extra.stdoutSink,
      signal: extra.cleanup ? undefined : ctx.signal,
    });

  const probeRun = await step('discover', () => exec(toolboxCommand('probe')));
  if (probeRun.exitCode !== 0) throw new StepError('discover', `Scanning processes in the debugger failed: ${toolboxError(probeRun.stderr) ?? probeRun.stderr.trim().slice(0, 300)}`);
  const probe = parseProbe(probeRun.stdout);
  result.debugger!.jdkFeature = probe.jdkFeature;
  if (!probe.jcmdPath) throw new StepError('discover', `The debugger image ${settings.jdkImage} has no jcmd: use a JDK image (not a JRE), e.g. eclipse-temurin:25-jdk.`);
  let jvms = probe.jvms;
  if (settings.jvmPid !== undefined) {
    jvms = jvms.filter((j) => j.pid === settings.jvmPid || j.nsPid === settings.jvmPid);
    if (jvms.length === 0) throw new StepError('discover', `No JVM with pid ${settings.jvmPid} in ${podName}/${container}; JVMs found: ${probe.jvms.map((j) => `${j.pid} (${j.commandLine.slice(0, 80)})`).join(', ') || 'none'}.`);
  }
  if (jvms.length === 0) {
    throw new StepError('discover', `No JVM found in ${podName}/${container}. The debugger sees the target's processes only with targetContainerName; check the container runs Java.`);
  }

  const strategy = await step('discover', () => chooseTmpStrategy(!!req.tmpVolume, probe.jdkFeature, probe.selfUid === 0));
  result.debugger!.tmpStrategy = strategy;
  if (strategy === 'tmp-symlink') {
    const link = await step('discover', () => exec(toolboxCommand('tmplink', jvms[0].pid)));
    if (link.exitCode !== 0) throw new StepError('discover', `Linking the debugger's /tmp to the JVM's failed: ${toolboxError(link.stderr) ?? link.stderr.trim()}`);
  }
  progress(`${podName}: ${jvms.length} JVM(s): ${jvms.map((j) => j.pid).join(', ')}; debugger JDK ${probe.jdkVersion ?? '?'}, uid ${probe.selfUid}, /tmp via ${strategy}`);

  // One JVM after another: dumps disturb the JVM, and a pod's CPU is shared.
  for (const jvm of jvms) {
    result.jvms.push(await collectJvm(ctx, { podName, container, jvm, exec, strategy, selfUid: probe.selfUid, selfGid: probe.selfGid, debuggerName: injected.name }));
  }
}

interface ExecExtra {
  stdoutSink?: HashingFileSink;
  timeoutMs?: number;
  cleanup?: boolean;
}

interface JvmTarget {
  podName: string;
  container: string;
  jvm: ProbedJvm;
  exec: (argv: string[], extra?: ExecExtra) => Promise<ExecResult>;
  strategy: TmpStrategy;
  selfUid: number;
  selfGid: number;
  debuggerName: string;
}

async function collectJvm(ctx: CollectContext, t: JvmTarget): Promise<JvmResult> {
  const { settings, progress } = ctx;
  const { jvm } = t;
  const out: JvmResult = { pid: jvm.pid, commandLine: jvm.commandLine, uid: jvm.uid, gid: jvm.gid, files: [], errors: [], timingsMs: {} };
  const dirRel = jvmDir(t.podName, t.container, jvm.pid);
  await mkdir(absolute(settings.outputDir, dirRel), { recursive: true });
  const label = `${t.podName}/${t.container}/${jvm.pid}`;
  // /proc tells the JVM's real ids; a debugger that is not root must already have them.
  const uid = jvm.uid ?? t.selfUid;
  const gid = jvm.gid ?? t.selfGid;
  if (t.selfUid !== 0 && (uid !== t.selfUid || gid !== t.selfGid)) {
    const message = `The JVM runs as ${uid}:${gid} but the debugger as ${t.selfUid}:${t.selfGid}; HotSpot only lets the same user attach. Set run-as-user: ${uid} and run-as-group: ${gid}.`;
    for (const dump of settings.dumps) out.errors.push({ stage: 'collect', message, dump });
    return out;
  }
  const jcmd = async (args: string[], timeoutMs?: number) => {
    const r = await t.exec(toolboxCommand('jcmd', uid, gid, jvm.pid, ...args), { timeoutMs });
    if (r.exitCode !== 0 || /AttachNotSupportedException|Exception in thread/.test(r.stdout.slice(0, 2000))) {
      throw new Error(toolboxError(r.stderr) ?? explainJcmdFailure(`${r.stdout}\n${r.stderr}`, jvm.pid));
    }
    return r.stdout;
  };
  const writeText = async (name: string, kind: DumpKind, text: string) => {
    const rel = `${dirRel}/${name}`;
    await writeFile(absolute(settings.outputDir, rel), text);
    const file: FileRecord = { path: rel, kind, size: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
    out.files.push(file);
  };
  const attempt = async (dump: DumpKind, fn: () => Promise<void>) => {
    const t0 = Date.now();
    try {
      await fn();
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      out.errors.push({ stage: err instanceof TransferError ? 'transfer' : 'collect', message, dump });
      progress(`${label}: ${dump} failed: ${message}`);
    }
    out.timingsMs[dump] = Date.now() - t0;
  };

  try {
    const v = parseVmVersion(await jcmd(['VM.version'], 60_000));
    out.version = v.version;
    out.feature = v.feature;
  } catch (err) {
    // Without attach only the signal path is left: SIGQUIT still gets thread dumps, via the container log.
    const message = `Cannot attach to JVM ${jvm.pid}: ${(err as Error).message}`;
    progress(`${label}: ${message}`);
    for (const dump of settings.dumps) if (dump !== 'threads') out.errors.push({ stage: 'collect', message, dump });
    if (settings.dumps.includes('threads')) {
      await attempt('threads', async () => {
        for (let n = 1; n <= settings.threadDumpCount; n++) {
          if (n > 1) await (ctx.pause ?? wait)(settings.threadDumpIntervalMs);
          const since = new Date();
          const sent = await t.exec(toolboxCommand('signal', uid, gid, jvm.pid), { timeoutMs: 30_000 });
          if (sent.exitCode !== 0) throw new Error(`${message}; SIGQUIT fallback failed too: ${sent.stderr.trim().slice(0, 200)}`);
          const dump = await readSignalledDump(ctx.cluster, t.podName, t.container, since, Math.min(ctx.deadline, Date.now() + 30_000));
          await writeText(FileNames.threadDump(n), 'threads', dump);
        }
        out.notes = [...(out.notes ?? []), 'attach failed: thread dumps taken with SIGQUIT from the container log'];
        progress(`${label}: ${settings.threadDumpCount} thread dump(s) via SIGQUIT and the container log`);
      });
    }
    return out;
  }
  progress(`${label}: JVM ${out.version ?? '?'} (${jvm.commandLine.slice(0, 100)})`);

  let histogram: string | undefined;
  for (const dump of settings.dumps) {
    if (dump === 'threads') {
      await attempt('threads', async () => {
        for (let n = 1; n <= settings.threadDumpCount; n++) {
          if (n > 1) await (ctx.pause ?? wait)(settings.threadDumpIntervalMs);
          await writeText(FileNames.threadDump(n), 'threads', await jcmd(threadPrintArgs(), 120_000));
        }
        progress(`${label}: ${settings.threadDumpCount} thread dump(s)`);
      });
    } else if (dump === 'histogram') {
      await attempt('histogram', async () => {
        histogram = await jcmd(histogramArgs(out.feature, settings.heapDumpLive), 300_000);
        await writeText(FileNames.histogram, 'histogram', histogram);
        progress(`${label}: class histogram`);
      });
    } else if (dump === 'vm-info') {
      await attempt('vm-info', async () => {
        const parts: string[] = [];
        for (const args of vmInfoCommands(out.feature)) parts.push(`### jcmd ${args.join(' ')}\n${await jcmd(args, 120_000)}`);
        await writeText(FileNames.vmInfo, 'vm-info', parts.join('\n'));
      });
    } else if (dump === 'heap') {
      await attempt('heap', () => heapDump(ctx, t, out, uid, gid, dirRel, histogram, jcmd));
    }
  }
  return out;
}

async function heapDump(ctx: CollectContext, t: JvmTarget, out: JvmResult, uid: number, gid: number, dirRel: string, histogram: string | undefined,
  jcmd: (args: string[], timeoutMs?: number) => Promise<string>): Promise<void> {
  const { settings, progress } = ctx;
  const label = `${t.podName}/${t.container}/${t.jvm.pid}`;
  const plan = heapDumpPlan(out.feature, settings.heapDumpLive, `/tmp/kjd-${t.debuggerName}-${t.jvm.pid}-${Date.now().toString(36)}.hprof`);
  const readPath = debuggerPathFor(t.strategy, t.jvm.pid, plan.jvmPath);
  const readDir = readPath.slice(0, readPath.lastIndexOf('/')) || '/';

  const needKiB = heapDumpNeedKiB(histogram ? histogramTotalBytes(histogram) : undefined, plan.compressedByJvm);
  const space = await t.exec(toolboxCommand('space', uid, gid, readDir), { timeoutMs: 30_000 });
  const availKiB = Number(/avail_kb\t(\d+)/.exec(space.stdout)?.[1]);
  if (Number.isFinite(availKiB) && availKiB < needKiB) {
    throw new Error(`Not enough space for the heap dump in the JVM's /tmp: about ${Math.round(needKiB / 1024)} MiB needed, ${Math.round(availKiB / 1024)} MiB free. ` +
      'Give /tmp more room (e.g. an emptyDir with a larger sizeLimit) or leave heap out of dumps.');
  }

  try {
    const t0 = Date.now();
    await jcmd(plan.args, Math.max(60_000, ctx.deadline - Date.now()));
    progress(`${label}: heap dump written in the pod in ${Date.now() - t0} ms; streaming`);
    const rel = `${dirRel}/${FileNames.heapDump}`;
    const local = absolute(settings.outputDir, rel);
    let lastProblem = '';
    // A broken stream can be retried: the dump stays in the pod until it is verified.
    for (let tryNo = 1; tryNo <= 2 && !ctx.signal?.aborted; tryNo++) {
      const sink = new HashingFileSink(local);
      let trailer;
      try {
        const r = await t.exec(toolboxCommand('stream', uid, gid, readPath, plan.compressedByJvm ? 0 : 1), { stdoutSink: sink });
        trailer = parseStreamTrailer(r.stderr);
        if (r.exitCode !== 0 || trailer.error) { lastProblem = trailer.error ?? `stream exited with ${r.exitCode}: ${r.stderr.trim().slice(0, 300)}`; continue; }
      } catch (err) {
        lastProblem = (err as Error).message;
        if (!sink.destroyed) sink.destroy();
        progress(`${label}: heap dump transfer ${tryNo} failed: ${lastProblem}`);
        continue;
      }
      const sha = sink.digest();
      if (trailer.sourceExit !== 0) { lastProblem = `reading the dump in the pod failed (exit ${trailer.sourceExit})`; continue; }
      if (!trailer.sha256 || trailer.sha256 !== sha) { lastProblem = `checksum mismatch: pod ${trailer.sha256 ?? 'none'}, received ${sha}`; continue; }
      const problem = await checkGzippedHprof(local);
      if (problem) { lastProblem = `the received heap dump is ${problem}`; continue; }
      const size = (await stat(local)).size;
      out.files.push({ path: rel, kind: 'heap', size, sha256: sha });
      progress(`${label}: heap dump ${Math.round(size / 1024)} KiB received, sha256 verified`);
      return;
    }
    await rm(local, { force: true });
    throw new TransferError(`Heap dump transfer failed: ${lastProblem}`);
  } finally {
    // The dump can be large and holds data: never leave it in the pod.
    await t.exec(toolboxCommand('remove', uid, gid, readPath), { cleanup: true }).catch(() => undefined);
  }
}
