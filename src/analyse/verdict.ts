// The one-line verdict: the most severe finding, worded for a person skimming a job summary.
import type { JvmAnalysis, Severity } from './analysis-types.js';
import { describeState } from './threads.js';

/** One waiter is ordinary locking; from two on, threads queue behind the holder. */
const CONTENTION_WAITERS = 2;

/** Checks deadlock, contention, CPU, stuck threads in that order; the first that applies is the verdict. */
export function verdictOf(a: JvmAnalysis): { verdict: string; severity: Severity } {
  if (a.deadlocks.length > 0) {
    const d = a.deadlocks[0];
    const classes = [...new Set(d.locks.map((l) => l.className).filter((c): c is string => !!c))];
    const on = classes.length > 0 ? ` on ${classes.join(', ')}` : '';
    const head = a.deadlocks.length > 1 ? `${a.deadlocks.length} deadlocks; first: deadlock` : 'deadlock';
    return { severity: 'deadlock', verdict: `${head} between ${d.threads.length} threads (${quoteList(d.threads, 4)})${on}` };
  }
  const top = a.contendedLocks[0];
  if (top && top.waiters >= CONTENTION_WAITERS) {
    const lock = `${top.className ?? 'lock'} <${top.address}>`;
    const holder = top.holder
      ? ` held by "${top.holder}", ${top.holderState}${top.holderFrame ? ` in ${shortFrame(top.holderFrame)}` : ''}`
      : ' (holder not in the dump)';
    return { severity: 'contention', verdict: `${top.waiters} threads blocked on one lock (${lock})${holder}` };
  }
  const hot = a.busyThreads.filter((b) => b.hot);
  if (hot.length > 0) {
    const parts = hot
      .slice(0, 3)
      .map(
        (b) => `"${b.name}" in ${shortFrame(b.appFrame ?? b.topFrames[0])}${b.cpuShare !== undefined ? ` (${percent(b.cpuShare)})` : ''}`,
      );
    const more = hot.length > 3 ? ` and ${hot.length - 3} more` : '';
    return {
      severity: 'cpu',
      verdict: `${hot.length} thread${hot.length > 1 ? 's' : ''} busy in application code: ${parts.join(', ')}${more}`,
    };
  }
  const stuckOnes = a.stuckThreads.filter((s) => !s.idle);
  if (stuckOnes.length > 0) {
    const s = stuckOnes[0];
    return {
      severity: 'stuck',
      verdict: `${stuckOnes.length} thread${stuckOnes.length > 1 ? 's' : ''} did not move across ${s.samples} samples: "${s.name}" ${s.state ?? ''} in ${shortFrame(s.topFrames[0])}`,
    };
  }
  const blocked = a.blockedThreads > 0 ? `, ${a.blockedThreads} waiting for a lock` : '';
  let verdict = `no problem found: ${a.threadCount} Java threads${blocked}`;
  if (a.main) verdict += `; main is ${describeState(a.main)}${a.main.frame ? ` in ${shortFrame(a.main.frame)}` : ''}`;
  return { severity: 'ok', verdict };
}

function quoteList(names: string[], max = 3): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}

function percent(share: number): string {
  return `${Math.round(share * 100)}% of a CPU`;
}

/** The method without its location: the verdict is one line. */
function shortFrame(frame: string | undefined): string | undefined {
  return frame?.replace(/\(.*\)$/, '');
}
