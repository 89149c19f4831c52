// Names of the action's inputs and outputs, and their defaults: one place, shared by action.yml tests, the
// input helper and the CLI.

export const TOOL_NAME = 'kube-jvm-dump';
export const TOOL_VERSION = '0.1.0';

export const Inputs = {
  Kubeconfig: 'kubeconfig',
  Context: 'context',
  Namespace: 'namespace',
  Target: 'target',
  Selector: 'selector',
  Container: 'container',
  MaxPods: 'max-pods',
  JvmPid: 'jvm-pid',
  JdkImage: 'jdk-image',
  ImagePullPolicy: 'image-pull-policy',
  Dumps: 'dumps',
  ThreadDumpCount: 'thread-dump-count',
  ThreadDumpInterval: 'thread-dump-interval',
  HeapDumpLive: 'heap-dump-live',
  JfrDuration: 'jfr-duration',
  JfrSettings: 'jfr-settings',
  AllowHeapDumpInPublicRepo: 'allow-heap-dump-in-public-repo',
  TmpVolume: 'tmp-volume',
  RunAsUser: 'run-as-user',
  RunAsGroup: 'run-as-group',
  DebuggerNamePrefix: 'debugger-name-prefix',
  DebuggerTtl: 'debugger-ttl',
  ArtifactName: 'artifact-name',
  RetentionDays: 'retention-days',
  CompressionLevel: 'compression-level',
  OutputDir: 'output-dir',
  Timeout: 'timeout',
  FailOnError: 'fail-on-error',
  IncludeContext: 'include-context',
  RedactEnv: 'redact-env',
  LogBytes: 'log-bytes',
  WaitForRollout: 'wait-for-rollout',
  RolloutTimeout: 'rollout-timeout',
  DumpOnSuccess: 'dump-on-success',
  RemoveOomDumps: 'remove-oom-dumps',
  When: 'when',
} as const;

export const Outputs = {
  Pods: 'pods',
  ArtifactId: 'artifact-id',
  ArtifactUrl: 'artifact-url',
  OutputDir: 'output-dir',
  Outcome: 'outcome',
  Deadlock: 'deadlock',
  BlockedThreads: 'blocked-threads',
  RolloutStatus: 'rollout-status',
  RolloutReason: 'rollout-reason',
  ArtifactName: 'artifact-name',
} as const;

export const Defaults = {
  MaxPods: 1,
  // Temurin 25 is glibc-based (no musl LinuxThreads trap) and its jcmd attaches across mount namespaces.
  JdkImage: 'eclipse-temurin:25-jdk',
  ImagePullPolicy: 'IfNotPresent',
  Dumps: 'threads,threads-json,histogram,heap',
  ThreadDumpCount: 3,
  ThreadDumpInterval: '5s',
  HeapDumpLive: true,
  JfrDuration: '30s',
  JfrSettings: 'profile',
  // Anyone who can read a public repository can download its artifacts; a heap dump holds the app's data.
  AllowHeapDumpInPublicRepo: false,
  TmpVolume: 'auto',
  DebuggerNamePrefix: 'jvm-debugger',
  DebuggerTtl: '15m',
  Timeout: '10m',
  FailOnError: true,
  IncludeContext: true,
  RedactEnv: true,
  LogBytes: '1Mi',
  WaitForRollout: false,
  RolloutTimeout: '5m',
  DumpOnSuccess: false,
  RemoveOomDumps: false,
  When: 'now',
} as const;

/** Label-like marker env var set on our debuggers, so a later run can recognise and reuse them. */
export const DEBUGGER_MARKER_ENV = 'KUBE_JVM_DUMP_DEBUGGER';
/** Epoch seconds when the debugger's sleep ends; reuse needs enough time left. */
export const DEBUGGER_EXPIRES_ENV = 'KUBE_JVM_DUMP_EXPIRES_AT';
