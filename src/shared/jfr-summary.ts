// The shape of jfr-summary.json: what the in-pod summariser (src/collect/JfrSummary.java, run by the debugger's JDK)
// reads out of a JFR recording. It comes from the pod, so every string in it is untrusted and every number is
// checked before use (src/analyse reads it through a validator, never by a cast).

/** Version of this shape; the summariser writes it, the reader refuses others. */
export const JFR_SUMMARY_SCHEMA = 1;

/** A frame as "package.Class.method" (no line number: lines split one method into many boxes). */
export type FrameName = string;

export interface JfrHotMethod {
  method: FrameName;
  /** Samples with this method as the top frame. */
  self: number;
  /** Samples with this method anywhere in the stack (counted once per sample). */
  total: number;
}

export interface JfrStack {
  /** Root first, top frame last; at most the recording's stack depth. */
  frames: FrameName[];
  count: number;
}

export interface JfrMonitor {
  /** The monitor's class, e.g. "com.acme.Inventory". */
  monitorClass: string;
  /** Where threads waited to enter it: top frame "Class.method:line". */
  site: string;
  /** jdk.JavaMonitorEnter events (each at least the recording's threshold, 10 ms for profile, 20 ms for default). */
  count: number;
  totalMs: number;
  longestMs: number;
}

export interface JfrAllocation {
  /** The allocated object's class, e.g. "byte[]". */
  objectClass: string;
  /** Sum of jdk.ObjectAllocationSample weight: an estimate of bytes allocated. */
  weightBytes: number;
  samples: number;
}

export interface JfrGcPause {
  /** Collector name, e.g. "G1New". */
  name: string;
  cause: string;
  /** How long the application stood still for this collection: jdk.GarbageCollection's sumOfPauses (a concurrent cycle pauses more than once). */
  ms: number;
  /** ISO-8601 start time. */
  start: string;
}

export interface JfrSummary {
  schema: typeof JFR_SUMMARY_SCHEMA;
  recording: {
    /** ISO-8601 start of the first event and the span of the events, in ms. */
    start?: string;
    durationMs: number;
    /** Events read in total (all types). */
    events: number;
  };
  /** jdk.ExecutionSample events: Java threads seen running Java code. */
  executionSamples: number;
  /** Top methods (at most 50), by self samples; ties by total. */
  hotMethods: JfrHotMethod[];
  /** Distinct execution-sample stacks, most frequent first (at most 2000); `otherStacks` counts the samples left out. */
  stacks: JfrStack[];
  otherStacks: number;
  /** Contended monitors (at most 20), by total time blocked. */
  monitors: JfrMonitor[];
  /** Allocation by class (at most 20), by weight. */
  allocations: JfrAllocation[];
  gc: {
    count: number;
    /** Sum of every collection's sumOfPauses. */
    totalPauseMs: number;
    /** The longest single pause (jdk.GarbageCollection's longestPause): at most the longest collection's `ms`. */
    longestPauseMs: number;
    /** The longest pauses (at most 10), longest first. */
    longest: JfrGcPause[];
  };
  /** jdk.CPULoad averages and peak, as fractions 0..1; absent when the recording has none. */
  cpu?: { samples: number; jvmUserAvg: number; jvmSystemAvg: number; machineTotalAvg: number; jvmPeak: number };
  /** What the summariser could not read or left out, in words. */
  notes: string[];
}
