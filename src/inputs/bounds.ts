// The documented bounds of the duration inputs, checked when the inputs are read, before anything touches the
// cluster. Upper bounds matter as much as lower ones: a timer over 2^31-1 ms (24.8 days) fires at once, which
// would abort a run after the debugger was added.
import { Inputs } from '../shared/constants.js';
import { parseDuration } from './duration.js';

export interface DurationBounds {
  minMs: number;
  maxMs: number;
  /** Why the lower bound, for the error. */
  minWhy?: string;
}

export const Bounds = {
  /** A GitHub-hosted job ends after 6 h anyway. */
  timeout: { minMs: 10_000, maxMs: 6 * 3_600_000 },
  /** The debugger's sleep: long enough to take the dumps, never a container left for days. */
  debuggerTtl: { minMs: 30_000, maxMs: 24 * 3_600_000, minWhy: 'so the dumps can be taken' },
  threadDumpInterval: { minMs: 0, maxMs: 10 * 60_000 },
  /** Under a second gives too few samples to say anything; a recording of hours belongs to the app's own setup. */
  jfrDuration: { minMs: 1000, maxMs: 3_600_000, minWhy: 'for enough samples' },
  /** kubectl's progress deadline defaults to 10 m; a job ends after 6 h. */
  rolloutTimeout: { minMs: 10_000, maxMs: 6 * 3_600_000 },
} as const satisfies Record<string, DurationBounds>;

/** Collection stops at `timeout`; removing a heap dump from the pod may take this much longer. */
export const CLEANUP_GRACE_MS = 30_000;

function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** A duration input within its bounds; `fallback` when unset. */
export function boundedDuration(raw: string, name: string, fallback: string, bounds: DurationBounds): number {
  const ms = parseDuration(raw.trim() || fallback, name);
  if (ms < bounds.minMs || ms > bounds.maxMs) {
    const why = ms < bounds.minMs && bounds.minWhy ? ` ${bounds.minWhy}` : '';
    throw new RangeError(`Input '${name}' must be from ${formatMs(bounds.minMs)} to ${formatMs(bounds.maxMs)}${why}, got '${raw.trim()}'.`);
  }
  return ms;
}

/** Why the spaced thread dumps cannot all be taken before the run's timeout, or undefined when they can. */
export function dumpWindowProblem(count: number, intervalMs: number, timeoutMs: number): string | undefined {
  const windowMs = (count - 1) * intervalMs;
  if (windowMs < timeoutMs) return undefined;
  return (
    `${count} thread dumps ${formatMs(intervalMs)} apart take ${formatMs(windowMs)}, which does not fit in '${Inputs.Timeout}' ${formatMs(timeoutMs)}: ` +
    `raise '${Inputs.Timeout}' or lower '${Inputs.ThreadDumpCount}' or '${Inputs.ThreadDumpInterval}'.`
  );
}

/** Adding the debugger before, and stopping, streaming and summarising the recording after it, need this much of `timeout`. */
export const JFR_OVERHEAD_MS = 20_000;

/** Why a JFR recording of `durationMs` cannot be finished before the run's timeout, or undefined when it can. */
export function jfrWindowProblem(durationMs: number, timeoutMs: number): string | undefined {
  if (durationMs + JFR_OVERHEAD_MS <= timeoutMs) return undefined;
  return (
    `A JFR recording of ${formatMs(durationMs)} does not fit in '${Inputs.Timeout}' ${formatMs(timeoutMs)}: the recording plus ` +
    `${formatMs(JFR_OVERHEAD_MS)} (adding the debugger, stopping, streaming and summarising the recording) must fit. ` +
    `Raise '${Inputs.Timeout}' or lower '${Inputs.JfrDuration}'.`
  );
}
