// The full detail of one JVM's thread-dump analysis in the job summary: deadlocks, contended locks, busy and stuck
// threads, stack groups, virtual threads, CPU between samples, the class histogram. Every name is pod data: escaped.
import type { JvmAnalysis } from '../analyse/analysis-types.js';
import { coreShare } from '../analyse/verdict.js';
import { details, esc, formatBytes, names, pre, table } from './html.js';
import { virtualThreadsHtml } from './virtual-threads-html.js';

/** Rows of a table shown at most; analysis.json has them all. */
export const MAX_ROWS = 10;
const MAX_FRAMES_SHOWN = 15;

export function analysisDetails(a: JvmAnalysis): string[] {
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
        b.cpuShare !== undefined ? `${coreShare(b.cpuShare)}${b.cpuShareOver === 'lifetime' ? ' (lifetime)' : ''}` : '',
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
        d.share !== undefined ? coreShare(d.share) : '',
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
