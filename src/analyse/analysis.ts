// Diagnosis of one JVM from its spaced thread dumps and class histogram. Pure: text in, JSON-safe object out.
import { busyThreads, measureActivity, stuckThreads, topCpuDeltas } from './activity.js';
import type { AnalyseInput, JvmAnalysis, StuckThread } from './analysis-types.js';
import { contendedInMost, contentionAcrossSamples } from './contention.js';
import { findDeadlocks } from './deadlocks.js';
import type { JfrSummary } from '../shared/jfr-summary.js';
import { analyseJfr } from './jfr-analysis.js';
import { readJfrSummary } from './jfr-read.js';
import { summariseHistogram } from './histogram-summary.js';
import { lockGraph } from './lock-graph.js';
import { readThreadDumps } from './read-dumps.js';
import { stackGroups } from './stack-groups.js';
import type { ThreadDump } from './thread-dump-types.js';
import { mainThreadInfo, stateCounts } from './threads.js';
import { verdictOf } from './verdict.js';
import { virtualThreadSummary } from './virtual-threads.js';

/** Lines of a thread's block that say nothing about its state or locks: what a compiler thread compiles. */
const KNOWN_EXTRA_LINE = /^(No compile task|Compiling:\s.*|JavaThread state: .*)$/;

/** Analyses one JVM. `threadDumps` are its spaced samples, oldest first. */
export function analyseJvm(input: AnalyseInput): JvmAnalysis {
  return analyseJvmEvidence(input).analysis;
}

/** The analysis with what it was made from: the thread-dump samples it used and the validated JFR summary. */
export interface JvmEvidence {
  analysis: JvmAnalysis;
  samples: ThreadDump[];
  jfrSummary?: JfrSummary;
}

export function analyseJvmEvidence(input: AnalyseInput): JvmEvidence {
  const notes: string[] = [];
  const jfrRead = input.jfrSummary !== undefined ? readJfrSummary(input.jfrSummary) : undefined;
  if (jfrRead?.problem) notes.push(`JFR summary left out: ${jfrRead.problem}`);
  const jfr = jfrRead?.summary ? { jfr: analyseJfr(jfrRead.summary) } : {};
  const evidence = (analysis: JvmAnalysis, samples: ThreadDump[]): JvmEvidence => ({ analysis, samples, jfrSummary: jfrRead?.summary });
  const rejected: string[] = [];
  const all: ThreadDump[] = [];
  input.threadDumps.forEach((text, i) => {
    const r = readThreadDumps(text);
    if (r.rejected) {
      rejected.push(r.rejected);
      notes.push(`input ${i + 1}: not a HotSpot thread dump (looks like: ${r.rejected})`);
    }
    all.push(...r.dumps);
  });
  let unknownLines = 0;
  all.forEach((d, i) => {
    // Inside a thread's block too: a line the parser does not know may hide a lock or a state.
    const unknown = [...d.unknownLines, ...d.threads.flatMap((t) => t.extraLines.filter((l) => !KNOWN_EXTRA_LINE.test(l)))];
    unknownLines += unknown.length;
    if (unknown.length > 0)
      notes.push(`sample ${i + 1}: ${unknown.length} unrecognised line(s), e.g. ${JSON.stringify(unknown[0].slice(0, 120))}`);
  });
  // The time series is made of Thread.print samples; a JSON or dump_to_file dump (no cpu=, objects named
  // differently) stands in only when there is nothing else, and serves the virtual-thread view.
  const printed = all.filter((d) => d.format === 'thread-print' && d.threads.length > 0);
  const samples = printed.length > 0 ? printed : all.filter((d) => d.threads.length > 0);
  const histogramText = input.histogram ?? samples.find((d) => d.histogramText)?.histogramText;
  const histogram = histogramText !== undefined ? summariseHistogram(histogramText, notes) : undefined;
  const last = samples[samples.length - 1];
  const formats = [...new Set(all.map((d) => d.format))];
  if (!last) {
    // Only a recording (dumps: jfr): its verdict is the JVM's.
    const onlyJfr = input.threadDumps.length === 0 && jfr.jfr ? `JFR: ${jfr.jfr.verdict}` : undefined;
    const empty: JvmAnalysis = {
      verdict:
        onlyJfr ?? (rejected.length > 0 ? `not a HotSpot thread dump (looks like: ${rejected[0]})` : 'no thread dump could be parsed'),
      severity: 'no-data',
      deadlock: false,
      blockedThreads: 0,
      samplesGiven: input.threadDumps.length,
      samples: 0,
      threadCount: 0,
      vmThreadCount: 0,
      states: {},
      deadlocks: [],
      contendedLocks: [],
      identicalStacks: [],
      busyThreads: [],
      stuckThreads: [],
      cpuDeltas: [],
      histogram,
      notes,
      ...(rejected.length > 0 ? { rejected: rejected[0] } : {}),
      formats,
      ...jfr,
    };
    return evidence(empty, []);
  }

  const graphs = samples.map(lockGraph);
  const lastGraph = graphs[graphs.length - 1];
  const deadlocks = findDeadlocks(samples, graphs);
  const contended = contentionAcrossSamples(samples, graphs);
  const activity = measureActivity(samples);
  const hotKeys = new Set<string>();
  const busy = busyThreads(samples, activity, hotKeys);

  // What the findings above already account for, so that "not moving" does not repeat it.
  const deadlockLocks = new Set(deadlocks.flatMap((d) => d.locks.map((l) => l.address)));
  const contendedLocks = new Set(contended.filter(contendedInMost).map((c) => c.address));
  const holdsContended = new Set([...lastGraph.owner].filter(([address]) => contendedLocks.has(address)).map(([, o]) => o.thread));
  const explain = (i: number): { waitingForLock: boolean; explainedBy?: StuckThread['explainedBy'] } => {
    const w = lastGraph.waits.get(i);
    if (w && deadlockLocks.has(w.address)) return { waitingForLock: true, explainedBy: 'deadlock' };
    if (w && contendedLocks.has(w.address)) return { waitingForLock: true, explainedBy: 'contention' };
    if (holdsContended.has(i)) return { waitingForLock: !!w, explainedBy: 'contention' };
    return { waitingForLock: !!w };
  };

  const platform = last.threads.filter((t) => t.isJavaThread && !t.virtual);
  const reported = Math.max(...samples.map((d) => d.reportedDeadlockCount ?? 0));
  const analysis: JvmAnalysis = {
    verdict: '',
    severity: 'ok',
    deadlock: deadlocks.length > 0,
    blockedThreads: lastGraph.waits.size,
    samplesGiven: input.threadDumps.length,
    samples: samples.length,
    vm: last.vm ?? last.jdkVersion,
    timestamp: last.timestamp,
    threadCount: platform.length,
    vmThreadCount: last.threads.filter((t) => !t.isJavaThread).length,
    states: stateCounts(platform),
    main: mainThreadInfo(platform),
    deadlocks,
    contendedLocks: contended,
    identicalStacks: stackGroups(platform),
    busyThreads: busy,
    stuckThreads: stuckThreads(samples, activity, hotKeys, explain),
    cpuDeltas: topCpuDeltas(activity),
    histogram,
    notes,
    formats,
  };
  if (reported > 0) analysis.jvmReportedDeadlocks = reported;
  if (rejected.length > 0) analysis.rejected = rejected[0];
  const vts = virtualThreadSummary(all.filter((d) => d.threads.length > 0));
  if (vts) analysis.virtualThreads = vts;
  if (vts?.source === 'thread-print')
    notes.push('Thread.print shows only virtual threads mounted on a carrier; a JSON thread dump (threads-json) lists all of them');
  // The verdict reads the findings above, so it comes last; the keys keep their place at the top of the JSON.
  return evidence({ ...analysis, ...verdictOf(analysis, { unknownLines }), ...jfr }, samples);
}

/** Values for the action outputs `deadlock` and `blocked-threads` over all analysed JVMs. */
export function aggregateOutputs(analyses: readonly JvmAnalysis[]): { deadlock: boolean; blockedThreads: number } {
  return {
    deadlock: analyses.some((a) => a.deadlock),
    blockedThreads: analyses.reduce((n, a) => n + a.blockedThreads, 0),
  };
}
