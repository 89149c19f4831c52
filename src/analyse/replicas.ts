// Which replica is the odd one out: the JVMs of one workload compared, and the rule for "differs clearly".
// Pure: rows in, findings and one verdict line out. The rule is in the README ("Which replica is the odd one out").
import type { RunManifest } from '../shared/model.js';
import type { AnalysedJvm } from './analyse-dumps.js';
import { replicaSets, type ReplicaRow } from './replica-rows.js';
import { pct } from './jfr-verdict.js';
import { plural } from './threads.js';

/**
 * Threads queued on one lock from which a replica has a pile-up: a worker pool stuck behind one holder, not two
 * threads brushing past each other (the analysis calls a lock contended from 2 waiters; between replicas under the
 * same load, 2 to 4 waiters caught by a sample is ordinary locking).
 */
export const PILEUP_MIN = 5;
/**
 * How much the odd replica must exceed every other one, as a factor: sampling catches a few waiters on a busy but
 * healthy lock in any replica, so a replica stands out only when the others have a quarter of its queue or less.
 */
export const CLEAR_FACTOR = 4;
/** A JFR method is hot in a replica from this share of all its execution samples (self time)... */
export const JFR_HOT_SHARE = 0.2;
/**
 * ...and this many samples: an idle replica's recording has a handful, of which one method easily holds half.
 * At the profile settings' 10 ms (default: 20 ms) per sample, 50 are half a second or more of one thread's CPU.
 */
export const JFR_HOT_MIN_SAMPLES = 50;
/**
 * Thread counts: replicas of one workload grow and shrink their pools with the load they get (a balancer is never
 * even), so half the others' median, and at least this many threads, is still normal variation.
 */
export const THREADS_MIN_GAP = 20;
export const THREADS_GAP_SHARE = 0.5;
/**
 * Live heap (the class histogram counts live objects after a full GC): caches warm at different rates, so a replica
 * stands out from twice the others' median and at least this many bytes more.
 */
export const HEAP_MIN_GAP_BYTES = 64 * 1024 * 1024;
export const HEAP_FACTOR = 2;
/** Thread counts and heap need three replicas or more: with two, nothing tells which of the two is the odd one. */
export const MIN_FOR_NUMBERS = 3;

export type ReplicaMeasure = 'deadlock' | 'lock-pileup' | 'hot-method' | 'jfr-hot-method' | 'threads' | 'heap';

export interface ReplicaFinding {
  /** 'outlier': one replica differs clearly; 'some': several do (or one, not clearly); 'all': every one does. */
  kind: 'outlier' | 'some' | 'all';
  measure: ReplicaMeasure;
  /** Labels of the replicas it is about ("pod web-3"). */
  replicas: string[];
  /** What they have, e.g. "38 threads BLOCKED on one lock (com.acme.Inventory)". */
  what: string;
  /** What the others have, e.g. "the other 4 pods: none"; absent for 'all'. */
  others?: string;
}

export interface ReplicaComparison {
  workload: string;
  rows: ReplicaRow[];
  findings: ReplicaFinding[];
  /** The replica that stands out, when exactly one does. */
  outlier?: string;
  /** One line: "Odd one out: pod web-3: ...", "Every replica: ...: the workload, not one replica", or "No replica stands out ...". */
  verdict: string;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** "17 to 25 MiB", "39 to 46", "40". */
const range = (xs: readonly number[], unit: (n: number) => string = String, suffix = ''): string => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return `${lo === hi ? unit(lo) : `${unit(lo)} to ${unit(hi)}`}${suffix}`;
};
const mib = (bytes: number) => String(Math.round(bytes / (1024 * 1024)));
const theOthers = (n: number) => (n === 1 ? 'the other pod' : `the other ${n} pods`);

/** "38 threads BLOCKED on one lock (X)": BLOCKED for a monitor, parked for a java.util.concurrent lock. */
function queued(counts: readonly number[], lock: ReplicaRow['pileUpLock']): string {
  const how =
    lock?.kind === 'ownable'
      ? 'parked on one lock'
      : lock?.kind === 'class-init'
        ? 'waiting for one class initialisation'
        : 'BLOCKED on one lock';
  const n = counts.length === 1 ? plural(counts[0], 'thread') : `${counts.join(', ')} threads`;
  return `${n} ${how}${lock?.className ? ` (${lock.className})` : ''}`;
}

/**
 * A yes/no trouble: one replica with it among replicas without is the odd one; all with it is the workload's
 * problem; some with it are named, none of them as the odd one.
 */
function split(
  rows: readonly ReplicaRow[],
  has: (r: ReplicaRow) => boolean,
): { kind: ReplicaFinding['kind']; inIt: ReplicaRow[]; rest: ReplicaRow[] } | undefined {
  const inIt = rows.filter(has);
  const rest = rows.filter((r) => !has(r));
  if (inIt.length === 0) return undefined;
  return { kind: rest.length === 0 ? 'all' : inIt.length === 1 ? 'outlier' : 'some', inIt, rest };
}

function deadlockFinding(rows: readonly ReplicaRow[]): ReplicaFinding[] {
  const s = split(rows, (r) => r.deadlock);
  if (!s) return [];
  return [
    {
      kind: s.kind,
      measure: 'deadlock',
      replicas: s.inIt.map((r) => r.label),
      what: 'a deadlock',
      ...(s.rest.length ? { others: `${theOthers(s.rest.length)}: none` } : {}),
    },
  ];
}

function pileUpFinding(rows: readonly ReplicaRow[]): ReplicaFinding[] {
  const s = split(rows, (r) => r.pileUp >= PILEUP_MIN);
  if (!s) return [];
  const lock = s.inIt[0].pileUpLock;
  const counts = s.inIt.map((r) => r.pileUp);
  const most = Math.max(0, ...s.rest.map((r) => r.pileUp));
  // One replica with a queue and the others at a quarter of it or less: clearly that one. Otherwise it is named, not singled out.
  const kind = s.kind === 'outlier' && most * CLEAR_FACTOR > counts[0] ? 'some' : s.kind;
  const what = queued(counts, lock);
  const others = s.rest.length ? { others: `${theOthers(s.rest.length)}: ${most === 0 ? 'none' : `at most ${most} on one lock`}` } : {};
  return [{ kind, measure: 'lock-pileup', replicas: s.inIt.map((r) => r.label), what, ...others }];
}

/**
 * A method hot in one replica is that replica's own when no other replica was even seen running it and none of
 * them is busy at all: a thread-dump sample shows a busy thread wherever it happens to be (a request thread under
 * load is in a different method each time), so between replicas that all work, which methods are caught is chance.
 * JFR's thousands of samples (above) can tell a hot method among busy replicas; a handful of dumps cannot.
 */
function hotMethodFindings(rows: readonly ReplicaRow[]): ReplicaFinding[] {
  const out: ReplicaFinding[] = [];
  for (const m of [...new Set(rows.flatMap((r) => r.hotMethods))]) {
    const s = split(rows, (r) => r.hotMethods.includes(m))!;
    const seen = s.rest.filter((r) => r.runnableMethods.includes(m)).length;
    const busy = s.rest.filter((r) => r.hotMethods.length > 0).length;
    const kind = s.kind === 'outlier' && (seen > 0 || busy > 0) ? 'some' : s.kind;
    const rest = [seen > 0 ? `${seen} running it, not hot` : 'not running it', busy > 0 ? `${busy} busy in other methods` : ''];
    const others = s.rest.length ? { others: `${theOthers(s.rest.length)}: ${rest.filter(Boolean).join(', ')}` } : {};
    out.push({ kind, measure: 'hot-method', replicas: s.inIt.map((r) => r.label), what: `threads busy in ${m}`, ...others });
  }
  return out;
}

/**
 * JFR self time: hot from JFR_HOT_SHARE and JFR_HOT_MIN_SAMPLES; the odd one when every other recording has a
 * quarter of its samples in that method or less (the recordings of one run last equally long).
 */
function jfrFindings(rows: readonly ReplicaRow[]): ReplicaFinding[] {
  const recorded = rows.filter((r) => r.jfrHotMethods);
  if (recorded.length < 2) return [];
  const of = (r: ReplicaRow, m: string) => r.jfrHotMethods!.find((h) => h.method === m) ?? { samples: 0, share: 0 };
  const isHot = (h: { samples: number; share: number }) => h.share >= JFR_HOT_SHARE && h.samples >= JFR_HOT_MIN_SAMPLES;
  const out: ReplicaFinding[] = [];
  for (const m of [...new Set(recorded.flatMap((r) => r.jfrHotMethods!.filter(isHot).map((h) => h.method)))]) {
    const s = split(recorded, (r) => isHot(of(r, m)))!;
    const most = Math.max(0, ...s.rest.map((r) => of(r, m).samples));
    const kind = s.kind === 'outlier' && most * CLEAR_FACTOR > of(s.inIt[0], m).samples ? 'some' : s.kind;
    const what = `${s.inIt.map((r) => pct(of(r, m).share)).join(', ')} of JFR samples in ${m}`;
    const rest = (r: ReplicaRow) => `${of(r, m).samples} samples`;
    const others = s.rest.length
      ? {
          others: `${theOthers(s.rest.length)}: ${most === 0 ? 'none' : `at most ${rest(s.rest.find((r) => of(r, m).samples === most)!)}`}`,
        }
      : {};
    out.push({ kind, measure: 'jfr-hot-method', replicas: s.inIt.map((r) => r.label), what, ...others });
  }
  return out;
}

/**
 * A figure where one replica is far from the others while the others agree among themselves: the one farthest
 * from the median of the rest, when its gap passes `clear` and the rest spread over half that gap at most.
 */
function numberOutlier(
  rows: readonly ReplicaRow[],
  value: (r: ReplicaRow) => number | undefined,
  clear: (x: number, m: number) => boolean,
): { row: ReplicaRow; rest: number[] } | undefined {
  const known = rows.filter((r) => value(r) !== undefined);
  if (known.length < MIN_FOR_NUMBERS) return undefined;
  const scored = known.map((r) => {
    const rest = known.filter((o) => o !== r).map((o) => value(o)!);
    return { row: r, rest, gap: Math.abs(value(r)! - median(rest)) };
  });
  const best = scored.sort((a, b) => b.gap - a.gap)[0];
  const spread = Math.max(...best.rest) - Math.min(...best.rest);
  return clear(value(best.row)!, median(best.rest)) && spread * 2 <= best.gap ? best : undefined;
}

function numberFindings(rows: readonly ReplicaRow[]): ReplicaFinding[] {
  const out: ReplicaFinding[] = [];
  const t = numberOutlier(
    rows,
    (r) => r.threads,
    (x, m) => Math.abs(x - m) >= Math.max(THREADS_MIN_GAP, THREADS_GAP_SHARE * m),
  );
  if (t)
    out.push({
      kind: 'outlier',
      measure: 'threads',
      replicas: [t.row.label],
      what: plural(t.row.threads!, 'Java thread'),
      others: `${theOthers(t.rest.length)}: ${range(t.rest, String)}`,
    });
  // Only a larger heap: a smaller one is no trouble.
  const h = numberOutlier(
    rows,
    (r) => r.heapBytes,
    (x, m) => x >= HEAP_FACTOR * m && x - m >= HEAP_MIN_GAP_BYTES,
  );
  if (h)
    out.push({
      kind: 'outlier',
      measure: 'heap',
      replicas: [h.row.label],
      what: `${mib(h.row.heapBytes!)} MiB of live objects on the heap`,
      others: `${theOthers(h.rest.length)}: ${range(h.rest, mib, ' MiB')}`,
    });
  return out;
}

/** "pod web-3: 38 threads BLOCKED on one lock (X); the other 4 pods: none". */
export function findingText(f: ReplicaFinding): string {
  const who = f.kind === 'all' ? `every replica (${f.replicas.length} pods)` : f.replicas.join(', ');
  return `${who}: ${f.what}${f.others ? `; ${f.others}` : ''}`;
}

/** The verdict over the findings: one odd replica, the whole workload, several that differ, or none. */
function verdictOf(rows: readonly ReplicaRow[], findings: readonly ReplicaFinding[]): { verdict: string; outlier?: string } {
  const odd = findings.filter((f) => f.kind === 'outlier');
  const named = [...new Set(odd.map((f) => f.replicas[0]))];
  const all = findings.filter((f) => f.kind === 'all');
  const shared = all.length > 0 ? `${all.map(findingText).join('. ')}: the workload's problem, not one replica's` : '';
  if (named.length > 0) {
    const head = named.length === 1 ? 'Odd one out' : 'More than one replica stands out';
    const verdict = `${head}: ${odd.map(findingText).join('. ')}${shared ? `. Besides, ${shared}` : ''}`;
    return named.length === 1 ? { verdict, outlier: named[0] } : { verdict };
  }
  if (all.length > 0) return { verdict: `No odd one out: ${shared}` };
  const some = findings.filter((f) => f.kind === 'some');
  if (some.length > 0) return { verdict: `No single odd one out: ${some.map(findingText).join('. ')}` };
  const counts = rows.filter((r) => r.threads !== undefined).map((r) => r.threads!);
  const heaps = rows.filter((r) => r.heapBytes !== undefined).map((r) => r.heapBytes!);
  const alike = [
    counts.length === rows.length ? `${range(counts)} Java threads` : '',
    heaps.length === rows.length ? `${range(heaps, mib, ' MiB')} live heap` : '',
  ].filter(Boolean);
  const none = [
    counts.length >= 2 ? 'lock pile-up, deadlock or hot method' : '',
    rows.filter((r) => r.jfrHotMethods).length >= 2 ? 'JFR hot method' : '',
  ]
    .filter(Boolean)
    .join(' or ');
  const details = [alike.join(', '), none ? `no ${none} in one alone` : ''].filter(Boolean).join('; ');
  return { verdict: `No replica stands out: ${rows.length} pods alike${details ? ` (${details})` : ''}` };
}

/** Compares the replicas of each workload in the run (a workload with one analysed JVM has nothing to compare). */
export function compareReplicas(manifest: RunManifest, analyses: readonly AnalysedJvm[]): ReplicaComparison[] {
  return replicaSets(manifest, analyses).map(({ workload, rows }) => {
    // A replica without a thread dump is no evidence for or against what thread dumps show: it takes no part there.
    const dumped = rows.filter((r) => r.threads !== undefined);
    const fromDumps = dumped.length >= 2 ? [...deadlockFinding(dumped), ...pileUpFinding(dumped), ...hotMethodFindings(dumped)] : [];
    const findings = [...fromDumps, ...jfrFindings(rows), ...numberFindings(rows)];
    return { workload, rows, findings, ...verdictOf(rows, findings) };
  });
}
