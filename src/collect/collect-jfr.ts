// The JFR recording: started under a name of ours before the thread dumps, stopped into the JVM's /tmp after them,
// streamed out gzipped and sha256-verified as recording.jfr, summarised in the pod into jfr-summary.json (the
// debugger's JDK reads it), and removed from the pod. A run that fails or is cancelled stops (discards) it.
import { createReadStream } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { debuggerPathFor } from '../inject/tmp-mount.js';
import { CLEANUP_GRACE_MS } from '../inputs/bounds.js';
import { errorMessage } from '../shared/errors.js';
import { JFR_SUMMARY_SCHEMA } from '../shared/jfr-summary.js';
import { absolute, FileNames } from '../shared/layout.js';
import {
  EVENTS_OFF,
  isJfrFile,
  jfrDiscardArgs,
  jfrExport,
  needsCheck,
  otherRecordings,
  jfrRecordingName,
  jfrStartArgs,
  jfrStartProblem,
  jfrStopArgs,
  jfrStopProblem,
  jfrUnavailable,
  jfrWaitMs,
} from './jfr.js';
import { jvmTmpFile, type JvmJob } from './jvm-job.js';
import { sleep } from './thread-dumps.js';
import { HashingFileSink, LocalWriteError, receiveFile, TransferError } from './transfer.js';
import { ToolboxError } from './toolbox-types.js';

/** JFR.start initialises JFR in the JVM on first use (a second or two); JFR.stop writes the recording. */
const JFR_JCMD_TIMEOUT_MS = 60_000;
/** Kept free before the deadline for stopping, streaming and summarising: the recording is cut short rather than lost. */
const FINISH_RESERVE_MS = 10_000;
/** Reading a recording of an hour takes a while; a 30 s one about a second. Compiling the summariser, a few seconds. */
const SUMMARY_TIMEOUT_MS = 120_000;
/** The summary is capped by the summariser (2000 stacks, names cut at 400 chars); past this something is wrong. */
const MAX_SUMMARY_BYTES = 64 * 1024 * 1024;
/** The summariser is compiled with the JDK's own javac module and uses jdk.jfr.consumer: JDK 11+. */
const SUMMARISER_FEATURE = 11;

export interface JfrRecording {
  name: string;
  /** When JFR.start returned: the recording covers at least jfr-duration from here. */
  startedAt: number;
}

/** Starts our recording, or throws why this JVM cannot record (recorded against `jfr`; the other kinds go on). */
export async function startJfr(job: JvmJob): Promise<JfrRecording> {
  const { ctx, out } = job;
  const unavailable = jfrUnavailable(out.version, out.feature);
  if (unavailable) throw new Error(unavailable);
  const name = jfrRecordingName(job.debuggerName, job.jvm.pid, Date.now());
  // If nobody stops it (the runner killed hard), the JVM ends it by itself shortly after the run's deadline.
  const guardMs = Math.max(0, ctx.deadline - Date.now()) + CLEANUP_GRACE_MS;
  let output: string;
  try {
    output = await job.jcmd(jfrStartArgs(name, ctx.settings.jfrSettings, guardMs, out.feature), JFR_JCMD_TIMEOUT_MS);
  } catch (err) {
    // The command may have started it before failing (a timeout): stop it, unless jcmd never reached the JVM.
    if (!(err instanceof ToolboxError && err.neverReachedJvm)) await discardJfr(job, name);
    throw new Error(`JFR.start failed: ${errorMessage(err)}`, { cause: err });
  }
  const problem = jfrStartProblem(output);
  if (problem) throw new Error(problem);
  ctx.progress(`${job.label}: JFR recording ${name} started (${ctx.settings.jfrSettings}, ${ctx.settings.jfrDurationMs / 1000}s)`);
  return { name, startedAt: Date.now() };
}

/** Stops our recording without writing it; never fails (cleanup runs even after a cancel). */
export async function discardJfr(job: JvmJob, name: string): Promise<void> {
  await job.toolbox.jcmd(job.ids, job.jvm.pid, jfrDiscardArgs(name), 30_000, { cleanup: true }).catch(() => undefined);
}

/** Waits out the rest of jfr-duration, stops the recording into the JVM's /tmp, brings it and its summary here. */
export async function finishJfr(job: JvmJob, rec: JfrRecording): Promise<void> {
  const { ctx, jvm, toolbox, ids } = job;
  const { waitMs, cutMs } = jfrWaitMs(rec.startedAt, ctx.settings.jfrDurationMs, Date.now(), ctx.deadline, FINISH_RESERVE_MS);
  const jvmPath = jvmTmpFile(job, '.jfr');
  const readPath = debuggerPathFor(job.strategy, jvm.pid, jvmPath);
  let stopped = false;
  // The summariser compiles in the pod while the recording runs on: the summary then costs only its reading.
  const summariser = prepareSummariser(job);
  // Whether another recording runs beside ours (its settings join ours), when that decides; unknown counts as yes.
  const others = needsCheck(job.out.feature, toolbox.probe.jdkFeature)
    ? job.jcmd(['JFR.check'], JFR_JCMD_TIMEOUT_MS).then(
        (output) => otherRecordings(output, rec.name),
        () => ['(unknown: JFR.check failed)'],
      )
    : Promise.resolve([]);
  try {
    if (waitMs > 0) {
      ctx.progress(`${job.label}: JFR recording runs ${Math.ceil(waitMs / 1000)}s more`);
      await (ctx.pause ?? sleep)(waitMs, ctx.signal);
    }
    const t0 = Date.now();
    const output = await job.jcmd(jfrStopArgs(rec.name, jvmPath), JFR_JCMD_TIMEOUT_MS);
    const problem = jfrStopProblem(output, rec.name);
    if (problem) throw new Error(problem);
    stopped = true;
    job.out.timingsMs['jfr-stop'] = Date.now() - t0;
    if (cutMs > 0) {
      const note = `JFR recording cut ${Math.ceil(cutMs / 1000)}s short of jfr-duration to finish before the run's timeout`;
      job.out.notes = [...(job.out.notes ?? []), note];
    }
    // The summary is made from the pod's copy while the recording travels: neither waits for the other.
    const [recording, summary] = await Promise.allSettled([
      sendRecording(job, readPath, await others),
      summarise(job, readPath, rec.name, summariser),
    ]);
    const failures = [recording, summary].filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
    if (failures.length > 0) {
      const message = failures.map((e) => errorMessage(e)).join('; ');
      throw recording.status === 'rejected' && recording.reason instanceof TransferError ? new TransferError(message) : new Error(message);
    }
  } finally {
    if (!stopped) await discardJfr(job, rec.name);
    const prepared = await summariser.ready;
    if ('dir' in prepared && !summariser.used) await toolbox.cleanJfrSummary(prepared.dir);
    // The recording holds the app's method names and more: never leave it in the pod.
    await toolbox.remove(ids, readPath).catch(() => undefined);
  }
}

/** recording.jfr, scrubbed in the pod first when the JVM may have recorded its environment (see jfrExport), or not sent. */
async function sendRecording(job: JvmJob, readPath: string, others: string[]): Promise<void> {
  const plan = jfrExport(job.out.feature, job.toolbox.probe.jdkFeature, others);
  if (plan.kind === 'withhold') throw new Error(plan.reason);
  if (plan.kind === 'as-is') return receiveRecording(job, readPath);
  const scrubbedPath = readPath.replace(/\.jfr$/, '-scrubbed.jfr');
  const t0 = Date.now();
  try {
    try {
      await job.toolbox.scrubJfr(job.ids, readPath, scrubbedPath, EVENTS_OFF, SUMMARY_TIMEOUT_MS);
      job.out.timingsMs['jfr-scrub'] = Date.now() - t0;
    } catch (err) {
      throw new Error(
        `recording.jfr not sent: scrubbing the JVM's environment out of it failed (${errorMessage(err)}); the summary is kept`,
        {
          cause: err,
        },
      );
    }
    job.out.notes = [...(job.out.notes ?? []), `recording.jfr scrubbed of ${EVENTS_OFF.join(', ')} (${plan.why})`];
    await receiveRecording(job, scrubbedPath);
  } finally {
    // The scrubbed copy holds the app's method names too: never left in the pod either.
    await job.toolbox.remove(job.ids, scrubbedPath).catch(() => undefined);
  }
}

/** recording.jfr: gzipped in transit (a recording shrinks to about 40%), verified, then unpacked here. */
async function receiveRecording(job: JvmJob, readPath: string): Promise<void> {
  const { ctx, out } = job;
  const rel = `${job.dirRel}/${FileNames.jfrRecording}`;
  const local = absolute(ctx.settings.outputDir, rel);
  const gz = `${local}.gz`;
  const t0 = Date.now();
  let unpacked: Unpacked | undefined;
  try {
    await receiveFile(job, {
      what: 'JFR recording',
      readPath,
      local: gz,
      compress: true,
      check: async ({ trailer }) => {
        unpacked = await unpack(gz, local, trailer.sourceSize);
        return unpacked.problem;
      },
    });
  } catch (err) {
    await rm(local, { force: true });
    throw err;
  } finally {
    await rm(gz, { force: true });
  }
  const { size, sha256 } = unpacked!;
  out.files.push({ path: rel, kind: 'jfr', size, sha256 });
  out.timingsMs['jfr-transfer'] = Date.now() - t0;
  ctx.progress(`${job.label}: JFR recording ${Math.round(size / 1024)} KiB received, sha256 verified`);
}

interface Unpacked {
  /** Why the result is not the pod's recording; undefined when it is. */
  problem?: string;
  size: number;
  sha256: string;
}

/** Unpacks the verified gzip into `local`, with the size and sha256 of the recording itself; a full disk throws. */
async function unpack(gz: string, local: string, sourceSize: number | undefined): Promise<Unpacked> {
  const sink = new HashingFileSink(local);
  try {
    await pipeline(createReadStream(gz), createGunzip(), sink);
  } catch (err) {
    await sink.discard();
    if (sink.failure instanceof LocalWriteError) throw sink.failure;
    return { problem: `the received recording does not unpack: ${errorMessage(sink.failure ?? err)}`, size: 0, sha256: '' };
  }
  const result = { size: sink.bytes, sha256: sink.digest() };
  if (sourceSize !== undefined && sink.bytes !== sourceSize)
    return { ...result, problem: `size mismatch: the recording in the pod has ${sourceSize} bytes, ${sink.bytes} unpacked` };
  const handle = await open(local, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return isJfrFile(head) ? result : { ...result, problem: 'the received file is not a JFR recording' };
  } finally {
    await handle.close();
  }
}

interface Summariser {
  /** Its folder in the pod once compiled, or why it is not there. */
  ready: Promise<{ dir: string } | { error: string }>;
  /** The summary ran, and removed the folder itself. */
  used: boolean;
}

/** Starts compiling the summariser in the pod (never rejects: a failure is kept for the summary to report). */
function prepareSummariser(job: JvmJob): Summariser {
  const feature = job.toolbox.probe.jdkFeature;
  if (feature !== undefined && feature < SUMMARISER_FEATURE) {
    const error = `the debugger's JDK ${feature} cannot run the summariser (JDK 11+); open recording.jfr with 'jfr summary' or JDK Mission Control`;
    return { ready: Promise.resolve({ error }), used: false };
  }
  const t0 = Date.now();
  const ready = job.toolbox.prepareJfrSummary(SUMMARY_TIMEOUT_MS).then(
    (dir) => {
      job.out.timingsMs['jfr-summary-compile'] = Date.now() - t0;
      return { dir };
    },
    (err: unknown) => ({ error: errorMessage(err) }),
  );
  return { ready, used: false };
}

/** jfr-summary.json, made in the pod by the debugger's JDK; a failure keeps the recording and says why. */
async function summarise(job: JvmJob, readPath: string, name: string, summariser: Summariser): Promise<void> {
  const { ctx, out } = job;
  const prepared = await summariser.ready;
  if ('error' in prepared) throw new Error(`JFR summary failed (recording.jfr is kept): ${prepared.error}`);
  summariser.used = true;
  const rel = `${job.dirRel}/${FileNames.jfrSummary}`;
  const local = absolute(ctx.settings.outputDir, rel);
  const sink = new HashingFileSink(local);
  sink.limit = { bytes: MAX_SUMMARY_BYTES, why: 'the JFR summary is larger than 64 MiB' };
  const t0 = Date.now();
  let problem: string | undefined;
  try {
    await job.toolbox.summariseJfr(job.ids, prepared.dir, readPath, name, SUMMARY_TIMEOUT_MS, sink);
    problem = await summaryProblem(local);
  } catch (err) {
    problem = errorMessage(sink.failure ?? err);
  }
  if (problem !== undefined) {
    await sink.discard();
    throw new Error(`JFR summary failed (recording.jfr is kept): ${problem}`);
  }
  out.files.push({ path: rel, kind: 'jfr', size: sink.bytes, sha256: sink.digest() });
  out.timingsMs['jfr-summary'] = Date.now() - t0;
}

/** Why the summariser's output is not a summary of our schema, or undefined when it is. */
export async function summaryProblem(file: string): Promise<string | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    return `the summariser's output is not JSON (${errorMessage(err).slice(0, 200)})`;
  }
  const schema = (parsed as { schema?: unknown } | null)?.schema;
  return schema === JFR_SUMMARY_SCHEMA ? undefined : `the summariser's output has schema ${String(schema)}, not ${JFR_SUMMARY_SCHEMA}`;
}
