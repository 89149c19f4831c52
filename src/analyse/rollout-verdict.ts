// The line that answers "why did the rollout fail?": the workload's rollout, each pod's state (crash loop, OOM,
// probes) and its JVM's verdict, joined. Pure; each part names the artifact file it comes from.
import type { ContainerFacts, PodContext, PodResult, RunManifest, WorkloadState } from '../shared/model.js';
import { FileNames } from '../shared/layout.js';
import type { AnalysedJvm } from './analyse-dumps.js';

/** One layer of the line: its text, and the file in the artifact that shows it. */
export interface VerdictPart {
  text: string;
  file?: string;
}

export interface RolloutVerdict {
  parts: VerdictPart[];
  /** The parts joined, for a log line or a terminal. */
  text: string;
}

/** "4m", "35s", "2h10m". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
}

export function rolloutPart(w: WorkloadState): VerdictPart {
  const what = `Rollout of ${w.kind}/${w.name}`;
  const r = w.replicas;
  const text =
    w.status === 'complete'
      ? `${what} complete (${r.updated}/${r.desired} updated, ${r.available} available)`
      : w.status === 'failed'
        ? `${what} failed (${(w.reason ?? 'unknown reason').split(':')[0]})`
        : `${what} in progress (${w.reason ?? 'not complete'})`;
  return { text, file: w.file };
}

/** The end of the container's previous run, e.g. "exit 137 OOMKilled" or "exit 1 Error (signal 6)". */
export function describeTermination(t: NonNullable<ContainerFacts['lastTerminated']>): string {
  return `exit ${t.exitCode}${t.reason ? ` ${t.reason}` : ''}${t.signal ? ` (signal ${t.signal})` : ''}`;
}

/** True when the container is not running its JVM as it should: in a crash loop, or restarted after a failure. */
export function isCrashing(c: ContainerFacts): boolean {
  return c.state === 'waiting: CrashLoopBackOff' || (c.restartCount > 0 && !!c.lastTerminated);
}

function containerPart(c: ContainerFacts, multi: boolean): string {
  const who = c.init ? `init container ${c.name} ` : multi ? `container ${c.name} ` : '';
  const restarts = `${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}`;
  const end = c.lastTerminated ? `${describeTermination(c.lastTerminated)}, ` : '';
  // Caught between two crashes the container runs for a moment: a repeated failing exit is still a crash loop.
  const looping = c.state === 'waiting: CrashLoopBackOff' || (c.restartCount >= 2 && (c.lastTerminated?.exitCode ?? 0) !== 0);
  const head = looping ? `${who}crash-looping: ${end}${restarts}` : `${who}restarted: ${end}${restarts}`;
  return `${head}${c.lastLogLine ? `; last log line: ${c.lastLogLine}` : ''}`;
}

/** The pod's layer: crash loops and OOM first (they explain everything after), then readiness and its probes. */
export function podPart(pod: PodResult, ctx: PodContext, now: number, isNew = false): VerdictPart {
  const name = `${isNew ? 'new ' : ''}pod ${pod.pod}`;
  const crashing = ctx.containers.filter(isCrashing);
  const dir = ctx.files.find((f) => f.endsWith('/pod.yaml'))?.replace(/\/pod\.yaml$/, '');
  if (crashing.length > 0) {
    // The crashing container's own log: the previous run's if the kubelet still had it, else the current one.
    const own = (previous: boolean) => ctx.files.find((f) => f.endsWith(`/${FileNames.log(crashing[0].name, previous)}`));
    const logFile = own(true) ?? own(false);
    return { text: `${name} ${crashing.map((c) => containerPart(c, ctx.containers.length > 1)).join('; ')}`, file: logFile };
  }
  const phase = ctx.phase ?? 'Unknown';
  if (ctx.ready) return { text: `${name} ${phase}, Ready`, file: dir ? `${dir}/pod.yaml` : undefined };
  const since = ctx.notReadySince ? ` for ${formatAge(now - Date.parse(ctx.notReadySince))}` : '';
  // An exec probe that fails without output has no message: the count is the fact.
  const probes = ctx.probeFailures.map(
    (p) => `${p.probe} probe: ${p.message ? `${p.message}, ` : ''}${p.count} failure${p.count === 1 ? '' : 's'}`,
  );
  const waiting = ctx.containers
    .filter((c) => c.state.startsWith('waiting') || (c.init && c.state === 'running'))
    .map((c) => `${c.init ? 'init container ' : ''}${c.name} ${c.state}${c.message ? ` (${c.message})` : ''}`);
  const why = [...(ctx.unscheduled ? [ctx.unscheduled] : []), ...probes, ...waiting].join('; ');
  return {
    text: `${name} ${phase}, not Ready${since}${why ? ` (${why})` : ''}`,
    file: ctx.files.find((f) => f.endsWith('/events.txt')),
  };
}

/** The JVM's layer: the analysis verdict, or why there is none. */
export function jvmPart(pod: PodResult, analyses: readonly AnalysedJvm[]): VerdictPart {
  const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
  const oom = pod.jvms.flatMap((j) => j.files).find((f) => f.oom);
  if (oom) {
    const rest = mine.length > 0 ? `; now: ${mine.map((a) => a.analysis.verdict).join(' / ')}` : '';
    return { text: `JVM: ran out of memory (OOM heap dump of ${oom.oom!.modified} collected)${rest}`, file: oom.path };
  }
  if (mine.length > 0) {
    const files = pod.jvms.find((j) => j.pid === mine[0].pid)?.files;
    return { text: `JVM: ${mine.map((a) => a.analysis.verdict).join(' / ')}`, file: files?.[0]?.path };
  }
  // A pod that never ran its JVM (Pending, Failed): its own part says why; there was nothing to attach to.
  if (pod.stuck) return { text: 'JVM: not started' };
  const error = pod.errors[0] ?? pod.jvms.flatMap((j) => j.errors)[0];
  if (error) return { text: `JVM: not dumped (${error.message.split('\n')[0].slice(0, 300)})` };
  return { text: pod.jvms.length === 0 ? 'JVM: none found' : 'JVM: no thread dump to analyse' };
}

/**
 * One line for the target: rollout (when it is a workload), then per pod its state and its JVM. For example:
 * "Rollout of deployment/checkout failed (ProgressDeadlineExceeded): new pod checkout-7d9c-x2 Running, not Ready
 * for 4m (readiness probe: HTTP probe failed with statuscode: 503, 25 failures); JVM: 40 threads blocked ...".
 */
export function rolloutVerdict(manifest: RunManifest, analyses: readonly AnalysedJvm[], now = Date.now()): RolloutVerdict | undefined {
  const parts: VerdictPart[] = [];
  // wait-for-rollout's judgement (a timeout, a crash loop) outranks the workload's state read after it.
  const waited = manifest.rollout?.status === 'failed' ? { status: 'failed' as const, reason: manifest.rollout.reason } : {};
  if (manifest.workload) parts.push(rolloutPart({ ...manifest.workload, ...waited }));
  for (const pod of manifest.pods) {
    // After a failed wait only the new revision's pods were chosen (resolvePods' newRevisionOnly).
    if (pod.context) parts.push(podPart(pod, pod.context, now, manifest.rollout?.status === 'failed'));
    parts.push(jvmPart(pod, analyses));
  }
  if (parts.length === 0 || (!manifest.workload && !manifest.pods.some((p) => p.context))) return undefined;
  const text = parts.map((p, i) => (i === 0 ? p.text : `${manifest.workload && i === 1 ? ': ' : '; '}${p.text}`)).join('');
  return { parts, text };
}
