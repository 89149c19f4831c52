// The heap dump: written by the JVM into its /tmp, streamed out with a sha256 from the pod, verified,
// and always removed from the pod.
import { rm, stat } from 'node:fs/promises';
import { debuggerPathFor } from '../inject/tmp-mount.js';
import { errorMessage } from '../shared/errors.js';
import { absolute, FileNames } from '../shared/layout.js';
import { timeLeft } from './context.js';
import { threadsFirstWaitMs } from './threads-first.js';
import { heapDumpNeedKiB, heapDumpPlan } from './jcmd.js';
import type { JvmJob } from './jvm-job.js';
import type { StreamTrailer } from './toolbox-protocol.js';
import { checkGzippedHprof, HashingFileSink, LocalWriteError, SizeLimitError } from './transfer.js';

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
/** A broken stream is tried again once: the dump stays in the pod until a copy is verified. */
const TRANSFER_TRIES = 2;

export class TransferError extends Error {}

/** Why there is not enough room in the JVM's /tmp for the dump, or undefined when there is. */
export function heapSpaceProblem(needKiB: number, availKiB: number): string | undefined {
  if (availKiB >= needKiB) return undefined;
  return (
    `Not enough space for the heap dump in the JVM's /tmp: about ${Math.round(needKiB / 1024)} MiB needed, ${Math.round(availKiB / 1024)} MiB free. ` +
    'Give /tmp more room (e.g. an emptyDir with a larger sizeLimit) or leave heap out of dumps.'
  );
}

/**
 * Bytes a stream of a `announced`-byte file may bring: the file itself, or its gzip made on the fly (which
 * can exceed it a little for data that does not compress), plus a margin. More means it never ends.
 */
export function streamLimitBytes(announced: number): number {
  return announced + Math.ceil(announced / 64) + 1024 * 1024;
}

/** Why a received copy is not the pod's file, or undefined when it is (exit, size, checksum, then content). */
export function transferProblem(
  trailer: StreamTrailer,
  received: { sha256: string; bytes: number; gzippedInTransit: boolean },
  contentProblem: string | undefined,
  what = 'dump',
): string | undefined {
  const receivedSha256 = received.sha256;
  if (trailer.sourceExit !== 0) return `reading the ${what} in the pod failed (exit ${trailer.sourceExit ?? 'unknown'})`;
  // The pod's file size counts what arrived only when it travelled as is; a gzip made on the fly is counted as sent.
  if (trailer.sentBytes !== undefined && trailer.sentBytes !== received.bytes)
    return `size mismatch: the pod sent ${trailer.sentBytes} bytes, ${received.bytes} arrived`;
  if (!received.gzippedInTransit && trailer.sourceSize !== undefined && trailer.sourceSize !== received.bytes)
    return `size mismatch: the file in the pod has ${trailer.sourceSize} bytes, ${received.bytes} arrived`;
  if (!trailer.sha256 || trailer.sha256 !== receivedSha256)
    return `checksum mismatch: pod ${trailer.sha256 ?? 'none'}, received ${receivedSha256}`;
  if (contentProblem) return `the received heap dump is ${contentProblem}`;
  return undefined;
}

export async function collectHeapDump(job: JvmJob): Promise<void> {
  const { ctx, toolbox, ids, jvm, out } = job;
  await threadsFirst(job);
  const plan = heapDumpPlan(
    out.feature,
    ctx.settings.heapDumpLive,
    `/tmp/kjd-${job.debuggerName}-${jvm.pid}-${Date.now().toString(36)}.hprof`,
  );
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
  let lastProblem = '';
  for (let tryNo = 1; tryNo <= TRANSFER_TRIES && !ctx.signal?.aborted; tryNo++) {
    const sink = new HashingFileSink(local);
    let trailer: StreamTrailer;
    try {
      trailer = await job.toolbox.stream(job.ids, readPath, compress, sink, (announced) => {
        sink.limit = {
          bytes: streamLimitBytes(announced),
          why: `the pod announced a file of ${announced} bytes; a stream that goes on is a device or a file still growing`,
        };
      });
    } catch (err) {
      lastProblem = errorMessage(sink.failure ?? err);
      if (!sink.destroyed) sink.destroy();
      ctx.progress(`${job.label}: heap dump transfer ${tryNo} failed: ${lastProblem}`);
      // A full disk or a stream that does not end would only fail again.
      if (sink.failure instanceof LocalWriteError || sink.failure instanceof SizeLimitError) break;
      continue;
    }
    const sha256 = sink.digest();
    const problem = transferProblem(trailer, { sha256, bytes: sink.bytes, gzippedInTransit: compress }, await checkGzippedHprof(local));
    if (problem) {
      lastProblem = problem;
      continue;
    }
    const size = (await stat(local)).size;
    out.files.push({ path: rel, kind: 'heap', size, sha256 });
    ctx.progress(`${job.label}: heap dump ${Math.round(size / 1024)} KiB received, sha256 verified`);
    return;
  }
  await rm(local, { force: true });
  throw new TransferError(`Heap dump transfer failed: ${lastProblem}`);
}
