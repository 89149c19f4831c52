// Which threads use CPU and which do not move across samples.
import type { BusyThread, CpuDelta, StuckThread } from './analysis-types.js';
import { MAX_LIST, MAX_NAMES } from './limits.js';
import type { LockGraph } from './lock-graph.js';
import type { ThreadDump, ThreadInfo } from './thread-dump-types.js';
import { firstAppFrame, frameText, idleTop, isJvmThread, stackSignature, threadKey, topFrames } from './threads.js';

/** A thread is "hot" above this share of one core. Low enough for a loaded 2-core runner. */
const HOT_SHARE = 0.2;
/** A lifetime share over less than this is start-up noise, not a trend. */
const MIN_LIFETIME_S = 1;

/** CPU each thread used between the first and the last sample (JDK 11+ prints cpu= and elapsed=). */
export function cpuDeltas(samples: ThreadDump[]): { cpuDeltas: CpuDelta[]; deltaByKey: Map<string, CpuDelta> } {
  const deltaByKey = new Map<string, CpuDelta>();
  if (samples.length < 2) return { cpuDeltas: [], deltaByKey };
  const first = new Map(samples[0].threads.map((t) => [threadKey(t), t]));
  for (const t of samples[samples.length - 1].threads) {
    const f = first.get(threadKey(t));
    if (!f || f.cpuMs === undefined || t.cpuMs === undefined) continue;
    const d: CpuDelta = { name: t.name, cpuDeltaMs: round(t.cpuMs - f.cpuMs) };
    if (f.elapsedS !== undefined && t.elapsedS !== undefined && t.elapsedS > f.elapsedS) {
      d.wallMs = round((t.elapsedS - f.elapsedS) * 1000);
      d.share = round(d.cpuDeltaMs / d.wallMs, 3);
    }
    deltaByKey.set(threadKey(t), d);
  }
  const top = [...deltaByKey.values()]
    .filter((d) => d.cpuDeltaMs > 0)
    .sort((a, b) => b.cpuDeltaMs - a.cpuDeltaMs)
    .slice(0, MAX_LIST);
  return { cpuDeltas: top, deltaByKey };
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** RUNNABLE in application code, not parked in an accept/epoll-style native wait, not a JVM-owned thread. */
function isBusyCandidate(t: ThreadInfo): boolean {
  return t.state === 'RUNNABLE' && !isJvmThread(t) && t.frames.length > 0 && !idleTop(t) && firstAppFrame(t) !== undefined;
}

/** Application threads RUNNABLE in the last sample, hot ones first. `deltaByKey` comes from `cpuDeltas`. */
export function busyThreads(samples: ThreadDump[], deltaByKey: Map<string, CpuDelta>): BusyThread[] {
  const last = samples[samples.length - 1];
  const runnableCount = new Map<string, number>();
  for (const s of samples)
    for (const t of s.threads) if (isBusyCandidate(t)) runnableCount.set(threadKey(t), (runnableCount.get(threadKey(t)) ?? 0) + 1);
  const out: BusyThread[] = [];
  for (const t of last.threads) {
    if (!isBusyCandidate(t)) continue;
    const key = threadKey(t);
    const appFrame = firstAppFrame(t);
    const b: BusyThread = {
      name: t.name,
      topFrames: topFrames(t),
      appFrame: appFrame ? frameText(appFrame) : undefined,
      runnableInSamples: runnableCount.get(key) ?? 1,
      hot: false,
    };
    const d = deltaByKey.get(key);
    if (samples.length > 1 && d?.share !== undefined) {
      // Measured between samples: what the thread does now.
      b.cpuShare = d.share;
      b.cpuShareOver = 'samples';
      b.hot = d.share >= HOT_SHARE;
    } else if (samples.length === 1 && t.cpuMs !== undefined && t.elapsedS !== undefined && t.elapsedS >= MIN_LIFETIME_S) {
      // One sample: the thread's average over its life is all there is.
      b.cpuShare = round(t.cpuMs / (t.elapsedS * 1000), 3);
      b.cpuShareOver = 'lifetime';
      b.hot = b.cpuShare >= HOT_SHARE;
    } else if (samples.length > 1) {
      // No cpu= (JDK 8): RUNNABLE in application code in every sample is the best evidence there is.
      b.hot = b.runnableInSamples === samples.length;
    }
    out.push(b);
  }
  return out.sort((a, b) => Number(b.hot) - Number(a.hot) || (b.cpuShare ?? 0) - (a.cpuShare ?? 0)).slice(0, MAX_LIST);
}

/** Java threads with the same state and stack in every sample, the ones not merely idle first. */
export function stuckThreads(samples: ThreadDump[], lastGraph: LockGraph): StuckThread[] {
  if (samples.length < 2) return [];
  const sigs = samples.map((s) => new Map(s.threads.map((t) => [threadKey(t), stackSignature(t)])));
  const last = samples[samples.length - 1];
  const out: StuckThread[] = [];
  last.threads.forEach((t, i) => {
    if (!t.isJavaThread || t.frames.length === 0) return;
    const sig = stackSignature(t);
    if (!sigs.every((m) => m.get(threadKey(t)) === sig)) return;
    // Waiting for a lock someone holds is never idle; waiting for work (or an outside event) is.
    const waitingForLock = lastGraph.waits.has(i);
    const idle =
      !waitingForLock &&
      (isJvmThread(t) ||
        t.state === 'WAITING' ||
        t.state === 'TIMED_WAITING' ||
        (t.state === 'RUNNABLE' && (idleTop(t) || firstAppFrame(t) === undefined)));
    out.push({ name: t.name, state: t.state, samples: samples.length, topFrames: topFrames(t), idle });
  });
  return out.sort((a, b) => Number(a.idle) - Number(b.idle)).slice(0, MAX_NAMES);
}
