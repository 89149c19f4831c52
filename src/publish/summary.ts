// The job summary: per pod and JVM a verdict line first, then tables and collapsible details.
// Everything that came from the cluster or the JVM is escaped here (core.summary does not escape).
import * as core from '@actions/core';
import type { ErrorRecord, JvmResult, PodResult, RunManifest } from '../shared/model.js';
import type { JvmAnalysis, Severity } from '../analyse/analysis-types.js';
import type { AnalysedJvm } from '../analyse/analyse-dumps.js';
import { details, esc, escapeHtml, formatBytes, names, pre, safeUrl, table } from './html.js';
import { virtualThreadsHtml } from './virtual-threads-html.js';
import { rolloutVerdict } from '../analyse/rollout-verdict.js';
import { podContextHtml, rolloutVerdictHtml } from './context-html.js';
import { replicasSection } from './replicas-html.js';
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
const MAX_ROWS = 10;
const MAX_FRAMES_SHOWN = 15;

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

function analysisDetails(a: JvmAnalysis): string[] {
  const out: string[] = [];
  if (a.deadlocks.length > 0) {
    const blocks = a.deadlocks.slice(0, MAX_ROWS).map((d, i) => {
      const rows = d.locks.map((l) => [
        `<code>${esc(l.thread, 120)}</code>`,
        `${esc(l.className ?? l.kind)}${l.address ? ` <code>&lt;${esc(l.address)}&gt;</code>` : ''}`,
        l.heldBy ? `<code>${esc(l.heldBy, 120)}</code>` : '',
      ]);
      const source = d.source === 'both' ? 'JVM report and lock graph' : d.source === 'jvm' ? 'JVM report' : 'lock graph';
      return `<p>Deadlock ${i + 1} (${d.threads.length} threads, found by ${source})</p>\n${table(['Thread', 'Waits for', 'Held by'], rows)}`;
    });
    out.push(details(`Deadlocks (${a.deadlocks.length})`, blocks.join('\n'), true));
  }
  if (a.contendedLocks.length > 0) {
    const rows = a.contendedLocks
      .slice(0, MAX_ROWS)
      .map((c) => [
        `${esc(c.className ?? c.kind)} <code>&lt;${esc(c.address)}&gt;</code>`,
        c.holder ? `<code>${esc(c.holder, 120)}</code>` : '<em>not in the dump</em>',
        `${esc(c.holderState ?? '')}${c.holderFrame ? `<br><code>${esc(c.holderFrame, 200)}</code>` : ''}`,
        c.ofSamples > 1 ? `${c.waiters} (contended in ${c.contendedInSamples} of ${c.ofSamples} samples)` : String(c.waiters),
        names(c.waiterNames, c.waiters),
      ]);
    out.push(
      details(
        `Contended locks (${a.contendedLocks.length})`,
        table(['Lock', 'Holder', 'Holder is', 'Waiters', 'Waiting threads'], rows),
        a.severity === 'contention',
      ),
    );
  }
  if (a.busyThreads.length > 0) {
    const rows = a.busyThreads
      .slice(0, MAX_ROWS)
      .map((b) => [
        `<code>${esc(b.name, 120)}</code>`,
        b.cpuShare !== undefined ? `${Math.round(b.cpuShare * 100)}%${b.cpuShareOver === 'lifetime' ? ' (lifetime)' : ''}` : '',
        `${b.runnableInSamples}/${a.samples}`,
        pre(b.topFrames),
      ]);
    out.push(
      details(
        `RUNNABLE application threads (${a.busyThreads.length})`,
        table(['Thread', 'CPU of one core', 'RUNNABLE in samples', 'Top frames'], rows),
        a.severity === 'cpu',
      ),
    );
  }
  // Threads a deadlock or a contended lock above already explains are not listed again.
  const stuck = a.stuckThreads.filter((s) => !s.idle && !s.explainedBy);
  if (stuck.length > 0) {
    const rows = stuck.slice(0, MAX_ROWS).map((s) => [`<code>${esc(s.name, 120)}</code>`, esc(s.state ?? ''), pre(s.topFrames)]);
    out.push(
      details(
        `Threads that did not move across ${a.samples} samples (${stuck.length}; idle ones and those explained above left out)`,
        table(['Thread', 'State', 'Top frames'], rows),
        a.severity === 'stuck',
      ),
    );
  }
  if (a.identicalStacks.length > 0) {
    const blocks = a.identicalStacks.slice(0, 5).map((g) => {
      const frames = g.frames.slice(0, MAX_FRAMES_SHOWN);
      const omitted = g.frames.length - frames.length + g.framesOmitted;
      return `<p>${g.count} threads, ${esc(g.state ?? 'no state')}: ${names(g.threadNames, g.count)}</p>\n${pre(omitted > 0 ? [...frames, `… ${omitted} more frames`] : frames)}`;
    });
    out.push(
      details(
        `Threads with identical stacks (${a.identicalStacks.length} group${a.identicalStacks.length === 1 ? '' : 's'}, largest first)`,
        blocks.join('\n'),
      ),
    );
  }
  const virtual = virtualThreadsHtml(a);
  if (virtual) out.push(virtual);
  if (a.main && a.main.frame) {
    out.push(
      details(
        'Thread <code>main</code>',
        `<p>${esc(a.main.state ?? '')}${a.main.stateDetail ? ` (${esc(a.main.stateDetail)})` : ''} in <code>${esc(a.main.frame, 200)}</code></p>`,
      ),
    );
  }
  if (a.cpuDeltas.length > 0) {
    const rows = a.cpuDeltas
      .slice(0, MAX_ROWS)
      .map((d) => [
        `<code>${esc(d.name, 120)}</code>`,
        `${d.cpuDeltaMs.toFixed(d.cpuDeltaMs < 10 ? 1 : 0)} ms`,
        d.wallMs !== undefined ? `${d.wallMs.toFixed(0)} ms` : '',
        d.share !== undefined ? `${Math.round(d.share * 100)}%` : '',
      ]);
    out.push(details('CPU used between the first and last sample', table(['Thread', 'CPU', 'Wall', 'Share of one core'], rows)));
  }
  if (a.histogram && a.histogram.classes > 0) {
    const h = a.histogram;
    const rowsOf = (list: typeof h.topByBytes) =>
      list.map((r) => [`<code>${esc(r.className, 160)}</code>`, r.instances.toLocaleString('en-US'), formatBytes(r.bytes)]);
    const total =
      h.totalBytes !== undefined
        ? `<p>${h.classes} classes, ${(h.totalInstances ?? 0).toLocaleString('en-US')} objects, ${formatBytes(h.totalBytes)} on the heap.</p>\n`
        : '';
    out.push(
      details(
        'Class histogram',
        `${total}<p>Top by bytes</p>\n${table(['Class', 'Instances', 'Bytes'], rowsOf(h.topByBytes))}\n<p>Top by instances</p>\n${table(['Class', 'Instances', 'Bytes'], rowsOf(h.topByInstances))}`,
      ),
    );
  }
  if (a.notes.length > 0)
    out.push(
      details(
        'Parser notes',
        `<ul>\n${a.notes
          .slice(0, MAX_ROWS)
          .map((n) => `<li>${esc(n)}</li>`)
          .join('\n')}\n</ul>`,
      ),
    );
  return out;
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

/** The summary as HTML. Pure; the text it embeds is escaped. */
export function buildSummaryHtml(
  manifest: RunManifest,
  analyses: readonly AnalysedJvm[],
  artifact?: ArtifactRef,
  budgetBytes = SUMMARY_BUDGET_BYTES,
): string {
  const jvmCount = new Set([
    ...manifest.pods.flatMap((p) => p.jvms.map((j) => `${p.pod}\u0000${p.container}\u0000${j.pid}`)),
    ...analyses.map((a) => `${a.pod}\u0000${a.container}\u0000${a.pid}`),
  ]).size;
  const deadlocked = analyses.filter((a) => a.analysis.deadlock).length;
  const head: string[] = [];
  head.push(`<h2>JVM dump: <code>${esc(manifest.target, 200)}</code> in namespace <code>${esc(manifest.namespace, 120)}</code></h2>`);
  const verdict = rolloutVerdict(manifest, analyses);
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
  head.push(replicasSection(manifest, analyses));

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
export async function writeJobSummary(manifest: RunManifest, analyses: readonly AnalysedJvm[], artifact?: ArtifactRef): Promise<void> {
  await core.summary.addRaw(buildSummaryHtml(manifest, analyses, artifact), true).write();
}
