// Which replica is the odd one out, on real dumps: `Replica` (../fixtures/java/Replica.java) run as the replicas
// of one workload, three Thread.print samples 1 s apart and a class histogram each: on JDK 17 on this machine
// (../fixtures/java/capture-replicas.sh) and on JDK 8 in the cluster (capture-in-cluster.sh); files in
// ../fixtures/thread-dumps/README.md.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseJvm } from '../../src/analyse/analysis.js';
import type { JvmAnalysis } from '../../src/analyse/analysis-types.js';
import type { AnalysedJvm } from '../../src/analyse/analyse-dumps.js';
import { compareReplicas, PILEUP_MIN } from '../../src/analyse/replicas.js';
import type { PodResult, RunManifest } from '../../src/shared/model.js';
import { pricingSummary } from './jfr-fixtures.js';
import { DUMP_FIXTURES } from './jvm-harness.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');
const cache = new Map<string, JvmAnalysis>();
/** The analysis of one captured replica (`calm-a`, `pileup-b`, ...), as the run makes it. */
function replica(name: string): JvmAnalysis {
  const base = `jdk17-replica-${name}`;
  if (!cache.has(name))
    cache.set(
      name,
      analyseJvm({ threadDumps: [1, 2, 3].map((n) => fixture(`${base}-${n}.txt`)), histogram: fixture(`${base}-histogram.txt`) }),
    );
  return structuredClone(cache.get(name)!);
}

function pod(name: string, extra: Partial<PodResult> = {}): PodResult {
  const jvms = [{ pid: 1, commandLine: 'java -Xmx512m -cp /app Replica calm 24', files: [], errors: [], timingsMs: {} }];
  return {
    namespace: 'shop',
    pod: name,
    container: 'app',
    owner: 'ReplicaSet/web-7d9c6f',
    targetImage: 'web:1.4',
    jvms,
    errors: [],
    timingsMs: {},
    ...extra,
  };
}

function manifestOf(pods: PodResult[]): RunManifest {
  return {
    tool: { name: 'kube-jvm-dump', version: '0' },
    cluster: {},
    namespace: 'shop',
    target: 'deployment/web',
    requested: { dumps: ['threads', 'histogram'], threadDumpCount: 3, threadDumpIntervalMs: 1000, heapDumpLive: true },
    startedAt: '',
    finishedAt: '',
    errors: [],
    pods,
  };
}

/** pod name -> captured replica; all of one Deployment's ReplicaSet. */
function compare(replicas: Record<string, string | JvmAnalysis>) {
  const pods = Object.keys(replicas);
  const analyses: AnalysedJvm[] = pods.map((p) => {
    const r = replicas[p];
    return { pod: p, container: 'app', pid: 1, analysis: typeof r === 'string' ? replica(r) : r };
  });
  return compareReplicas(manifestOf(pods.map((p) => pod(p))), analyses);
}

describe('the odd one out, on real dumps', () => {
  it('names the replica with a lock pile-up among calm ones, in the words the e2e test and the README use', () => {
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'calm-b', 'web-3': 'pileup-a', 'web-4': 'calm-c' });
    expect(c.outlier).toBe('pod web-3');
    expect(c.verdict).toBe('Odd one out: pod web-3: 24 threads BLOCKED on one lock (Replica$Ledger); the other 3 pods: none');
    expect(c.rows.map((r) => [r.label, r.pileUp, r.states.BLOCKED ?? 0])).toEqual([
      ['pod web-1', 0, 0],
      ['pod web-2', 0, 0],
      ['pod web-3', 24, 24],
      ['pod web-4', 0, 0],
    ]);
    expect(c.workload).toBe('ReplicaSet/web-7d9c6f, container app, image web:1.4, running Replica');
  });

  it('with two replicas too: a pile-up in one and none in the other is clear', () => {
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'pileup-b' });
    expect(c.verdict).toBe('Odd one out: pod web-2: 24 threads BLOCKED on one lock (Replica$Ledger); the other pod: none');
  });

  it('names the replica whose thread spins in a method the others never run', () => {
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'spin', 'web-3': 'calm-c' });
    expect(c.verdict).toBe('Odd one out: pod web-2: threads busy in Replica$Pricing.recalculate; the other 2 pods: not running it');
  });

  it('names the replica with ten times the live heap of the others', () => {
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'calm-b', 'web-3': 'calm-c', 'web-4': 'leak' });
    expect(c.rows.map((r) => Math.round(r.heapBytes! / 2 ** 20))).toEqual([17, 21, 25, 241]);
    expect(c.verdict).toBe('Odd one out: pod web-4: 241 MiB of live objects on the heap; the other 3 pods: 17 to 25 MiB');
  });

  it('names the replica with 70 more threads (a leak of connection threads)', () => {
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'thread-leak', 'web-3': 'calm-b', 'web-4': 'calm-c' });
    expect(c.rows.map((r) => r.threads)).toEqual([39, 106, 42, 46]);
    expect(c.verdict).toBe('Odd one out: pod web-2: 106 Java threads; the other 3 pods: 39 to 46');
  });
});

describe('JDK 8 in the cluster (no cpu= in its dumps; capture-in-cluster.sh)', () => {
  const jdk8 = (name: string) => {
    const base = `jdk8-replica-${name}-real`;
    return analyseJvm({ threadDumps: [1, 2, 3].map((n) => fixture(`${base}-${n}.txt`)), histogram: fixture(`${base}-histogram.txt`) });
  };

  it('the pile-up replica among calm ones', () => {
    const [c] = compare({ 'web-1': jdk8('calm-a'), 'web-2': jdk8('pileup-a'), 'web-3': jdk8('calm-b') });
    expect(c.verdict).toBe('Odd one out: pod web-2: 24 threads BLOCKED on one lock (Replica$Ledger); the other 2 pods: none');
  });

  it('the spinning replica: RUNNABLE in application code in most samples stands for hot', () => {
    const [c] = compare({ 'web-1': jdk8('calm-a'), 'web-2': jdk8('spin'), 'web-3': jdk8('calm-b') });
    expect(c.verdict).toBe('Odd one out: pod web-2: threads busy in Replica$Pricing.recalculate; the other 2 pods: not running it');
  });

  it('calm ones alike', () => {
    const [c] = compare({ 'web-1': jdk8('calm-a'), 'web-2': jdk8('calm-b') });
    expect(c.findings).toEqual([]);
    expect(c.verdict).toMatch(/^No replica stands out: 2 pods alike \(3\d to 3\d Java threads, /);
  });
});

describe('nobody named, on real dumps', () => {
  it('the same app with normal variation (39 to 46 threads, 17 to 25 MB): no replica stands out', () => {
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'calm-b', 'web-3': 'calm-c' });
    expect(c.outlier).toBeUndefined();
    expect(c.findings).toEqual([]);
    expect(c.verdict).toBe(
      'No replica stands out: 3 pods alike (39 to 46 Java threads, 17 to 25 MiB live heap; no lock pile-up, deadlock or hot method in one alone)',
    );
  });

  it('every replica with the same pile-up: the workload, not one replica', () => {
    const [c] = compare({ 'web-1': 'pileup-a', 'web-2': 'pileup-b', 'web-3': 'pileup-c' });
    expect(c.outlier).toBeUndefined();
    expect(c.findings.map((f) => [f.kind, f.measure])).toEqual([['all', 'lock-pileup']]);
    expect(c.verdict).toBe(
      "No odd one out: every replica (3 pods): 24, 24, 24 threads BLOCKED on one lock (Replica$Ledger): the workload's problem, not one replica's",
    );
  });

  it('two pile-ups among four: both named, neither as the odd one', () => {
    const [c] = compare({ 'web-1': 'pileup-a', 'web-2': 'calm-a', 'web-3': 'pileup-c', 'web-4': 'calm-b' });
    expect(c.outlier).toBeUndefined();
    expect(c.verdict).toBe(
      'No single odd one out: pod web-1, pod web-3: 24, 24 threads BLOCKED on one lock (Replica$Ledger); the other 2 pods: none',
    );
  });

  it('with two replicas, a thread count or heap apart names nobody: nothing says which of the two is odd', () => {
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'leak' });
    expect(c.outlier).toBeUndefined();
    const [t] = compare({ 'web-1': 'calm-a', 'web-2': 'thread-leak' });
    expect(t.outlier).toBeUndefined();
  });
});

describe('the rule at its edges (real analyses, one figure changed)', () => {
  /** A calm replica whose largest queue on one lock is `waiters`, contended in all 3 samples. */
  function queuedOn(waiters: number): JvmAnalysis {
    const a = replica('calm-a');
    const lock = replica('pileup-a').contendedLocks[0];
    a.contendedLocks = [{ ...lock, waiters, contendedInSamples: 3, ofSamples: 3 }];
    return a;
  }

  it(`a queue under ${PILEUP_MIN} threads is ordinary locking: no finding`, () => {
    const [c] = compare({ 'web-1': queuedOn(PILEUP_MIN - 1), 'web-2': 'calm-b', 'web-3': 'calm-c' });
    expect(c.findings).toEqual([]);
    const [d] = compare({ 'web-1': queuedOn(PILEUP_MIN), 'web-2': 'calm-b', 'web-3': 'calm-c' });
    expect(d.outlier).toBe('pod web-1');
  });

  it('a queue less than 4 times the largest elsewhere is named, not singled out', () => {
    const [c] = compare({ 'web-1': 'pileup-a', 'web-2': queuedOn(7), 'web-3': 'calm-c' });
    expect(c.findings.map((f) => f.kind)).toEqual(['some']);
    expect(c.verdict).toBe(
      'No single odd one out: pod web-1, pod web-2: 24, 7 threads BLOCKED on one lock (Replica$Ledger); the other pod: none',
    );
    const [d] = compare({ 'web-1': 'pileup-a', 'web-2': queuedOn(3), 'web-3': 'calm-c' });
    expect(d.outlier).toBe('pod web-1');
    expect(d.verdict).toBe(
      'Odd one out: pod web-1: 24 threads BLOCKED on one lock (Replica$Ledger); the other 2 pods: at most 3 on one lock',
    );
    const [e] = compare({ 'web-1': 'pileup-a', 'web-2': queuedOn(4), 'web-3': 'calm-c' });
    expect(e.outlier).toBe('pod web-1');
  });

  it('a hot method in one replica while the others are busy elsewhere: chance of the samples, not singled out', () => {
    const busy = replica('calm-b');
    busy.busyThreads = [{ ...replica('spin').busyThreads[0], name: 'http-nio-1', appFrame: 'com.acme.Orders.list(Orders.java:12)' }];
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'spin', 'web-3': busy });
    expect(c.outlier).toBeUndefined();
    expect(c.findings.map((f) => [f.kind, f.replicas.join(), f.what, f.others])).toEqual([
      ['some', 'pod web-2', 'threads busy in Replica$Pricing.recalculate', 'the other 2 pods: not running it, 1 busy in other methods'],
      ['some', 'pod web-3', 'threads busy in com.acme.Orders.list', 'the other 2 pods: not running it, 1 busy in other methods'],
    ]);
  });

  it('a deadlock in one replica only', () => {
    const dead = replica('calm-b');
    dead.deadlock = true;
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': dead, 'web-3': 'calm-c' });
    expect(c.verdict).toBe('Odd one out: pod web-2: a deadlock; the other 2 pods: none');
  });

  it('two replicas standing out for different reasons: both said, no single odd one', () => {
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'pileup-a', 'web-3': 'calm-b', 'web-4': 'leak' });
    expect(c.outlier).toBeUndefined();
    expect(c.verdict).toMatch(/^More than one replica stands out: pod web-2: 24 threads BLOCKED .*\. pod web-4: 241 MiB of live objects/);
  });
});

describe('JFR hot methods (jfr-summary.json made by hand, read by the analysis as in a run)', () => {
  /** Recordings of equal length: `samples` execution samples, `inHot` of them with the hot method on top. */
  const withJfr = (recordings: [samples: number, inHot: number][]) => {
    const pods = recordings.map((_, i) => `web-${i + 1}`);
    const analyses: AnalysedJvm[] = pods.map((p, i) => {
      const [samples, inHot] = recordings[i];
      const summary = pricingSummary();
      summary.executionSamples = samples;
      summary.hotMethods = [
        { method: 'com.acme.Pricing.recalculate', self: inHot, total: inHot },
        { method: 'java.util.HashMap.get', self: Math.min(5, samples - inHot), total: 5 },
      ].filter((h) => h.self > 0);
      // The flame graph's stacks are not what this is about; the reader wants them to fit the sample count.
      summary.stacks = [];
      summary.otherStacks = 0;
      const base = 'jdk17-replica-calm-a';
      const analysis = analyseJvm({
        threadDumps: [1, 2, 3].map((n) => fixture(`${base}-${n}.txt`)),
        histogram: fixture(`${base}-histogram.txt`),
        jfrSummary: JSON.stringify(summary),
      });
      expect(analysis.jfr?.executionSamples).toBe(samples);
      return { pod: p, container: 'app', pid: 1, analysis };
    });
    return compareReplicas(manifestOf(pods.map((p) => pod(p))), analyses)[0];
  };

  it('62% of samples in one method in one replica, a few elsewhere: that replica', () => {
    expect(
      withJfr([
        [1000, 30],
        [1000, 620],
        [900, 20],
      ]).verdict,
    ).toBe('Odd one out: pod web-2: 62% of JFR samples in com.acme.Pricing.recalculate; the other 2 pods: at most 30 samples');
  });

  it('idle replicas with a handful of samples, one method holding most of them: nothing hot', () => {
    expect(
      withJfr([
        [8, 6],
        [1000, 20],
        [5, 4],
      ]).findings,
    ).toEqual([]);
    // ...while they still count as the others of a replica that is hot.
    expect(
      withJfr([
        [8, 6],
        [1000, 620],
        [5, 4],
      ]).outlier,
    ).toBe('pod web-2');
  });

  it('recordings without thread dumps (dumps: jfr) are compared too', () => {
    const pods = ['web-1', 'web-2', 'web-3'];
    const analyses: AnalysedJvm[] = pods.map((p, i) => {
      const summary = pricingSummary();
      summary.hotMethods = [{ method: 'com.acme.Pricing.recalculate', self: i === 2 ? 700 : 10, total: 700 }];
      summary.stacks = [];
      summary.otherStacks = 0;
      return { pod: p, container: 'app', pid: 1, analysis: analyseJvm({ threadDumps: [], jfrSummary: JSON.stringify(summary) }) };
    });
    const [c] = compareReplicas(manifestOf(pods.map((p) => pod(p))), analyses);
    expect(c.rows.map((r) => r.threads)).toEqual([undefined, undefined, undefined]);
    expect(c.verdict).toBe(
      'Odd one out: pod web-3: 70% of JFR samples in com.acme.Pricing.recalculate; the other 2 pods: at most 10 samples',
    );
  });

  it('the same method hot everywhere: the workload; 620 samples next to 160: not clearly one', () => {
    expect(
      withJfr([
        [1000, 600],
        [1000, 620],
        [1000, 550],
      ]).verdict,
    ).toMatch(/^No odd one out: every replica \(3 pods\): 60%, 62%, 55% of JFR samples in com\.acme/);
    expect(
      withJfr([
        [1000, 620],
        [1000, 160],
        [1000, 20],
      ]).outlier,
    ).toBeUndefined();
  });
});

describe('one workload', () => {
  const analysesOf = (pods: string[]): AnalysedJvm[] =>
    pods.map((p) => ({ pod: p, container: 'app', pid: 1, analysis: replica('calm-a') }));

  it('two ReplicaSets (a rollout between revisions), another image, another container: not compared', () => {
    const pods = [
      pod('web-1'),
      pod('web-2'),
      pod('web-new-1', { owner: 'ReplicaSet/web-55f4b' }),
      pod('web-img', { targetImage: 'web:1.5' }),
      pod('web-side', { container: 'sidecar' }),
    ];
    const analyses = analysesOf(pods.map((p) => p.pod)).map((a) => (a.pod === 'web-side' ? { ...a, container: 'sidecar' } : a));
    const sets = compareReplicas(manifestOf(pods), analyses);
    expect(sets.map((s) => s.rows.map((r) => r.pod))).toEqual([['web-1', 'web-2']]);
  });

  it('bare pods (a selector run, no controller) of one image and program are compared', () => {
    const pods = [pod('a', { owner: undefined }), pod('b', { owner: undefined })];
    const [c] = compareReplicas(manifestOf(pods), analysesOf(['a', 'b']));
    expect(c.workload).toBe('container app, image web:1.4, running Replica');
  });

  it('one pod, or a JVM with nothing read (no thread dump, histogram or recording): nothing to compare', () => {
    expect(compareReplicas(manifestOf([pod('web-1')]), analysesOf(['web-1']))).toEqual([]);
    const empty = analysesOf(['web-1', 'web-2']);
    empty[1].analysis = analyseJvm({ threadDumps: [] });
    expect(compareReplicas(manifestOf([pod('web-1'), pod('web-2')]), empty)).toEqual([]);
  });

  it('a replica whose thread dumps failed (histogram only) takes part in the heap only, not as a calm one', () => {
    const heapOnly = analyseJvm({ threadDumps: [], histogram: fixture('jdk17-replica-calm-c-histogram.txt') });
    const [c] = compare({ 'web-1': 'calm-a', 'web-2': 'pileup-a', 'web-3': heapOnly, 'web-4': 'calm-b' });
    expect(c.rows.map((r) => r.threads)).toEqual([39, 42, undefined, 42]);
    expect(c.verdict).toBe('Odd one out: pod web-2: 24 threads BLOCKED on one lock (Replica$Ledger); the other 2 pods: none');
    const [d] = compare({ 'web-1': 'pileup-a', 'web-2': heapOnly });
    expect(d.findings).toEqual([]);
    expect(d.verdict).toBe('No replica stands out: 2 pods alike (19 to 25 MiB live heap)');
  });

  it('two programs in one pod are two workloads; a pod with two JVMs of one program gets a row per pid', () => {
    const two = (name: string) =>
      pod(name, {
        jvms: [
          { pid: 1, commandLine: 'java -jar /app/web.jar', files: [], errors: [], timingsMs: {} },
          { pid: 2, commandLine: '/usr/bin/java -cp /agent com.acme.Agent', files: [], errors: [], timingsMs: {} },
        ],
      });
    const analyses = ['web-1', 'web-2'].flatMap((p) =>
      [1, 2].map((pid) => ({ pod: p, container: 'app', pid, analysis: replica('calm-a') })),
    );
    const sets = compareReplicas(manifestOf([two('web-1'), two('web-2')]), analyses);
    expect(sets.map((s) => s.workload.replace(/.*running /, ''))).toEqual(['jar web.jar', 'com.acme.Agent']);
    const same = pod('web-1', {
      jvms: [1, 2].map((pid) => ({ pid, commandLine: 'java -jar /app/web.jar', files: [], errors: [], timingsMs: {} })),
    });
    const [c] = compareReplicas(
      manifestOf([same]),
      [1, 2].map((pid) => ({ pod: 'web-1', container: 'app', pid, analysis: replica('calm-a') })),
    );
    expect(c.rows.map((r) => r.label)).toEqual(['pod web-1 pid 1', 'pod web-1 pid 2']);
  });
});
