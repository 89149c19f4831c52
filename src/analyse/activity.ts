// Which threads use CPU and which do not move across samples.
import type { BusyThread, CpuDelta, StuckThread } from './analysis-types.js';
import { MAX_LIST, MAX_NAMES } from './limits.js';
import type { ThreadDump, ThreadInfo } from './thread-dump-types.js';
import { firstAppFrame, frameText, idleTop, isJvmThread, notRunning, stackSignature, threadKeys, topFrames } from './threads.js';

/**
 * A thread is "hot" from this share of one core on (0.2 = 200 ms of CPU per second). A thread that computes in
 * a loop uses close to 1.0; a busy request thread that also waits on I/O, 0.2 to 0.5; an idle one, under 0.01.
 * 0.2 still catches a spinning thread on a loaded 2-core runner, where it gets half a core or less.
 */
export const HOT_SHARE = 0.2;
/** A lifetime share over less than this many seconds is start-up noise, not a trend. */
export const MIN_LIFETIME_S = 1;
/**
 * A thread with the same stack in every sample is "not moving" only while it uses less than this share of a core:
 * a loop whose stack text stays the same (one frame spinning) is moving. 0.01 = 10 ms per second, above what a
 * waiting thread's wake-ups cost and far below any work.
 */
export const STUCK_MAX_SHARE = 0.01;

export interface Activity {
  /** By thread key: CPU between the first and the last sample the thread is in. */
  deltaByKey: Map<string, CpuDelta>;
  /** By thread key: [intervals hot, intervals measured]. */
  intervals: Map<string, [number, number]>;
  keys: string[][];
}

/** CPU deltas (JDK 11+ prints cpu= and elapsed=), overall and per interval between consecutive samples. */
export function measureActivity(samples: ThreadDump[]): Activity {
  const keys = samples.map((s) => threadKeys(s.threads));
  const deltaByKey = new Map<string, CpuDelta>();
  const intervals = new Map<string, [number, number]>();
  const firstSeen = new Map<string, ThreadInfo>();
  samples.forEach((s, k) => {
    const prev = k > 0 ? new Map(samples[k - 1].threads.map((t, i) => [keys[k - 1][i], t])) : undefined;
    s.threads.forEach((t, i) => {
      const key = keys[k][i];
      if (!firstSeen.has(key)) firstSeen.set(key, t);
      const p = prev?.get(key);
      if (p?.cpuMs === undefined || t.cpuMs === undefined) return;
      const iv = intervals.get(key) ?? [0, 0];
      const wall = p.elapsedS !== undefined && t.elapsedS !== undefined ? (t.elapsedS - p.elapsedS) * 1000 : undefined;
      if (wall !== undefined && wall > 0) {
        iv[1]++;
        if ((t.cpuMs - p.cpuMs) / wall >= HOT_SHARE) iv[0]++;
      } else if (t.cpuMs - p.cpuMs <= 0) {
        // No wall time between the two (elapsed= did not advance), and no CPU either: idle, not unknown.
        iv[1]++;
      }
      intervals.set(key, iv);
      const f = firstSeen.get(key)!;
      if (f.cpuMs === undefined) return;
      const d: CpuDelta = { name: t.name, cpuDeltaMs: round(t.cpuMs - f.cpuMs) };
      if (f.elapsedS !== undefined && t.elapsedS !== undefined && t.elapsedS > f.elapsedS) {
        d.wallMs = round((t.elapsedS - f.elapsedS) * 1000);
        d.share = round(d.cpuDeltaMs / d.wallMs, 3);
      }
      deltaByKey.set(key, d);
    });
  });
  return { deltaByKey, intervals, keys };
}

/** The threads that used most CPU between samples. */
export function topCpuDeltas(a: Activity): CpuDelta[] {
  return [...a.deltaByKey.values()]
    .filter((d) => d.cpuDeltaMs > 0)
    .sort((x, y) => y.cpuDeltaMs - x.cpuDeltaMs)
    .slice(0, MAX_LIST);
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * RUNNABLE in application code and running: not a class initialiser waiting, not a JVM thread. One in a native wait
 * (socket read, epoll...) is a candidate too, but only CPU measured between samples can make it busy: an epoll loop
 * that spins is busy, a reader waiting for its client is not.
 */
function isBusyCandidate(t: ThreadInfo): boolean {
  return t.state === 'RUNNABLE' && !notRunning(t) && !isJvmThread(t) && t.frames.length > 0 && firstAppFrame(t) !== undefined;
}

/**
 * A carrier of a virtual thread whose frames Thread.print leaves out (JDK 21-24: no state line, only the carrier's
 * own frames): only its CPU figures can say that the virtual thread it runs is busy.
 */
function isOpaqueCarrier(t: ThreadInfo, dump: ThreadDump): boolean {
  return t.carryingVirtualThread !== undefined && t.state === undefined && !dump.threads.some((v) => v.virtual && v.carrier === t.name);
}

/**
 * Application threads RUNNABLE in any sample, hot ones first; the latest sample a thread is busy in describes it.
 * `hotKeys` gets the keys of the hot ones.
 */
export function busyThreads(samples: ThreadDump[], a: Activity, hotKeys = new Set<string>()): BusyThread[] {
  const latest = new Map<string, ThreadInfo>();
  const runnable = new Map<string, number>();
  /** Keys of threads seen out of any native wait: for them RUNNABLE counts without CPU figures. */
  const outOfWaits = new Set<string>();
  samples.forEach((s, k) =>
    s.threads.forEach((t, i) => {
      const opaque = isOpaqueCarrier(t, s);
      if (!isBusyCandidate(t) && !opaque) return;
      const key = a.keys[k][i];
      latest.set(key, t);
      if (!idleTop(t) && !opaque) {
        runnable.set(key, (runnable.get(key) ?? 0) + 1);
        outOfWaits.add(key);
      }
    }),
  );
  const out: BusyThread[] = [];
  for (const [key, t] of latest) {
    const appFrame = firstAppFrame(t);
    const b: BusyThread = {
      name: t.name,
      topFrames: topFrames(t),
      appFrame: appFrame
        ? frameText(appFrame)
        : t.carryingVirtualThread !== undefined
          ? `virtual thread #${t.carryingVirtualThread}`
          : undefined,
      runnableInSamples: runnable.get(key) ?? 0,
      hot: false,
    };
    const d = a.deltaByKey.get(key);
    const [hotIv, measured] = a.intervals.get(key) ?? [0, 0];
    if (samples.length > 1 && measured > 0) {
      // Measured between samples: busy in most of the intervals it was seen in.
      if (d?.share !== undefined) {
        b.cpuShare = d.share;
        b.cpuShareOver = 'samples';
      }
      b.hotIntervals = hotIv;
      b.measuredIntervals = measured;
      b.hot = hotIv * 2 > measured;
    } else if (!outOfWaits.has(key)) {
      // Only ever seen in a native wait, and no CPU figures between samples: idle.
      continue;
    } else if (samples.length === 1 && !t.virtual && t.cpuMs !== undefined && t.elapsedS !== undefined && t.elapsedS >= MIN_LIFETIME_S) {
      // (A virtual thread's figures are its carrier's, whose life spans other virtual threads: no lifetime share.)
      // One sample: the thread's average over its life is all there is.
      b.cpuShare = round(t.cpuMs / (t.elapsedS * 1000), 3);
      b.cpuShareOver = 'lifetime';
      b.hot = b.cpuShare >= HOT_SHARE;
    } else if (samples.length > 1 && t.cpuMs === undefined) {
      // No cpu= (JDK 8): RUNNABLE in application code, out of any native wait, in most samples.
      b.hot = b.runnableInSamples * 2 > samples.length;
    }
    if (b.hot) hotKeys.add(key);
    // A thread in a native wait is listed only when the CPU figures make it busy.
    if (b.hot || outOfWaits.has(key)) out.push(b);
  }
  return out.sort((x, y) => Number(y.hot) - Number(x.hot) || (y.cpuShare ?? 0) - (x.cpuShare ?? 0)).slice(0, MAX_LIST);
}

/**
 * Java threads with the same state and stack in every sample and no CPU between them, the ones not merely idle
 * first. Hot threads are busy, not stuck; `explain` tells which threads (by index in the last sample) a deadlock
 * or a contended lock already accounts for, and whether one waits for a lock.
 */
export function stuckThreads(
  samples: ThreadDump[],
  a: Activity,
  hot: Set<string>,
  explain: (thread: number) => { waitingForLock: boolean; explainedBy?: StuckThread['explainedBy'] },
): StuckThread[] {
  if (samples.length < 2) return [];
  const sigs = samples.map((s, k) => new Map(s.threads.map((t, i) => [a.keys[k][i], stackSignature(t)])));
  const lastK = samples.length - 1;
  const out: StuckThread[] = [];
  samples[lastK].threads.forEach((t, i) => {
    const key = a.keys[lastK][i];
    if (!t.isJavaThread || t.frames.length === 0 || hot.has(key)) return;
    const sig = stackSignature(t);
    if (!sigs.every((m) => m.get(key) === sig)) return;
    const d = a.deltaByKey.get(key);
    if (d?.share !== undefined && d.share > STUCK_MAX_SHARE) return;
    // Waiting for a lock someone holds is never idle; waiting for work (or an outside event) is.
    const why = explain(i);
    const idle =
      !why.waitingForLock &&
      (isJvmThread(t) ||
        t.state === 'WAITING' ||
        t.state === 'TIMED_WAITING' ||
        (t.state === 'RUNNABLE' && !notRunning(t) && (idleTop(t) || firstAppFrame(t) === undefined)));
    const s: StuckThread = { name: t.name, state: t.state, samples: samples.length, topFrames: topFrames(t), idle };
    if (why.explainedBy) s.explainedBy = why.explainedBy;
    out.push(s);
  });
  return out.sort((x, y) => Number(x.idle) - Number(y.idle)).slice(0, MAX_NAMES);
}
