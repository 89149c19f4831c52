import type { Settings } from '../inputs/settings.js';
import type { Cluster } from '../kube/client.js';
import type { ThreadsFirst } from './threads-first.js';

export type Progress = (message: string) => void;

/** What every part of one run's collection shares. */
export interface CollectContext {
  cluster: Cluster;
  settings: Settings;
  /** Epoch ms by which the run must be over. */
  deadline: number;
  progress: Progress;
  signal?: AbortSignal;
  /** Waits between spaced thread dumps, ending early (rejecting) on `signal`; injectable so unit tests need not wait. */
  pause?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Several pods at once: heap dumps wait until every pod's thread dumps started. */
  threadsFirst?: ThreadsFirst;
}

/** Milliseconds left before the deadline, never less than `floorMs` (a command needs some time to fail cleanly). */
export function timeLeft(ctx: CollectContext, floorMs = 1000): number {
  return Math.max(floorMs, ctx.deadline - Date.now());
}
