// Who holds which lock and who waits for one, in one sample: the base for deadlocks and contention.
import type { ThreadDump } from './thread-dump-types.js';

export type LockKind = 'monitor' | 'ownable';

/** Threads are indexes into the sample's `threads`, since names need not be unique. */
export interface LockGraph {
  /** By lock address. */
  owner: Map<string, { thread: number; kind: LockKind }>;
  /** By thread index: the lock it waits to acquire. */
  waits: Map<number, { address: string; className?: string; kind: LockKind }>;
}

export function lockGraph(dump: ThreadDump): LockGraph {
  const owner: LockGraph['owner'] = new Map();
  const waits: LockGraph['waits'] = new Map();
  dump.threads.forEach((t, i) => {
    // Object.wait() releases the monitor, yet the frame still prints "- locked" for it.
    const released = new Set<string>();
    for (const f of t.frames) for (const l of f.locks) if (l.action === 'waiting-on' && l.address) released.add(l.address);
    for (const f of t.frames)
      for (const l of f.locks)
        if (l.action === 'locked' && l.address && !released.has(l.address) && !owner.has(l.address))
          owner.set(l.address, { thread: i, kind: 'monitor' });
    for (const l of t.ownableSynchronizers ?? [])
      if (l.address && !owner.has(l.address)) owner.set(l.address, { thread: i, kind: 'ownable' });
  });
  dump.threads.forEach((t, i) => {
    const locks = [...t.looseLocks, ...t.frames.flatMap((f) => f.locks)];
    const mon = locks.find((l) => (l.action === 'waiting-to-lock' || l.action === 'waiting-to-relock') && l.address);
    if (mon?.address) {
      waits.set(i, { address: mon.address, className: mon.className, kind: 'monitor' });
      return;
    }
    // A park counts as a lock wait only when another thread owns what it parks on (a j.u.c. lock, not a Condition).
    const park = locks.find((l) => l.action === 'parking' && l.address);
    if (park?.address) {
      const o = owner.get(park.address);
      if (o && o.kind === 'ownable' && o.thread !== i) waits.set(i, { address: park.address, className: park.className, kind: 'ownable' });
    }
  });
  return { owner, waits };
}
