// Deadlocks from the JVM's own report and from cycles in the lock graph, so that a dump without the report
// (or a cycle the JVM does not look for, such as class initialisation) is still caught. A deadlock is known by
// the locks in its cycle, not by its threads' names: two cycles between threads of the same names are two.
import type { DeadlockFinding } from './analysis-types.js';
import { classInitKey, type LockGraph } from './lock-graph.js';
import type { ThreadDump } from './thread-dump-types.js';
import { notRunning } from './threads.js';

/** Every deadlock in any sample, once each; `graphs[i]` is the lock graph of `samples[i]`. */
export function findDeadlocks(samples: ThreadDump[], graphs: LockGraph[]): DeadlockFinding[] {
  const byKey = new Map<string, DeadlockFinding>();
  samples.forEach((d, i) => {
    for (const f of sampleDeadlocks(d, graphs[i])) {
      const key = identity(f);
      const prev = byKey.get(key);
      if (!prev) byKey.set(key, f);
      else if (prev.source !== f.source) prev.source = 'both';
    }
  });
  return [...byKey.values()];
}

/** The JVM's report and the graph's cycles of one sample, a cycle that both show once. */
function sampleDeadlocks(dump: ThreadDump, g: LockGraph): DeadlockFinding[] {
  const jvm = jvmDeadlocks(dump);
  const out = [...jvm];
  for (const c of [...graphDeadlocks(dump, g), ...inferredClassInitDeadlock(dump, g)]) {
    const same = jvm.find((j) => identity(j) === identity(c)) ?? jvm.find((j) => !hasAddresses(j) && sameNames(j, c));
    if (same) same.source = 'both';
    else out.push(c);
  }
  return out;
}

function hasAddresses(d: DeadlockFinding): boolean {
  return d.locks.length > 0 && d.locks.every((l) => l.address !== undefined);
}

function sameNames(a: DeadlockFinding, b: DeadlockFinding): boolean {
  return [...a.threads].sort().join('\u0000') === [...b.threads].sort().join('\u0000');
}

/** The set of locks in the cycle; the threads' names only when the JVM's report gave no address. */
function identity(d: DeadlockFinding): string {
  if (hasAddresses(d))
    return `locks ${d.locks
      .map((l) => l.address)
      .sort()
      .join(' ')}`;
  return `threads ${[...d.threads].sort().join('\u0000')}`;
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
    for (const i of path) done.add(i);
    if (cur === undefined || !onPath.has(cur)) continue;
    const cycle = path.slice(onPath.get(cur));
    // Monitors and class initialisation are reentrant: a thread never waits for one it holds itself.
    if (cycle.length === 1 && g.waits.get(cycle[0])!.kind !== 'ownable') continue;
    found.push({
      threads: cycle.map((i) => dump.threads[i].name),
      locks: cycle.map((i) => {
        const w = g.waits.get(i)!;
        const heldBy = dump.threads[g.owner.get(w.address)!.thread].name;
        return { thread: dump.threads[i].name, kind: w.kind, address: w.address, className: w.className, heldBy };
      }),
      source: 'graph',
    });
  }
  return found;
}

/**
 * JDK 8 to 17.0.x print no "waiting on the Class initialization monitor" line: a thread waiting for another's
 * static initialiser shows only RUNNABLE "in Object.wait()" in a <clinit> frame. When every thread that runs a
 * static initialiser waits like that, each waits for a class that another of them initialises: a cycle, with
 * threads known but not the exact classes.
 */
function inferredClassInitDeadlock(dump: ThreadDump, g: LockGraph): DeadlockFinding[] {
  const inClinit = dump.threads.map((t, i) => ({ t, i })).filter(({ t }) => t.frames.some((f) => f.method.endsWith('.<clinit>')));
  const waiting = inClinit.filter(
    ({ t, i }) => !g.waits.has(i) && t.state === 'RUNNABLE' && notRunning(t) && t.frames[0]?.method.endsWith('.<clinit>'),
  );
  if (waiting.length < 2 || waiting.length !== inClinit.length) return [];
  return [
    {
      threads: waiting.map(({ t }) => t.name),
      // The class each one waits for is not printed: the lock is named by the class the thread itself initialises.
      locks: waiting.map(({ t }) => ({
        thread: t.name,
        kind: 'class-init' as const,
        address: `${classInitKey('?')} held ${t.frames[0].method}`,
      })),
      source: 'graph',
      inferred: true,
    },
  ];
}

function jvmDeadlocks(dump: ThreadDump): DeadlockFinding[] {
  return dump.jvmDeadlocks
    .filter((d) => d.waits.length > 0)
    .map((d) => {
      const waits = cycleOf(d.waits);
      return {
        threads: waits.map((w) => w.thread),
        locks: waits.map((w) => ({ thread: w.thread, kind: w.kind, address: w.address, className: w.className, heldBy: w.heldBy })),
        source: 'jvm' as const,
      };
    });
}

/**
 * The cycle in one report of the JVM. JDK 8 also lists threads that only wait for a deadlocked one (a chain into
 * the cycle): they are no part of the deadlock's identity. The whole report when no cycle shows (names repeat).
 */
function cycleOf<W extends { thread: string; heldBy?: string }>(waits: W[]): W[] {
  const byThread = new Map(waits.map((w) => [w.thread, w]));
  if (byThread.size !== waits.length) return waits;
  for (const start of waits) {
    const seen: W[] = [];
    let cur: W | undefined = start;
    while (cur && !seen.includes(cur)) {
      seen.push(cur);
      cur = cur.heldBy !== undefined ? byThread.get(cur.heldBy) : undefined;
    }
    if (cur) return seen.slice(seen.indexOf(cur));
  }
  return waits;
}
