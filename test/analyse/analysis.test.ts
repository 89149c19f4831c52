import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { aggregateOutputs, analyseJvm } from '../../src/analyse/analysis.js';
import { DUMP_FIXTURES } from './jvm-harness.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');

/** A minimal JDK 11+-style dump from thread blocks. */
function dump(...threads: string[]): string {
  return [
    '1:',
    '2024-01-01 00:00:00',
    'Full thread dump OpenJDK 64-Bit Server VM (11.0.22+7 mixed mode):',
    '',
    ...threads.flatMap((t) => [t, '']),
    'JNI global refs: 1, weak refs: 0',
    '',
  ].join('\n');
}
function th(name: string, id: number, cpuMs: number, elapsedS: number, state: string, frames: string[]): string {
  return [
    `"${name}" #${id} prio=5 os_prio=0 cpu=${cpuMs}ms elapsed=${elapsedS}s tid=0x${(0x1000 + id).toString(16)} nid=0x${id.toString(16)} runnable  [0x0]`,
    `   java.lang.Thread.State: ${state}`,
    ...frames.map((f) => `\t${f}`),
  ].join('\n');
}

describe('analyseJvm on captured JDK 17 dumps', () => {
  it('monitor deadlock: the JVM report and the lock graph agree', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-sync-deadlock.txt')] });
    expect(a).toMatchObject({ deadlock: true, severity: 'deadlock', blockedThreads: 2, samples: 1 });
    expect(a.deadlocks).toHaveLength(1);
    expect(a.deadlocks[0].source).toBe('both');
    expect(a.verdict).toBe('deadlock between 2 threads ("deadlock-alpha", "deadlock-beta") on java.lang.Object');
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('ReentrantLock deadlock is found from ownable synchronizers', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-lock-deadlock.txt')] });
    expect(a.deadlocks[0].source).toBe('both');
    expect(a.verdict).toBe('deadlock between 2 threads ("juc-one", "juc-two") on java.util.concurrent.locks.ReentrantLock$NonfairSync');
  });

  it('contended monitor: holder, waiters, identical stacks', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-contended.txt')] });
    expect(a.severity).toBe('contention');
    expect(a.contendedLocks).toHaveLength(1);
    expect(a.contendedLocks[0]).toMatchObject({ holder: 'holder', waiters: 7, kind: 'monitor', className: 'java.lang.Object' });
    expect(a.contendedLocks[0].holderFrame).toMatch(/^Contended\.holdForever\(Contended\.java:\d+\)$/);
    expect(a.verdict).toMatch(
      /^7 threads blocked on one lock \(java\.lang\.Object <0x[0-9a-f]+>\) held by "holder", sleeping \(TIMED_WAITING\) in Contended\.holdForever$/,
    );
    expect(a.identicalStacks[0]).toMatchObject({ count: 7, state: 'BLOCKED' });
    expect(a.states).toMatchObject({ BLOCKED: 7 });
    expect(a.vmThreadCount).toBeGreaterThan(0);
  });

  it('spinner: three samples give cpu deltas and a busy verdict; the idle ones are not "stuck"', () => {
    const a = analyseJvm({ threadDumps: ['1', '2', '3'].map((n) => fixture(`jdk17-spinner-${n}.txt`)) });
    expect(a.severity).toBe('cpu');
    expect(a.verdict).toMatch(
      /^2 threads busy in application code: "spinner-\d" in Spinner\.spin \(\d+% of a CPU\), "spinner-\d" in Spinner\.spin \(\d+% of a CPU\)$/,
    );
    expect(
      a.cpuDeltas
        .slice(0, 2)
        .map((d) => d.name)
        .sort(),
    ).toEqual(['spinner-1', 'spinner-2']);
    expect(a.cpuDeltas[0].wallMs).toBeGreaterThan(1000);
    const stuck = new Map(a.stuckThreads.map((s) => [s.name, s.idle]));
    // Busy, so not "not moving" as well (its stack text stays the same while it spins).
    expect(stuck.has('spinner-1')).toBe(false);
    expect(stuck.get('main')).toBe(true);
    expect(stuck.get('Reference Handler')).toBe(true);
    expect(a.busyThreads.map((b) => b.name)).not.toContain('Reference Handler');
  });

  it('one spinner sample: share over the thread lifetime', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-spinner-1.txt')] });
    expect(a.busyThreads[0].cpuShareOver).toBe('lifetime');
    expect(a.severity).toBe('cpu');
  });

  it('the seed program: no problem, main sleeping in Simple.main; histogram tops', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-simple.txt')], histogram: fixture('jdk17-histogram-simple.txt') });
    expect(a.severity).toBe('ok');
    expect(a.verdict).toMatch(/^no problem found: \d+ Java threads; main is sleeping \(TIMED_WAITING\) in Simple\.main$/);
    expect(a.main).toMatchObject({ state: 'TIMED_WAITING', stateDetail: 'sleeping' });
    expect(a.histogram!.topByBytes[0].className).toBe('byte[]');
    expect(a.histogram!.topByBytes).toHaveLength(10);
    expect(a.histogram!.topByInstances[0].instances).toBeGreaterThanOrEqual(a.histogram!.topByInstances[9].instances);
  });

  it('sleeper: Object.wait and park are neither contention nor a problem', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-sleeper.txt')] });
    expect(a.severity).toBe('ok');
    expect(a.blockedThreads).toBe(0);
    expect(a.contendedLocks).toEqual([]);
  });
});

describe('analyseJvm on constructed JDK 8 and JDK 21 dumps', () => {
  it('JDK 8 with two deadlocks (monitors and ReentrantLocks)', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk8-two-deadlocks.txt')] });
    expect(a.deadlocks).toHaveLength(2);
    expect(a.deadlocks.every((d) => d.source === 'both')).toBe(true);
    expect(a.verdict).toMatch(/^2 deadlocks; first: deadlock between 2 threads/);
    expect(a.blockedThreads).toBe(4);
    // Finalizer's and main's Object.wait() "locked" lines are not held locks.
    expect(a.contendedLocks.every((c) => c.holder !== 'Finalizer' && c.holder !== 'main')).toBe(true);
  });

  it('JDK 21: three threads parked on a held ReentrantLock; a Condition park is not contention', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk21-lock-contention-virtual.txt')] });
    expect(a.severity).toBe('contention');
    expect(a.contendedLocks).toHaveLength(1);
    expect(a.contendedLocks[0]).toMatchObject({
      kind: 'ownable',
      holder: 'stock-keeper',
      waiters: 3,
      waiterNames: ['buyer-1', 'buyer-2', 'buyer-3'],
    });
    expect(a.verdict).toBe(
      '3 threads parked on one lock (java.util.concurrent.locks.ReentrantLock$NonfairSync <0x000000062a81b2f8>) held by "stock-keeper", sleeping (TIMED_WAITING) in Shop.restock',
    );
    expect(a.states.CARRYING_VIRTUAL_THREAD).toBe(1);
  });
});

describe('analyseJvm on synthetic samples', () => {
  const blockedOnce = (elapsed: number) =>
    dump(
      th('owner', 10, 5, elapsed, 'TIMED_WAITING (sleeping)', [
        'at java.lang.Thread.sleep(java.base@11/Native Method)',
        'at App.hold(App.java:5)',
        '- locked <0x00000000000000aa> (a App$Lock)',
      ]),
      th('worker', 11, 1, elapsed, 'BLOCKED (on object monitor)', [
        'at App.work(App.java:9)',
        '- waiting to lock <0x00000000000000aa> (a App$Lock)',
        'at java.lang.Thread.run(java.base@11/Thread.java:829)',
      ]),
      th('main', 1, 50, elapsed, 'WAITING (parking)', [
        'at jdk.internal.misc.Unsafe.park(java.base@11/Native Method)',
        '- parking to wait for  <0x00000000000000bb> (a java.util.concurrent.CountDownLatch$Sync)',
        'at App.main(App.java:3)',
      ]),
    );

  it('one thread blocked in every sample: "did not move", not contention', () => {
    const a = analyseJvm({ threadDumps: [blockedOnce(10), blockedOnce(12)] });
    expect(a.severity).toBe('stuck');
    expect(a.verdict).toBe('1 thread did not move across 2 samples: "worker" BLOCKED in App.work');
    expect(a.contendedLocks[0]).toMatchObject({ holder: 'owner', waiters: 1 });
    expect(a.blockedThreads).toBe(1);
  });

  it('one sample with one blocked thread is only mentioned in the "no problem" line', () => {
    const a = analyseJvm({ threadDumps: [blockedOnce(10)] });
    expect(a.verdict).toBe('no problem found: 3 Java threads, 1 waiting for a lock; main is parked (WAITING) in App.main');
  });

  it('JDK 8-style samples without cpu=: RUNNABLE in application code in every sample counts as busy', () => {
    const s = [
      '"calc" #9 prio=5 os_prio=0 tid=0x10 nid=0x9 runnable [0x0]',
      '   java.lang.Thread.State: RUNNABLE',
      '\tat App.loop(App.java:7)',
      '',
    ].join('\n');
    const idle = [
      '"acceptor" #8 prio=5 os_prio=0 tid=0x11 nid=0x8 runnable [0x0]',
      '   java.lang.Thread.State: RUNNABLE',
      '\tat sun.nio.ch.ServerSocketChannelImpl.accept0(Native Method)',
      '\tat App.serve(App.java:3)',
      '',
    ].join('\n');
    const a = analyseJvm({ threadDumps: [s + idle, s + idle] });
    expect(a.busyThreads.map((b) => b.name)).toEqual(['calc']);
    expect(a.verdict).toBe('1 thread busy in application code: "calc" in App.loop');
    expect(analyseJvm({ threadDumps: [s] }).busyThreads[0].hot).toBe(false);
  });

  it('a lock cycle the JVM did not report is found from the graph alone', () => {
    const t = (name: string, id: number, want: string, have: string) =>
      th(name, id, 1, 5, 'BLOCKED (on object monitor)', [
        `at App.${name}(App.java:1)`,
        `- waiting to lock <${want}> (a java.lang.Object)`,
        `- locked <${have}> (a java.lang.Object)`,
      ]);
    const a = analyseJvm({ threadDumps: [dump(t('a', 1, '0x01', '0x02'), t('b', 2, '0x03', '0x01'), t('c', 3, '0x02', '0x03'))] });
    expect(a.deadlocks).toHaveLength(1);
    expect(a.deadlocks[0].source).toBe('graph');
    expect([...a.deadlocks[0].threads].sort()).toEqual(['a', 'b', 'c']);
    expect(a.verdict).toMatch(/^deadlock between 3 threads/);
  });

  it('nothing parseable: no-data verdict, no throw', () => {
    const a = analyseJvm({ threadDumps: ['garbage', ''] });
    expect(a).toMatchObject({
      severity: 'no-data',
      verdict: 'not a HotSpot thread dump (looks like: text without a single thread header)',
      samples: 0,
      samplesGiven: 2,
      deadlock: false,
    });
    expect(a.notes.length).toBeGreaterThan(0);
    expect(analyseJvm({ threadDumps: [] })).toMatchObject({ severity: 'no-data', verdict: 'no thread dump could be parsed' });
  });
});

describe('aggregateOutputs', () => {
  it('any deadlock, total blocked threads', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-sync-deadlock.txt')] });
    const b = analyseJvm({ threadDumps: [fixture('jdk17-contended.txt')] });
    const c = analyseJvm({ threadDumps: [fixture('jdk17-simple.txt')] });
    expect(aggregateOutputs([a, b, c])).toEqual({ deadlock: true, blockedThreads: 9 });
    expect(aggregateOutputs([c])).toEqual({ deadlock: false, blockedThreads: 0 });
    expect(aggregateOutputs([])).toEqual({ deadlock: false, blockedThreads: 0 });
  });
});

// Real captures on JDK 8 and JDK 21, taken in the local cluster by test/fixtures/java/capture-in-cluster.sh
// (the fixture programs as pods on the seed's JRE images, dumped by this project's CLI with jcmd 25).
describe.each([8, 21])('analyseJvm on real JDK %i captures of the fixture programs', (jdk) => {
  it('monitor deadlock: the JVM report and the lock graph agree', () => {
    const a = analyseJvm({ threadDumps: [fixture(`jdk${jdk}-syncdeadlock-real.txt`)] });
    expect(a).toMatchObject({ deadlock: true, severity: 'deadlock', blockedThreads: 2 });
    expect(a.deadlocks).toHaveLength(1);
    expect(a.deadlocks[0].source).toBe('both');
    // The cycle starts wherever the JVM's report starts it.
    expect(a.verdict).toMatch(/^deadlock between 2 threads \("deadlock-(alpha|beta)", "deadlock-(alpha|beta)"\) on java\.lang\.Object$/);
    expect(a.deadlocks[0].threads.slice().sort()).toEqual(['deadlock-alpha', 'deadlock-beta']);
    expect(a.notes).toEqual([]);
  });
  it('ReentrantLock deadlock: found from the ownable synchronizers too', () => {
    const a = analyseJvm({ threadDumps: [fixture(`jdk${jdk}-lockdeadlock-real.txt`)] });
    expect(a.deadlocks[0].source).toBe('both');
    expect(a.verdict).toMatch(
      /^deadlock between 2 threads \("juc-(one|two)", "juc-(one|two)"\) on java\.util\.concurrent\.locks\.ReentrantLock\$NonfairSync$/,
    );
    expect(a.deadlocks[0].threads.slice().sort()).toEqual(['juc-one', 'juc-two']);
    expect(a.notes).toEqual([]);
  });
  it('contended monitor: the holder and the 7 waiters', () => {
    const a = analyseJvm({ threadDumps: [fixture(`jdk${jdk}-contended-real.txt`)] });
    expect(a.contendedLocks[0]).toMatchObject({ holder: 'holder', waiters: 7, kind: 'monitor', className: 'java.lang.Object' });
    expect(a.verdict).toMatch(
      /^7 threads blocked on one lock \(java\.lang\.Object <0x[0-9a-f]+>\) held by "holder", sleeping \(TIMED_WAITING\) in Contended\.holdForever$/,
    );
    expect(a.notes).toEqual([]);
  });
});

// The thresholds (documented where they are defined, in activity.ts, contention.ts and virtual-threads.ts) at their edges.
describe('thresholds at their edges', () => {
  const app = (name: string, id: number, cpuMs: number, elapsedS: number) =>
    th(name, id, cpuMs, elapsedS, 'RUNNABLE', ['at App.work(App.java:7)', 'at java.lang.Thread.run(java.base@11/Thread.java:829)']);
  const series = (name: string, points: [number, number][]) => points.map(([cpu, el]) => dump(app(name, 9, cpu, el)));

  it('HOT_SHARE: 200 ms of CPU in one second is hot, 199 ms is not', async () => {
    const { HOT_SHARE } = await import('../../src/analyse/activity.js');
    expect(HOT_SHARE).toBe(0.2);
    expect(
      analyseJvm({
        threadDumps: series('calc', [
          [0, 10],
          [200, 11],
        ]),
      }).busyThreads[0].hot,
    ).toBe(true);
    expect(
      analyseJvm({
        threadDumps: series('calc', [
          [0, 10],
          [199, 11],
        ]),
      }).busyThreads[0].hot,
    ).toBe(false);
  });

  it('hot in most intervals: 2 of 3 is busy, 1 of 2 is not', () => {
    const twoOfThree = analyseJvm({
      threadDumps: series('calc', [
        [0, 10],
        [500, 11],
        [1000, 12],
        [1000, 13],
      ]),
    });
    expect(twoOfThree.busyThreads[0]).toMatchObject({ hot: true, hotIntervals: 2, measuredIntervals: 3 });
    expect(twoOfThree.verdict).toBe('1 thread busy in application code: "calc" in App.work (33% of a CPU, busy in 2 of 3 intervals)');
    expect(
      analyseJvm({
        threadDumps: series('calc', [
          [0, 10],
          [500, 11],
          [500, 12],
        ]),
      }).busyThreads[0],
    ).toMatchObject({
      hot: false,
      hotIntervals: 1,
      measuredIntervals: 2,
    });
  });

  it('STUCK_MAX_SHARE: the same stack with 10 ms of CPU per second is not moving, with 11 ms it is moving', async () => {
    const { STUCK_MAX_SHARE } = await import('../../src/analyse/activity.js');
    expect(STUCK_MAX_SHARE).toBe(0.01);
    expect(
      analyseJvm({
        threadDumps: series('calc', [
          [0, 10],
          [10, 11],
        ]),
      }).stuckThreads.map((s) => s.name),
    ).toEqual(['calc']);
    expect(
      analyseJvm({
        threadDumps: series('calc', [
          [0, 10],
          [11, 11],
        ]),
      }).stuckThreads,
    ).toEqual([]);
  });

  it('no state line: "did not move" with one space, and "1 thread" in the singular', () => {
    const carrier = (el: number) =>
      dump(
        [
          `"ForkJoinPool-1-worker-1" #30 daemon prio=5 os_prio=0 cpu=1ms elapsed=${el}s tid=0x2000 nid=0x30  [0x0]`,
          '   Carrying virtual thread #31',
          '\tat jdk.internal.vm.Continuation.run(java.base@21/Continuation.java:248)',
          '\tat java.lang.VirtualThread.runContinuation(java.base@21/VirtualThread.java:223)',
        ].join('\n'),
      );
    const a = analyseJvm({ threadDumps: [carrier(10), carrier(11)] });
    expect(a.verdict).toBe('1 thread did not move across 2 samples: "ForkJoinPool-1-worker-1" in jdk.internal.vm.Continuation.run');
  });

  it('VIRTUAL_PILEUP_MIN: 100 virtual threads parked alike are a pile-up, 99 are not', async () => {
    const { VIRTUAL_PILEUP_MIN } = await import('../../src/analyse/virtual-threads.js');
    expect(VIRTUAL_PILEUP_MIN).toBe(100);
    const json = JSON.parse(fixture('jdk25-virtual-pileup.json'));
    const root = json.threadDump.threadContainers[0];
    const parked = root.threads.filter((t: { virtual?: boolean; state?: string }) => t.virtual && t.state === 'WAITING');
    const others = root.threads.filter((t: { virtual?: boolean; state?: string }) => !(t.virtual && t.state === 'WAITING'));
    const withParked = (n: number) =>
      JSON.stringify({
        ...json,
        threadDump: { ...json.threadDump, threadContainers: [{ ...root, threads: [...others, ...parked.slice(0, n)] }] },
      });
    expect(analyseJvm({ threadDumps: [withParked(100)] }).severity).toBe('virtual-pileup');
    const below = analyseJvm({ threadDumps: [withParked(99)] });
    expect(below.virtualThreads?.pileUp).toBeUndefined();
    // 99 parked on one lock are still contention (holder unknown): a queue, just not a pile-up.
    expect(below.severity).toBe('contention');
  });
});

describe('(5) threads of the same name without tid or #N are told apart by their order', () => {
  const noId = (cpu: number, el: number) =>
    [
      `"worker" prio=5 os_prio=0 cpu=${cpu}ms elapsed=${el}s nid=0x1 runnable  [0x0]`,
      '   java.lang.Thread.State: RUNNABLE',
      '\tat App.work(App.java:7)',
    ].join('\n');
  const sample = (busyCpu: number, el: number) => dump(noId(busyCpu, el), noId(0, el));

  it('the busy one is hot, the idle one is not, and the deltas are not mixed', () => {
    const a = analyseJvm({ threadDumps: [sample(0, 10), sample(800, 11)] });
    expect(a.cpuDeltas).toEqual([{ name: 'worker', cpuDeltaMs: 800, wallMs: 1000, share: 0.8 }]);
    expect(a.busyThreads.filter((b) => b.hot)).toHaveLength(1);
  });
});

describe('5. a native wait is idle unless the CPU figures say otherwise', () => {
  const poller = (cpu: number, el: number) =>
    dump(
      th('io-loop', 21, cpu, el, 'RUNNABLE', [
        'at sun.nio.ch.EPoll.wait(java.base@11/Native Method)',
        'at sun.nio.ch.EPollSelectorImpl.doSelect(java.base@11/EPollSelectorImpl.java:120)',
        'at App.loop(App.java:12)',
      ]),
    );

  it('an epoll loop that spins (900 ms of CPU a second) is busy; one that waits is not listed at all', () => {
    const spinning = analyseJvm({ threadDumps: [poller(0, 10), poller(900, 11), poller(1800, 12)] });
    expect(spinning.severity).toBe('cpu');
    expect(spinning.verdict).toBe('1 thread busy in application code: "io-loop" in App.loop (90% of a CPU)');
    const waiting = analyseJvm({ threadDumps: [poller(5, 10), poller(5, 11), poller(5, 12)] });
    expect(waiting.busyThreads).toEqual([]);
    expect(waiting.severity).toBe('ok');
  });
});
