import type { DumpKind, JfrSettings, SkippedDump } from '../shared/model.js';
import type { KubeconfigSource } from '../kube/client.js';

export type WorkloadKind = 'deployment' | 'statefulset' | 'daemonset' | 'pod';

export type TargetSpec = { kind: WorkloadKind; name: string } | { kind: 'selector'; selector: string };

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

/** Everything the engine needs, typed and validated once. */
export interface Settings {
  kubeconfig: KubeconfigSource;
  context?: string;
  /** Undefined means: the context's namespace, else "default". */
  namespace?: string;
  target: TargetSpec;
  container?: string;
  maxPods: number;
  jvmPid?: number;
  jdkImage: string;
  imagePullPolicy: PullPolicy;
  dumps: DumpKind[];
  threadDumpCount: number;
  threadDumpIntervalMs: number;
  heapDumpLive: boolean;
  /** How long the JFR recording runs (`jfr` in dumps); thread dumps and the histogram are taken while it does. */
  jfrDurationMs: number;
  jfrSettings: JfrSettings;
  /** Take a heap dump even when the repository is public (or its visibility unknown). */
  allowHeapDumpInPublicRepo: boolean;
  /** Requested dumps decided against before the run (see heap-policy.ts), recorded in the manifest. */
  skipped?: SkippedDump[];
  /** 'auto' = the volume the target mounts at /tmp; 'none' = never mount one; else a pod volume name. */
  tmpVolume: string;
  runAsUser?: number;
  runAsGroup?: number;
  debuggerNamePrefix: string;
  debuggerTtlSeconds: number;
  artifactName: string;
  retentionDays?: number;
  compressionLevel?: number;
  outputDir: string;
  timeoutMs: number;
  failOnError: boolean;
  /** Write pod.yaml, events.txt, the containers' logs and the workload's status beside the dumps. */
  includeContext: boolean;
  /** Literal env values in pod.yaml (and the last-applied annotation) replaced by a marker. */
  redactEnv: boolean;
  /** Bound on each container log read (limitBytes on the API call). */
  logBytes: number;
  /** Watch the workload's rollout first; dump only when it fails (or dumpOnSuccess). */
  waitForRollout: boolean;
  rolloutTimeoutMs: number;
  dumpOnSuccess: boolean;
  /** Remove OOM heap dumps from the pod once a verified copy is here. */
  removeOomDumps: boolean;
  /** now: dump in this step; job-failure: arm here, dump in the post step when the job failed. */
  when: 'now' | 'job-failure';
}

export function describeTarget(target: TargetSpec): string {
  return target.kind === 'selector' ? `selector ${target.selector}` : `${target.kind}/${target.name}`;
}
