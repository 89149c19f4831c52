// The classes of wrong verdict of issue 8, each on real dumps (files and origins in ../fixtures/thread-dumps/README.md).
// Only analyseJvm is used here, so the same tests run against the analysis before the fixes (and failed there).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseJvm } from '../../src/analyse/analysis.js';
import { DUMP_FIXTURES } from './jvm-harness.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');
const samples = (base: string, n: number) => Array.from({ length: n }, (_, i) => fixture(`${base}-${i + 1}.txt`));

describe('1. judged across all samples, not only the last', () => {
  it.each([
    ['jdk17-contended-then-free', 'JDK 17, local jcmd'],
    ['jdk11-contended-then-free-real', 'JDK 11, cluster'],
  ])('%s (%s): 7 threads blocked in 5 of 6 samples, free in the last: contention, with the count', (base) => {
    const a = analyseJvm({ threadDumps: samples(base, 6) });
    expect(a.severity).toBe('contention');
    expect(a.verdict).toMatch(
      /^7 threads blocked on one lock \(java\.lang\.Object <0x[0-9a-f]+>\) held by "holder", sleeping \(TIMED_WAITING\) in Contended\.holdForever in 5 of 6 samples$/,
    );
    expect(a.contendedLocks[0]).toMatchObject({ waiters: 7, contendedInSamples: 5, ofSamples: 6 });
  });

  it('a lock contended in fewer than half of the samples is not the verdict', () => {
    // Samples 4-6 of the same run: contended in 2 of 3 is "most"; samples 5-6 (1 of 2) is not.
    expect(analyseJvm({ threadDumps: samples('jdk17-contended-then-free', 6).slice(3) }).severity).toBe('contention');
    expect(analyseJvm({ threadDumps: samples('jdk17-contended-then-free', 6).slice(4) }).severity).not.toBe('contention');
  });
});

describe('2. deadlocks counted by their locks: the count is the JVM\'s "Found N deadlocks."', () => {
  it.each([
    'jdk17-many-deadlocks.txt',
    'jdk25-many-deadlocks.txt',
    'jdk8-many-deadlocks-real.txt',
    'jdk17-many-deadlocks-de-real.txt',
    'jdk25-many-deadlocks-real.txt',
  ])('%s: 4 cycles between threads all named "pair-a" / "pair-b"', (file) => {
    const text = fixture(file);
    expect(text).toContain('Found 4 deadlocks.');
    const a = analyseJvm({ threadDumps: [text] });
    expect(a.deadlocks).toHaveLength(4);
    expect(a.verdict).toMatch(/^4 deadlocks; first: deadlock between 2 threads \("pair-[ab]", "pair-[ab]"\) on java\.lang\.Object$/);
  });

  it('JDK 8 lists a thread queued behind a deadlocked one in its report: still one deadlock, as the JVM counts', () => {
    const text = fixture('jdk8-pileup-real.txt');
    expect(text).toContain('Found 1 deadlock.');
    const a = analyseJvm({ threadDumps: [text] });
    expect(a.deadlocks).toHaveLength(1);
    expect([...a.deadlocks[0].threads].sort()).toEqual(['juc-one', 'juc-two']);
  });
});

describe('4. locales: "cpu=58,33ms" is read', () => {
  it.each([
    ['jdk17-clinit-deadlock-de', 3],
    ['jdk8-clinit-deadlock-de-real', 3],
    ['jdk11-clinit-deadlock-de-real', 3],
  ])('%s: two class initialisers waiting for each other are a deadlock, not "busy"', (base, n) => {
    const a = analyseJvm({ threadDumps: samples(base, n) });
    expect(a.severity).toBe('deadlock');
    expect(a.verdict).toMatch(/^class-initialisation deadlock( \(inferred\))? between 2 threads \("init-[ab]", "init-[ab]"\)/);
    expect(a.busyThreads.filter((b) => b.hot)).toEqual([]);
  });

  it('German cpu= figures give CPU shares like English ones (JDK 17 local, JDK 25 cluster)', () => {
    for (const base of ['jdk17-spinner-de', 'jdk25-spinner-de-real']) {
      expect(fixture(`${base}-1.txt`)).toMatch(/cpu=\d+,\d+ms elapsed=\d+,\d+s/);
      const a = analyseJvm({ threadDumps: samples(base, 3) });
      expect(a.severity).toBe('cpu');
      expect(a.cpuDeltas.length).toBeGreaterThan(0);
      expect(a.busyThreads[0].cpuShare).toBeGreaterThan(0.2);
    }
  });
});

describe('5. idle is not busy: native waits without cpu= are idle', () => {
  it.each([
    ['jdk8-idle-server-real', 'socketRead0 / socketAccept, no cpu='],
    ['jdk11-idle-server-real', 'socketRead0 with cpu='],
    ['jdk17-idle-server', 'NioSocketImpl / Net.poll'],
    ['jdk21-idle-server-real', 'NioSocketImpl / Net.poll'],
  ])('%s (%s): no problem found', (base) => {
    const a = analyseJvm({ threadDumps: samples(base, 3) });
    expect(a.busyThreads.filter((b) => b.hot)).toEqual([]);
    expect(a.severity).toBe('ok');
  });
});

describe('7. noise: Object.wait is not contention; idle housekeeping and explained threads are not "not moving"', () => {
  it('JDK 11 pile-up (a deadlock and 20 waiters on one ReentrantLock)', () => {
    const a = analyseJvm({ threadDumps: samples('jdk11-pileup-real', 2) });
    expect(a.severity).toBe('deadlock');
    expect(a.contendedLocks.map((c) => c.className)).not.toContain('java.lang.ref.ReferenceQueue$Lock');
    const reported = a.stuckThreads.filter((s) => !s.idle && !s.explainedBy).map((s) => s.name);
    expect(reported).toEqual([]);
    expect(a.stuckThreads.find((s) => s.name === 'Finalizer')?.idle ?? true).toBe(true);
    expect(a.stuckThreads.find((s) => s.name === 'queued-1')?.explainedBy ?? 'deadlock').toBe('deadlock');
  });
});

describe('known analysis bugs from the reshape', () => {
  it('(1) a thread re-locking after wait() prints "- locked" for a monitor it does not hold: no one-thread deadlock', () => {
    const a = analyseJvm({ threadDumps: samples('jdk17-relock', 2) });
    expect(a.deadlock).toBe(false);
    expect(a.deadlocks).toEqual([]);
    expect(a.contendedLocks[0]).toMatchObject({ holder: 'notifier', waiters: 1, waiterNames: ['waiter'] });
  });

  it('(2) JDK 8 readers in socketRead0 across samples are idle, not busy', () => {
    const a = analyseJvm({ threadDumps: samples('jdk8-idle-server-real', 3) });
    expect(a.busyThreads.map((b) => b.name)).toEqual([]);
  });

  it('(2) JDK 11+: when elapsed= did not advance (the same dump twice), no CPU means idle, not the JDK 8 fallback', () => {
    const same = fixture('jdk11-idle-server-real-1.txt');
    const a = analyseJvm({ threadDumps: [same, same] });
    expect(a.busyThreads.filter((b) => b.hot)).toEqual([]);
    expect(a.severity).not.toBe('cpu');
  });

  it('(6) a spinning thread is busy, not "not moving" as well (JDK 8 without cpu=, JDK 11 with)', () => {
    for (const base of ['jdk8-spinner-real', 'jdk11-spinner-real']) {
      const a = analyseJvm({ threadDumps: samples(base, 3) });
      expect(a.severity).toBe('cpu');
      const hot = a.busyThreads.filter((b) => b.hot).map((b) => b.name);
      expect(hot.sort()).toEqual(['spinner-1', 'spinner-2']);
      expect(a.stuckThreads.filter((s) => hot.includes(s.name))).toEqual([]);
    }
  });

  it('(7) without -l (the SIGQUIT path) readers parked on a ReentrantReadWriteLock are grouped by the lock', () => {
    for (const file of ['jdk17-rw-pileup-sigquit-log.txt', 'jdk17-rw-pileup-no-l.txt']) {
      const a = analyseJvm({ threadDumps: [fixture(file)] });
      expect(a.severity).toBe('contention');
      expect(a.verdict).toMatch(
        /^6 threads parked on one lock \(java\.util\.concurrent\.locks\.ReentrantReadWriteLock\$NonfairSync <0x[0-9a-f]+>\), holder unknown \(the dump was taken without -l\)$/,
      );
    }
  });
});
