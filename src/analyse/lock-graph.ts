// Who holds which lock and who waits for one, in one sample: the base for deadlocks and contention.
import type { LockRef, ThreadDump, ThreadInfo } from './thread-dump-types.js';

/** A monitor (synchronized), a java.util.concurrent lock, or a class being initialised (key "class-init:C"). */
export type LockKind = 'monitor' | 'ownable' | 'class-init';

export interface LockWait {
  address: string;
  className?: string;
  kind: LockKind;
}

/** Threads are indexes into the sample's `threads`, since names need not be unique. */
export interface LockGraph {
  /** By lock address. */
  owner: Map<string, { thread: number; kind: LockKind }>;
  /** By thread index: the lock it waits to acquire (its owner may be unknown: a dump without -l). */
  waits: Map<number, LockWait>;
  /** True when the dump lists ownable synchronizers (taken with -l): a j.u.c. lock without an owner then has none. */
  knowsOwnable: boolean;
}

/**
 * The synchronizers of java.util.concurrent locks: a thread parked on one queues for a lock (unlike a Condition,
 * a latch or a pool's idle park, which wait for an event).
 */
const LOCK_SYNC_RE = /(^|\.)(ReentrantLock|ReentrantReadWriteLock|Semaphore)\$(Nonfair|Fair)?Sync(@[0-9a-f]+)?$/;

export function isLockSync(className: string | undefined): boolean {
  return className !== undefined && LOCK_SYNC_RE.test(className);
}

export function classInitKey(className: string): string {
  return `class-init:${className}`;
}

function allLocks(t: ThreadInfo): LockRef[] {
  return [...t.looseLocks, ...t.frames.flatMap((f) => f.locks)];
}

export function lockGraph(dump: ThreadDump): LockGraph {
  const owner: LockGraph['owner'] = new Map();
  const waits: LockGraph['waits'] = new Map();
  const knowsOwnable = dump.threads.some((t) => t.ownableSynchronizers !== undefined);
  dump.threads.forEach((t, i) => {
    // Object.wait() releases the monitor, yet the frame below still prints "- locked" (or, on JDK 11+, "waiting to
    // re-lock in wait()") for it: the thread in wait() holds it no more.
    const released = new Set<string>();
    for (const l of allLocks(t)) if ((l.action === 'waiting-on' || l.action === 'waiting-to-relock') && l.address) released.add(l.address);
    for (const l of allLocks(t))
      if (l.action === 'locked' && l.address && !released.has(l.address) && !owner.has(l.address))
        owner.set(l.address, { thread: i, kind: 'monitor' });
    for (const l of t.ownableSynchronizers ?? [])
      if (l.address && !owner.has(l.address)) owner.set(l.address, { thread: i, kind: 'ownable' });
    // A thread running a static initialiser holds that class's initialisation until it returns.
    for (const f of t.frames) {
      const clinit = /^(.+)\.<clinit>$/.exec(f.method);
      if (clinit && !owner.has(classInitKey(clinit[1]))) owner.set(classInitKey(clinit[1]), { thread: i, kind: 'class-init' });
    }
  });
  dump.threads.forEach((t, i) => {
    const locks = allLocks(t);
    // "waiting to re-lock in wait()" is a wait for the monitor only once notified (BLOCKED); in wait() it is none.
    const mon = locks.find(
      (l) => l.address && (l.action === 'waiting-to-lock' || (l.action === 'waiting-to-relock' && t.state === 'BLOCKED')),
    );
    if (mon?.address) {
      waits.set(i, { address: mon.address, className: mon.className, kind: 'monitor' });
      return;
    }
    const init = locks.find((l) => l.action === 'class-init' && l.className);
    if (init?.className) {
      waits.set(i, { address: classInitKey(init.className), className: init.className, kind: 'class-init' });
      return;
    }
    // A park is a lock wait when another thread owns what it parks on, or when it is a j.u.c. lock whose owner
    // the dump does not tell (no -l: the SIGQUIT path; or a read lock, which has no single owner).
    const park = locks.find((l) => l.action === 'parking' && l.address);
    if (park?.address) {
      const o = owner.get(park.address);
      if ((o && o.kind === 'ownable' && o.thread !== i) || (!o && isLockSync(park.className)))
        waits.set(i, { address: park.address, className: park.className, kind: 'ownable' });
    }
  });
  return { owner, waits, knowsOwnable };
}
