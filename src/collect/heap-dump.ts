// The heap dump: written by the JVM into its /tmp, streamed out with a sha256 from the pod, verified,
// and always removed from the pod.
import { stat } from 'node:fs/promises';
import { debuggerPathFor } from '../inject/tmp-mount.js';
import { absolute, FileNames } from '../shared/layout.js';
import { timeLeft } from './context.js';
import { threadsFirstWaitMs } from './threads-first.js';
import { heapDumpNeedKiB, heapDumpPlan } from './jcmd.js';
import { jvmTmpFile, type JvmJob } from './jvm-job.js';
import { checkGzippedHprof, receiveFile } from './transfer.js';

/** Waits (bounded) until every pod of the run started its thread dumps; see threads-first.ts. */
async function threadsFirst(job: JvmJob): Promise<void> {
  const gate = job.ctx.threadsFirst;
  if (!gate || gate.waitingFor().length === 0) return;
  const t0 = Date.now();
  const all = await gate.wait(threadsFirstWaitMs(job.ctx.deadline - t0), job.ctx.signal);
  job.out.timingsMs['heap-wait'] = Date.now() - t0;
  if (!all) job.ctx.progress(`${job.label}: heap dump goes ahead before ${gate.waitingFor().join(', ')} started thread dumps`);
}

/** Writing a large heap can take long; it gets at least this, and what is left of the run beyond. */
const HEAP_WRITE_MIN_MS = 60_000;

/** Why there is not enough room in the JVM's /tmp for the dump, or undefined when there is. */
export function heapSpaceProblem(needKiB: number, availKiB: number): string | undefined {
  if (availKiB >= needKiB) return undefined;
  return (
    `Not enough space for the heap dump in the JVM's /tmp: about ${Math.round(needKiB / 1024)} MiB needed, ${Math.round(availKiB / 1024)} MiB free. ` +
    'Give /tmp more room (e.g. an emptyDir with a larger sizeLimit) or leave heap out of dumps.'
  );
}

export async function collectHeapDump(job: JvmJob): Promise<void> {
  const { ctx, toolbox, ids, jvm, out } = job;
  await threadsFirst(job);
  const plan = heapDumpPlan(out.feature, ctx.settings.heapDumpLive, jvmTmpFile(job, '.hprof'));
  const readPath = debuggerPathFor(job.strategy, jvm.pid, plan.jvmPath);
  const readDir = readPath.slice(0, readPath.lastIndexOf('/')) || '/';

  // Unknown free space is no reason to skip the dump: the JVM reports a full disk itself.
  const availKiB = await toolbox.freeKiB(ids, readDir).catch(() => undefined);
  const noRoom = availKiB === undefined ? undefined : heapSpaceProblem(heapDumpNeedKiB(job.liveBytes, plan.compressedByJvm), availKiB);
  if (noRoom) throw new Error(noRoom);

  try {
    const t0 = Date.now();
    await job.jcmd(plan.args, timeLeft(ctx, HEAP_WRITE_MIN_MS));
    job.out.timingsMs['heap-write'] = Date.now() - t0;
    ctx.progress(`${job.label}: heap dump written in the pod in ${job.out.timingsMs['heap-write']} ms; streaming`);
    const t1 = Date.now();
    await receive(job, readPath, !plan.compressedByJvm);
    job.out.timingsMs['heap-transfer'] = Date.now() - t1;
  } finally {
    // The dump can be large and holds data: never leave it in the pod.
    await toolbox.remove(ids, readPath).catch(() => undefined);
  }
}

async function receive(job: JvmJob, readPath: string, compress: boolean): Promise<void> {
  const { ctx, out } = job;
  const rel = `${job.dirRel}/${FileNames.heapDump}`;
  const local = absolute(ctx.settings.outputDir, rel);
  const { sha256 } = await receiveFile(job, {
    what: 'heap dump',
    readPath,
    local,
    compress,
    check: async () => {
      const problem = await checkGzippedHprof(local);
      return problem && `the received heap dump is ${problem}`;
    },
  });
  const size = (await stat(local)).size;
  out.files.push({ path: rel, kind: 'heap', size, sha256 });
  ctx.progress(`${job.label}: heap dump ${Math.round(size / 1024)} KiB received, sha256 verified`);
}
