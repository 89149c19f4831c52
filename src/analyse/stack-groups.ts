// Threads with the same state and stack: a pool all stuck at one place shows as one group, not as N threads.
import type { StackGroup } from './analysis-types.js';
import { MAX_NAMES } from './limits.js';
import type { StackFrame, ThreadInfo } from './thread-dump-types.js';
import { frameText, stackSignature } from './threads.js';

const MAX_GROUPS = 10;
/** Deep framework stacks are cut; the top is where the threads are. */
const MAX_GROUP_FRAMES = 30;

/** Groups of two or more threads, largest first. */
export function stackGroups(threads: ThreadInfo[]): StackGroup[] {
  const groups = new Map<string, { state?: string; frames: StackFrame[]; names: string[] }>();
  for (const t of threads) {
    if (t.frames.length === 0) continue;
    const key = stackSignature(t);
    const g = groups.get(key) ?? { state: t.state, frames: t.frames, names: [] };
    g.names.push(t.name);
    groups.set(key, g);
  }
  return [...groups.values()]
    .filter((g) => g.names.length > 1)
    .sort((a, b) => b.names.length - a.names.length)
    .slice(0, MAX_GROUPS)
    .map((g) => ({
      count: g.names.length,
      state: g.state,
      threadNames: g.names.slice(0, MAX_NAMES),
      frames: g.frames.slice(0, MAX_GROUP_FRAMES).map(frameText),
      framesOmitted: Math.max(0, g.frames.length - MAX_GROUP_FRAMES),
    }));
}
