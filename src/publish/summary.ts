// The job summary: per pod and JVM a verdict line first, then tables and collapsible details.
// Everything that came from the cluster or the JVM is escaped here (core.summary does not escape).
import * as core from '@actions/core';
import type { ErrorRecord, JvmResult, PodResult, RunManifest } from '../shared/model.js';
import type { JvmAnalysis, Severity } from '../analyse/analysis-types.js';
import type { AnalysedJvm } from '../analyse/analyse-dumps.js';
import { analysisDetails, MAX_ROWS } from './analysis-html.js';
import { details, esc, escapeHtml, formatBytes, safeUrl, table } from './html.js';
import { rolloutVerdict, type RolloutVerdict } from '../analyse/rollout-verdict.js';
import { podContextHtml, rolloutVerdictHtml } from './context-html.js';
import { replicasSection } from './replicas-html.js';
import type { ReplicaComparison } from '../analyse/replicas.js';
import { jfrHtml } from './jfr-html.js';

export type { AnalysedJvm };
export { escapeHtml, formatBytes };

export interface ArtifactRef {
  name: string;
  url?: string;
  id?: number;
}

/** GitHub refuses step summaries over 1 MiB; stay well below so other steps' text still fits. */
export const SUMMARY_BUDGET_BYTES = 512 * 1024;

const ICON: Record<Severity, string> = {
  deadlock: '🔴',
  contention: '🟠',
  'virtual-pileup': '🟠',
  cpu: '🟠',
  stuck: '🟡',
  ok: '🟢',
  'no-data': '⚪',
};

type Detail = 'full' | 'compact';

function errorList(errors: ErrorRecord[]): string {
  if (errors.length === 0) return '';
  const items = errors
    .slice(0, MAX_ROWS)
    .map((e) => `<li>[${esc(e.stage)}${e.dump ? `/${esc(e.dump)}` : ''}] ${esc(e.message, 1000)}</li>`);
  const more = errors.length > MAX_ROWS ? `<li>and ${errors.length - MAX_ROWS} more (see manifest.json)</li>` : '';
  return `<ul>\n${items.join('\n')}${more}\n</ul>`;
}

function stateTable(a: JvmAnalysis): string {
  const order = ['RUNNABLE', 'BLOCKED', 'WAITING', 'TIMED_WAITING'];
  const keys = [
    ...order.filter((k) => k in a.states),
    ...Object.keys(a.states)
      .filter((k) => !order.includes(k))
      .sort(),
  ];
  const headers = ['Java threads', ...keys.map((k) => esc(k)), 'VM threads', 'Waiting for a lock', 'Samples'];
  const row = [
    String(a.threadCount),
    ...keys.map((k) => String(a.states[k])),
    String(a.vmThreadCount),
    String(a.blockedThreads),
    `${a.samples}/${a.samplesGiven}`,
  ];
  return table(headers, [row]);
}

function jvmSection(jvm: JvmResult | undefined, pid: number, a: JvmAnalysis | undefined, detail: Detail): string {
  const who = `pid ${pid}${jvm?.version ? `, JDK ${esc(jvm.version, 60)}` : ''}`;
  const out: string[] = [];
  if (!a) {
    out.push(`<p>${ICON['no-data']} <strong>no analysis</strong> (no thread dump or histogram collected) — ${who}</p>`);
  } else {
    out.push(`<p>${ICON[a.severity]} <strong>${esc(a.verdict, 600)}</strong> — ${who}</p>`);
  }
  if (jvm?.commandLine) out.push(`<p><code>${esc(jvm.commandLine, 200)}</code></p>`);
  if (jvm && jvm.files.length > 0) out.push(`<p>Collected: ${collectedList(jvm)}.</p>`);
  for (const note of jvm?.notes ?? []) out.push(`<p>ℹ️ ${esc(note, 300)}</p>`);
  if (a && a.samples > 0) out.push(stateTable(a));
  if (a) out.push(...jfrHtml(a, detail === 'full'));
  if (a && detail === 'full') out.push(...analysisDetails(a));
  if (jvm && jvm.errors.length > 0) out.push(details(`Errors for this JVM (${jvm.errors.length})`, errorList(jvm.errors), true));
  return out.join('\n');
}

/** What is in the artifact for this JVM, e.g. "3 thread dumps, class histogram, heap dump (275.4 KiB, gzipped)". */
function collectedList(jvm: JvmResult): string {
  const of = (kind: string) => jvm.files.filter((f) => f.kind === kind);
  const parts: string[] = [];
  const threads = of('threads').length;
  if (threads > 0) parts.push(`${threads} thread dump${threads === 1 ? '' : 's'}`);
  if (of('histogram').length > 0) parts.push('class histogram');
  for (const rec of of('jfr').filter((f) => f.path.endsWith('.jfr'))) parts.push(`JFR recording (${formatBytes(rec.size)})`);
  for (const heap of of('heap'))
    parts.push(
      heap.oom
        ? `<strong>heap dump left on OutOfMemoryError</strong> at <code>${esc(heap.oom.podPath, 200)}</code> (${esc(heap.oom.modified)}; ${formatBytes(heap.size)}, gzipped)`
        : `heap dump (${formatBytes(heap.size)}, gzipped)`,
    );
  if (of('vm-info').length > 0) parts.push('VM info');
  return parts.join(', ');
}

function podSection(pod: PodResult, analyses: readonly AnalysedJvm[], detail: Detail): string {
  const out: string[] = [];
  const where = pod.node ? ` on node <code>${esc(pod.node, 120)}</code>` : '';
  out.push(`<h3>Pod <code>${esc(pod.pod, 120)}</code>, container <code>${esc(pod.container, 120)}</code>${where}</h3>`);
  if (pod.context) out.push(podContextHtml(pod.context));
  if (pod.errors.length > 0) out.push(`<p>Errors for this pod:</p>\n${errorList(pod.errors)}`);
  const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
  const pids = new Set<number>([...pod.jvms.map((j) => j.pid), ...mine.map((a) => a.pid)]);
  if (pids.size === 0 && !pod.stuck) out.push('<p>No JVM found in this container.</p>');
  for (const pid of pids) {
    out.push(
      jvmSection(
        pod.jvms.find((j) => j.pid === pid),
        pid,
        mine.find((a) => a.pid === pid)?.analysis,
        detail,
      ),
    );
  }
  return out.join('\n');
}

export interface SummaryOptions {
  artifact?: ArtifactRef;
  budgetBytes?: number;
  /** The run's comparison of replicas, as analyseDumps made it; made from `analyses` when not given. */
  replicas?: readonly ReplicaComparison[];
  /** The rollout verdict the run logged (as of its time), so that the summary says the same; made here when not given. */
  rollout?: { verdict: RolloutVerdict | undefined };
}

/** The summary as HTML. Pure; the text it embeds is escaped. */
export function buildSummaryHtml(manifest: RunManifest, analyses: readonly AnalysedJvm[], o: SummaryOptions = {}): string {
  const { artifact, budgetBytes = SUMMARY_BUDGET_BYTES } = o;
  const jvmCount = new Set([
    ...manifest.pods.flatMap((p) => p.jvms.map((j) => `${p.pod}\u0000${p.container}\u0000${j.pid}`)),
    ...analyses.map((a) => `${a.pod}\u0000${a.container}\u0000${a.pid}`),
  ]).size;
  const deadlocked = analyses.filter((a) => a.analysis.deadlock).length;
  const head: string[] = [];
  head.push(`<h2>JVM dump: <code>${esc(manifest.target, 200)}</code> in namespace <code>${esc(manifest.namespace, 120)}</code></h2>`);
  const verdict = o.rollout ? o.rollout.verdict : rolloutVerdict(manifest, analyses);
  if (verdict) head.push(rolloutVerdictHtml(verdict, !!manifest.workload));
  const counts = `${manifest.pods.length} pod${manifest.pods.length === 1 ? '' : 's'}, ${jvmCount} JVM${jvmCount === 1 ? '' : 's'}${deadlocked > 0 ? `, <strong>${deadlocked} with a deadlock</strong>` : ''}`;
  let art = '';
  if (artifact) {
    const url = safeUrl(artifact.url);
    art = url
      ? ` Dumps: artifact <a href="${escapeHtml(url)}">${esc(artifact.name)}</a>.`
      : ` Dumps: artifact <code>${esc(artifact.name)}</code> (no link available).`;
  }
  head.push(`<p>${counts}.${art}</p>`);
  if (manifest.errors.length > 0) head.push(`<p>Errors:</p>\n${errorList(manifest.errors)}`);
  for (const s of manifest.skipped ?? []) head.push(`<p>⚠️ <strong>No ${esc(s.dump)} dump.</strong> ${esc(s.reason, 600)}</p>`);
  head.push(replicasSection(manifest, analyses, o.replicas));

  // No blank line anywhere: on GitHub one would end the HTML block and turn the rest into markdown.
  const build = (detail: Detail, pods: readonly PodResult[]) =>
    [...head, ...pods.map((p) => podSection(p, analyses, detail))].join('\n').replace(/\n{2,}/g, '\n') + '\n';
  let html = build('full', manifest.pods);
  if (Buffer.byteLength(html) <= budgetBytes) return html;
  html = build('compact', manifest.pods);
  const note = '<p><em>Details left out to keep the summary small; see analysis.json in the artifact.</em></p>\n';
  if (Buffer.byteLength(html) + note.length <= budgetBytes) return html + note;
  // Still too big (hundreds of pods): verdicts of as many pods as fit.
  let kept = manifest.pods.length;
  while (kept > 0 && Buffer.byteLength(build('compact', manifest.pods.slice(0, kept))) + 200 > budgetBytes) kept = Math.floor(kept / 2);
  return (
    build('compact', manifest.pods.slice(0, kept)) +
    `<p><em>${manifest.pods.length - kept} more pods left out of the summary; see analysis.json in the artifact.</em></p>\n`
  );
}

/** Writes the summary of the run into the job summary. */
export async function writeJobSummary(manifest: RunManifest, analyses: readonly AnalysedJvm[], o: SummaryOptions = {}): Promise<void> {
  await core.summary.addRaw(buildSummaryHtml(manifest, analyses, o), true).write();
}
