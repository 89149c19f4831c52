// The JFR part of a JVM's section in the job summary: the verdict line, where the time went (top methods by self and
// total samples), contended monitors, the longest GC pauses, allocation by class, CPU load, and the flame graph's
// place in the artifact. Every name comes from the pod: escaped here.
import type { JvmAnalysis, MethodShare } from '../analyse/analysis-types.js';
import { formatMs } from '../analyse/jfr-verdict.js';
import { details, esc, formatBytes, table } from './html.js';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const count = (n: number) => n.toLocaleString('en-US');
const code = (text: string, max = 200) => `<code>${esc(text, max)}</code>`;

function methodRows(list: readonly MethodShare[]): string[][] {
  return list.map((m, i) => [String(i + 1), code(m.method), count(m.samples), pct(m.share)]);
}

/** What the flame graph is and where it is, e.g. "web-1/app/7/flame.svg in the artifact (JFR execution samples)". */
export function flameGraphHtml(a: JvmAnalysis): string {
  const f = a.flameGraph;
  if (!f) return '';
  const from =
    f.source === 'jfr'
      ? `${count(f.stacks)} JFR execution samples`
      : `${f.samples ?? 0} thread-dump samples, RUNNABLE threads only (${count(f.stacks)} thread stacks)`;
  return `<p>🔥 Flame graph: ${code(f.file)} in the artifact, made from ${from}.</p>`;
}

/** The verdict line, the tables (full detail only) and the flame graph line; empty without a recording or a graph. */
export function jfrHtml(a: JvmAnalysis, full: boolean): string[] {
  const out: string[] = [];
  const j = a.jfr;
  if (j) {
    out.push(
      `<p>⏱️ <strong>JFR</strong> (${formatMs(j.durationMs)}, ${count(j.executionSamples)} execution samples): <strong>${esc(j.verdict, 600)}</strong></p>`,
    );
  }
  const flame = flameGraphHtml(a);
  if (flame) out.push(flame);
  if (!j || !full) return out;
  if (j.bySelf.length > 0 || j.byTotal.length > 0) {
    const headers = (what: string) => ['#', 'Method', `${what} samples`, '% of samples'];
    const caller = j.hotCaller
      ? `<p>${code(j.hotCaller.of)} was called from ${code(j.hotCaller.method)} in ${pct(j.hotCaller.share)} of its samples.</p>\n`
      : '';
    out.push(
      details(
        'Where the time went (JFR execution samples)',
        `${caller}<p>Top methods by self samples (the method was running)</p>\n${table(headers('Self'), methodRows(j.bySelf))}\n` +
          `<p>Top methods by total samples (the method was on the stack)</p>\n${table(headers('Total'), methodRows(j.byTotal))}`,
        true,
      ),
    );
  }
  if (j.monitors.length > 0) {
    const rows = j.monitors.map((m) => [code(m.monitorClass), code(m.site), count(m.count), formatMs(m.totalMs), formatMs(m.longestMs)]);
    out.push(
      details(
        `Contended monitors (${j.monitors.length}, by time blocked)`,
        table(['Monitor class', 'Where threads waited', 'Times', 'Blocked in total', 'Longest'], rows),
        true,
      ),
    );
  }
  if (j.gc.count > 0) {
    const head = `<p>${count(j.gc.count)} collections, ${formatMs(j.gc.totalPauseMs)} paused in total, longest ${formatMs(j.gc.longestPauseMs)}.</p>`;
    const rows = j.gc.longest.map((p) => [esc(p.name, 80), esc(p.cause, 120), formatMs(p.ms), esc(p.start, 40)]);
    out.push(details('Longest GC pauses', `${head}\n${rows.length > 0 ? table(['Collector', 'Cause', 'Pause', 'Start'], rows) : ''}`));
  }
  if (j.allocations.length > 0) {
    const rows = j.allocations.map((x) => [code(x.objectClass, 160), formatBytes(Math.round(x.weightBytes)), count(x.samples)]);
    out.push(details('Allocation by class (JFR allocation samples, estimated)', table(['Class', 'Allocated (estimate)', 'Samples'], rows)));
  }
  if (j.cpu) {
    const c = j.cpu;
    out.push(
      details(
        'CPU load (averages over the recording)',
        table(
          ['JVM user', 'JVM system', 'Machine total', 'JVM peak'],
          [[pct(c.jvmUserAvg), pct(c.jvmSystemAvg), pct(c.machineTotalAvg), pct(c.jvmPeak)]],
        ),
      ),
    );
  }
  if (j.notes.length > 0) out.push(details('JFR summariser notes', `<ul>\n${j.notes.map((n) => `<li>${esc(n)}</li>`).join('\n')}\n</ul>`));
  return out;
}
