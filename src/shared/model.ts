// The run's result model: what the engine collects, what manifest.json holds, what publish reads.

export type DumpKind = 'threads' | 'histogram' | 'heap' | 'vm-info';
export const DUMP_KINDS: readonly DumpKind[] = ['threads', 'histogram', 'heap', 'vm-info'];

/** The stage of the pipeline an error happened in (kept in the manifest for diagnosis). */
export type Stage = 'inputs' | 'connect' | 'target' | 'inject' | 'discover' | 'collect' | 'transfer' | 'analyse' | 'publish';

export interface ErrorRecord {
  stage: Stage;
  message: string;
  /** The dump kind the error cost, when it cost one. */
  dump?: DumpKind;
}

/** A requested dump deliberately not taken (not an error: the outcome ignores it), and why. */
export interface SkippedDump {
  dump: DumpKind;
  reason: string;
}

export interface FileRecord {
  /** Path relative to the output directory, always with forward slashes. */
  path: string;
  kind: DumpKind;
  size: number;
  sha256: string;
}

export interface JvmResult {
  pid: number;
  /** The JVM's command line as read from /proc/<pid>/cmdline. */
  commandLine: string;
  uid?: number;
  gid?: number;
  /** From `jcmd <pid> VM.version`, e.g. "17.0.12+7-Debian-1". */
  version?: string;
  /** Java feature release (8, 11, 17, 21, 25...) when known. */
  feature?: number;
  files: FileRecord[];
  errors: ErrorRecord[];
  /** How something was obtained when it was not the normal way (e.g. thread dumps via SIGQUIT). */
  notes?: string[];
  timingsMs: Record<string, number>;
}

export interface DebuggerInfo {
  name: string;
  image: string;
  reused: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  /** Where the uid came from: container or pod securityContext, input, container status, /proc (detect, scout). */
  uidSource?: string;
  /** The short-lived unprivileged debugger that read the JVM's ids, when the pod forbids root and nothing else told them. */
  scout?: string;
  /** How the debugger reaches the JVM's /tmp: the pod's shared volume, /proc/<pid>/root, or a /tmp symlink. */
  tmpStrategy?: string;
  jdkFeature?: number;
}

export interface PodResult {
  namespace: string;
  pod: string;
  container: string;
  node?: string;
  targetImage?: string;
  debugger?: DebuggerInfo;
  jvms: JvmResult[];
  errors: ErrorRecord[];
  timingsMs: Record<string, number>;
}

export interface RunManifest {
  tool: { name: string; version: string };
  cluster: { version?: string };
  namespace: string;
  /** The target as given, e.g. "deployment/simple-java" or "selector app=web". */
  target: string;
  requested: { dumps: DumpKind[]; threadDumpCount: number; threadDumpIntervalMs: number; heapDumpLive: boolean };
  startedAt: string;
  finishedAt: string;
  pods: PodResult[];
  /** Errors not tied to one pod (inputs, connection, target resolution, upload). */
  errors: ErrorRecord[];
  /** Requested dumps decided against before the run (a heap dump in a public repository); not in requested.dumps. */
  skipped?: SkippedDump[];
}

/** Overall outcome: success when every requested dump was collected, partial when some were, failure when none. */
export type Outcome = 'success' | 'partial' | 'failure';
