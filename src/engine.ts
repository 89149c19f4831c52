import { rm, writeFile } from 'node:fs/promises';
import type { Settings } from './inputs/settings.js';
import { describeTarget } from './inputs/settings.js';
import { clusterVersion, connect, type Cluster } from './kube/client.js';
import { credentialsInUse, kubeconfigSecrets } from './kube/secrets.js';
import type { V1Pod } from '@kubernetes/client-node';
import { resolvePods, TargetError } from './select/resolve.js';
import { collectPod, type Progress } from './collect/collect-pod.js';
import { ThreadsFirst } from './collect/threads-first.js';
import { collectPodContext, writeWorkloadStatus, type PodContextOptions } from './collect/pod-context.js';
import { explainStuckPod } from './collect/stuck-pod.js';
import { readWorkload, workloadState, type Workload } from './select/rollout.js';
import { waitForRollout } from './select/rollout-wait.js';
import { absolute, FileNames } from './shared/layout.js';
import type { ErrorRecord, Outcome, PodResult, RunManifest, Stage } from './shared/model.js';
import { TOOL_NAME, TOOL_VERSION } from './shared/constants.js';
import { errorMessage } from './shared/errors.js';
import { dumpApplies } from './shared/jdk-features.js';
import { prepareOutputDir } from './shared/output-dir.js';
import { Scrubber, scrubManifest } from './shared/scrub.js';

export interface EngineHooks {
  progress: Progress;
  /** Called with each credential before anything could print it (the action masks them). */
  mask?: (secret: string) => void;
  /** Other values never to be logged or written (the runner's own tokens); the kubeconfig's are added. */
  secrets?: string[];
  /** Cancels the run (the job was cancelled): what was collected is still written. */
  signal?: AbortSignal;
}

export interface RunReport {
  manifest: RunManifest;
  outcome: Outcome;
  outputDir: string;
}

/**
 * Every requested dump for every JVM found, and no error anywhere: success; some: partial; none: failure.
 * A JVM's own errors count: one thread dump of two missing is partial, not success.
 */
export function decideOutcome(manifest: RunManifest): Outcome {
  const jvms = manifest.pods.flatMap((p) => p.jvms);
  // A heap dump the JVM left on OOM is evidence, but not the live dump that was asked for.
  const live = (j: (typeof jvms)[number]) => j.files.filter((f) => !f.oom);
  const collected = jvms.reduce((n, j) => n + manifest.requested.dumps.filter((d) => live(j).some((f) => f.kind === d)).length, 0);
  // A dump the JVM's version does not offer (threads-json before JDK 21) is not missing.
  const wanted = (j: (typeof jvms)[number]) => dumps.filter((d) => dumpApplies(d, j.feature));
  if (collected === 0) return 'failure';
  const { dumps, threadDumpCount } = manifest.requested;
  const complete =
    manifest.pods.every((p) => p.errors.length === 0 && p.jvms.length > 0) &&
    jvms.every((j) => j.errors.length === 0 && wanted(j).every((d) => live(j).some((f) => f.kind === d))) &&
    (!dumps.includes('threads') || jvms.every((j) => j.files.filter((f) => f.kind === 'threads').length >= threadDumpCount)) &&
    manifest.errors.length === 0;
  return complete ? 'success' : 'partial';
}

export function allErrors(manifest: RunManifest): ErrorRecord[] {
  return [...manifest.errors, ...manifest.pods.flatMap((p) => [...p.errors, ...p.jvms.flatMap((j) => j.errors)])];
}

/** inputs -> target -> inject -> collect, then manifest.json. Never throws for cluster trouble: it is recorded. */
export async function runEngine(settings: Settings, hooks: EngineHooks): Promise<RunReport> {
  const startedAt = new Date();
  // wait-for-rollout comes first; the dump's own timeout starts when it ends.
  let deadline = startedAt.getTime() + settings.timeoutMs;
  const waitBudgetMs = settings.waitForRollout ? settings.rolloutTimeoutMs : 0;
  const manifest: RunManifest = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    cluster: {},
    namespace: settings.namespace ?? '',
    target: describeTarget(settings.target),
    requested: {
      dumps: settings.dumps,
      threadDumpCount: settings.threadDumpCount,
      threadDumpIntervalMs: settings.threadDumpIntervalMs,
      heapDumpLive: settings.heapDumpLive,
      ...(settings.dumps.includes('jfr') ? { jfr: { durationMs: settings.jfrDurationMs, settings: settings.jfrSettings } } : {}),
    },
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    pods: [],
    errors: [],
    ...(settings.skipped?.length ? { skipped: settings.skipped } : {}),
  };
  // API error bodies and exec plugin stderr can carry credentials: every line out is scrubbed, and every
  // error record before the manifest is written (see scrubManifest).
  const scrubber = new Scrubber(hooks.secrets);
  const progress: Progress = (m) => hooks.progress(scrubber.scrub(m));
  const fail = (stage: Stage, err: unknown) => {
    const message = errorMessage(err);
    manifest.errors.push({ stage, message });
    progress(message);
  };
  // Before anything touches the cluster: a file in its place or a read-only disk stops the run here.
  await prepareOutputDir(settings.outputDir);
  const abort = new AbortController();
  // The reason is what a request cut short reports (an API server that stops answering ends here).
  const timer = setTimeout(
    () => abort.abort(new Error(`stopped at the run's timeout (${settings.timeoutMs / 1000}s)`)),
    Math.max(0, deadline + waitBudgetMs - Date.now()),
  );
  hooks.signal?.addEventListener('abort', () => abort.abort(new Error('cancelled')), { once: true });
  try {
    let cluster: Cluster | undefined;
    try {
      cluster = connect(settings.kubeconfig, settings.context, settings.namespace, abort.signal);
      const kc = cluster.kc;
      const secrets = kubeconfigSecrets(kc);
      for (const secret of secrets) hooks.mask?.(secret);
      // Then what the client really sends (an exec plugin's token exists only now).
      const inUse = (await credentialsInUse(kc)).filter((s) => !secrets.includes(s));
      for (const secret of inUse) hooks.mask?.(secret);
      scrubber.add([...secrets, ...inUse]);
      manifest.namespace = cluster.namespace;
      // Which cluster, always: an empty input (or a fork's missing secret) falls back to the runner's own config.
      progress(`Kubernetes API ${cluster.server}, context '${cluster.context}', from ${cluster.source}`);
    } catch (err) {
      fail('connect', err);
    }
    if (cluster) {
      const c = cluster;
      if (settings.waitForRollout) {
        manifest.rollout = await waitForRollout(c, settings.target, {
          timeoutMs: settings.rolloutTimeoutMs,
          signal: abort.signal,
          progress,
        });
        progress(`${manifest.target}: rollout ${manifest.rollout.status}${manifest.rollout.reason ? ` (${manifest.rollout.reason})` : ''}`);
        deadline = Date.now() + settings.timeoutMs;
      }
      // A rollout that completed is not dumped unless asked; one that failed is dumped in its new pods only.
      const dump = !(manifest.rollout?.status === 'complete' && !settings.dumpOnSuccess);
      let stuck: V1Pod[] = [];
      const [version, pods, workload] = await Promise.all([
        clusterVersion(c.kc, abort.signal),
        (dump ? resolvePods(c, settings.target, settings.maxPods, manifest.rollout?.status === 'failed') : Promise.resolve([])).catch(
          (err) => {
            fail('target', err);
            if (err instanceof TargetError) stuck = err.stuck;
            return [];
          },
        ),
        // The rollout's state at the time of the dump; resolvePods reports a workload it cannot read.
        readWorkload(c, settings.target).catch(() => undefined),
      ]);
      manifest.cluster.version = version;
      if (workload) await recordWorkload(manifest, workload, settings, scrubber, progress);
      const ownerUids = workload?.object.metadata?.uid ? [workload.object.metadata.uid] : [];
      const contextOptions: PodContextOptions = {
        cluster: c,
        outputDir: settings.outputDir,
        redactEnv: settings.redactEnv,
        logBytes: settings.logBytes,
        ownerUids,
        scrub: (t) => scrubber.scrub(t),
      };
      // No live pod: the stuck ones' state, events and logs say why (the image, the scheduler, an init container).
      if (stuck.length > 0 && settings.includeContext) {
        progress(
          `${manifest.target}: reading why ${stuck.map((p) => p.metadata?.name).join(', ')} ${stuck.length > 1 ? 'run' : 'runs'} no JVM`,
        );
        manifest.pods.push(...(await Promise.all(stuck.map((pod) => explainStuckPod(pod, settings.container, contextOptions)))));
      }
      if (pods.length > 0) {
        progress(`${manifest.target} in ${c.namespace}: dumping ${pods.map((p) => p.metadata?.name).join(', ')}`);
        // Pods are independent: one pod's failure must not cost another's dumps.
        const threadsFirst =
          pods.length > 1 && settings.dumps.includes('threads') && settings.dumps.includes('heap')
            ? new ThreadsFirst(pods.map((p) => p.metadata?.name ?? '?'))
            : undefined;
        const results: PodResult[] = await Promise.all(
          pods.map(async (pod) => {
            const [result, context] = await Promise.all([
              collectPod({ cluster: c, settings, deadline, progress, signal: abort.signal, threadsFirst }, pod),
              settings.includeContext ? collectPodContext(pod, contextOptions) : undefined,
            ]);
            if (context) {
              result.context = context;
              for (const e of context.errors) progress(`${result.pod}: context: ${e}`);
            }
            return result;
          }),
        );
        manifest.pods.push(...results);
      }
    }
  } finally {
    clearTimeout(timer);
    manifest.finishedAt = new Date().toISOString();
    scrubManifest(manifest, scrubber);
    await writeManifest(settings.outputDir, manifest, progress);
  }
  return { manifest, outcome: decideOutcome(manifest), outputDir: settings.outputDir };
}

/** The workload's rollout state into the manifest, and its status and conditions into workload.yaml. */
async function recordWorkload(manifest: RunManifest, workload: Workload, settings: Settings, scrubber: Scrubber, progress: Progress) {
  const state = workloadState(workload);
  if (settings.includeContext) {
    try {
      state.file = await writeWorkloadStatus(settings.outputDir, workload.object, workload.kind, (t) => scrubber.scrub(t));
    } catch (err) {
      progress(`writing the workload's status failed: ${errorMessage(err)}`);
    }
  }
  manifest.workload = state;
  progress(`${state.kind}/${state.name}: rollout ${state.status}${state.reason ? ` (${state.reason})` : ''}`);
}

/**
 * manifest.json; a runner whose disk is full must still end the run with its outputs and upload: the failure is
 * recorded (the outcome becomes partial) and no half-written manifest is left.
 */
async function writeManifest(outputDir: string, manifest: RunManifest, progress: Progress): Promise<void> {
  const file = absolute(outputDir, FileNames.manifest);
  try {
    await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
  } catch (err) {
    await rm(file, { force: true }).catch(() => undefined);
    const message = `writing ${file} on the runner failed: ${errorMessage(err)}; the dumps are kept without their manifest`;
    manifest.errors.push({ stage: 'publish', message });
    progress(message);
  }
}
