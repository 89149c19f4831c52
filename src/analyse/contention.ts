// Which locks have threads queuing for them, and what their holder is doing meanwhile.
import type { ContendedLock } from './analysis-types.js';
import { MAX_NAMES } from './limits.js';
import type { LockGraph } from './lock-graph.js';
import type { ThreadDump } from './thread-dump-types.js';
import { appOrTopFrame, describeState, frameText } from './threads.js';

/** Contended locks of one sample, most waiters first. */
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
      };
      byLock.set(w.address, c);
    }
    c.waiters++;
    if (c.waiterNames.length < MAX_NAMES) c.waiterNames.push(dump.threads[i].name);
  }
  return [...byLock.values()].sort((a, b) => b.waiters - a.waiters);
}
