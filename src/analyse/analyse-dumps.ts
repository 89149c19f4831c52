import { access, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { RunManifest } from '../shared/model.js';
import { absolute, FileNames } from '../shared/layout.js';
import { errorMessage } from '../shared/errors.js';
import { analyseJvmEvidence } from './analysis.js';
import type { JvmAnalysis } from './analysis-types.js';
import { flameGraphRef, flameInputOf, type FlameInput } from './flame-graph.js';
import { FLAME_FILE, renderFlameSvg } from './flame-svg.js';
import { MAX_JFR_SUMMARY_CHARS } from './jfr-read.js';
import { compareReplicas, type ReplicaComparison } from './replicas.js';

/** One analysed JVM, keyed like the output directory: <pod>/<container>/<pid>. */
export interface AnalysedJvm {
  pod: string;
  container: string;
  pid: number;
  analysis: JvmAnalysis;
}

/** A run's analysis: each JVM's, then the comparison of each workload's replicas (made once, for every report). */
export interface AnalysedRun {
  jvms: AnalysedJvm[];
  replicas: ReplicaComparison[];
}

/** A flame graph to draw and write for one analysed JVM (its `flameGraph` already points at `file`). */
interface FlameToWrite {
  entry: AnalysedJvm;
  input: FlameInput;
  title: string;
}

/**
 * Analyses every JVM that has thread dumps, a histogram or a JFR summary, from the files in the output directory;
 * writes each JVM's flame.svg (when there is one to draw) and analysis.json: the JVMs, then the comparison of each
 * workload's replicas (empty when no workload has two analysed JVMs).
 */
export async function analyseDumps(manifest: RunManifest, outputDir: string): Promise<AnalysedRun> {
  const { entries, flames } = await analyseRunWithFlames(manifest, outputDir);
  for (const { entry, input, title } of flames) {
    const file = entry.analysis.flameGraph!.file;
    let svg: string;
    try {
      svg = renderFlameSvg(input, title);
    } catch (err) {
      delete entry.analysis.flameGraph;
      entry.analysis.notes.push(`no flame graph: ${errorMessage(err)}`);
      continue;
    }
    try {
      await writeFile(absolute(outputDir, file), svg);
    } catch (err) {
      // A full disk costs the picture, not the analysis.
      await rm(absolute(outputDir, file), { force: true }).catch(() => undefined);
      delete entry.analysis.flameGraph;
      entry.analysis.notes.push(`writing ${file} failed: ${errorMessage(err)}`);
    }
  }
  const replicas = compareReplicas(manifest, entries);
  await writeFile(
    absolute(outputDir, FileNames.analysis),
    JSON.stringify({ tool: manifest.tool, jvms: entries, replicas }, null, 2) + '\n',
  );
  return { jvms: entries, replicas };
}

/**
 * Analyses every JVM of a run (a fresh one, or an artifact downloaded later) from its files; writes nothing. A flame
 * graph is referred to only when the run wrote it.
 */
export async function analyseRun(manifest: RunManifest, outputDir: string): Promise<AnalysedJvm[]> {
  const { entries } = await analyseRunWithFlames(manifest, outputDir);
  for (const e of entries) {
    const f = e.analysis.flameGraph;
    if (
      f &&
      !(await access(absolute(outputDir, f.file)).then(
        () => true,
        () => false,
      ))
    )
      delete e.analysis.flameGraph;
  }
  return entries;
}

/** The analyses, and the flame graphs to draw beside the dumps (each entry's `flameGraph` points at its file). */
export async function analyseRunWithFlames(
  manifest: RunManifest,
  outputDir: string,
): Promise<{ entries: AnalysedJvm[]; flames: FlameToWrite[] }> {
  const entries: AnalysedJvm[] = [];
  const flames: FlameToWrite[] = [];
  const jfrRequested = manifest.requested.dumps.includes('jfr');
  for (const pod of manifest.pods) {
    for (const jvm of pod.jvms) {
      // The Thread.print samples in time order, then the JSON dump (every virtual thread) when there is one.
      const dumps = [
        ...jvm.files.filter((f) => f.kind === 'threads').sort((a, b) => a.path.localeCompare(b.path, undefined, { numeric: true })),
        ...jvm.files.filter((f) => f.kind === 'threads-json'),
      ];
      const histogramFile = jvm.files.find((f) => f.kind === 'histogram');
      const jfrFile = jvm.files.find((f) => f.kind === 'jfr' && path.posix.basename(f.path) === FileNames.jfrSummary);
      if (dumps.length === 0 && !histogramFile && !jfrFile) continue;
      const threadDumps = await Promise.all(dumps.map((f) => readFile(absolute(outputDir, f.path), 'utf8')));
      const histogram = histogramFile ? await readFile(absolute(outputDir, histogramFile.path), 'utf8') : undefined;
      // The size is checked before reading: the file is the pod's (a UTF-8 character takes at most 4 bytes).
      const tooBig = jfrFile && jfrFile.size > MAX_JFR_SUMMARY_CHARS * 4;
      // The recording's part costs only itself: a summary that cannot be read is a note, not a lost analysis.
      let unread = tooBig ? `${FileNames.jfrSummary} is ${jfrFile.size} bytes, too large to be a summary` : undefined;
      let jfrSummary: string | undefined;
      if (jfrFile && !tooBig) {
        try {
          jfrSummary = await readFile(absolute(outputDir, jfrFile.path), 'utf8');
        } catch (err) {
          unread = `reading ${jfrFile.path} failed: ${errorMessage(err)}`;
        }
      }
      const { analysis, samples, jfrSummary: jfr } = analyseJvmEvidence({ threadDumps, histogram, jfrSummary });
      if (unread) analysis.notes.push(`JFR summary left out: ${unread}`);
      const input = flameInputOf({ jfr, samples, jfrRequested, requestedSamples: manifest.requested.threadDumpCount });
      const entry: AnalysedJvm = { pod: pod.pod, container: pod.container, pid: jvm.pid, analysis };
      if (input) {
        // Drawn only where it is written (analyseDumps): a run read again later refers to the file it has.
        analysis.flameGraph = flameGraphRef(input, `${path.posix.dirname(jvm.files[0].path)}/${FLAME_FILE}`);
        flames.push({ entry, input, title: `${pod.pod} / ${pod.container} / pid ${jvm.pid}` });
      }
      entries.push(entry);
    }
  }
  return { entries, flames };
}
