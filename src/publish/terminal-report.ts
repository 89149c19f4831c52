// Plain-text report for the local CLI: the same verdicts as the job summary.
import type { ErrorRecord, RunManifest } from '../shared/model.js';
import type { JvmAnalysis } from '../analyse/analysis-types.js';
import type { AnalysedJvm } from './summary.js';
import { neutralise } from '../shared/untrusted.js';
import { rolloutVerdict } from '../analyse/rollout-verdict.js';
import { coreShare } from '../analyse/verdict.js';
import { compareReplicas, type ReplicaComparison } from '../analyse/replicas.js';
import { replicaLines } from './replicas-html.js';
import { jfrLines } from './jfr-text.js';

const MAX_LINES_PER_LIST = 3;

/** Text from the cluster cannot drive the terminal: escape sequences and control characters show as escapes (`\x1b[2J`). */
export function sanitiseForTerminal(text: string): string {
  return neutralise(text);
}

function t(text: string | number | undefined, max = 300): string {
  const s = sanitiseForTerminal(String(text ?? ''));
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function errorLines(errors: ErrorRecord[], indent: string): string[] {
  return errors.map((e) => `${indent}error [${t(e.stage)}${e.dump ? `/${t(e.dump)}` : ''}]: ${t(e.message, 1000)}`);
}

/** The findings under a verdict, a few lines each. */
export function analysisLines(a: JvmAnalysis, indent: string): string[] {
  const out: string[] = [];
  for (const d of a.deadlocks.slice(0, MAX_LINES_PER_LIST)) {
    for (const l of d.locks) {
      out.push(
        `${indent}deadlock: "${t(l.thread, 120)}" waits for ${t(l.className ?? l.kind)}${l.address ? ` <${t(l.address)}>` : ''} held by "${t(l.heldBy ?? '?', 120)}"`,
      );
    }
  }
  // A lock one thread waits for is ordinary locking; from two waiters on it is worth a line.
  for (const c of a.contendedLocks.filter((x) => x.waiters >= 2).slice(0, MAX_LINES_PER_LIST)) {
    const holder = c.holder
      ? `"${t(c.holder, 120)}"`
      : c.holderUnknown === 'shared'
        ? 'readers or permit holders'
        : 'a thread the dump does not name';
    const samples = c.ofSamples > 1 ? ` (contended in ${c.contendedInSamples} of ${c.ofSamples} samples)` : '';
    out.push(`${indent}lock ${t(c.className ?? c.kind)} <${t(c.address)}>: ${c.waiters} waiting, held by ${holder}${samples}`);
  }
  const pile = a.virtualThreads;
  if (pile) {
    const states = Object.entries(pile.states)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    out.push(`${indent}virtual threads: ${pile.total}${states ? ` (${states})` : ''}, ${pile.mounted} mounted, from ${pile.source}`);
  }
  for (const b of a.busyThreads.filter((x) => x.hot).slice(0, MAX_LINES_PER_LIST)) {
    const cpu = b.cpuShare !== undefined ? ` ${coreShare(b.cpuShare)} of a CPU` : '';
    out.push(`${indent}busy: "${t(b.name, 120)}"${cpu} in ${t(b.appFrame ?? b.topFrames[0], 200)}`);
  }
  // Threads a deadlock or a contended lock above already explains are not repeated.
  for (const s of a.stuckThreads.filter((x) => !x.idle && !x.explainedBy).slice(0, MAX_LINES_PER_LIST)) {
    out.push(`${indent}not moving: "${t(s.name, 120)}"${s.state ? ` ${t(s.state)}` : ''} in ${t(s.topFrames[0], 200)}`);
  }
  out.push(...jfrLines(a, indent));
  const top = a.histogram?.topByBytes[0];
  if (top) out.push(`${indent}largest class on the heap: ${t(top.className, 160)} (${top.bytes} bytes, ${top.instances} instances)`);
  return out;
}

/** Renders the run's verdicts as plain text, one block per pod and JVM. */
/** `replicas`: the run's comparison as analyseDumps made it; made from `analyses` when not given. */
export function renderTerminalReport(
  manifest: RunManifest,
  analyses: readonly AnalysedJvm[],
  replicas: readonly ReplicaComparison[] = compareReplicas(manifest, analyses),
): string {
  const lines: string[] = [];
  lines.push(
    `JVM dump: ${t(manifest.target)} in namespace ${t(manifest.namespace)} (${manifest.pods.length} pod${manifest.pods.length === 1 ? '' : 's'})`,
  );
  const verdict = rolloutVerdict(manifest, analyses);
  if (verdict) lines.push(t(verdict.text, 2000));
  lines.push(...errorLines(manifest.errors, '  '));
  for (const s of manifest.skipped ?? []) lines.push(`  skipped ${t(s.dump)}: ${t(s.reason, 400)}`);
  lines.push(...replicaLines(replicas));
  for (const pod of manifest.pods) {
    lines.push(`pod ${t(pod.pod, 120)} / container ${t(pod.container, 120)}`);
    lines.push(...errorLines(pod.errors, '  '));
    const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
    const pids = new Set<number>([...pod.jvms.map((j) => j.pid), ...mine.map((a) => a.pid)]);
    if (pids.size === 0 && !pod.stuck) lines.push('  no JVM found');
    for (const pid of pids) {
      const jvm = pod.jvms.find((j) => j.pid === pid);
      const a = mine.find((m) => m.pid === pid)?.analysis;
      const version = jvm?.version ? `, JDK ${t(jvm.version, 60)}` : '';
      lines.push(`  pid ${pid}${version}: ${a ? t(a.verdict, 600) : 'no analysis (no thread dump or histogram collected)'}`);
      for (const note of jvm?.notes ?? []) lines.push(`    note: ${t(note, 300)}`);
      if (a) lines.push(...analysisLines(a, '    '));
      if (jvm) lines.push(...errorLines(jvm.errors, '    '));
    }
  }
  return lines.join('\n');
}
