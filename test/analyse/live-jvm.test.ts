// Each fixture program runs in a real JVM; its dumps, taken with jcmd, must give the right verdict.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { analyseJvm } from '../../src/analyse/analysis.js';
import type { JvmAnalysis } from '../../src/analyse/analysis-types.js';
import { parseClassHistogram } from '../../src/analyse/histogram.js';
import { parseThreadDump } from '../../src/analyse/thread-dump.js';
import { compileFixtures, findJdkTool, jcmd, pollUntil, removeDir, startJvm, threadPrint, type RunningJvm } from './jvm-harness.js';

const jvms: RunningJvm[] = [];
let classes: string | undefined;

async function launch(main: string, args: string[] = [], ready = 'READY'): Promise<RunningJvm> {
  const j = await startJvm(classes!, main, args, ready);
  jvms.push(j);
  return j;
}

/** Dumps the JVM until the analysis satisfies `done` (threads may not have blocked yet at READY). */
async function analyseUntil(j: RunningJvm, done: (a: JvmAnalysis) => boolean): Promise<JvmAnalysis> {
  return pollUntil(async () => analyseJvm({ threadDumps: [await threadPrint(j.pid)] }), done);
}

beforeAll(async () => {
  // Fail loudly, never skip, when the machine has no JDK.
  findJdkTool('jcmd');
  classes = await compileFixtures();
}, 120000);

afterAll(async () => {
  await Promise.all(jvms.map((j) => j.stop()));
  removeDir(classes);
});

describe('fixture programs in running JVMs', () => {
  it('SyncDeadlock: deadlock on two monitors, found by the JVM and by the lock graph', async () => {
    const j = await launch('SyncDeadlock');
    const a = await analyseUntil(j, (x) => x.deadlock);
    expect(a.deadlock).toBe(true);
    expect(a.severity).toBe('deadlock');
    expect(a.deadlocks).toHaveLength(1);
    const d = a.deadlocks[0];
    expect([...d.threads].sort()).toEqual(['deadlock-alpha', 'deadlock-beta']);
    expect(d.source).toBe('both');
    expect(d.locks.map((l) => l.className)).toEqual(['java.lang.Object', 'java.lang.Object']);
    const held = Object.fromEntries(d.locks.map((l) => [l.thread, l.heldBy]));
    expect(held).toEqual({ 'deadlock-alpha': 'deadlock-beta', 'deadlock-beta': 'deadlock-alpha' });
    expect(new Set(d.locks.map((l) => l.address)).size).toBe(2);
    expect(a.verdict).toMatch(/^deadlock between 2 threads \("deadlock-(alpha|beta)", "deadlock-(alpha|beta)"\) on java\.lang\.Object$/);
    expect(a.blockedThreads).toBe(2);
  }, 60000);

  it('LockDeadlock: deadlock on two ReentrantLocks (ownable synchronizers)', async () => {
    const j = await launch('LockDeadlock');
    const a = await analyseUntil(j, (x) => x.deadlock);
    expect(a.deadlocks).toHaveLength(1);
    const d = a.deadlocks[0];
    expect([...d.threads].sort()).toEqual(['juc-one', 'juc-two']);
    expect(d.source).toBe('both');
    for (const l of d.locks) {
      expect(l.kind).toBe('ownable');
      expect(l.className).toBe('java.util.concurrent.locks.ReentrantLock$NonfairSync');
    }
    expect(a.verdict).toContain('deadlock between 2 threads');
    expect(a.verdict).toContain('"juc-one"');
    expect(a.verdict).toContain('"juc-two"');
    expect(a.blockedThreads).toBe(2);
    expect(a.states.WAITING).toBeGreaterThanOrEqual(2);
  }, 60000);

  it('Contended: names the holder and counts the 7 waiters', async () => {
    const j = await launch('Contended', ['7']);
    const a = await analyseUntil(j, (x) => x.contendedLocks[0]?.waiters === 7);
    expect(a.deadlock).toBe(false);
    expect(a.severity).toBe('contention');
    const c = a.contendedLocks[0];
    expect(c.holder).toBe('holder');
    expect(c.waiters).toBe(7);
    expect([...c.waiterNames].sort()).toEqual(['waiter-1', 'waiter-2', 'waiter-3', 'waiter-4', 'waiter-5', 'waiter-6', 'waiter-7']);
    expect(c.className).toBe('java.lang.Object');
    expect(a.blockedThreads).toBe(7);
    expect(a.states.BLOCKED).toBe(7);
    expect(a.verdict).toMatch(
      /^7 threads blocked on one lock \(java\.lang\.Object <0x[0-9a-f]+>\) held by "holder", sleeping \(TIMED_WAITING\) in Contended\.holdForever$/,
    );
    expect(a.identicalStacks[0].count).toBe(7);
  }, 60000);

  it('Spinner: a thread burning CPU is named with its method, from cpu= deltas across samples', async () => {
    const j = await launch('Spinner', ['1']);
    const first = await threadPrint(j.pid);
    await new Promise((r) => setTimeout(r, 1500));
    const second = await threadPrint(j.pid);
    const a = analyseJvm({ threadDumps: [first, second] });
    expect(a.severity).toBe('cpu');
    expect(a.verdict).toMatch(/^1 thread busy in application code: "spinner-1" in Spinner\.spin \(\d+% of a CPU\)$/);
    expect(a.busyThreads[0]).toMatchObject({ name: 'spinner-1', hot: true, cpuShareOver: 'samples', runnableInSamples: 2 });
    expect(a.busyThreads[0].appFrame).toMatch(/^Spinner\.spin\(Spinner\.java:\d+\)$/);
    expect(a.cpuDeltas[0].name).toBe('spinner-1');
    expect(a.cpuDeltas[0].cpuDeltaMs).toBeGreaterThan(0);
  }, 60000);

  it('Sleeper: sleep, Object.wait and park are idle: no problem found, main sleeping', async () => {
    const j = await launch('Sleeper');
    const probe = async () => parseThreadDump(await threadPrint(j.pid));
    const settled = (d: ReturnType<typeof parseThreadDump>) =>
      ['main', 'object-waiter', 'parker'].every((n) => d.threads.find((t) => t.name === n)?.state?.includes('WAITING'));
    await pollUntil(probe, settled);
    const a = analyseJvm({ threadDumps: [await threadPrint(j.pid), await threadPrint(j.pid)] });
    expect(a.severity).toBe('ok');
    expect(a.verdict).toMatch(/^no problem found: \d+ Java threads; main is sleeping \(TIMED_WAITING\) in Sleeper\.main$/);
    const stuck = new Map(a.stuckThreads.map((s) => [s.name, s]));
    expect(stuck.get('parker')?.idle).toBe(true);
    expect(stuck.get('object-waiter')?.idle).toBe(true);
    expect(a.blockedThreads).toBe(0);
  }, 60000);

  it('Simple (the seed program): verdict names main sleeping in Simple.main; histogram parses', async () => {
    const j = await launch('Simple', [], "I'm still here!");
    const a = await analyseUntil(j, (x) => x.main?.state === 'TIMED_WAITING');
    expect(a.verdict).toMatch(/main is sleeping \(TIMED_WAITING\) in Simple\.main$/);
    expect(a.main?.frame).toMatch(/^Simple\.main\(Simple\.java:\d+\)$/);

    const h = parseClassHistogram(await jcmd(j.pid, 'GC.class_histogram'));
    expect(h.unknownLines).toEqual([]);
    expect(h.entries.length).toBeGreaterThan(50);
    expect(h.entries.reduce((n, e) => n + e.bytes, 0)).toBe(h.totalBytes);
    expect(h.entries.reduce((n, e) => n + e.instances, 0)).toBe(h.totalInstances);
  }, 60000);
});
