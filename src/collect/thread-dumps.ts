// Spaced thread dumps: one loop, whatever takes each sample (jcmd, or SIGQUIT and the container log).
import { stoppedBecause } from '../kube/exec.js';
import { JcmdTimeoutMs, threadPrintArgs } from './jcmd.js';
import type { JvmJob } from './jvm-job.js';
import { readSignalledDump } from './signal-dump.js';
import { FileNames } from '../shared/layout.js';

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
  const wanted = settings.threadDumpCount;
  for (let n = 1; n <= wanted; n++) {
    if (n > 1) {
      // A dump due after the run's end is not waited for: what was taken is kept, the shortfall recorded.
      if (Date.now() + settings.threadDumpIntervalMs >= deadline) {
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

export function viaJcmd(job: JvmJob): Sampler {
  return async (name) => {
    await job.jcmdToFile(threadPrintArgs(), JcmdTimeoutMs.threadPrint, name, 'threads');
  };
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
