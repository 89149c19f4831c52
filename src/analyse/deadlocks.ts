// Deadlocks from the JVM's own report and from cycles in the lock graph, so that a dump without the report
// (or a cycle the JVM did not list) is still caught; a deadlock that both show is marked 'both'.
import type { DeadlockFinding } from './analysis-types.js';
import type { LockGraph } from './lock-graph.js';
import type { ThreadDump } from './thread-dump-types.js';

/** Every deadlock in any sample, once each; `graphs[i]` is the lock graph of `samples[i]`. */
export function findDeadlocks(samples: ThreadDump[], graphs: LockGraph[]): DeadlockFinding[] {
  return mergeDeadlocks(samples.flatMap((d, i) => [...jvmDeadlocks(d), ...graphDeadlocks(d, graphs[i])]));
}

function graphDeadlocks(dump: ThreadDump, g: LockGraph): DeadlockFinding[] {
  // Each thread waits for at most one lock, so following "waits for the owner of" from any thread traces a single path.
  const next = (i: number): number | undefined => {
    const w = g.waits.get(i);
    return w ? g.owner.get(w.address)?.thread : undefined;
  };
  const found: DeadlockFinding[] = [];
  const done = new Set<number>();
  for (const start of g.waits.keys()) {
    if (done.has(start)) continue;
    const path: number[] = [];
    const onPath = new Map<number, number>();
    let cur: number | undefined = start;
    while (cur !== undefined && !done.has(cur) && !onPath.has(cur)) {
      onPath.set(cur, path.length);
      path.push(cur);
      cur = next(cur);
    }
    if (cur !== undefined && onPath.has(cur)) {
      const cycle = path.slice(onPath.get(cur));
      found.push({
        threads: cycle.map((i) => dump.threads[i].name),
        locks: cycle.map((i) => {
          const w = g.waits.get(i)!;
          return {
            thread: dump.threads[i].name,
            kind: w.kind,
            address: w.address,
            className: w.className,
            heldBy: dump.threads[g.owner.get(w.address)!.thread].name,
          };
        }),
        source: 'graph',
      });
    }
    for (const i of path) done.add(i);
  }
  return found;
}

function jvmDeadlocks(dump: ThreadDump): DeadlockFinding[] {
  return dump.jvmDeadlocks
    .filter((d) => d.waits.length > 0)
    .map((d) => ({
      threads: d.waits.map((w) => w.thread),
      locks: d.waits.map((w) => ({ thread: w.thread, kind: w.kind, address: w.address, className: w.className, heldBy: w.heldBy })),
      source: 'jvm' as const,
    }));
}

/** One finding per set of threads: the same deadlock shows in every sample and, usually, in both sources. */
function mergeDeadlocks(all: DeadlockFinding[]): DeadlockFinding[] {
  const byKey = new Map<string, DeadlockFinding>();
  for (const d of all) {
    const key = [...d.threads].sort().join('\u0000');
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, d);
    else if (prev.source !== d.source) prev.source = 'both';
  }
  return [...byKey.values()];
}
