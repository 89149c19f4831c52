// Collects the heap dumps a JVM left on OutOfMemoryError (and any *.hprof at a volume's root): streamed gzipped,
// sha256-verified, like a live heap dump; left in the pod unless remove-oom-dumps is true.
import { stat } from 'node:fs/promises';
import type { V1Pod } from '@kubernetes/client-node';
import { errorMessage } from '../shared/errors.js';
import { absolute, jvmDir } from '../shared/layout.js';
import type { JvmResult } from '../shared/model.js';
import type { CollectContext } from './context.js';
import { oomDumpDirs, oomDumpFileName, type HprofFile } from './oom-dumps.js';
import type { Ids, Toolbox } from './toolbox-types.js';
import { checkGzippedHprof, HashingFileSink, streamLimitBytes, transferProblem } from './transfer.js';

/** Finds and collects the JVM's left-over heap dumps into its folder. Never throws: failures are the JVM's errors. */
export async function collectOomDumps(ctx: CollectContext, toolbox: Toolbox, pod: V1Pod, container: string, jvm: JvmResult): Promise<void> {
  const ids: Ids = { uid: jvm.uid ?? 0, gid: jvm.gid ?? 0 };
  const dirs = oomDumpDirs(jvm.pid, jvm.commandLine, pod, container);
  if (dirs.length === 0) return;
  let found: HprofFile[];
  try {
    found = await toolbox.hprofs(ids, dirs);
  } catch (err) {
    jvm.errors.push({
      stage: 'collect',
      dump: 'heap',
      message: `looking for OOM heap dumps in ${dirs.join(', ')} failed: ${errorMessage(err)}`,
    });
    return;
  }
  const label = `${pod.metadata?.name}/${container}/${jvm.pid}`;
  for (const f of found) {
    const name = oomDumpFileName(f.path);
    const rel = `${jvmDir(pod.metadata?.name ?? '?', container, jvm.pid)}/${name}`;
    const local = absolute(ctx.settings.outputDir, rel);
    ctx.progress(
      `${label}: heap dump left in the pod: ${f.path} (${Math.round(f.size / 1024)} KiB, ${new Date(f.mtime * 1000).toISOString()}); streaming`,
    );
    const sink = new HashingFileSink(local);
    try {
      const trailer = await toolbox.stream(ids, f.path, true, sink, (announced) => {
        sink.limit = { bytes: streamLimitBytes(announced), why: `the pod announced a file of ${announced} bytes` };
      });
      const sha256 = sink.digest();
      const problem = transferProblem(trailer, { sha256, bytes: sink.bytes, gzippedInTransit: true }, await checkGzippedHprof(local));
      if (problem) throw new Error(problem);
      jvm.files.push({
        path: rel,
        kind: 'heap',
        size: (await stat(local)).size,
        sha256,
        oom: {
          podPath: f.path.replace(/^\/proc\/\d+\/(root|cwd)/, (m) => (m.endsWith('cwd') ? '<cwd>' : '')),
          modified: new Date(f.mtime * 1000).toISOString(),
        },
      });
      ctx.progress(`${label}: ${name} received, sha256 verified`);
      if (ctx.settings.removeOomDumps) await toolbox.remove(ids, f.path);
    } catch (err) {
      await sink.discard();
      jvm.errors.push({
        stage: 'transfer',
        dump: 'heap',
        message: `the heap dump left at ${f.path} could not be collected: ${errorMessage(sink.failure ?? err)}`,
      });
    }
  }
}
