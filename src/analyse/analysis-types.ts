// The shape of analysis.json (a published artifact): keep field names and order stable.
import type { FlameGraphRef, JfrAnalysis } from './jfr-analysis-types.js';
export type { FlameGraphRef, JfrAnalysis, MethodShare } from './jfr-analysis-types.js';
/** 'no-data': nothing to judge, or input that was not understood (never shown as fine). */
export type Severity = 'deadlock' | 'contention' | 'virtual-pileup' | 'cpu' | 'stuck' | 'ok' | 'no-data';

export interface DeadlockLock {
  /** The thread that waits. */
  thread: string;
  /** 'class-init': a static initialiser that another thread runs; `className` is that class. */
  kind: 'monitor' | 'ownable' | 'class-init' | 'unknown';
  address?: string;
  className?: string;
  heldBy?: string;
}

export interface DeadlockFinding {
  threads: string[];
  locks: DeadlockLock[];
  /** 'jvm': from the JVM's own report; 'graph': from the lock-owner graph; 'both': found by each. */
  source: 'jvm' | 'graph' | 'both';
  /** A class-initialisation cycle that the dump implies without naming the classes waited for (JDK 8-17.0.x). */
  inferred?: boolean;
}

export interface ContendedLock {
  address: string;
  className?: string;
  kind: 'monitor' | 'ownable' | 'class-init';
  /** From the sample with the most waiters (the latest of equals). */
  holder?: string;
  /** Why there is no holder: 'no-ownable-info' (a dump without -l: the SIGQUIT path), 'shared' (read lock or
   * semaphore: no single owner), 'not-in-dump'. */
  holderUnknown?: 'no-ownable-info' | 'shared' | 'not-in-dump';
  holderState?: string;
  holderFrame?: string;
  waiters: number;
  /** Capped at MAX_NAMES; `waiters` is the full count. */
  waiterNames: string[];
  /** Of the waiters, virtual threads. */
  virtualWaiters?: number;
  /** Samples in which two or more threads waited for it, of `ofSamples`. */
  contendedInSamples: number;
  ofSamples: number;
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
  /** Intervals between samples in which it used at least the hot share of a core, of `measuredIntervals`. */
  hotIntervals?: number;
  measuredIntervals?: number;
  /** Counted in the verdict: hot in most measured intervals, or RUNNABLE in application code in most samples when
   * no CPU data, or (one sample) a hot share over its life. */
  hot: boolean;
}

export interface StuckThread {
  name: string;
  state?: string;
  samples: number;
  topFrames: string[];
  /** Waiting for work (sleep, park, Object.wait, accept/epoll...) rather than stuck on something. */
  idle: boolean;
  /** Already part of a finding shown before it: a deadlock or a contended lock. */
  explainedBy?: 'deadlock' | 'contention';
}

export interface VirtualThreadGroup {
  count: number;
  state?: string;
  frames: string[];
  /** The object they park on, when it is the same for all. */
  parkedOn?: string;
  /** The thread that owns it, when the dump says (JDK 25's JSON names the owner of a parked-on lock). */
  parkedOnHolder?: string;
}

export interface VirtualThreadSummary {
  /** Where the list comes from: 'json'/'dump-to-file' list every virtual thread; 'thread-print' only mounted ones. */
  source: 'json' | 'dump-to-file' | 'thread-print';
  total: number;
  mounted: number;
  states: Record<string, number>;
  /** Groups of virtual threads with the same stack, largest first. */
  groups: VirtualThreadGroup[];
  /** The largest group when it is a pile-up: VIRTUAL_PILEUP_MIN or more waiting in the same frame, not on I/O. */
  pileUp?: VirtualThreadGroup;
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
  /** "Found N deadlocks." as the JVM printed it (the largest N over the samples). */
  jvmReportedDeadlocks?: number;
  /** Set when the input was no HotSpot thread dump: what it looks like instead. */
  rejected?: string;
  /** Formats of the samples, e.g. ["thread-print"] or ["json"]. */
  formats?: string[];
  virtualThreads?: VirtualThreadSummary;
  /** From the JFR recording's jfr-summary.json, when there is a valid one. */
  jfr?: JfrAnalysis;
  /** The flame graph written next to the dumps (analysis.json only; not set by analyseJvm). */
  flameGraph?: FlameGraphRef;
}

export interface AnalyseInput {
  /** Thread dumps of one JVM, oldest first: Thread.print text (several in one text are several samples),
   * Thread.dump_to_file text or JSON. */
  threadDumps: string[];
  histogram?: string;
  /** The text of jfr-summary.json (from the pod: validated before use). */
  jfrSummary?: string;
}
