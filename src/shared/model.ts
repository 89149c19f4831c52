// The run's result model: what the engine collects, what manifest.json holds, what publish reads.

export type DumpKind = 'threads' | 'threads-json' | 'histogram' | 'jfr' | 'heap' | 'vm-info';
/**
 * In collection order. `threads-json` (JDK 21+ `Thread.dump_to_file -format=json`) is skipped on older JVMs. A `jfr`
 * recording is started before the thread dumps (so both cover one window) and finished where it stands here, before
 * the heap dump, whose safepoint would distort it.
 */
export const DUMP_KINDS: readonly DumpKind[] = ['threads', 'threads-json', 'histogram', 'jfr', 'heap', 'vm-info'];

/** JFR settings files every JDK ships: `profile` samples more (10 ms execution samples, 10 ms monitor threshold). */
export type JfrSettings = 'profile' | 'default';

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
  /** A heap dump the JVM left on OutOfMemoryError (not a live dump): where it was in the pod, and when written. */
  oom?: { podPath: string; modified: string };
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
  /** What read the JVM's ids when the pod forbids root and nothing else told them: a running debugger of ours, or a new scout. */
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
  /** The pod's controller as "kind/name" (ownerReferences with controller: true), e.g. "ReplicaSet/web-7d9c6f". */
  owner?: string;
  targetImage?: string;
  debugger?: DebuggerInfo;
  jvms: JvmResult[];
  errors: ErrorRecord[];
  timingsMs: Record<string, number>;
  /** What the API says about the pod beside its JVMs (include-context): states, restarts, probes, files written. */
  context?: PodContext;
  /** Not live (Pending, Failed): nothing was attached or injected, only its context read to say why there is no JVM. */
  stuck?: true;
}

/** One container's state as the kubelet reports it; for a JVM that is down, the only evidence there is. */
export interface ContainerFacts {
  name: string;
  ready: boolean;
  restartCount: number;
  /** e.g. "running", "waiting: CrashLoopBackOff", "terminated: Error". */
  state: string;
  /** The kubelet's message for a waiting state that explains itself (ErrImagePull, CreateContainerConfigError...). */
  message?: string;
  /** An init container that has not completed: the app containers wait for it. */
  init?: true;
  /** The previous run's end (status.containerStatuses[].lastState.terminated). */
  lastTerminated?: { reason?: string; exitCode: number; signal?: number; finishedAt?: string };
  /** The last non-empty line of the previous log (after a restart) or of the current one; pod-controlled text. */
  lastLogLine?: string;
}

/** Failed probes counted from the pod's Unhealthy events. */
export interface ProbeFailure {
  probe: string;
  /** The kubelet's latest message, e.g. "HTTP probe failed with statuscode: 503". */
  message: string;
  count: number;
}

export interface PodContext {
  phase?: string;
  ready: boolean;
  /** When the Ready condition last became False (ISO time), while the pod is not Ready. */
  notReadySince?: string;
  containers: ContainerFacts[];
  /** Why the scheduler has not placed the pod (PodScheduled False), e.g. "Unschedulable: 0/3 nodes are available: ...". */
  unscheduled?: string;
  probeFailures: ProbeFailure[];
  /** Files written for the pod, relative to the output directory (pod.yaml, events.txt, logs/...). */
  files: string[];
  /** What could not be read (e.g. events without 'list' on events); these do not change the outcome. */
  errors: string[];
}

/** What wait-for-rollout saw: complete, or failed and why (deadline exceeded, crash loop, timeout). */
export interface RolloutWait {
  status: 'complete' | 'failed';
  reason?: string;
  waitedMs: number;
}

/** The workload's rollout as `kubectl rollout status` judges it, at the time of the run. */
export interface WorkloadState {
  kind: 'deployment' | 'statefulset' | 'daemonset';
  name: string;
  status: 'complete' | 'progressing' | 'failed';
  /** Why it is not complete, e.g. "ProgressDeadlineExceeded: ..." or "1 of 3 updated replicas are available". */
  reason?: string;
  /** Deployment revision or StatefulSet update revision. */
  revision?: string;
  replicas: { desired: number; updated: number; ready: number; available: number };
  /** The file with the workload's status and conditions, relative to the output directory. */
  file?: string;
}

export interface RunManifest {
  tool: { name: string; version: string };
  cluster: { version?: string };
  namespace: string;
  /** The target as given, e.g. "deployment/simple-java" or "selector app=web". */
  target: string;
  requested: {
    dumps: DumpKind[];
    threadDumpCount: number;
    threadDumpIntervalMs: number;
    heapDumpLive: boolean;
    /** The JFR recording asked for, when `jfr` is in dumps. */
    jfr?: { durationMs: number; settings: JfrSettings };
  };
  startedAt: string;
  finishedAt: string;
  pods: PodResult[];
  /** Errors not tied to one pod (inputs, connection, target resolution, upload). */
  errors: ErrorRecord[];
  /** Requested dumps decided against before the run (a heap dump in a public repository); not in requested.dumps. */
  skipped?: SkippedDump[];
  /** The target workload's rollout state (deployment, statefulset, daemonset targets). */
  workload?: WorkloadState;
  /** wait-for-rollout's result, when it was asked for. */
  rollout?: RolloutWait;
}

/** Overall outcome: success when every requested dump was collected, partial when some were, failure when none. */
export type Outcome = 'success' | 'partial' | 'failure';
