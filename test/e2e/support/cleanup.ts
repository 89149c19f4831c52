// Cleanup registered at the moment something is created, so a failed assertion cannot leak it: the creating
// helper adds the undo step, the test file's afterEach (or afterAll) drains the registry and awaits every step.
export class CleanupRegistry {
  private readonly steps: { what: string; run: () => Promise<unknown> }[] = [];

  /** Registers an undo step. Steps must not depend on each other: a drain runs them together. */
  add(what: string, run: () => Promise<unknown>): void {
    this.steps.push({ what, run });
  }

  /** Runs every registered step, awaits them all (even when some fail), forgets them, then reports the failures. */
  async drain(): Promise<void> {
    const steps = this.steps.splice(0);
    const results = await Promise.allSettled(steps.map((s) => s.run()));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${steps[i].what}: ${String(r.reason)}`] : []));
    if (failed.length) throw new Error(`cleanup failed:\n${failed.join('\n')}`);
  }
}

/** What a test creates; drained by the test file's afterEach. */
export const testCleanup = new CleanupRegistry();
/** What a file's beforeAll creates for all its tests; drained by its afterAll. */
export const fileCleanup = new CleanupRegistry();
