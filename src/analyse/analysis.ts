// Diagnosis of one JVM from its spaced thread dumps and class histogram. Pure: text in, JSON-safe object out.
import { busyThreads, cpuDeltas, stuckThreads } from './activity.js';
import type { AnalyseInput, JvmAnalysis } from './analysis-types.js';
import { contendedLocks } from './contention.js';
import { findDeadlocks } from './deadlocks.js';
import { summariseHistogram } from './histogram-summary.js';
import { lockGraph } from './lock-graph.js';
import { stackGroups } from './stack-groups.js';
import { parseThreadDump } from './thread-dump.js';
import { mainThreadInfo, stateCounts } from './threads.js';
import { verdictOf } from './verdict.js';

/** Analyses one JVM. `threadDumps` are its spaced samples, oldest first. */
export function analyseJvm(input: AnalyseInput): JvmAnalysis {
  const notes: string[] = [];
  const parsed = input.threadDumps.map((text, i) => {
    const d = parseThreadDump(text);
    if (d.unknownLines.length > 0)
      notes.push(`sample ${i + 1}: ${d.unknownLines.length} unrecognised line(s), e.g. ${JSON.stringify(d.unknownLines[0].slice(0, 120))}`);
    return d;
  });
  const samples = parsed.filter((d) => d.threads.length > 0);
  if (samples.length < parsed.length) notes.push(`${parsed.length - samples.length} sample(s) held no thread`);

  const histogram = input.histogram !== undefined ? summariseHistogram(input.histogram, notes) : undefined;
  const last = samples[samples.length - 1];
  if (!last) {
    return {
      verdict: 'no thread dump could be parsed',
      severity: 'no-data',
      deadlock: false,
      blockedThreads: 0,
      samplesGiven: parsed.length,
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
    };
  }

  const graphs = samples.map(lockGraph);
  const lastGraph = graphs[graphs.length - 1];
  const deadlocks = findDeadlocks(samples, graphs);
  // Contention, groups and counts describe the JVM now: the last sample.
  const javaThreads = last.threads.filter((t) => t.isJavaThread);
  const cpu = cpuDeltas(samples);

  const analysis: JvmAnalysis = {
    verdict: '',
    severity: 'ok',
    deadlock: deadlocks.length > 0,
    blockedThreads: lastGraph.waits.size,
    samplesGiven: parsed.length,
    samples: samples.length,
    vm: last.vm,
    timestamp: last.timestamp,
    threadCount: javaThreads.length,
    vmThreadCount: last.threads.length - javaThreads.length,
    states: stateCounts(javaThreads),
    main: mainThreadInfo(javaThreads),
    deadlocks,
    contendedLocks: contendedLocks(last, lastGraph),
    identicalStacks: stackGroups(javaThreads),
    busyThreads: busyThreads(samples, cpu.deltaByKey),
    stuckThreads: stuckThreads(samples, lastGraph),
    cpuDeltas: cpu.cpuDeltas,
    histogram,
    notes,
  };
  // The verdict reads the findings above, so it comes last; the keys keep their place at the top of the JSON.
  return { ...analysis, ...verdictOf(analysis) };
}

/** Values for the action outputs `deadlock` and `blocked-threads` over all analysed JVMs. */
export function aggregateOutputs(analyses: readonly JvmAnalysis[]): { deadlock: boolean; blockedThreads: number } {
  return {
    deadlock: analyses.some((a) => a.deadlock),
    blockedThreads: analyses.reduce((n, a) => n + a.blockedThreads, 0),
  };
}
