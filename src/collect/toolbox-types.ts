// What the rest of collect sees of the in-pod toolbox: its operations (Toolbox), the ids they run as, how one exec
// is run, and how one fails. The implementation over exec is toolbox.ts; the script's protocol toolbox-protocol.ts.
import type { Writable } from 'node:stream';
import type { ExecResult } from '../kube/exec.js';
import type { HprofFile } from './oom-dumps.js';
import type { ProbeResult, StreamTrailer, ToolboxFailure } from './toolbox-protocol.js';
import type { HashingFileSink } from './transfer.js';

/**
 * A spaced series of jcmd runs in ONE exec of the toolbox's `threads` command (the pod sleeps between runs).
 * Each run goes to a file in the pod first, then to stdout as one frame: "kjd-part<TAB>N<TAB>EXIT<TAB>SIZE" and
 * exactly SIZE bytes (the dump's own text cannot fake a frame). The series stops at a failed run (its frame
 * still sent) and the toolbox exits with its status. `also` (a class histogram) runs in the last run's attach
 * and JVM start (jcmd runs newline-separated commands); the pod splits it off at the last histogram header line
 * (a thread name may hold a newline, a class name cannot) and sends it as frame count+1; without that line,
 * frame count+1 is empty and fails.
 */
export interface ThreadSeries {
  count: number;
  intervalMs: number;
  timeoutMs: number;
  also?: string[];
}

export interface RunOptions {
  timeoutMs?: number;
  /** stdout goes here instead of being captured (the heap dump, jcmd's dumps). */
  stdoutSink?: Writable;
  /** Sees stderr as it arrives. */
  onStderr?: (chunk: Buffer) => void;
  /** Runs even after a cancel or past the deadline, briefly: cleanup must not be skipped. */
  cleanup?: boolean;
}

/** Runs one argv in the debugger container. */
export type ContainerExec = (argv: string[], opts: RunOptions) => Promise<ExecResult>;

export class ToolboxError extends Error {
  constructor(
    readonly failure: ToolboxFailure,
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
  /** jcmd never reached the JVM (no attach, another user's JVM, no jcmd): nothing was started in it. */
  get neverReachedJvm(): boolean {
    return NO_ATTACH.has(this.failure);
  }
}

const NO_ATTACH: ReadonlySet<ToolboxFailure> = new Set(['attach', 'uid-mismatch', 'no-jcmd']);

/** The ids a command runs as in the pod: the JVM's, since HotSpot lets only its own user attach. */
export interface Ids {
  uid: number;
  gid: number;
}

export interface Toolbox {
  /** What the debugger saw when the toolbox was created: its own ids, its jcmd, the JVMs. */
  readonly probe: ProbeResult;
  /** `cleanup`: runs even after a cancel or past the deadline (stopping our JFR recording must not be skipped). */
  jcmd(ids: Ids, pid: number, args: string[], timeoutMs: number, opts?: { cleanup?: boolean }): Promise<string>;
  /** jcmd with its output streamed into `sink` (no size cap); fails like jcmd, judged by the output's start. */
  jcmdTo(ids: Ids, pid: number, args: string[], timeoutMs: number, sink: HashingFileSink): Promise<void>;
  /**
   * `count` runs of jcmd `args`, `intervalMs` apart, in ONE exec: the pod keeps the spacing (no round trip, no new
   * WebSocket per dump). Run n streams into `sinkFor(n)`; `onDone(n, sink)` gets each whole, good run as it arrives,
   * so a later failure or a cancel keeps the earlier ones. Fails like jcmd for the first failed run.
   */
  jcmdSeries(
    ids: Ids,
    pid: number,
    args: string[],
    series: ThreadSeries,
    sinkFor: (n: number) => HashingFileSink,
    onDone: (n: number, sink: HashingFileSink) => void | Promise<void>,
  ): Promise<void>;
  /** Free KiB in `dir`, as seen by `ids`. */
  freeKiB(ids: Ids, dir: string): Promise<number>;
  /**
   * Streams `file` to `sink` (gzip on the fly when `compress`); resolves with the pod's trailer. `onAnnounced`
   * gets the file's size as soon as the pod tells it, before the bytes.
   */
  stream(ids: Ids, file: string, compress: boolean, sink: Writable, onAnnounced?: (size: number) => void): Promise<StreamTrailer>;
  /** Regular *.hprof files directly in these directories (an OOM dump, a volume's root). */
  hprofs(ids: Ids, dirs: string[]): Promise<HprofFile[]>;
  remove(ids: Ids, file: string): Promise<void>;
  /** Unpacks and compiles the JFR summariser in the debugger (JDK 11+); resolves with its folder. */
  prepareJfrSummary(timeoutMs: number): Promise<string>;
  /** Runs it on `recording` (ours is called `name`) as the JVM's user, the JSON into `sink`, and removes `dir` (see jfr-script.ts). */
  summariseJfr(ids: Ids, dir: string, recording: string, name: string, timeoutMs: number, sink: Writable): Promise<void>;
  /** Copies `recording` to `output` without `events` (`jfr scrub`, JDK 19+) as the JVM's user. */
  scrubJfr(ids: Ids, recording: string, output: string, events: readonly string[], timeoutMs: number): Promise<void>;
  /** Removes the summariser's folder; never fails (cleanup runs even after a cancel). */
  cleanJfrSummary(dir: string): Promise<void>;
  sigquit(ids: Ids, pid: number): Promise<void>;
  /** Makes the debugger's /tmp a link to the JVM's (root only; jcmd before 21 needs it). */
  linkTmp(pid: number): Promise<void>;
}
