// The one-line verdict: the most severe finding, worded for a person skimming a job summary. A dump that was not
// fully understood never gets the green "no problem found".
import type { ContendedLock, DeadlockFinding, JvmAnalysis, Severity } from './analysis-types.js';
import { contendedInMost } from './contention.js';
import { describeState, plural } from './threads.js';

/** Checks deadlock, contention, a virtual-thread pile-up, CPU, stuck threads in that order; the first that applies is the verdict. */
export function verdictOf(a: JvmAnalysis, parse: { unknownLines: number } = { unknownLines: 0 }): { verdict: string; severity: Severity } {
  if (a.deadlocks.length > 0) {
    const d = a.deadlocks[0];
    const head = a.deadlocks.length > 1 ? `${a.deadlocks.length} deadlocks; first: ${deadlockWords(d)}` : deadlockWords(d);
    return {
      severity: 'deadlock',
      verdict: `${head} between ${plural(d.threads.length, 'thread')} (${quoteList(d.threads, 4)})${deadlockOn(d)}`,
    };
  }
  const top = a.contendedLocks.find(contendedInMost);
  const pile = a.virtualThreads?.pileUp;
  // Thousands of virtual threads queued on one lock: the pile-up is the finding, the lock its cause.
  if (pile && (!top || pile.count >= top.waiters)) {
    const where = pile.frames.find((f) => !/^(java|jdk|sun)\./.test(f)) ?? pile.frames[0];
    const lock = pile.parkedOn ? a.contendedLocks.find((c) => c.address === pile.parkedOn) : undefined;
    let holder = lock ? holderWords(lock) : '';
    if (!lock?.holder && pile.parkedOnHolder !== undefined) holder = ` held by "${pile.parkedOnHolder}"`;
    const on = pile.parkedOn ? `, parked on ${lockName(pile.parkedOn, lock?.className)}${holder}` : '';
    return {
      severity: 'virtual-pileup',
      verdict: `virtual-thread pile-up: ${pile.count} of ${a.virtualThreads!.total} virtual threads ${pile.state ?? 'waiting'} in ${shortFrame(where)}${on}`,
    };
  }
  if (top) return { severity: 'contention', verdict: contentionWords(top) };
  const hot = a.busyThreads.filter((b) => b.hot);
  if (hot.length > 0) {
    const parts = hot.slice(0, 3).map((b) => {
      const share = b.cpuShare !== undefined ? `${coreShare(b.cpuShare)} of a CPU` : undefined;
      const most =
        b.measuredIntervals !== undefined && b.hotIntervals! < b.measuredIntervals
          ? `busy in ${b.hotIntervals} of ${b.measuredIntervals} intervals`
          : undefined;
      const noCpu =
        b.cpuShare === undefined && b.runnableInSamples < a.samples
          ? `RUNNABLE in ${b.runnableInSamples} of ${a.samples} samples`
          : undefined;
      const extra = [share, most, noCpu].filter(Boolean).join(', ');
      return `"${b.name}" in ${shortFrame(b.appFrame ?? b.topFrames[0])}${extra ? ` (${extra})` : ''}`;
    });
    const more = hot.length > 3 ? ` and ${hot.length - 3} more` : '';
    return { severity: 'cpu', verdict: `${plural(hot.length, 'thread')} busy in application code: ${parts.join(', ')}${more}` };
  }
  const stuckOnes = a.stuckThreads.filter((s) => !s.idle && !s.explainedBy);
  if (stuckOnes.length > 0) {
    const s = stuckOnes[0];
    const state = s.state ? ` ${s.state}` : '';
    return {
      severity: 'stuck',
      verdict: `${plural(stuckOnes.length, 'thread')} did not move across ${s.samples} samples: "${s.name}"${state} in ${shortFrame(s.topFrames[0])}`,
    };
  }
  if (a.rejected)
    return {
      severity: 'no-data',
      verdict: `no finding in what was understood, but an input is not a HotSpot thread dump (looks like: ${a.rejected})`,
    };
  if (parse.unknownLines > 0)
    return {
      severity: 'no-data',
      verdict: `no finding, but ${plural(parse.unknownLines, 'line')} of the dump were not understood (see the notes): not judged fine`,
    };
  const blocked = a.blockedThreads > 0 ? `, ${a.blockedThreads} waiting for a lock` : '';
  const vts = a.virtualThreads ? `, ${plural(a.virtualThreads.total, 'virtual thread')}` : '';
  let verdict = `no problem found: ${plural(a.threadCount, 'Java thread')}${vts}${blocked}`;
  if (a.main) verdict += `; main is ${describeState(a.main)}${a.main.frame ? ` in ${shortFrame(a.main.frame)}` : ''}`;
  return { severity: 'ok', verdict };
}

function deadlockWords(d: DeadlockFinding): string {
  if (d.locks.every((l) => l.kind === 'class-init'))
    return d.inferred ? 'class-initialisation deadlock (inferred)' : 'class-initialisation deadlock';
  return 'deadlock';
}

function deadlockOn(d: DeadlockFinding): string {
  const classes = [...new Set(d.locks.map((l) => l.className).filter((c): c is string => !!c))];
  return classes.length > 0 ? ` on ${classes.join(', ')}` : '';
}

/** "java.lang.Object <0x...>" for an address; "java.lang.Object@1b6d3586" as Thread.dump_to_file names it. */
function lockName(address: string, className: string | undefined): string {
  return address.includes('@') ? address : `${className ?? 'lock'} <${address}>`;
}

function holderWords(c: ContendedLock): string {
  if (c.holder) return ` held by "${c.holder}", ${c.holderState}${c.holderFrame ? ` in ${shortFrame(c.holderFrame)}` : ''}`;
  if (c.holderUnknown === 'no-ownable-info')
    return c.address.includes('@')
      ? ', holder unknown (this dump format names no lock owner)'
      : ', holder unknown (the dump was taken without -l)';
  if (c.holderUnknown === 'shared') return ', held shared (read lock or permits: no single owner)';
  return ' (holder not in the dump)';
}

function contentionWords(c: ContendedLock): string {
  const who = c.virtualWaiters === c.waiters ? plural(c.waiters, 'virtual thread') : plural(c.waiters, 'thread');
  const how = c.kind === 'ownable' ? 'parked on' : 'blocked on';
  const samples = c.ofSamples > 1 ? ` in ${c.contendedInSamples} of ${c.ofSamples} samples` : '';
  return `${who} ${how} one lock (${lockName(c.address, c.className)})${holderWords(c)}${samples}`;
}

function quoteList(names: string[], max = 3): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}

/** A share of one core (CPU time over wall time) in whole percent; a thread spread over cores can pass 100%. */
export function coreShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The method without its location ("a.B.m(B.java:42)" -> "a.B.m"): the verdict is one line. */
export function shortFrame(frame: string | undefined): string | undefined {
  return frame?.replace(/\(.*\)$/, '');
}
