// The JFR lines of a JVM in the CLI's terminal report: the verdict, the top methods, the top monitor, the flame graph.
// Names come from the pod: neutralised so that they cannot drive the terminal or a workflow log.
import type { JvmAnalysis } from '../analyse/analysis-types.js';
import { formatMs } from '../analyse/jfr-verdict.js';
import { neutralise } from '../shared/untrusted.js';

const TOP = 3;

/** A name cut to `max`; the whole line is neutralised once it is assembled (a name may start with "::"). */
function t(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function jfrLines(a: JvmAnalysis, indent: string): string[] {
  return lines(a, indent).map(neutralise);
}

function lines(a: JvmAnalysis, indent: string): string[] {
  const out: string[] = [];
  const j = a.jfr;
  if (j) {
    out.push(
      `${indent}JFR (${formatMs(j.durationMs)}, ${j.executionSamples.toLocaleString('en-US')} execution samples): ${t(j.verdict, 600)}`,
    );
    for (const m of j.bySelf.slice(0, TOP)) out.push(`${indent}  self ${(m.share * 100).toFixed(1)}%  ${t(m.method)}`);
    const mon = j.monitors[0];
    if (mon)
      out.push(
        `${indent}  monitor ${t(mon.monitorClass, 160)} at ${t(mon.site)}: ${mon.count} times, ${formatMs(mon.totalMs)} blocked, longest ${formatMs(mon.longestMs)}`,
      );
  }
  const f = a.flameGraph;
  if (f)
    out.push(
      `${indent}flame graph: ${t(f.file, 400)} (${f.source === 'jfr' ? 'JFR execution samples' : 'thread-dump samples, RUNNABLE threads only'})`,
    );
  return out;
}
