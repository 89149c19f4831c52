// The JSON thread dump (JDK 21+): `jcmd <pid> Thread.dump_to_file -format=json` lists every thread, the virtual
// threads that Thread.print leaves out included. Like the heap dump, the JVM writes it into its own /tmp; it is
// streamed out with a sha256 from the pod, verified, and always removed from the pod.
import { stat } from 'node:fs/promises';
import { debuggerPathFor } from '../inject/tmp-mount.js';
import { errorMessage } from '../shared/errors.js';
import { dumpApplies } from '../shared/jdk-features.js';
import { absolute, FileNames } from '../shared/layout.js';
import { JcmdTimeoutMs } from './jcmd.js';
import { jvmTmpFile, type JvmJob } from './jvm-job.js';
import { HashingFileSink, TransferError, transferProblem } from './transfer.js';

/** A JSON dump of a million virtual threads is about 1 GiB; past this the stream is stopped. */
const MAX_JSON_BYTES = 1024 * 1024 * 1024;

/** Why the received file is not a JSON thread dump, or undefined when it is one. */
export function threadsJsonProblem(head: string): string | undefined {
  return /^\s*\{\s*"threadDump"\s*:/.test(head) ? undefined : 'not a JSON thread dump';
}

export async function collectThreadsJson(job: JvmJob): Promise<void> {
  const { ctx, toolbox, ids, jvm, out } = job;
  // On by default, it applies to JDK 21+ only: an older JVM has no Thread.dump_to_file, and nothing is missing.
  if (!dumpApplies('threads-json', out.feature)) return;
  const jvmPath = jvmTmpFile(job, '-threads.json');
  const readPath = debuggerPathFor(job.strategy, jvm.pid, jvmPath);
  try {
    await job.jcmd(['Thread.dump_to_file', '-format=json', jvmPath], JcmdTimeoutMs.threadPrint);
    const rel = `${job.dirRel}/${FileNames.threadsJson}`;
    const local = absolute(ctx.settings.outputDir, rel);
    const sink = new HashingFileSink(local);
    sink.limit = { bytes: MAX_JSON_BYTES, why: 'the JSON thread dump is larger than 1 GiB' };
    let problem: string | undefined;
    let sha256 = '';
    try {
      const trailer = await toolbox.stream(ids, readPath, false, sink);
      sha256 = sink.digest();
      problem = transferProblem(
        trailer,
        { sha256, bytes: sink.bytes, gzippedInTransit: false },
        threadsJsonProblem(sink.head()),
        'JSON thread dump',
      );
    } catch (err) {
      problem = errorMessage(err);
    }
    if (problem) {
      await sink.discard();
      throw new TransferError(`JSON thread dump transfer failed: ${problem}`);
    }
    const size = (await stat(local)).size;
    out.files.push({ path: rel, kind: 'threads-json', size, sha256 });
    ctx.progress(`${job.label}: JSON thread dump ${Math.round(size / 1024)} KiB received, sha256 verified`);
  } finally {
    await toolbox.remove(ids, readPath).catch(() => undefined);
  }
}
