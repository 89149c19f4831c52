import { access, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { JvmResult, RunManifest } from '../shared/model.js';
import { absolute, FileNames, jvmDir } from '../shared/layout.js';
import { errorMessage } from '../shared/errors.js';
import { analyseJvmEvidence } from './analysis.js';
import type { JvmAnalysis } from './analysis-types.js';
import { flameInputOf } from './flame-graph.js';
import { FLAME_FILE, renderFlameSvg } from './flame-svg.js';
import { MAX_JFR_SUMMARY_CHARS } from './jfr-read.js';
import { compareReplicas } from './replicas.js';

/** One analysed JVM, keyed like the output directory: <pod>/<container>/<pid>. */
export interface AnalysedJvm {
  pod: string;
  container: string;
  pid: number;
  analysis: JvmAnalysis;
}

/** A flame graph to write: the SVG text and its path relative to the output directory. */
export interface FlameGraphFile {
  file: string;
  svg: string;
}

/**
 * Analyses every JVM that has thread dumps, a histogram or a JFR summary, from the files in the output directory;
 * writes each JVM's flame.svg (when there is one to draw) and analysis.json: the JVMs, then the comparison of each
 * workload's replicas (empty when no workload has two analysed JVMs).
 */
export async function analyseDumps(manifest: RunManifest, outputDir: string): Promise<AnalysedJvm[]> {
  const { entries, flames } = await analyseRunWithFlames(manifest, outputDir);
  for (const f of flames) {
    const entry = entries.find((e) => e.analysis.flameGraph?.file === f.file);
    try {
      await writeFile(absolute(outputDir, f.file), f.svg);
    } catch (err) {
      // A full disk costs the picture, not the analysis.
      await rm(absolute(outputDir, f.file), { force: true }).catch(() => undefined);
      if (entry) {
        delete entry.analysis.flameGraph;
        entry.analysis.notes.push(`writing ${f.file} failed: ${errorMessage(err)}`);
      }
    }
  }
  const replicas = compareReplicas(manifest, entries);
  await writeFile(
    absolute(outputDir, FileNames.analysis),
    JSON.stringify({ tool: manifest.tool, jvms: entries, replicas }, null, 2) + '\n',
  );
  return entries;
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

/** The analyses, and the flame graphs to write beside the dumps (each entry's `flameGraph` points at its file). */
export async function analyseRunWithFlames(
  manifest: RunManifest,
  outputDir: string,
): Promise<{ entries: AnalysedJvm[]; flames: FlameGraphFile[] }> {
  const entries: AnalysedJvm[] = [];
  const flames: FlameGraphFile[] = [];
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
      let svg: string | undefined;
      try {
        svg = input && renderFlameSvg(input, `${pod.pod} / ${pod.container} / pid ${jvm.pid}`);
      } catch (err) {
        analysis.notes.push(`no flame graph: ${errorMessage(err)}`);
      }
      if (input && svg) {
        const file = `${dirOf(pod.pod, pod.container, jvm)}/${FLAME_FILE}`;
        const stacks = input.stacks.reduce((n, s) => n + s.count, 0) + input.otherSamples;
        flames.push({ file, svg });
        analysis.flameGraph = {
          file,
          source: input.source,
          stacks,
          ...(input.dumpSamples !== undefined ? { samples: input.dumpSamples } : {}),
        };
      }
      entries.push({ pod: pod.pod, container: pod.container, pid: jvm.pid, analysis });
    }
  }
  return { entries, flames };
}

/** The JVM's folder: where its dumps are (so the graph sits next to them). */
function dirOf(pod: string, container: string, jvm: JvmResult): string {
  const first = jvm.files[0]?.path;
  return first ? path.posix.dirname(first) : jvmDir(pod, container, jvm.pid);
}
