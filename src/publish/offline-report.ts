// What `kube-jvm-dump analyse` prints: the terminal report of dumps a user already has, and the job-summary HTML
// as a standalone page.
import type { AnalysedJvm } from '../analyse/analyse-dumps.js';
import type { ReplicaComparison } from '../analyse/replicas.js';
import type { RunManifest } from '../shared/model.js';
import { neutralise } from '../shared/untrusted.js';
import { buildSummaryHtml, escapeHtml } from './summary.js';
import { analysisLines, sanitiseForTerminal } from './terminal-report.js';

/** One analysed JVM and where its dumps came from (files, or a run's pod/container/pid). */
export interface OfflineEntry extends AnalysedJvm {
  label: string;
  files: string[];
}

export function renderOfflineReport(entries: readonly OfflineEntry[]): string {
  const lines: string[] = [];
  for (const e of entries) {
    const a = e.analysis;
    const clean = (s: string) => sanitiseForTerminal(s);
    lines.push(`${clean(e.label)}: ${clean(a.verdict)}`);
    const samples = a.samples === 1 ? '1 sample' : `${a.samples} samples`;
    if (a.samples > 0)
      lines.push(`  ${samples}${a.vm ? `, ${clean(a.vm)}` : ''}; ${a.threadCount} Java threads, ${a.vmThreadCount} VM threads`);
    lines.push(...analysisLines(a, '  '));
    for (const n of a.notes.slice(0, 5)) lines.push(`  note: ${clean(n).slice(0, 300)}`);
  }
  // Thread names are untrusted: no line may become a workflow command when a `run:` step prints the report.
  return lines.map(neutralise).join('\n');
}

/** The job summary's HTML for these JVMs, as a page of its own. */
export function renderStandaloneHtml(
  title: string,
  manifest: RunManifest,
  entries: readonly AnalysedJvm[],
  replicas: readonly ReplicaComparison[],
): string {
  // The summary opens with a heading about a cluster run; an offline analysis has its own.
  const body = buildSummaryHtml(manifest, entries, { budgetBytes: Number.MAX_SAFE_INTEGER, replicas }).replace(/^<h2>.*<\/h2>\n/, '');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}' +
      'td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}pre{margin:0;white-space:pre-wrap}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    body.trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
