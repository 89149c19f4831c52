import { readFile, writeFile } from 'node:fs/promises';
import type { RunManifest } from '../shared/model.js';
import { absolute, FileNames } from '../shared/layout.js';
import { analyseJvm } from './analysis.js';
import type { JvmAnalysis } from './analysis-types.js';
import { compareReplicas } from './replicas.js';

/** One analysed JVM, keyed like the output directory: <pod>/<container>/<pid>. */
export interface AnalysedJvm {
  pod: string;
  container: string;
  pid: number;
  analysis: JvmAnalysis;
}

/**
 * Analyses every JVM that has thread dumps, from the files in the output directory; writes analysis.json: the
 * JVMs, then the comparison of each workload's replicas (empty when no workload has two analysed JVMs).
 */
export async function analyseDumps(manifest: RunManifest, outputDir: string): Promise<AnalysedJvm[]> {
  const entries = await analyseRun(manifest, outputDir);
  const replicas = compareReplicas(manifest, entries);
  await writeFile(
    absolute(outputDir, FileNames.analysis),
    JSON.stringify({ tool: manifest.tool, jvms: entries, replicas }, null, 2) + '\n',
  );
  return entries;
}

/** Analyses every JVM of a run (a fresh one, or an artifact downloaded later) from its files; writes nothing. */
export async function analyseRun(manifest: RunManifest, outputDir: string): Promise<AnalysedJvm[]> {
  const entries: AnalysedJvm[] = [];
  for (const pod of manifest.pods) {
    for (const jvm of pod.jvms) {
      // The Thread.print samples in time order, then the JSON dump (every virtual thread) when there is one.
      const dumps = [
        ...jvm.files.filter((f) => f.kind === 'threads').sort((a, b) => a.path.localeCompare(b.path, undefined, { numeric: true })),
        ...jvm.files.filter((f) => f.kind === 'threads-json'),
      ];
      const histogramFile = jvm.files.find((f) => f.kind === 'histogram');
      if (dumps.length === 0 && !histogramFile) continue;
      const threadDumps = await Promise.all(dumps.map((f) => readFile(absolute(outputDir, f.path), 'utf8')));
      const histogram = histogramFile ? await readFile(absolute(outputDir, histogramFile.path), 'utf8') : undefined;
      entries.push({ pod: pod.pod, container: pod.container, pid: jvm.pid, analysis: analyseJvm({ threadDumps, histogram }) });
    }
  }
  return entries;
}
