// The shape of analysis.json (a published artifact): keep field names and order stable.
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
