// One JVM: each requested dump kind by its collector, the first jcmd as the attach test; without attach, the SIGQUIT path.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { errorMessage } from '../shared/errors.js';
import { dumpApplies } from '../shared/jdk-features.js';
import { absolute, FileNames, jvmDir } from '../shared/layout.js';
import type { DumpKind, FileRecord, JvmResult } from '../shared/model.js';
import type { CollectContext } from './context.js';
import { collectHeapDump } from './heap-dump.js';
import { discardJfr, finishJfr, startJfr, type JfrRecording } from './collect-jfr.js';
import { histogramArgs, histogramTotalBytes, JcmdTimeoutMs, vmInfoCommands } from './jcmd.js';
import type { Collector, JvmJob, JvmTarget } from './jvm-job.js';
import { attachIds } from './plan.js';
import { takeThreadDumps, takeThreadDumpsInPod, viaSignal } from './thread-dumps.js';
import { collectThreadsJson } from './threads-json.js';
import { parseVmVersion } from './toolbox-protocol.js';
import { HashingFileSink, LocalWriteError, readTail, TransferError } from './transfer.js';
import { ToolboxError } from './toolbox-types.js';

/** Each kind's collector; `jfr` is two steps (see collectKinds). */
const COLLECTORS: Readonly<Record<Exclude<DumpKind, 'jfr'>, Collector>> = {
  threads: takeThreadDumpsInPod,
  'threads-json': collectThreadsJson,
  histogram: async (job) => {
    const args = histogramArgs(job.out.feature, job.ctx.settings.heapDumpLive);
    const file = job.histogramTaken
      ? job.out.files.find((f) => f.kind === 'histogram')!
      : await job.jcmdToFile(args, JcmdTimeoutMs.histogram, FileNames.histogram, 'histogram');
    // The Total line ends the histogram.
    job.liveBytes = histogramTotalBytes(await readTail(absolute(job.ctx.settings.outputDir, file.path), 4096));
    job.ctx.progress(`${job.label}: class histogram`);
  },
  'vm-info': async (job) => {
    const parts: string[] = [];
    for (const args of vmInfoCommands(job.out.feature))
      parts.push(`### jcmd ${args.join(' ')}\n${await job.jcmd(args, JcmdTimeoutMs.vmInfo)}`);
    await job.writeText(FileNames.vmInfo, 'vm-info', parts.join('\n'));
  },
  heap: collectHeapDump,
};

/** Which requested dumps a JVM that refuses attach still yields: thread dumps, through SIGQUIT and its log. */
export function attachFallback(dumps: readonly DumpKind[]): { viaSignal: DumpKind[]; lost: DumpKind[] } {
  // Without attach the JVM's version is unknown: a kind only some versions offer (threads-json) is not counted
  // lost, as the outcome does not ask for it either.
  return {
    viaSignal: dumps.filter((d) => d === 'threads'),
    lost: dumps.filter((d) => d !== 'threads' && dumpApplies(d, undefined)),
  };
}

/**
 * One JVM's collection as steps taken in order (see STEPS); between two steps the pod's other JVMs may take theirs
 * (collectJvms). Whatever step threw past its kind's attempt, `discard` stops a recording still running.
 */
export interface JvmSteps {
  out: JvmResult;
  steps: readonly (() => Promise<void>)[];
  discard(): Promise<void>;
}

/** The folder, the attach check and the JVM's version; without attach, the SIGQUIT path, and no steps are left. */
export async function openJvm(ctx: CollectContext, target: JvmTarget): Promise<JvmSteps> {
  const { jvm, plan, toolbox } = target;
  const out: JvmResult = { pid: jvm.pid, commandLine: jvm.commandLine, uid: jvm.uid, gid: jvm.gid, files: [], errors: [], timingsMs: {} };
  const dirRel = jvmDir(plan.pod, plan.container, jvm.pid);
  await mkdir(absolute(ctx.settings.outputDir, dirRel), { recursive: true });
  const chosen = attachIds(jvm, toolbox.probe);
  if ('mismatch' in chosen) {
    for (const dump of ctx.settings.dumps) out.errors.push({ stage: 'collect', message: chosen.mismatch, dump });
    return noSteps(out);
  }
  const job: JvmJob = {
    ...target,
    ctx,
    ids: chosen.ids,
    out,
    dirRel,
    label: `${plan.pod}/${plan.container}/${jvm.pid}`,
    jcmd: async (args, timeoutMs) => {
      const output = await toolbox.jcmd(chosen.ids, jvm.pid, args, timeoutMs);
      job.attached = true;
      return output;
    },
    jcmdToFile: async (args, timeoutMs, name, kind) => {
      const rel = `${dirRel}/${name}`;
      const sink = new HashingFileSink(absolute(ctx.settings.outputDir, rel));
      try {
        await toolbox.jcmdTo(chosen.ids, jvm.pid, args, timeoutMs, sink);
        job.attached = true;
      } catch (err) {
        await sink.discard();
        // A full disk says so, rather than how the stream ended because of it.
        if (sink.failure) throw new Error(`jcmd ${args[0]}: ${sink.failure.message}`, { cause: err });
        throw err;
      }
      const record: FileRecord = { path: rel, kind, size: sink.bytes, sha256: sink.digest() };
      out.files.push(record);
      return record;
    },
    writeText: async (name, kind, text) => {
      const rel = `${dirRel}/${name}`;
      const file = absolute(ctx.settings.outputDir, rel);
      try {
        await writeFile(file, text);
      } catch (err) {
        await rm(file, { force: true });
        throw new LocalWriteError(file, err as Error);
      }
      out.files.push({ path: rel, kind, size: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') });
    },
  };

  // The version the JVM's own files told the probe spares an exec and a jcmd start: the first jcmd of the dumps is
  // then the attach test (see attempt). Else jcmd VM.version is both.
  if (jvm.version !== undefined) {
    out.version = jvm.version;
    out.feature = jvm.feature;
  } else {
    try {
      Object.assign(out, parseVmVersion(await job.jcmd(['VM.version'], JcmdTimeoutMs.version)));
    } catch (err) {
      await withoutAttach(job, errorMessage(err));
      return noSteps(out);
    }
  }
  ctx.progress(`${job.label}: JVM ${out.version ?? '?'} (${jvm.commandLine.slice(0, 100)})`);
  return kindSteps(job);
}

/** The JVM refused the first jcmd of its dumps: its dumps go the way of a JVM without attach. */
class AttachFailed extends Error {}

/** While no jcmd has reached the JVM yet: why `err` shows that none can (undefined when it does not). */
async function attachLost(job: JvmJob, err: unknown): Promise<string | undefined> {
  let cause = err;
  while (cause instanceof Error && !(cause instanceof ToolboxError)) cause = cause.cause;
  if (!(cause instanceof ToolboxError)) return undefined;
  if (cause.neverReachedJvm) return cause.message;
  if (cause.failure !== 'tool') return undefined;
  // jcmd failed although the JVM has an attach socket (a stale one, or the command itself failed): VM.version tells.
  try {
    await job.jcmd(['VM.version'], JcmdTimeoutMs.version);
    return undefined;
  } catch (again) {
    return errorMessage(again);
  }
}

/** A step that ends the JVM's steps the SIGQUIT way when its first jcmd could not attach (see attempt). */
function untilAttachFails(job: JvmJob, step: () => Promise<void>): () => Promise<void> {
  return async () => {
    if (job.attachFailed) return;
    try {
      await step();
    } catch (err) {
      if (!(err instanceof AttachFailed)) throw err;
      job.attachFailed = true;
      // As when VM.version failed: nothing was collected, and the version counts as unknown.
      job.out.version = job.out.feature = undefined;
      await withoutAttach(job, err.message);
    }
  };
}

function noSteps(out: JvmResult): JvmSteps {
  return { out, steps: [], discard: () => Promise.resolve() };
}

/**
 * The requested kinds in DUMP_KINDS order, in four steps. A JFR recording starts first, so it covers the thread
 * dumps and the histogram, and is finished at its place in the order, before the heap dump (whose safepoint would
 * distort it).
 */
function kindSteps(job: JvmJob): JvmSteps {
  const dumps = job.ctx.settings.dumps;
  const jfrAt = dumps.indexOf('jfr');
  let recording: JfrRecording | undefined;
  const kinds = (list: readonly DumpKind[]) => async () => {
    for (const dump of list) if (dump !== 'jfr') await attempt(job, dump, () => COLLECTORS[dump](job));
  };
  return {
    out: job.out,
    steps: [
      async () => {
        if (jfrAt >= 0) await attempt(job, 'jfr', async () => void (recording = await startJfr(job)), 'jfr-start');
      },
      kinds(jfrAt < 0 ? dumps : dumps.slice(0, jfrAt)),
      async () => {
        const started = recording;
        recording = undefined;
        if (started) await attempt(job, 'jfr', () => finishJfr(job, started));
      },
      kinds(jfrAt < 0 ? [] : dumps.slice(jfrAt + 1)),
    ].map((step) => untilAttachFails(job, step)),
    discard: async () => {
      // Only when a step threw past its attempt: our recording never outlives the run.
      const left = recording;
      recording = undefined;
      if (left) await discardJfr(job, left.name);
    },
  };
}

async function withoutAttach(job: JvmJob, why: string): Promise<void> {
  const hint = job.plan.attachHint ? `; ${job.plan.attachHint}` : '';
  const message = `Cannot attach to JVM ${job.jvm.pid}: ${why}${hint}`;
  job.ctx.progress(`${job.label}: ${message}`);
  const { viaSignal: signalled, lost } = attachFallback(job.ctx.settings.dumps);
  for (const dump of lost) job.out.errors.push({ stage: 'collect', message, dump });
  if (signalled.length === 0) return;
  await attempt(job, 'threads', async () => {
    try {
      await takeThreadDumps(job, viaSignal(job));
    } catch (err) {
      // Never harm the JVM: a SIGQUIT it does not handle would end it, so none was sent.
      const notTried = err instanceof ToolboxError && err.failure === 'sigquit-not-caught';
      throw new Error(`${message}; ${notTried ? 'no SIGQUIT fallback was tried' : 'SIGQUIT fallback failed too'}: ${errorMessage(err)}`, {
        cause: err,
      });
    }
    job.out.notes = [...(job.out.notes ?? []), 'attach failed: thread dumps taken with SIGQUIT from the container log'];
  });
}

/** Runs one dump kind: a failure is recorded against it and costs nothing else. */
async function attempt(job: JvmJob, dump: DumpKind, collect: () => Promise<void>, timing: string = dump): Promise<void> {
  const t0 = Date.now();
  try {
    await collect();
  } catch (err) {
    const lost = job.attached ? undefined : await attachLost(job, err);
    if (lost !== undefined) throw new AttachFailed(lost);
    const message = errorMessage(err);
    job.out.errors.push({ stage: err instanceof TransferError ? 'transfer' : 'collect', message, dump });
    job.ctx.progress(`${job.label}: ${dump} failed: ${message}`);
  }
  job.out.timingsMs[timing] = Date.now() - t0;
}
