// Diagnosis of one JVM from its spaced thread dumps and class histogram. Pure: text in, JSON-safe object out.
import { parseClassHistogram, readableClassName, topByBytes, topByInstances } from './histogram.js';
import { parseThreadDump, type StackFrame, type ThreadDump, type ThreadInfo } from './thread-dump.js';

export type Severity = 'deadlock' | 'contention' | 'cpu' | 'stuck' | 'ok' | 'no-data';

export interface DeadlockLock {
  /** The thread that waits. */
  thread: string;
  kind: 'monitor' | 'ownable' | 'unknown';
  address?: string;
  className?: string;
  heldBy?: string;
}

export interface DeadlockFinding {
  threads: string[];
  locks: DeadlockLock[];
  /** 'jvm': from the JVM's own report; 'graph': from the lock-owner graph; 'both': found by each. */
  source: 'jvm' | 'graph' | 'both';
}

export interface ContendedLock {
  address: string;
  className?: string;
  kind: 'monitor' | 'ownable';
  holder?: string;
  holderState?: string;
  holderFrame?: string;
  waiters: number;
  /** Capped at MAX_NAMES; `waiters` is the full count. */
  waiterNames: string[];
}

export interface StackGroup {
  count: number;
  state?: string;
  threadNames: string[];
  frames: string[];
  framesOmitted: number;
}

export interface BusyThread {
  name: string;
  topFrames: string[];
  appFrame?: string;
  /** CPU used as a share of one core: over the sampled interval, or over the thread's life with one sample. */
  cpuShare?: number;
  cpuShareOver?: 'samples' | 'lifetime';
  runnableInSamples: number;
  /** Counted in the verdict: enough CPU, or RUNNABLE in application code in every sample when no CPU data. */
  hot: boolean;
}

export interface StuckThread {
  name: string;
  state?: string;
  samples: number;
  topFrames: string[];
  /** Waiting for work (sleep, park, Object.wait, accept/epoll...) rather than stuck on something. */
  idle: boolean;
}

export interface CpuDelta {
  name: string;
  cpuDeltaMs: number;
  wallMs?: number;
  share?: number;
}

export interface HistogramRow {
  className: string;
  instances: number;
  bytes: number;
  module?: string;
}

export interface HistogramSummary {
  classes: number;
  totalInstances?: number;
  totalBytes?: number;
  topByBytes: HistogramRow[];
  topByInstances: HistogramRow[];
}

export interface MainThreadInfo {
  state?: string;
  stateDetail?: string;
  /** First application frame (not java./jdk./sun....), else the top frame. */
  frame?: string;
}

export interface JvmAnalysis {
  /** One line, most severe finding first. */
  verdict: string;
  severity: Severity;
  deadlock: boolean;
  /** Threads waiting to acquire a lock held by another thread (monitor or java.util.concurrent lock), last sample. */
  blockedThreads: number;
  /** Thread dumps given / parsed with at least one thread. */
  samplesGiven: number;
  samples: number;
  vm?: string;
  timestamp?: string;
  /** Java threads in the last sample (VM-internal threads counted apart). */
  threadCount: number;
  vmThreadCount: number;
  states: Record<string, number>;
  main?: MainThreadInfo;
  deadlocks: DeadlockFinding[];
  contendedLocks: ContendedLock[];
  identicalStacks: StackGroup[];
  busyThreads: BusyThread[];
  stuckThreads: StuckThread[];
  cpuDeltas: CpuDelta[];
  histogram?: HistogramSummary;
  /** Parser remarks, e.g. unrecognised lines, so a format change is visible. */
  notes: string[];
}

export interface AnalyseInput {
  /** Thread dumps of one JVM, oldest first. */
  threadDumps: string[];
  histogram?: string;
}

const MAX_NAMES = 50;
const MAX_GROUPS = 10;
const MAX_GROUP_FRAMES = 30;
const TOP_FRAMES = 5;
const TOP_CLASSES = 10;
const MAX_LIST = 20;
/** A thread is "hot" above this share of one core. Low enough for a loaded 2-core runner. */
const HOT_SHARE = 0.2;
/** Contention becomes the verdict from this many waiters on one lock. */
const CONTENTION_WAITERS = 2;

const JDK_PREFIX = /^(java|javax|jdk|sun|com\.sun)\./;
const JVM_THREAD_NAMES =
  /^(Reference Handler|Finalizer|Signal Dispatcher|Attach Listener|Service Thread|Common-Cleaner|Notification Thread|Monitor Deflation Thread|Sweeper thread|C[12] CompilerThread\d+|JVMCI.*CompilerThread\d+|process reaper|DestroyJavaVM|Monitor Ctrl-Break|Java2D Disposer|Surrogate Locker Thread.*)$/;
// Native waits for outside events: a thread here is idle, not busy, even when RUNNABLE.
const IDLE_TOP_FRAMES = [
  /EPoll(ArrayWrapper)?\.(epoll)?[wW]ait/,
  /KQueue(ArrayWrapper)?\.(kevent|keventPoll|poll)/,
  /\.(socketAccept|accept0|accept)$/,
  /Net\.(poll|accept)/,
  /PollArrayWrapper\.poll0/,
  /WindowsSelectorImpl.*poll0/,
  /Reference\.waitForReferencePendingList/,
  /Signal\.wait/,
  /waitForProcessExit/,
  /LinuxWatchService\.poll/,
  /FileInputStream\.readBytes/,
  /Console\.read/,
];

function frameText(f: StackFrame): string {
  return `${f.method}(${f.location})`;
}

function isAppFrame(f: StackFrame): boolean {
  return !JDK_PREFIX.test(f.method);
}

function firstAppFrame(t: ThreadInfo): StackFrame | undefined {
  return t.frames.find(isAppFrame);
}

function isJvmThread(t: ThreadInfo): boolean {
  return !t.isJavaThread || JVM_THREAD_NAMES.test(t.name);
}

function idleTop(t: ThreadInfo): boolean {
  const top = t.frames[0];
  return top !== undefined && IDLE_TOP_FRAMES.some((re) => re.test(top.method));
}

function threadKey(t: ThreadInfo): string {
  // tid (the JavaThread address) tells apart threads that share a name.
  return `${t.name}\u0000${t.tid ?? ''}`;
}

function stackSignature(t: ThreadInfo): string {
  return `${t.state ?? ''}\n${t.frames.map(frameText).join('\n')}`;
}

/** What each thread holds and waits for, in one sample. */
interface LockGraph {
  owner: Map<string, { thread: number; kind: 'monitor' | 'ownable' }>;
  waits: Map<number, { address: string; className?: string; kind: 'monitor' | 'ownable' }>;
}

function lockGraph(dump: ThreadDump): LockGraph {
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

function graphDeadlocks(dump: ThreadDump, g: LockGraph): DeadlockFinding[] {
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
      const cycle = path.slice(onPath.get(cur)!);
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

function describeState(t: { state?: string; stateDetail?: string }): string {
  const d = t.stateDetail ?? '';
  let words: string;
  if (d === 'sleeping') words = 'sleeping';
  else if (d === 'parking') words = 'parked';
  else if (d.includes('object monitor') && t.state !== 'BLOCKED') words = 'waiting in Object.wait';
  else if (t.state === 'BLOCKED') words = 'blocked on a monitor';
  else if (t.state === 'RUNNABLE') words = 'running';
  else words = (t.state ?? 'unknown state').toLowerCase();
  return t.state ? `${words} (${t.state})` : words;
}

function shortFrame(frame: string | undefined): string | undefined {
  return frame?.replace(/\(.*\)$/, '');
}

function stateCounts(threads: ThreadInfo[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of threads) {
    const k = t.state ?? (t.carryingVirtualThread !== undefined ? 'CARRYING_VIRTUAL_THREAD' : 'UNKNOWN');
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

function quoteList(names: string[], max = 3): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}

function percent(share: number): string {
  return `${Math.round(share * 100)}% of a CPU`;
}

/** Analyses one JVM. `threadDumps` are its spaced samples, oldest first. */
export function analyseJvm(input: AnalyseInput): JvmAnalysis {
  const notes: string[] = [];
  const parsed = input.threadDumps.map((text, i) => {
    const d = parseThreadDump(text);
    if (d.unknownLines.length > 0) notes.push(`sample ${i + 1}: ${d.unknownLines.length} unrecognised line(s), e.g. ${JSON.stringify(d.unknownLines[0].slice(0, 120))}`);
    return d;
  });
  const samples = parsed.filter((d) => d.threads.length > 0);
  if (samples.length < parsed.length) notes.push(`${parsed.length - samples.length} sample(s) held no thread`);

  const histogram = input.histogram !== undefined ? summariseHistogram(input.histogram, notes) : undefined;
  const last = samples[samples.length - 1];
  if (!last) {
    return {
      verdict: 'no thread dump could be parsed',
      severity: 'no-data',
      deadlock: false,
      blockedThreads: 0,
      samplesGiven: parsed.length,
      samples: 0,
      threadCount: 0,
      vmThreadCount: 0,
      states: {},
      deadlocks: [],
      contendedLocks: [],
      identicalStacks: [],
      busyThreads: [],
      stuckThreads: [],
      cpuDeltas: [],
      histogram,
      notes,
    };
  }

  const graphs = samples.map(lockGraph);
  const lastGraph = graphs[graphs.length - 1];
  const deadlocks = mergeDeadlocks(samples.flatMap((d, i) => [...jvmDeadlocks(d), ...graphDeadlocks(d, graphs[i])]));

  const javaThreads = last.threads.filter((t) => t.isJavaThread);
  const contendedLocks = contended(last, lastGraph);
  const identicalStacks = stackGroups(javaThreads);
  const { cpuDeltas, deltaByKey } = cpuDeltasOf(samples);
  const busyThreads = busy(samples, deltaByKey);
  const stuckThreads = stuck(samples, graphs);

  const mainThread = javaThreads.find((t) => t.name === 'main');
  const main: MainThreadInfo | undefined = mainThread
    ? {
        state: mainThread.state,
        stateDetail: mainThread.stateDetail,
        frame: (() => {
          const f = firstAppFrame(mainThread) ?? mainThread.frames[0];
          return f ? frameText(f) : undefined;
        })(),
      }
    : undefined;

  const analysis: JvmAnalysis = {
    verdict: '',
    severity: 'ok',
    deadlock: deadlocks.length > 0,
    blockedThreads: lastGraph.waits.size,
    samplesGiven: parsed.length,
    samples: samples.length,
    vm: last.vm,
    timestamp: last.timestamp,
    threadCount: javaThreads.length,
    vmThreadCount: last.threads.length - javaThreads.length,
    states: stateCounts(javaThreads),
    main,
    deadlocks,
    contendedLocks,
    identicalStacks,
    busyThreads,
    stuckThreads,
    cpuDeltas,
    histogram,
    notes,
  };
  const v = verdictOf(analysis);
  analysis.verdict = v.verdict;
  analysis.severity = v.severity;
  return analysis;
}

function contended(dump: ThreadDump, g: LockGraph): ContendedLock[] {
  const byLock = new Map<string, ContendedLock>();
  for (const [i, w] of g.waits) {
    let c = byLock.get(w.address);
    if (!c) {
      const o = g.owner.get(w.address);
      const holder = o ? dump.threads[o.thread] : undefined;
      const hf = holder ? (firstAppFrame(holder) ?? holder.frames[0]) : undefined;
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

function stackGroups(threads: ThreadInfo[]): StackGroup[] {
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

function cpuDeltasOf(samples: ThreadDump[]): { cpuDeltas: CpuDelta[]; deltaByKey: Map<string, CpuDelta> } {
  const deltaByKey = new Map<string, CpuDelta>();
  if (samples.length < 2) return { cpuDeltas: [], deltaByKey };
  const first = new Map(samples[0].threads.map((t) => [threadKey(t), t]));
  for (const t of samples[samples.length - 1].threads) {
    const f = first.get(threadKey(t));
    if (!f || f.cpuMs === undefined || t.cpuMs === undefined) continue;
    const d: CpuDelta = { name: t.name, cpuDeltaMs: round(t.cpuMs - f.cpuMs) };
    if (f.elapsedS !== undefined && t.elapsedS !== undefined && t.elapsedS > f.elapsedS) {
      d.wallMs = round((t.elapsedS - f.elapsedS) * 1000);
      d.share = round(d.cpuDeltaMs / d.wallMs, 3);
    }
    deltaByKey.set(threadKey(t), d);
  }
  const cpuDeltas = [...deltaByKey.values()]
    .filter((d) => d.cpuDeltaMs > 0)
    .sort((a, b) => b.cpuDeltaMs - a.cpuDeltaMs)
    .slice(0, MAX_LIST);
  return { cpuDeltas, deltaByKey };
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** RUNNABLE in application code, not parked in an accept/epoll-style native wait, not a JVM-owned thread. */
function isBusyCandidate(t: ThreadInfo): boolean {
  return t.state === 'RUNNABLE' && !isJvmThread(t) && t.frames.length > 0 && !idleTop(t) && firstAppFrame(t) !== undefined;
}

function busy(samples: ThreadDump[], deltaByKey: Map<string, CpuDelta>): BusyThread[] {
  const last = samples[samples.length - 1];
  const runnableCount = new Map<string, number>();
  for (const s of samples) for (const t of s.threads) if (isBusyCandidate(t)) runnableCount.set(threadKey(t), (runnableCount.get(threadKey(t)) ?? 0) + 1);
  const out: BusyThread[] = [];
  for (const t of last.threads) {
    if (!isBusyCandidate(t)) continue;
    const key = threadKey(t);
    const b: BusyThread = {
      name: t.name,
      topFrames: t.frames.slice(0, TOP_FRAMES).map(frameText),
      appFrame: (() => {
        const f = firstAppFrame(t);
        return f ? frameText(f) : undefined;
      })(),
      runnableInSamples: runnableCount.get(key) ?? 1,
      hot: false,
    };
    const d = deltaByKey.get(key);
    if (samples.length > 1 && d?.share !== undefined) {
      b.cpuShare = d.share;
      b.cpuShareOver = 'samples';
      b.hot = d.share >= HOT_SHARE;
    } else if (samples.length === 1 && t.cpuMs !== undefined && t.elapsedS !== undefined && t.elapsedS >= 1) {
      b.cpuShare = round(t.cpuMs / (t.elapsedS * 1000), 3);
      b.cpuShareOver = 'lifetime';
      b.hot = b.cpuShare >= HOT_SHARE;
    } else if (samples.length > 1) {
      // No cpu= (JDK 8): RUNNABLE in application code in every sample is the best evidence there is.
      b.hot = b.runnableInSamples === samples.length;
    }
    out.push(b);
  }
  return out.sort((a, b) => Number(b.hot) - Number(a.hot) || (b.cpuShare ?? 0) - (a.cpuShare ?? 0)).slice(0, MAX_LIST);
}

function stuck(samples: ThreadDump[], graphs: LockGraph[]): StuckThread[] {
  if (samples.length < 2) return [];
  const sigs = samples.map((s) => new Map(s.threads.map((t) => [threadKey(t), stackSignature(t)])));
  const last = samples[samples.length - 1];
  const lastGraph = graphs[graphs.length - 1];
  const out: StuckThread[] = [];
  last.threads.forEach((t, i) => {
    if (!t.isJavaThread || t.frames.length === 0) return;
    const sig = stackSignature(t);
    if (!sigs.every((m) => m.get(threadKey(t)) === sig)) return;
    const waitingForLock = lastGraph.waits.has(i);
    const idle =
      !waitingForLock &&
      (isJvmThread(t) ||
        t.state === 'WAITING' ||
        t.state === 'TIMED_WAITING' ||
        (t.state === 'RUNNABLE' && (idleTop(t) || firstAppFrame(t) === undefined)));
    out.push({ name: t.name, state: t.state, samples: samples.length, topFrames: t.frames.slice(0, TOP_FRAMES).map(frameText), idle });
  });
  return out.sort((a, b) => Number(a.idle) - Number(b.idle)).slice(0, MAX_NAMES);
}

function summariseHistogram(text: string, notes: string[]): HistogramSummary {
  const h = parseClassHistogram(text);
  if (h.unknownLines.length > 0) notes.push(`histogram: ${h.unknownLines.length} unrecognised line(s)`);
  const row = (e: { className: string; instances: number; bytes: number; module?: string }): HistogramRow => {
    const r: HistogramRow = { className: readableClassName(e.className), instances: e.instances, bytes: e.bytes };
    if (e.module) r.module = e.module;
    return r;
  };
  return {
    classes: h.entries.length,
    totalInstances: h.totalInstances,
    totalBytes: h.totalBytes,
    topByBytes: topByBytes(h, TOP_CLASSES).map(row),
    topByInstances: topByInstances(h, TOP_CLASSES).map(row),
  };
}

function verdictOf(a: JvmAnalysis): { verdict: string; severity: Severity } {
  if (a.deadlocks.length > 0) {
    const d = a.deadlocks[0];
    const classes = [...new Set(d.locks.map((l) => l.className).filter((c): c is string => !!c))];
    const on = classes.length > 0 ? ` on ${classes.join(', ')}` : '';
    const head = a.deadlocks.length > 1 ? `${a.deadlocks.length} deadlocks; first: deadlock` : 'deadlock';
    return { severity: 'deadlock', verdict: `${head} between ${d.threads.length} threads (${quoteList(d.threads, 4)})${on}` };
  }
  const top = a.contendedLocks[0];
  if (top && top.waiters >= CONTENTION_WAITERS) {
    const lock = `${top.className ?? 'lock'} <${top.address}>`;
    const holder = top.holder
      ? ` held by "${top.holder}", ${top.holderState}${top.holderFrame ? ` in ${shortFrame(top.holderFrame)}` : ''}`
      : ' (holder not in the dump)';
    return { severity: 'contention', verdict: `${top.waiters} threads blocked on one lock (${lock})${holder}` };
  }
  const hot = a.busyThreads.filter((b) => b.hot);
  if (hot.length > 0) {
    const parts = hot.slice(0, 3).map((b) => `"${b.name}" in ${shortFrame(b.appFrame ?? b.topFrames[0])}${b.cpuShare !== undefined ? ` (${percent(b.cpuShare)})` : ''}`);
    const more = hot.length > 3 ? ` and ${hot.length - 3} more` : '';
    return { severity: 'cpu', verdict: `${hot.length} thread${hot.length > 1 ? 's' : ''} busy in application code: ${parts.join(', ')}${more}` };
  }
  const stuckOnes = a.stuckThreads.filter((s) => !s.idle);
  if (stuckOnes.length > 0) {
    const s = stuckOnes[0];
    return {
      severity: 'stuck',
      verdict: `${stuckOnes.length} thread${stuckOnes.length > 1 ? 's' : ''} did not move across ${s.samples} samples: "${s.name}" ${s.state ?? ''} in ${shortFrame(s.topFrames[0])}`,
    };
  }
  const blocked = a.blockedThreads > 0 ? `, ${a.blockedThreads} waiting for a lock` : '';
  let verdict = `no problem found: ${a.threadCount} Java threads${blocked}`;
  if (a.main) verdict += `; main is ${describeState(a.main)}${a.main.frame ? ` in ${shortFrame(a.main.frame)}` : ''}`;
  return { severity: 'ok', verdict };
}

/** Values for the action outputs `deadlock` and `blocked-threads` over all analysed JVMs. */
export function aggregateOutputs(analyses: readonly JvmAnalysis[]): { deadlock: boolean; blockedThreads: number } {
  return {
    deadlock: analyses.some((a) => a.deadlock),
    blockedThreads: analyses.reduce((n, a) => n + a.blockedThreads, 0),
  };
}
