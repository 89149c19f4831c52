// Which analysed JVMs are replicas of one workload, and the figures of each that the comparison reads. Pure.
import type { RunManifest } from '../shared/model.js';
import type { AnalysedJvm } from './analyse-dumps.js';
import type { MethodShare } from './analysis-types.js';
import { contendedInMost } from './contention.js';
import { shortFrame } from './verdict.js';

/** One replica's figures: one row of the summary's "Replicas" table. Strings in it are pod data. */
export interface ReplicaRow {
  /** "pod web-3", or "pod web-3 pid 12" when the pod has more than one JVM of the workload. */
  label: string;
  pod: string;
  container: string;
  pid: number;
  /** Java threads (VM-internal ones apart) and their states, last sample; absent without a parsed thread dump, and
   * then the thread figures below (deadlock, pile-up, methods) are not known either and take no part. */
  threads?: number;
  states: Record<string, number>;
  deadlock: boolean;
  /** The most threads waiting for one lock that is contended in most samples; 0 when no lock is. */
  pileUp: number;
  pileUpLock?: { className?: string; kind: 'monitor' | 'ownable' | 'class-init' };
  /** Application methods (no line) that a hot thread runs, from the thread-dump samples' RUNNABLE threads. */
  hotMethods: string[];
  /** Application methods any RUNNABLE thread was seen in (hot or not): what "the others do not run it" is checked against. */
  runnableMethods: string[];
  /** From the JFR recording (analysis.jfr): the top methods by self samples and their share of all execution samples. */
  jfrHotMethods?: MethodShare[];
  /** Bytes of live objects in the class histogram (it forces a full GC first), when there is one. */
  heapBytes?: number;
  verdict: string;
}

/** The replicas of one workload. */
export interface ReplicaSet {
  /** What makes them one workload, e.g. "ReplicaSet/web-7d9c6f, container app, image web:1.4". */
  workload: string;
  rows: ReplicaRow[];
}

/** JFR methods shown per row. */
const JFR_METHODS_KEPT = 5;

/**
 * What program a JVM runs, from its command line: the jar after -jar, the module after -m, else the main class
 * (the first word that is neither an option nor an option's value). Two JVMs in one pod (a launcher and its
 * child, an app and an agent) are then not compared with each other's replicas.
 */
export function programOf(commandLine: string): string {
  const words = commandLine.split(/\s+/).filter(Boolean).slice(1);
  /** Options whose value is the next word. */
  const withValue = new Set(['-cp', '-classpath', '--class-path', '-p', '--module-path', '--add-modules', '--add-opens', '--add-exports']);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '-jar') return `jar ${(words[i + 1] ?? '').split('/').pop()}`;
    if (w === '-m' || w === '--module') return `module ${(words[i + 1] ?? '').split('/')[0]}`;
    if (withValue.has(w)) i++;
    else if (!w.startsWith('-')) return w;
  }
  return '';
}

function rowOf(jvm: AnalysedJvm, label: string): ReplicaRow {
  const a = jvm.analysis;
  const pile = a.contendedLocks.filter(contendedInMost).sort((x, y) => y.waiters - x.waiters)[0];
  const frameOf = (b: (typeof a.busyThreads)[number]) => b.appFrame ?? b.topFrames[0];
  const methods = (list: typeof a.busyThreads) => [
    ...new Set(
      list
        .map(frameOf)
        .map(shortFrame)
        .filter((f): f is string => !!f),
    ),
  ];
  const row: ReplicaRow = {
    label,
    pod: jvm.pod,
    container: jvm.container,
    pid: jvm.pid,
    ...(a.samples > 0 ? { threads: a.threadCount } : {}),
    states: a.states,
    deadlock: a.deadlock,
    pileUp: pile?.waiters ?? 0,
    hotMethods: methods(a.busyThreads.filter((b) => b.hot)),
    runnableMethods: methods(a.busyThreads),
    verdict: a.verdict,
  };
  if (pile) row.pileUpLock = { className: pile.className, kind: pile.kind };
  if (a.histogram?.totalBytes !== undefined) row.heapBytes = a.histogram.totalBytes;
  const jfr = a.jfr;
  if (jfr && jfr.executionSamples > 0) {
    // bySelf is sorted already, most samples first.
    row.jfrHotMethods = jfr.bySelf.slice(0, JFR_METHODS_KEPT);
  }
  return row;
}

/**
 * The replica sets of a run, each with two JVMs or more. "One workload" is what the manifest can tell: the same
 * controller (a Deployment's pods have their ReplicaSet, so two revisions of a rollout are two sets: a new
 * version may rightly differ), the same target container and image, and the same program in it (see
 * `programOf`). Pods without a controller (a selector over bare pods) count as one workload when container,
 * image and program agree. A JVM with nothing to compare (no thread dump, histogram or recording read) has no row.
 */
export function replicaSets(manifest: RunManifest, analyses: readonly AnalysedJvm[]): ReplicaSet[] {
  const sets = new Map<string, { workload: string; jvms: AnalysedJvm[] }>();
  for (const pod of manifest.pods) {
    const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
    // Any evidence to compare: thread dumps, a histogram (heap), a JFR recording (hot methods).
    for (const jvm of mine.filter(({ analysis: a }) => a.samples > 0 || a.histogram?.totalBytes !== undefined || a.jfr)) {
      const program = programOf(pod.jvms.find((j) => j.pid === jvm.pid)?.commandLine ?? '');
      const key = JSON.stringify([pod.owner ?? '', pod.container, pod.targetImage ?? '', program]);
      const workload = [
        pod.owner,
        `container ${pod.container}`,
        pod.targetImage && `image ${pod.targetImage}`,
        program && `running ${program}`,
      ]
        .filter(Boolean)
        .join(', ');
      const set = sets.get(key) ?? { workload, jvms: [] };
      set.jvms.push(jvm);
      sets.set(key, set);
    }
  }
  return [...sets.values()]
    .filter((s) => s.jvms.length >= 2)
    .map((s) => {
      const perPod = (pod: string) => s.jvms.filter((j) => j.pod === pod).length;
      return { workload: s.workload, rows: s.jvms.map((j) => rowOf(j, `pod ${j.pod}${perPod(j.pod) > 1 ? ` pid ${j.pid}` : ''}`)) };
    });
}
