// `kube-jvm-dump analyse FILE|DIR ...`: the diagnosis of thread dumps a user already has, without a cluster.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { analyseRun } from './analyse/analyse-dumps.js';
import { analyseJvmEvidence } from './analyse/analysis.js';
import { flameGraphRef, flameInputOf, type FlameInput } from './analyse/flame-graph.js';
import { renderFlameSvg } from './analyse/flame-svg.js';
import type { JvmAnalysis } from './analyse/analysis-types.js';
import { readThreadDumps } from './analyse/read-dumps.js';
import { compareReplicas } from './analyse/replicas.js';
import { replicaLines } from './publish/replicas-html.js';
import { renderOfflineReport, renderStandaloneHtml, type OfflineEntry } from './publish/offline-report.js';
import { FileNames } from './shared/layout.js';
import type { RunManifest } from './shared/model.js';
import { TOOL_NAME, TOOL_VERSION } from './shared/constants.js';
import { errorMessage } from './shared/errors.js';
import { inertJson, neutralise } from './shared/untrusted.js';

export const ANALYSE_HELP = `Usage: ${TOOL_NAME} analyse FILE|DIR ... [--json] [--html FILE] [--flame FILE]

Analyses thread dumps you already have, offline: jstack / jcmd Thread.print / SIGQUIT output (a container log
is fine), JDK 21+ Thread.dump_to_file text or JSON. Several files are samples of one JVM in time order; a file
with several dumps in it is several samples; a class histogram among them is used as one. A directory from an
earlier run (it has manifest.json) is analysed per JVM; any other directory stands for the files in it.

  --json        print the analysis as JSON (the shape of analysis.json) instead of the report
  --html FILE   also write the job summary's HTML as a standalone page
  --flame FILE  also write a flame graph (SVG) of the given files: from a jfr-summary.json among them, else
                from the thread dumps' RUNNABLE stacks (a run's directory has its flame.svg per JVM already)
  -h, --help    this text

Exit status: 0 no problem found, 3 another problem (contention, busy or stuck threads, a virtual-thread
pile-up), 4 a deadlock, 2 bad usage or input that is not a HotSpot thread dump.`;

interface Options {
  paths: string[];
  json: boolean;
  html?: string;
  flame?: string;
}

function parseOptions(argv: string[]): Options | 'help' {
  const o: Options = { paths: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--json') o.json = true;
    else if (a === '--html' || a.startsWith('--html=')) {
      o.html = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!o.html) throw new Error('--html needs a file name');
    } else if (a === '--flame' || a.startsWith('--flame=')) {
      o.flame = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!o.flame) throw new Error('--flame needs a file name');
    } else if (a.startsWith('-') && a !== '-') throw new Error(`unknown option ${a} (see ${TOOL_NAME} analyse --help)`);
    else o.paths.push(a);
  }
  if (o.paths.length === 0) throw new Error(`no thread dump given (see ${TOOL_NAME} analyse --help)`);
  return o;
}

/** 4 deadlock, 3 another finding, 2 nothing understood anywhere, 0 no problem. */
export function exitStatusOf(analyses: readonly JvmAnalysis[]): number {
  if (analyses.some((a) => a.severity === 'deadlock')) return 4;
  if (analyses.some((a) => a.severity !== 'ok' && a.severity !== 'no-data')) return 3;
  if (analyses.length === 0 || analyses.some((a) => a.severity === 'no-data')) return 2;
  return 0;
}

async function filesOf(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  return names.sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).map((n) => path.join(dir, n));
}

/** A jfr-summary.json among loose files: the summariser's keys, whatever the file is called. */
const JFR_SUMMARY_KEYS = ['"schema"', '"executionSamples"', '"hotMethods"'];

/** The flame graph of loose files, when their stacks make one; the analysis says where it is or why there is none. */
async function writeFlame(file: string, input: FlameInput | undefined, label: string, analysis: JvmAnalysis): Promise<void> {
  if (!input) {
    analysis.notes.push('no flame graph: neither JFR execution samples nor a RUNNABLE application thread in the files');
    return;
  }
  await writeFile(file, renderFlameSvg(input, label));
  analysis.flameGraph = flameGraphRef(input, file);
}

/** Artifact directories per JVM; loose files together as the samples of one JVM. */
async function analysePaths(
  paths: string[],
  skipped: string[],
  flame?: string,
): Promise<{ entries: OfflineEntry[]; manifest: RunManifest }> {
  const entries: OfflineEntry[] = [];
  const loose: string[] = [];
  /** Files found in a directory: one that is no thread dump (vm-info.txt, a README) is left out, not judged. */
  const listed = new Set<string>();
  const pods: RunManifest['pods'] = [];
  const runs: RunManifest[] = [];
  for (const p of paths) {
    const st = await stat(p);
    if (!st.isDirectory()) {
      loose.push(p);
      continue;
    }
    const manifestText = await readFile(path.join(p, FileNames.manifest), 'utf8').catch(() => undefined);
    if (manifestText === undefined) {
      for (const f of (await filesOf(p)).filter((x) => !/\.(hprof|gz|zip)$/.test(x))) {
        loose.push(f);
        listed.add(f);
      }
      continue;
    }
    const manifest = JSON.parse(manifestText) as RunManifest;
    for (const e of await analyseRun(manifest, p)) entries.push({ ...e, label: `${e.pod}/${e.container}/${e.pid}`, files: [] });
    pods.push(...manifest.pods);
    runs.push(manifest);
  }
  // One run alone keeps its own manifest: its workload and rollout, and its errors, make the verdict line.
  if (runs.length === 1 && paths.length === 1) return { entries, manifest: runs[0] };
  if (loose.length > 0) {
    const threadDumps: string[] = [];
    let histogram: string | undefined;
    let jfrSummary: string | undefined;
    for (const f of [...loose]) {
      const text = await readFile(f, 'utf8');
      if (jfrSummary === undefined && JFR_SUMMARY_KEYS.every((k) => text.includes(k))) {
        jfrSummary = text;
        continue;
      }
      const rejected = readThreadDumps(text).rejected;
      // A class histogram among the files is the JVM's histogram, not a dump that failed to parse.
      if (histogram === undefined && rejected === 'a class histogram') histogram = text;
      else if (rejected && listed.has(f)) {
        skipped.push(`${f} (looks like: ${rejected})`);
        loose.splice(loose.indexOf(f), 1);
      } else threadDumps.push(text);
    }
    const { analysis, samples, jfrSummary: jfr } = analyseJvmEvidence({ threadDumps, histogram, jfrSummary });
    const pid = 0;
    const label =
      loose.length === 1 ? loose[0] : `${loose.length} files (${path.basename(loose[0])} ... ${path.basename(loose[loose.length - 1])})`;
    if (flame) await writeFlame(flame, flameInputOf({ jfr, samples, jfrRequested: true }), label, analysis);
    entries.push({ pod: label, container: '-', pid, analysis, label, files: loose });
    pods.push({ namespace: '-', pod: label, container: '-', jvms: [], errors: [], timingsMs: {} });
  }
  const now = new Date().toISOString();
  const manifest: RunManifest = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    cluster: {},
    namespace: '-',
    target: paths.join(' '),
    requested: { dumps: ['threads'], threadDumpCount: 0, threadDumpIntervalMs: 0, heapDumpLive: false },
    startedAt: now,
    finishedAt: now,
    pods,
    errors: [],
  };
  return { entries, manifest };
}

export async function runAnalyseCommand(argv: string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (err) {
    stderr.write(neutralise(`${TOOL_NAME} analyse: ${errorMessage(err)}`) + '\n');
    return 2;
  }
  if (options === 'help') {
    stdout.write(ANALYSE_HELP + '\n');
    return 0;
  }
  let result: Awaited<ReturnType<typeof analysePaths>>;
  const skipped: string[] = [];
  try {
    result = await analysePaths(options.paths, skipped, options.flame);
  } catch (err) {
    stderr.write(neutralise(`${TOOL_NAME} analyse: ${errorMessage(err)}`) + '\n');
    return 2;
  }
  const { entries, manifest } = result;
  for (const s of skipped) stderr.write(neutralise(`${TOOL_NAME} analyse: left out ${s}`) + '\n');
  for (const e of entries)
    if (e.analysis.rejected)
      stderr.write(neutralise(`${TOOL_NAME} analyse: ${e.label}: not a HotSpot thread dump (looks like: ${e.analysis.rejected})`) + '\n');
  const replicas = compareReplicas(manifest, entries);
  if (options.json) {
    const jvms = entries.map(({ pod, container, pid, analysis, files }) => ({
      pod,
      container,
      pid,
      ...(files.length > 0 ? { files } : {}),
      analysis,
    }));
    // Thread names are untrusted: inert JSON, so that a `run:` step printing it cannot be steered.
    stdout.write(inertJson({ tool: manifest.tool, jvms, replicas }) + '\n');
  } else {
    stdout.write(renderOfflineReport(entries) + '\n');
    // A run's directory (or several of one workload): its replicas compared, as after the run.
    for (const line of replicaLines(replicas)) stdout.write(neutralise(line) + '\n');
  }
  if (options.html) {
    await writeFile(options.html, renderStandaloneHtml(`Thread dump analysis: ${options.paths.join(' ')}`, manifest, entries, replicas));
    if (!options.json) stdout.write(`HTML report in ${options.html}\n`);
  }
  return exitStatusOf(entries.map((e) => e.analysis));
}
