// From a validated jfr-summary.json to the JFR part of one JVM's analysis: the top methods by self and total samples,
// the monitors, GC pauses, allocation and CPU worth showing, and the verdict line. Pure.
import type { JfrSummary } from '../shared/jfr-summary.js';
import type { JfrAnalysis, MethodShare } from './jfr-analysis-types.js';
import { isJdkFrame, jfrVerdict } from './jfr-verdict.js';

/** Rows per table in the summary ("top 10 methods"). */
export const JFR_TOP_METHODS = 10;
const JFR_TOP_MONITORS = 5;
const JFR_TOP_PAUSES = 5;
const JFR_TOP_ALLOCATIONS = 10;
const JFR_NOTES = 10;

function shareOf(samples: number, of: number): number {
  return of > 0 ? Math.round((samples / of) * 10_000) / 10_000 : 0;
}

const byCountThenName = (a: MethodShare, b: MethodShare) =>
  b.samples - a.samples || (a.method < b.method ? -1 : a.method > b.method ? 1 : 0);

/**
 * Samples per method anywhere in the stack: counted from the stacks (each method once per stack), raised to the
 * summariser's own total when that is larger (its totals include the stacks left out of the file).
 */
function totals(s: JfrSummary): Map<string, number> {
  const total = new Map<string, number>();
  for (const st of s.stacks) for (const m of new Set(st.frames)) total.set(m, (total.get(m) ?? 0) + st.count);
  for (const h of s.hotMethods) if (h.total > (total.get(h.method) ?? 0)) total.set(h.method, h.total);
  return total;
}

/** For a JDK method on top: the application frame nearest the top in the stacks it tops, and the share it has of them. */
export function callerOf(s: JfrSummary, method: string): { method: string; share: number } | undefined {
  const callers = new Map<string, number>();
  let topped = 0;
  for (const st of s.stacks) {
    if (st.frames[st.frames.length - 1] !== method) continue;
    topped += st.count;
    for (let i = st.frames.length - 2; i >= 0; i--) {
      if (isJdkFrame(st.frames[i])) continue;
      callers.set(st.frames[i], (callers.get(st.frames[i]) ?? 0) + st.count);
      break;
    }
  }
  const best = [...callers].map(([m, n]) => ({ method: m, samples: n, share: 0 })).sort(byCountThenName)[0];
  return best ? { method: best.method, share: shareOf(best.samples, topped) } : undefined;
}

export function analyseJfr(s: JfrSummary): JfrAnalysis {
  const n = s.executionSamples;
  const bySelf = s.hotMethods
    .filter((h) => h.self > 0)
    .map((h) => ({ method: h.method, samples: h.self, share: shareOf(h.self, n) }))
    .sort(byCountThenName)
    .slice(0, JFR_TOP_METHODS);
  const total = totals(s);
  const byTotal = [...total]
    .map(([method, samples]) => ({ method, samples, share: shareOf(samples, n) }))
    .sort(byCountThenName)
    .slice(0, JFR_TOP_METHODS);
  const top = bySelf[0];
  const caller = top && isJdkFrame(top.method) ? callerOf(s, top.method) : undefined;
  const out: JfrAnalysis = {
    verdict: '',
    durationMs: s.recording.durationMs,
    executionSamples: n,
    bySelf,
    byTotal,
    ...(caller ? { hotCaller: { method: caller.method, of: top.method, share: caller.share } } : {}),
    monitors: [...s.monitors].sort((a, b) => b.totalMs - a.totalMs).slice(0, JFR_TOP_MONITORS),
    gc: { ...s.gc, longest: [...s.gc.longest].sort((a, b) => b.ms - a.ms).slice(0, JFR_TOP_PAUSES) },
    allocations: [...s.allocations].sort((a, b) => b.weightBytes - a.weightBytes).slice(0, JFR_TOP_ALLOCATIONS),
    ...(s.cpu
      ? {
          cpu: {
            jvmUserAvg: s.cpu.jvmUserAvg,
            jvmSystemAvg: s.cpu.jvmSystemAvg,
            machineTotalAvg: s.cpu.machineTotalAvg,
            jvmPeak: s.cpu.jvmPeak,
          },
        }
      : {}),
    notes: s.notes.slice(0, JFR_NOTES),
  };
  // All GC pauses over the threshold, not only the five kept for the table.
  out.verdict = jfrVerdict(out, { pauses: s.gc.longest, totals: total, keptSamples: s.stacks.reduce((k, st) => k + st.count, 0) });
  return out;
}
