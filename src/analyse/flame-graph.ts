// What a flame graph is made of: stacks (root first) with counts, merged into a tree. From JFR execution samples
// when the recording has them; else from the thread-dump samples' RUNNABLE threads, which is what a JVM without
// JFR (JDK 8 before 8u272) offers. Pure.
import type { JfrSummary } from '../shared/jfr-summary.js';
import type { FlameGraphRef } from './jfr-analysis-types.js';
import type { ThreadDump } from './thread-dump-types.js';
import { idleTop, isJvmThread, notRunning } from './threads.js';

/** Thread-dump samples from which a flame graph is worth drawing without JFR: fewer show an instant, not a profile. */
export const MIN_THREAD_DUMP_SAMPLES_FOR_FLAME = 5;
/** Frames per stack drawn; deeper stacks (runaway recursion) keep their root-side frames. */
export const MAX_FLAME_DEPTH = 512;

export interface FlameStack {
  /** Root first, top frame last. */
  frames: string[];
  count: number;
}

export interface FlameInput {
  source: 'jfr' | 'thread-dumps';
  stacks: FlameStack[];
  /** Samples in the recording left out of `stacks` (less frequent stacks the summariser did not keep). */
  otherSamples: number;
  /** Thread-dump samples read (source 'thread-dumps'). */
  dumpSamples?: number;
  /** The recording's span, for the header (source 'jfr'). */
  durationMs?: number;
}

export interface FlameNode {
  name: string;
  /** Samples with this frame on the path (self plus children). */
  total: number;
  children: FlameNode[];
}

/**
 * The RUNNABLE threads' stacks of the samples, root first, one per thread and sample. Threads RUNNABLE in a socket
 * read, a poll or a wait (idle top frames) and the JVM's own threads are left out: they burn no CPU.
 */
export function runnableStacks(samples: readonly ThreadDump[]): FlameStack[] {
  const counts = new Map<string, FlameStack>();
  for (const d of samples)
    for (const t of d.threads) {
      if (t.state !== 'RUNNABLE' || t.frames.length === 0 || notRunning(t) || isJvmThread(t) || idleTop(t)) continue;
      const frames = t.frames.map((f) => f.method).reverse();
      const key = frames.join('\u0000');
      const s = counts.get(key);
      if (s) s.count++;
      else counts.set(key, { frames, count: 1 });
    }
  return [...counts.values()];
}

/**
 * Which flame graph a JVM gets: JFR's stacks when there are any; else the thread dumps' RUNNABLE stacks when JFR
 * was asked for (and failed) or there are enough samples; else none.
 */
export function flameInputOf(opts: {
  jfr?: JfrSummary;
  samples: readonly ThreadDump[];
  jfrRequested: boolean;
  requestedSamples?: number;
}): FlameInput | undefined {
  const { jfr, samples } = opts;
  if (jfr && jfr.stacks.length > 0)
    return { source: 'jfr', stacks: jfr.stacks, otherSamples: jfr.otherStacks, durationMs: jfr.recording.durationMs };
  const enough = Math.max(samples.length, opts.requestedSamples ?? 0) >= MIN_THREAD_DUMP_SAMPLES_FOR_FLAME;
  if (samples.length === 0 || !(opts.jfrRequested || enough)) return undefined;
  const stacks = runnableStacks(samples);
  return stacks.length > 0 ? { source: 'thread-dumps', stacks, otherSamples: 0, dumpSamples: samples.length } : undefined;
}

/** What the analysis says of a flame graph drawn from `input` into `file`. */
export function flameGraphRef(input: FlameInput, file: string): FlameGraphRef {
  const stacks = input.stacks.reduce((n, s) => n + s.count, 0) + input.otherSamples;
  return { file, source: input.source, stacks, ...(input.dumpSamples !== undefined ? { samples: input.dumpSamples } : {}) };
}

/** Merges the stacks into a tree under a root named `rootName`; children sorted by name so the output is stable. */
export function flameTree(input: FlameInput, rootName = 'all'): FlameNode {
  const root: FlameNode = { name: rootName, total: 0, children: [] };
  const index = new Map<FlameNode, Map<string, FlameNode>>();
  const child = (parent: FlameNode, name: string): FlameNode => {
    let byName = index.get(parent);
    if (!byName) index.set(parent, (byName = new Map<string, FlameNode>()));
    let c = byName.get(name);
    if (!c) {
      c = { name, total: 0, children: [] };
      byName.set(name, c);
      parent.children.push(c);
    }
    return c;
  };
  for (const s of input.stacks) {
    root.total += s.count;
    let node = root;
    for (const f of s.frames.slice(0, MAX_FLAME_DEPTH)) {
      node = child(node, f);
      node.total += s.count;
    }
  }
  if (input.otherSamples > 0) {
    root.total += input.otherSamples;
    child(root, '(less frequent stacks, not kept)').total += input.otherSamples;
  }
  const sort = (n: FlameNode) => {
    n.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    n.children.forEach(sort);
  };
  sort(root);
  return root;
}
