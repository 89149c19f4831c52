// A pod's JVMs: one after another, as dumps disturb a JVM and a pod's CPU is shared; with a JFR recording, in step.
import type { JvmResult } from '../shared/model.js';
import { openJvm, type JvmSteps } from './collect-jvm.js';
import type { CollectContext } from './context.js';
import type { JvmTarget } from './jvm-job.js';

/**
 * Collects each JVM of `targets`, its result pushed into `into` in the targets' order as soon as it is known (what
 * was collected stays when a later JVM throws). With a recording the JVMs go through their steps in step: every
 * recording starts before any waits out jfr-duration, so N JVMs take one jfr-duration, not N; each step still runs
 * one JVM at a time, and no heap dump falls inside another JVM's recording (they come after every recording ended).
 */
export async function collectJvms(ctx: CollectContext, targets: readonly JvmTarget[], into: JvmResult[]): Promise<void> {
  const runs: JvmSteps[] = [];
  const open = async (target: JvmTarget) => {
    const run = await openJvm(ctx, target);
    runs.push(run);
    into.push(run.out);
    return run;
  };
  try {
    if (ctx.settings.dumps.includes('jfr')) {
      for (const target of targets) await open(target);
      const count = Math.max(0, ...runs.map((r) => r.steps.length));
      for (let i = 0; i < count; i++) for (const run of runs) await run.steps[i]?.();
    } else {
      for (const target of targets) for (const step of (await open(target)).steps) await step();
    }
  } finally {
    for (const run of runs) await run.discard();
  }
}
