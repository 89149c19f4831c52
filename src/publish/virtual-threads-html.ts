// The job summary's section on virtual threads (JDK 21+): how many, in which state, and their largest groups.
import type { JvmAnalysis } from '../analyse/analysis-types.js';
import { details, esc, pre, table } from './html.js';

const SOURCE: Record<string, string> = {
  json: 'the JSON thread dump (every virtual thread)',
  'dump-to-file': 'Thread.dump_to_file (every virtual thread)',
  'thread-print': 'Thread.print (only those mounted on a carrier)',
};

/** Undefined when the JVM has no virtual thread to show. */
export function virtualThreadsHtml(a: JvmAnalysis): string | undefined {
  const v = a.virtualThreads;
  if (!v || v.total === 0) return undefined;
  const states = Object.keys(v.states).sort();
  const counts = table(
    ['Virtual threads', ...states.map((s) => esc(s)), 'Mounted'],
    [[String(v.total), ...states.map((s) => String(v.states[s])), String(v.mounted)]],
  );
  const groups = v.groups.map(
    (g) =>
      `<p>${g.count} virtual thread${g.count === 1 ? '' : 's'}, ${esc(g.state ?? 'no state')}${g.parkedOn ? `, parked on <code>${esc(g.parkedOn, 200)}</code>` : ''}</p>\n${pre(g.frames)}`,
  );
  return details(
    `Virtual threads (${v.total}, from ${SOURCE[v.source] ?? esc(v.source)})`,
    [counts, ...groups].join('\n'),
    a.severity === 'virtual-pileup',
  );
}
