import { mkdir, writeFile } from 'node:fs/promises';
import type { Settings } from './inputs/settings.js';
import { describeTarget } from './inputs/settings.js';
import { clusterVersion, connect, type Cluster } from './kube/client.js';
import { credentialsInUse, kubeconfigSecrets } from './kube/secrets.js';
import { resolvePods } from './select/resolve.js';
import { collectPod, type Progress } from './collect/collect-pod.js';
import { absolute, FileNames } from './shared/layout.js';
import type { ErrorRecord, Outcome, PodResult, RunManifest, Stage } from './shared/model.js';
import { TOOL_NAME, TOOL_VERSION } from './shared/constants.js';
import { errorMessage } from './shared/errors.js';
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

/** Every requested dump for every JVM found: success; some: partial; none: failure. */
export function decideOutcome(manifest: RunManifest): Outcome {
  const jvms = manifest.pods.flatMap((p) => p.jvms);
  const collected = jvms.reduce((n, j) => n + manifest.requested.dumps.filter((d) => j.files.some((f) => f.kind === d)).length, 0);
  if (collected === 0) return 'failure';
  const complete =
    manifest.pods.every((p) => p.errors.length === 0 && p.jvms.length > 0) &&
    jvms.every((j) => manifest.requested.dumps.every((d) => j.files.some((f) => f.kind === d))) &&
    manifest.errors.length === 0;
  return complete ? 'success' : 'partial';
}

export function allErrors(manifest: RunManifest): ErrorRecord[] {
  return [...manifest.errors, ...manifest.pods.flatMap((p) => [...p.errors, ...p.jvms.flatMap((j) => j.errors)])];
}

/** inputs -> target -> inject -> collect, then manifest.json. Never throws for cluster trouble: it is recorded. */
export async function runEngine(settings: Settings, hooks: EngineHooks): Promise<RunReport> {
  const startedAt = new Date();
  const deadline = startedAt.getTime() + settings.timeoutMs;
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
  await mkdir(settings.outputDir, { recursive: true });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), Math.max(0, deadline - Date.now()));
  hooks.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  try {
    let cluster: Cluster | undefined;
    try {
      cluster = connect(settings.kubeconfig, settings.context, settings.namespace);
      const kc = cluster.kc;
      const secrets = kubeconfigSecrets(kc);
      for (const secret of secrets) hooks.mask?.(secret);
      // Then what the client really sends (an exec plugin's token exists only now).
      const inUse = (await credentialsInUse(kc)).filter((s) => !secrets.includes(s));
      for (const secret of inUse) hooks.mask?.(secret);
      scrubber.add([...secrets, ...inUse]);
      manifest.namespace = cluster.namespace;
    } catch (err) {
      fail('connect', err);
    }
    if (cluster) {
      const c = cluster;
      const [version, pods] = await Promise.all([
        clusterVersion(c.kc),
        resolvePods(c, settings.target, settings.maxPods).catch((err) => {
          fail('target', err);
          return [];
        }),
      ]);
      manifest.cluster.version = version;
      if (pods.length > 0) {
        progress(`${manifest.target} in ${c.namespace}: dumping ${pods.map((p) => p.metadata?.name).join(', ')}`);
        // Pods are independent: one pod's failure must not cost another's dumps.
        const results: PodResult[] = await Promise.all(
          pods.map((pod) => collectPod({ cluster: c, settings, deadline, progress, signal: abort.signal }, pod)),
        );
        manifest.pods.push(...results);
      }
    }
  } finally {
    clearTimeout(timer);
    manifest.finishedAt = new Date().toISOString();
    scrubManifest(manifest, scrubber);
    await writeFile(absolute(settings.outputDir, FileNames.manifest), JSON.stringify(manifest, null, 2) + '\n');
  }
  return { manifest, outcome: decideOutcome(manifest), outputDir: settings.outputDir };
}
