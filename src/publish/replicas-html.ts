// The job summary's "Replicas" section and the terminal's lines for it: one row per replica of a workload, and
// the verdict of the comparison (each JVM's own verdict follows in its pod's section). Pod names are API data and thread, lock, class and method names pod data:
// escaped for HTML here, neutralised for the terminal.
import { pct } from '../analyse/jfr-verdict.js';
import { compareReplicas, findingText, type ReplicaComparison } from '../analyse/replicas.js';
import type { AnalysedJvm } from '../analyse/analyse-dumps.js';
import type { RunManifest } from '../shared/model.js';
import type { ReplicaRow } from '../analyse/replica-rows.js';
import { neutralise } from '../shared/untrusted.js';
import { esc, formatBytes, table } from './html.js';

/** Rows shown per workload; the replicas a finding names are shown even past it. */
const MAX_REPLICA_ROWS = 20;
const STATE_ORDER = ['RUNNABLE', 'BLOCKED', 'WAITING', 'TIMED_WAITING'];

/** "9 RUNNABLE, 24 BLOCKED, 6 WAITING, 3 TIMED_WAITING", the usual four first. */
export function stateMix(states: Record<string, number>): string {
  const keys = [
    ...STATE_ORDER.filter((s) => states[s]),
    ...Object.keys(states)
      .filter((s) => !STATE_ORDER.includes(s))
      .sort(),
  ];
  return keys.map((s) => `${states[s]} ${s}`).join(', ');
}

function shownRows(c: ReplicaComparison): ReplicaRow[] {
  // Every replica is named when all share a trouble: only the ones singled out or listed go past the cap.
  const named = new Set(c.findings.filter((f) => f.kind !== 'all').flatMap((f) => f.replicas));
  return c.rows.filter((r, i) => i < MAX_REPLICA_ROWS || named.has(r.label));
}

function lockCell(r: ReplicaRow): string {
  if (r.threads === undefined) return '';
  if (r.deadlock) return `<strong>deadlock</strong>${r.pileUp > 0 ? `; ${r.pileUp} on one lock` : ''}`;
  if (r.pileUp === 0) return 'none';
  return `${r.pileUp}${r.pileUpLock?.className ? ` on <code>${esc(r.pileUpLock.className, 160)}</code>` : ''}`;
}

function hotCell(r: ReplicaRow): string {
  const sampled = r.hotMethods.slice(0, 3).map((m) => `<code>${esc(m, 160)}</code>`);
  const jfr = (r.jfrHotMethods ?? []).slice(0, 3).map((m) => `<code>${esc(m.method, 160)}</code> ${pct(m.share)} (JFR)`);
  return [...sampled, ...jfr].join('<br>') || 'none';
}

/** The summary's section for the run (the comparison analyseDumps made, else made here): empty when none had two replicas. */
export function replicasSection(manifest: RunManifest, analyses: readonly AnalysedJvm[], made?: readonly ReplicaComparison[]): string {
  return replicasHtml(made ?? compareReplicas(manifest, analyses));
}

/** The section for every compared workload. */
export function replicasHtml(comparisons: readonly ReplicaComparison[]): string {
  return comparisons
    .map((c) => {
      const mark = c.outlier ? '⚠️ ' : '';
      const rows = shownRows(c).map((r) => [
        `${c.outlier === r.label ? '<strong>' : ''}<code>${esc(r.label, 160)}</code>${c.outlier === r.label ? '</strong>' : ''}`,
        r.threads !== undefined ? String(r.threads) : '(no thread dump)',
        esc(stateMix(r.states)),
        lockCell(r),
        hotCell(r),
        r.heapBytes !== undefined ? formatBytes(r.heapBytes) : '',
      ]);
      const more = c.rows.length > rows.length ? `<p><em>${c.rows.length - rows.length} more replicas in analysis.json.</em></p>` : '';
      // Findings the verdict line leaves out (it names the odd ones; the others are listed here).
      const rest = c.findings.map(findingText).filter((f) => !c.verdict.includes(f));
      const others = rest.length > 0 ? `<ul>\n${rest.map((f) => `<li>${esc(f, 600)}</li>`).join('\n')}\n</ul>` : '';
      return [
        `<h3>Replicas (${c.rows.length}) of <code>${esc(c.workload, 300)}</code></h3>`,
        `<p>${mark}<strong>${esc(c.verdict, 1200)}</strong></p>`,
        others,
        table(['Replica', 'Java threads', 'States', 'Most on one lock', 'Hot methods', 'Live heap'], rows),
        more,
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n');
}

/** The comparison for the terminal: the verdict, then one line per replica. */
export function replicaLines(comparisons: readonly ReplicaComparison[]): string[] {
  const t = (s: string, max = 300) => {
    const clean = neutralise(s);
    return clean.length > max ? `${clean.slice(0, max)}…` : clean;
  };
  return comparisons.flatMap((c) => [
    `replicas of ${t(c.workload)}: ${t(c.verdict, 1200)}`,
    ...shownRows(c).map((r) => {
      const lock = r.deadlock ? 'deadlock' : r.pileUp > 0 ? `${r.pileUp} on one lock` : 'no lock pile-up';
      const threads = r.threads !== undefined ? `${r.threads} Java threads (${stateMix(r.states)}), ${lock}` : 'no thread dump';
      const jfr = r.jfrHotMethods?.[0] ? `, JFR: ${pct(r.jfrHotMethods[0].share)} in ${t(r.jfrHotMethods[0].method, 200)}` : '';
      const heap = r.heapBytes !== undefined ? `, ${formatBytes(r.heapBytes)} live heap` : '';
      const hot = r.hotMethods.length > 0 ? `, hot: ${t(r.hotMethods.slice(0, 2).join(', '), 200)}` : '';
      return `  ${t(r.label, 160)}: ${threads}${hot}${jfr}${heap}`;
    }),
  ]);
}
