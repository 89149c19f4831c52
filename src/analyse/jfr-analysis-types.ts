// The JFR part of analysis.json (one JVM): what the recording says about where the time went. Field names and order
// are part of the published artifact: keep them stable.
import type { JfrAllocation, JfrGcPause, JfrMonitor } from '../shared/jfr-summary.js';

export interface MethodShare {
  /** "package.Class.method", as the recording names it (untrusted text). */
  method: string;
  samples: number;
  /** Of the execution samples, 0..1. */
  share: number;
}

export interface JfrAnalysis {
  /** One line: the hot method, a contended monitor, long GC pauses, a busy CPU; or that nothing stands out. */
  verdict: string;
  durationMs: number;
  executionSamples: number;
  /** Top methods by samples with the method as the top frame. */
  bySelf: MethodShare[];
  /** Top methods by samples with the method anywhere in the stack. */
  byTotal: MethodShare[];
  /** Where the samples of a JDK method on top came from: the application method below it, when one dominates. */
  hotCaller?: { method: string; of: string; share: number };
  /** Contended monitors by total time blocked. */
  monitors: JfrMonitor[];
  gc: { count: number; totalPauseMs: number; longestPauseMs: number; longest: JfrGcPause[] };
  allocations: JfrAllocation[];
  cpu?: { jvmUserAvg: number; jvmSystemAvg: number; machineTotalAvg: number; jvmPeak: number };
  /** What the in-pod summariser said it could not read or left out. */
  notes: string[];
}

/** The flame graph written next to the JVM's dumps. */
export interface FlameGraphRef {
  /** Relative to the output directory, e.g. "web-1/app/1/flame.svg". */
  file: string;
  /** 'jfr': JFR execution samples; 'thread-dumps': the RUNNABLE threads of the thread-dump samples. */
  source: 'jfr' | 'thread-dumps';
  /** Stacks the graph is made of (samples x threads for thread dumps). */
  stacks: number;
  /** Thread-dump samples read (source 'thread-dumps' only). */
  samples?: number;
}
