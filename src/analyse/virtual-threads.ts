// Virtual threads (JDK 21+): how many, in which state, and whether thousands pile up in the same frame.
// Only Thread.dump_to_file (text or JSON) lists the unmounted ones; Thread.print shows those mounted on a carrier.
import type { VirtualThreadGroup, VirtualThreadSummary } from './analysis-types.js';
import type { ThreadDump } from './thread-dump-types.js';
import { frameText, stackSignature } from './threads.js';

/**
 * This many virtual threads waiting in the same frame are a pile-up. A virtual thread costs little, so a few
 * dozen parked alike are ordinary (a pool of requests waiting for one answer); from a hundred on they queue for
 * something scarce: a lock, a semaphore, a pinned carrier, a slow downstream.
 */
export const VIRTUAL_PILEUP_MIN = 100;
const MAX_GROUPS = 5;
const GROUP_FRAMES = 12;
/** Virtual threads waiting for I/O (a socket read, accept, a selector) are idle connections, not a pile-up. */
const IO_WAIT_RE =
  /NioSocketImpl|\bNet\.(poll|accept)|SocketChannelImpl\.(read|accept)|SelectorImpl|Poller\.(poll|park)|DatagramChannelImpl\.receive/;

/** From the most complete dump: a JSON or dump_to_file one when there is one, else the last Thread.print. */
export function virtualThreadSummary(dumps: ThreadDump[]): VirtualThreadSummary | undefined {
  const full = [...dumps].reverse().find((d) => d.format !== 'thread-print');
  const source = full ?? dumps[dumps.length - 1];
  const vts = source?.threads.filter((t) => t.virtual) ?? [];
  if (!source || (vts.length === 0 && !full)) return undefined;
  const states: Record<string, number> = {};
  const groups = new Map<string, { g: VirtualThreadGroup; objects: Set<string | undefined> }>();
  let mounted = 0;
  for (const t of vts) {
    const state = t.state ?? 'UNKNOWN';
    states[state] = (states[state] ?? 0) + 1;
    if (t.carrier !== undefined) mounted++;
    const key = stackSignature(t);
    const entry = groups.get(key) ?? {
      g: { count: 0, state: t.state, frames: t.frames.slice(0, GROUP_FRAMES).map(frameText) },
      objects: new Set(),
    };
    entry.g.count++;
    entry.objects.add(t.frames.flatMap((f) => f.locks).find((l) => l.action === 'parking')?.address);
    groups.set(key, entry);
  }
  const holderOf = (address: string) => source.threads.find((t) => t.ownableSynchronizers?.some((l) => l.address === address))?.name;
  const sorted = [...groups.values()]
    .map(({ g, objects }) => {
      const only = objects.size === 1 ? [...objects][0] : undefined;
      if (!only) return g;
      const holder = holderOf(only);
      return holder !== undefined ? { ...g, parkedOn: only, parkedOnHolder: holder } : { ...g, parkedOn: only };
    })
    .sort((a, b) => b.count - a.count);
  const summary: VirtualThreadSummary = {
    source: source.format,
    total: vts.length,
    mounted,
    states,
    groups: sorted.slice(0, MAX_GROUPS),
  };
  const top = sorted[0];
  if (top && top.count >= VIRTUAL_PILEUP_MIN && top.state !== 'RUNNABLE' && !top.frames.some((f) => IO_WAIT_RE.test(f)))
    summary.pileUp = top;
  return summary;
}
