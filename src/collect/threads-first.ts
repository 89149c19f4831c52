// Several pods at once: every pod's thread dumps start before any heap dump. A heap dump stops its JVM for
// seconds and loads the node; replicas that call that JVM would show threads waiting on it in their own
// thread dumps, and a busy node slows their jcmd. The wait is bounded: a pod slow to reach its thread dumps
// (an image pull, a scout) delays the others' heap dumps a little, never costs them.

/** Never wait longer than this for the other pods, nor more than a quarter of the time left. */
export const THREADS_FIRST_MAX_WAIT_MS = 30_000;

export function threadsFirstWaitMs(timeLeftMs: number): number {
  return Math.max(0, Math.min(THREADS_FIRST_MAX_WAIT_MS, Math.floor(timeLeftMs / 4)));
}

export class ThreadsFirst {
  private readonly pending: Set<string>;
  private readonly allStarted: Promise<void>;
  private release!: () => void;

  constructor(pods: readonly string[]) {
    this.pending = new Set(pods);
    this.allStarted = new Promise((resolve) => (this.release = resolve));
    if (this.pending.size === 0) this.release();
  }

  /** `pod` started its thread dumps, or will take none (it failed, ended, or has no JVM): idempotent. */
  started(pod: string): void {
    if (this.pending.delete(pod) && this.pending.size === 0) this.release();
  }

  /** The pods not yet started (for a progress line). */
  waitingFor(): string[] {
    return [...this.pending];
  }

  /** Resolves true once every pod started, false after `maxMs` or on `signal` (then the heap dump goes ahead). */
  wait(maxMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.pending.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (all: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(all);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(false), maxMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) done(false);
      void this.allStarted.then(() => done(true));
    });
  }
}
