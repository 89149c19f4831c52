// Which locks have threads queuing for them, in how many samples, and what their holder is doing meanwhile.
import type { ContendedLock } from './analysis-types.js';
import { MAX_NAMES } from './limits.js';
import type { LockGraph } from './lock-graph.js';
import type { ThreadDump } from './thread-dump-types.js';
import { appOrTopFrame, describeState, frameText } from './threads.js';

/** One waiter is ordinary locking; from two on, threads queue behind the holder. */
export const CONTENTION_WAITERS = 2;

/** Contended locks of one sample, most waiters first; `contendedInSamples` is 1 or 0 here. */
export function contendedLocks(dump: ThreadDump, g: LockGraph): ContendedLock[] {
  const byLock = new Map<string, ContendedLock>();
  for (const [i, w] of g.waits) {
    let c = byLock.get(w.address);
    if (!c) {
      const o = g.owner.get(w.address);
      const holder = o ? dump.threads[o.thread] : undefined;
      const hf = holder ? appOrTopFrame(holder) : undefined;
      c = {
        address: w.address,
        className: w.className,
        kind: w.kind,
        holder: holder?.name,
        holderState: holder ? describeState(holder) : undefined,
        holderFrame: hf ? frameText(hf) : undefined,
        waiters: 0,
        waiterNames: [],
        contendedInSamples: 0,
        ofSamples: 1,
      };
      if (!holder) c.holderUnknown = holderUnknown(w.kind, w.className, g);
      byLock.set(w.address, c);
    }
    c.waiters++;
    if (dump.threads[i].virtual) c.virtualWaiters = (c.virtualWaiters ?? 0) + 1;
    if (c.waiterNames.length < MAX_NAMES) c.waiterNames.push(dump.threads[i].name);
  }
  for (const c of byLock.values()) c.contendedInSamples = c.waiters >= CONTENTION_WAITERS ? 1 : 0;
  return [...byLock.values()].sort((a, b) => b.waiters - a.waiters);
}

function holderUnknown(kind: ContendedLock['kind'], className: string | undefined, g: LockGraph): ContendedLock['holderUnknown'] {
  if (kind !== 'ownable') return 'not-in-dump';
  if (!g.knowsOwnable) return 'no-ownable-info';
  // Read locks and semaphore permits have no single owner; -l lists only exclusive owners.
  return /ReentrantReadWriteLock|Semaphore/.test(className ?? '') ? 'shared' : 'not-in-dump';
}

/**
 * Locks contended across the samples: per lock (by its identity), the sample with the most waiters stands for
 * it, and `contendedInSamples` counts the samples with two or more waiters. Most often contended first.
 */
export function contentionAcrossSamples(samples: ThreadDump[], graphs: LockGraph[]): ContendedLock[] {
  const byLock = new Map<string, ContendedLock>();
  samples.forEach((d, i) => {
    for (const c of contendedLocks(d, graphs[i])) {
      const prev = byLock.get(c.address);
      const inSamples = (prev?.contendedInSamples ?? 0) + c.contendedInSamples;
      const best = !prev || c.waiters >= prev.waiters ? c : prev;
      byLock.set(c.address, { ...best, contendedInSamples: inSamples, ofSamples: samples.length });
    }
  });
  return [...byLock.values()].sort((a, b) => b.contendedInSamples - a.contendedInSamples || b.waiters - a.waiters);
}

/** Contended in most samples (more than half): what a verdict may call contention. */
export function contendedInMost(c: ContendedLock): boolean {
  return c.waiters >= CONTENTION_WAITERS && c.contendedInSamples * 2 > c.ofSamples;
}
