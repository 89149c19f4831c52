// Spaced thread dumps: one loop, whatever takes each sample (jcmd, or SIGQUIT and the container log).
import { stoppedBecause } from '../kube/exec.js';
import { histogramArgs, JcmdTimeoutMs, threadPrintArgs } from './jcmd.js';
import type { JvmJob } from './jvm-job.js';
import { readSignalledDump } from './signal-dump.js';
import { absolute, FileNames } from '../shared/layout.js';
import { HashingFileSink } from './transfer.js';

/** The SIGQUIT dump must show up in the log within this time. */
const SIGNAL_DUMP_WAIT_MS = 30_000;

/** Takes one thread dump into the JVM's folder as `name`. */
export type Sampler = (name: string) => Promise<void>;

/** Sleeps `ms`; a cancel ends the sleep at once, as an error. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cancelled = () => {
      clearTimeout(timer);
      reject(new Error(stoppedBecause(signal)));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancelled);
      resolve();
    }, ms);
    if (signal?.aborted) cancelled();
    else signal?.addEventListener('abort', cancelled, { once: true });
  });
}

export async function takeThreadDumps(job: JvmJob, sample: Sampler): Promise<void> {
  const { settings, deadline, signal } = job.ctx;
  job.ctx.threadsFirst?.started(job.plan.pod);
  const wanted = settings.threadDumpCount;
  for (let n = 1; n <= wanted; n++) {
    if (n > 1) {
      // A dump due after the run's end is not waited for: what was taken is kept, the shortfall recorded.
      if (Date.now() + settings.threadDumpIntervalMs + DUMP_ROOM_MS > deadline) {
        throw new Error(
          `thread dump ${n} of ${wanted} not taken: it would be due after the run's timeout (thread-dump-interval ${settings.threadDumpIntervalMs / 1000}s); raise timeout or lower thread-dump-interval or thread-dump-count`,
        );
      }
      await (job.ctx.pause ?? sleep)(settings.threadDumpIntervalMs, signal);
    }
    await sample(FileNames.threadDump(n));
  }
  job.ctx.progress(
    `${job.label}: ${settings.threadDumpCount} thread dump(s)${job.out.version === undefined ? ' via SIGQUIT and the container log' : ''}`,
  );
}

/** A dump is started only this long before the deadline at the latest: one started later would be cut mid-way. */
export const DUMP_ROOM_MS = 2_000;

/** How many of `wanted` dumps `intervalMs` apart start DUMP_ROOM_MS before `deadline` or earlier (the first always does). */
export function dumpsBeforeDeadline(wanted: number, intervalMs: number, now: number, deadline: number): number {
  if (intervalMs <= 0) return wanted;
  return Math.max(1, Math.min(wanted, Math.ceil((deadline - DUMP_ROOM_MS - now) / intervalMs)));
}

/**
 * The jcmd thread dumps in one exec, spaced by the toolbox in the pod: one WebSocket and no round trip per dump.
 * Each dump is kept as soon as it is whole; a failure or a cancel keeps the ones before it.
 */
export async function takeThreadDumpsInPod(job: JvmJob): Promise<void> {
  const { settings, deadline } = job.ctx;
  job.ctx.threadsFirst?.started(job.plan.pod);
  const wanted = settings.threadDumpCount;
  const intervalMs = settings.threadDumpIntervalMs;
  const count = dumpsBeforeDeadline(wanted, intervalMs, Date.now(), deadline);
  // The class histogram rides on the last dump's attach: one JVM start of jcmd fewer (the histogram collector
  // takes it alone if this one did not arrive).
  const also = settings.dumps.includes('histogram') ? histogramArgs(job.out.feature, settings.heapDumpLive) : undefined;
  const fileOf = (n: number) => (n <= count ? FileNames.threadDump(n) : FileNames.histogram);
  let open: HashingFileSink | undefined;
  let taken = 0;
  try {
    await job.toolbox.jcmdSeries(
      job.ids,
      job.jvm.pid,
      threadPrintArgs(),
      {
        count,
        intervalMs,
        timeoutMs: count * JcmdTimeoutMs.threadPrint + (count - 1) * intervalMs + (also ? JcmdTimeoutMs.histogram : 0),
        also,
      },
      (n) => (open = new HashingFileSink(absolute(settings.outputDir, `${job.dirRel}/${fileOf(n)}`))),
      (n, sink) => {
        open = undefined;
        job.attached = true;
        const kind = n <= count ? 'threads' : 'histogram';
        job.out.files.push({ path: `${job.dirRel}/${fileOf(n)}`, kind, size: sink.bytes, sha256: sink.digest() });
        if (kind === 'threads') taken++;
        else job.histogramTaken = true;
      },
    );
  } catch (err) {
    // A dump cut in the middle (or refused) leaves no file behind; a full disk says so.
    if (open) {
      await open.discard();
      if (open.failure) throw new Error(`jcmd Thread.print: ${open.failure.message}`, { cause: err });
    }
    // Only the histogram after the last dump was lost: the dumps are whole, the histogram is taken alone.
    if (taken < count) throw err;
  }
  if (count < wanted) {
    throw new Error(
      `thread dump ${count + 1} of ${wanted} not taken: it would be due after the run's timeout (thread-dump-interval ${intervalMs / 1000}s); raise timeout or lower thread-dump-interval or thread-dump-count`,
    );
  }
  job.ctx.progress(
    `${job.label}: ${count} thread dump(s), ${intervalMs / 1000}s apart, in one exec${job.histogramTaken ? ', the class histogram with the last' : ''}`,
  );
}

/** SIGQUIT makes HotSpot print the dump to its stdout, which the container log keeps. */
export function viaSignal(job: JvmJob): Sampler {
  return async (name) => {
    const since = new Date();
    await job.toolbox.sigquit(job.ids, job.jvm.pid);
    const text = await readSignalledDump(
      job.ctx.cluster,
      job.plan.pod,
      job.plan.container,
      since,
      Math.min(job.ctx.deadline, Date.now() + SIGNAL_DUMP_WAIT_MS),
    );
    await job.writeText(name, 'threads', text);
  };
}
