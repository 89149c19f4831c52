// What the thread-dump parser produces: one HotSpot dump as data.

export type LockAction =
  | 'locked'
  | 'waiting-to-lock'
  | 'waiting-to-relock'
  | 'waiting-on'
  | 'parking'
  | 'eliminated'
  | 'ownable'
  /** "- waiting on the Class initialization monitor for C" (JDK 17.0.x/21+): `className` is the class C. */
  | 'class-init';

export interface LockRef {
  action: LockAction;
  /**
   * Identity of the object: its address as printed by Thread.print ("0x000000069ec19388"), or "Class@hash" as
   * Thread.dump_to_file prints it; absent for e.g. "<no object reference available>".
   */
  address?: string;
  /** Class of the lock object, e.g. "java.lang.Object" or "java.util.concurrent.locks.ReentrantLock$NonfairSync". */
  className?: string;
}

export interface StackFrame {
  /** Fully qualified method, e.g. "java.lang.Thread.sleep". */
  method: string;
  /** Text inside the parentheses, e.g. "java.base@17.0.15/Native Method" or "Simple.java:5". */
  location: string;
  /** Lock lines printed under this frame. */
  locks: LockRef[];
}

export interface ThreadInfo {
  name: string;
  /** Java thread id ("#12"); absent for VM-internal threads. */
  number?: number;
  daemon: boolean;
  priority?: number;
  osPriority?: number;
  cpuMs?: number;
  elapsedS?: number;
  tid?: string;
  /** As printed: hex ("0x3256", JDK <= 18) or decimal (JDK 19+). */
  nid?: string;
  /** OS thread id from "[1234]" (JDK 19+) or from nid. */
  osThreadId?: number;
  /** The VM's description after nid, e.g. "waiting on condition", "runnable", "in Object.wait()". */
  description: string;
  /** java.lang.Thread.State, e.g. "TIMED_WAITING"; absent for VM threads and carriers of virtual threads. */
  state?: string;
  /** Text in parentheses after the state, e.g. "sleeping", "parking", "on object monitor". */
  stateDetail?: string;
  /** True for threads that have a java.lang.Thread object (a "#N" id or a state line). */
  isJavaThread: boolean;
  /** Id of the virtual thread mounted on this carrier (JDK 21+ "Carrying virtual thread #N"). */
  carryingVirtualThread?: number;
  /** A virtual thread: from Thread.dump_to_file, or split off its carrier in Thread.print. */
  virtual?: boolean;
  /** The carrier a mounted virtual thread runs on (its name). */
  carrier?: string;
  frames: StackFrame[];
  /** Lock lines seen before any frame (rare; kept rather than dropped). */
  looseLocks: LockRef[];
  /** "Locked ownable synchronizers" (only with -l); undefined when the section was not printed. */
  ownableSynchronizers?: LockRef[];
  /** Lines inside this thread's block that were not understood, e.g. "No compile task". */
  extraLines: string[];
}

export interface DeadlockWait {
  thread: string;
  kind: 'monitor' | 'ownable' | 'unknown';
  /** Address of the object (monitor) or synchronizer waited for. */
  address?: string;
  className?: string;
  heldBy?: string;
}

/** One "Found one Java-level deadlock:" section as printed by the JVM. */
export interface JvmDeadlock {
  waits: DeadlockWait[];
}

/** What produced the dump: Thread.print/jstack/SIGQUIT text, or JDK 21+ Thread.dump_to_file text or JSON. */
export type DumpFormat = 'thread-print' | 'dump-to-file' | 'json';

export interface ThreadDump {
  format: DumpFormat;
  pid?: number;
  timestamp?: string;
  /** E.g. "OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing)". */
  vm?: string;
  /** JDK 25+ prints a "JDK version:" line under the header, e.g. "OpenJDK Runtime Environment (25.0.5+1) (build ...)". */
  jdkVersion?: string;
  threads: ThreadInfo[];
  jvmDeadlocks: JvmDeadlock[];
  /** N from the "Found N deadlock(s)." line. */
  reportedDeadlockCount?: number;
  jniGlobalRefs?: number;
  jniWeakRefs?: number;
  /** The GC's heap summary that a SIGQUIT dump prints after the threads ("Heap" and its indented lines). */
  heapSummary?: string[];
  /** length= from "Threads class SMR info". */
  smrThreadCount?: number;
  /** A class histogram printed after the threads (SIGQUIT with -XX:+PrintClassHistogram), as its text. */
  histogramText?: string;
  /** Thread header lines seen (a header whose name spans lines counts once): the parse is checked against it. */
  headerCount: number;
  unknownLines: string[];
}
