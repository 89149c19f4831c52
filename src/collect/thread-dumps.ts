// Spaced thread dumps: one loop, whatever takes each sample (jcmd, or SIGQUIT and the container log).
import { JcmdTimeoutMs, threadPrintArgs } from './jcmd.js';
import type { JvmJob } from './jvm-job.js';
import { readSignalledDump } from './signal-dump.js';
import { FileNames } from '../shared/layout.js';

/** The SIGQUIT dump must show up in the log within this time. */
const SIGNAL_DUMP_WAIT_MS = 30_000;

export type Sampler = () => Promise<string>;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function takeThreadDumps(job: JvmJob, sample: Sampler): Promise<void> {
  const { settings } = job.ctx;
  for (let n = 1; n <= settings.threadDumpCount; n++) {
    if (n > 1) await (job.ctx.pause ?? wait)(settings.threadDumpIntervalMs);
    await job.writeText(FileNames.threadDump(n), 'threads', await sample());
  }
  job.ctx.progress(
    `${job.label}: ${settings.threadDumpCount} thread dump(s)${job.out.version === undefined ? ' via SIGQUIT and the container log' : ''}`,
  );
}

export function viaJcmd(job: JvmJob): Sampler {
  return () => job.jcmd(threadPrintArgs(), JcmdTimeoutMs.threadPrint);
}

/** SIGQUIT makes HotSpot print the dump to its stdout, which the container log keeps. */
export function viaSignal(job: JvmJob): Sampler {
  return async () => {
    const since = new Date();
    await job.toolbox.sigquit(job.ids, job.jvm.pid);
    return readSignalledDump(
      job.ctx.cluster,
      job.plan.pod,
      job.plan.container,
      since,
      Math.min(job.ctx.deadline, Date.now() + SIGNAL_DUMP_WAIT_MS),
    );
  };
}
