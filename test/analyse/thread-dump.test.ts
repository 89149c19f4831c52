import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractThreadDumps } from '../../src/collect/log-dumps.js';
import { parseThreadDump } from '../../src/analyse/thread-dump.js';
import { parseThreadHeader } from '../../src/analyse/thread-dump-lines.js';
import type { ThreadDump } from '../../src/analyse/thread-dump-types.js';
import { DUMP_FIXTURES } from './jvm-harness.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');
const thread = (d: ThreadDump, name: string) => {
  const t = d.threads.find((x) => x.name === name);
  if (!t) throw new Error(`no thread ${name}`);
  return t;
};

describe('parseThreadDump on a JDK 17 jcmd capture (monitor deadlock)', () => {
  const d = parseThreadDump(fixture('jdk17-sync-deadlock.txt'));

  it('reads the header, SMR block and JNI line, and leaves no line unexplained', () => {
    expect(d.pid).toBeGreaterThan(0);
    expect(d.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(d.vm).toMatch(/^OpenJDK 64-Bit Server VM \(17\./);
    expect(d.smrThreadCount).toBe(d.threads.filter((t) => t.number !== undefined).length);
    expect(d.jniGlobalRefs).toBeGreaterThan(0);
    expect(d.jniWeakRefs).toBe(0);
    expect(d.unknownLines).toEqual([]);
  });

  it('reads every field of a Java thread header and its stack with lock lines', () => {
    const main = thread(d, 'main');
    expect(main).toMatchObject({
      number: 1,
      daemon: false,
      priority: 5,
      osPriority: 0,
      description: 'in Object.wait()',
      state: 'WAITING',
      stateDetail: 'on object monitor',
      isJavaThread: true,
    });
    expect(main.cpuMs).toBeGreaterThan(0);
    expect(main.elapsedS).toBeGreaterThan(0);
    expect(main.tid).toMatch(/^0x[0-9a-f]+$/);
    expect(main.nid).toMatch(/^0x[0-9a-f]+$/);
    expect(main.osThreadId).toBe(parseInt(main.nid!, 16));
    expect(main.frames[0]).toMatchObject({ method: 'java.lang.Object.wait', location: 'java.base@17.0.15/Native Method' });
    expect(main.frames[0].locks).toEqual([{ action: 'waiting-on', address: expect.stringMatching(/^0x/), className: 'java.lang.Thread' }]);
    expect(main.frames[1].locks[0].action).toBe('locked');
    expect(main.frames.at(-1)!.method).toBe('SyncDeadlock.main');
    expect(main.ownableSynchronizers).toEqual([]);

    const alpha = thread(d, 'deadlock-alpha');
    expect(alpha.state).toBe('BLOCKED');
    expect(alpha.description).toBe('waiting for monitor entry');
    expect(alpha.frames[0].locks.map((l) => l.action)).toEqual(['waiting-to-lock', 'locked']);
    expect(thread(d, 'Reference Handler').daemon).toBe(true);
    expect(thread(d, 'C2 CompilerThread0').extraLines).toEqual(['No compile task']);
  });

  it('reads VM-internal threads, which have no Java id or state', () => {
    const vm = thread(d, 'VM Thread');
    expect(vm).toMatchObject({ isJavaThread: false, description: 'runnable', frames: [] });
    expect(vm.number).toBeUndefined();
    expect(vm.state).toBeUndefined();
    expect(vm.cpuMs).toBeGreaterThanOrEqual(0);
    expect(thread(d, 'VM Periodic Task Thread').description).toBe('waiting on condition');
  });

  it("reads the JVM's own deadlock report", () => {
    expect(d.reportedDeadlockCount).toBe(1);
    expect(d.jvmDeadlocks).toHaveLength(1);
    const waits = d.jvmDeadlocks[0].waits;
    expect(waits.map((w) => [w.thread, w.kind, w.className, w.heldBy])).toEqual([
      ['deadlock-alpha', 'monitor', 'java.lang.Object', 'deadlock-beta'],
      ['deadlock-beta', 'monitor', 'java.lang.Object', 'deadlock-alpha'],
    ]);
    // The report's object address is the one the waiter's stack shows.
    const alphaWants = thread(d, 'deadlock-alpha').frames[0].locks[0].address;
    expect(waits[0].address).toBe(alphaWants);
  });
});

describe('parseThreadDump, other formats', () => {
  it('JDK 17 ReentrantLock deadlock: parking lines, ownable synchronizers, ownable deadlock report', () => {
    const d = parseThreadDump(fixture('jdk17-lock-deadlock.txt'));
    expect(d.unknownLines).toEqual([]);
    const one = thread(d, 'juc-one');
    expect(one.stateDetail).toBe('parking');
    expect(one.frames[0].locks[0]).toMatchObject({ action: 'parking', className: 'java.util.concurrent.locks.ReentrantLock$NonfairSync' });
    expect(one.ownableSynchronizers).toHaveLength(1);
    expect(one.ownableSynchronizers![0]).toMatchObject({
      action: 'ownable',
      className: 'java.util.concurrent.locks.ReentrantLock$NonfairSync',
    });
    expect(d.jvmDeadlocks[0].waits.every((w) => w.kind === 'ownable')).toBe(true);
    // juc-one waits for what juc-two owns.
    expect(one.frames[0].locks[0].address).toBe(thread(d, 'juc-two').ownableSynchronizers![0].address);
  });

  it('JDK 8 (constructed): no cpu=, hex nid, "JNI global references", two deadlocks', () => {
    const d = parseThreadDump(fixture('jdk8-two-deadlocks.txt'));
    expect(d.unknownLines).toEqual([]);
    expect(d.pid).toBeUndefined();
    expect(d.vm).toBe('OpenJDK 64-Bit Server VM (25.412-b08 mixed mode)');
    expect(d.jniGlobalRefs).toBe(6);
    expect(d.jniWeakRefs).toBeUndefined();
    expect(d.reportedDeadlockCount).toBe(2);
    expect(d.jvmDeadlocks.map((x) => x.waits.map((w) => w.kind))).toEqual([
      ['ownable', 'ownable'],
      ['monitor', 'monitor'],
    ]);
    const main = thread(d, 'main');
    expect(main.cpuMs).toBeUndefined();
    expect(main.elapsedS).toBeUndefined();
    expect(main.nid).toBe('0x7');
    expect(main.osThreadId).toBe(7);
    expect(main.frames.at(-1)).toMatchObject({ method: 'Both.main', location: 'Both.java:21' });
    expect(thread(d, 'GC task thread#0 (ParallelGC)').isJavaThread).toBe(false);
    expect(d.threads).toHaveLength(16);
  });

  it('JDK 21 (constructed): [os-tid], decimal nid, a carrier of a virtual thread', () => {
    const d = parseThreadDump(fixture('jdk21-lock-contention-virtual.txt'));
    expect(d.unknownLines).toEqual([]);
    expect(d.pid).toBe(24);
    expect(d.smrThreadCount).toBe(16);
    expect(d.jniGlobalRefs).toBe(15);
    const main = thread(d, 'main');
    expect(main).toMatchObject({ number: 1, osThreadId: 25, nid: '25', state: 'TIMED_WAITING', stateDetail: 'sleeping' });
    const carrier = thread(d, 'ForkJoinPool-1-worker-1');
    expect(carrier).toMatchObject({ daemon: true, carryingVirtualThread: 26, isJavaThread: true });
    expect(carrier.state).toBeUndefined();
    expect(carrier.frames[0].method).toBe('jdk.internal.vm.Continuation.run');
    expect(thread(d, 'buyer-1').frames[7]).toMatchObject({ method: 'Shop$$Lambda/0x00007f2d2c003c38.run', location: 'Unknown Source' });
  });

  it('handles odd thread names, CRLF line ends and lock lines of rarer kinds', () => {
    const text = [
      '"pool "quoted" name" #5 daemon prio=5 os_prio=0 tid=0x01 nid=0x2 waiting for monitor entry  [0x03]',
      '   java.lang.Thread.State: BLOCKED (on object monitor)',
      '\tat Foo.bar(Foo.java:10)',
      '\t- waiting to re-lock in wait() <0x00000000aa> (a java.lang.Object)',
      '\tat Foo.baz(Foo.java:20)',
      '\t- eliminated <owner is scalar replaced> (a java.lang.Object)',
      '\t- waiting on <no object reference available>',
      '',
    ].join('\r\n');
    const d = parseThreadDump(text);
    expect(d.threads).toHaveLength(1);
    const t = d.threads[0];
    expect(t.name).toBe('pool "quoted" name');
    expect(t.frames[0].locks).toEqual([{ action: 'waiting-to-relock', address: '0x00000000aa', className: 'java.lang.Object' }]);
    expect(t.frames[1].locks).toEqual([{ action: 'eliminated', className: 'java.lang.Object' }, { action: 'waiting-on' }]);
  });

  it('never throws: garbage, truncation and unknown lines are kept', () => {
    expect(parseThreadDump('')).toMatchObject({ threads: [], unknownLines: [] });
    const garbage = parseThreadDump('hello\n\u0000\u0001binary\n"quoted but no header"\n');
    expect(garbage.threads).toEqual([]);
    expect(garbage.unknownLines).toEqual(['hello', '\u0000\u0001binary', '"quoted but no header"']);

    const full = fixture('jdk17-contended.txt');
    for (const cut of [10, 333, 1000, Math.floor(full.length / 2), full.length - 5]) {
      expect(() => parseThreadDump(full.slice(0, cut))).not.toThrow();
    }
    const injected = full.replace('   Locked ownable synchronizers:', 'SOMETHING NEW FROM JDK 99\n   Locked ownable synchronizers:');
    const d = parseThreadDump(injected);
    expect(d.threads.length).toBe(parseThreadDump(full).threads.length);
    expect(d.threads.some((t) => t.extraLines.includes('SOMETHING NEW FROM JDK 99'))).toBe(true);
  });

  it('parseThreadHeader rejects quoted text that is not a header', () => {
    expect(parseThreadHeader('"just a quote" said someone')).toBeUndefined();
    expect(parseThreadHeader('"x" #3 prio=5 os_prio=0 tid=0x1 nid=0x2 runnable')).toMatchObject({
      name: 'x',
      number: 3,
      description: 'runnable',
    });
  });
});

describe('extractThreadDumps', () => {
  it('finds a SIGQUIT dump in a container log, without the application lines around it', () => {
    const dumps = extractThreadDumps(fixture('jdk8-sigquit-container-log.txt'));
    expect(dumps).toHaveLength(1);
    expect(dumps[0].startsWith('2024-05-14 10:40:02\nFull thread dump')).toBe(true);
    expect(dumps[0]).toContain('JNI global references: 5');
    expect(dumps[0]).toContain('class space    used 287K');
    expect(dumps[0]).not.toContain("I'm still here!");
    const d = parseThreadDump(dumps[0]);
    expect(d.timestamp).toBe('2024-05-14 10:40:02');
    expect(thread(d, 'main').frames[1].method).toBe('Simple.main');
    expect(d.unknownLines.filter((l) => !/^(Heap| )/.test(l))).toEqual([]);
  });

  it('splits several dumps in one log and keeps a deadlock report with its dump', () => {
    const log = ['app start', fixture('jdk8-two-deadlocks.txt'), 'app line 1', fixture('jdk17-simple.txt'), 'app line 2'].join('\n');
    const dumps = extractThreadDumps(log);
    expect(dumps).toHaveLength(2);
    expect(dumps[0]).toContain('Found 2 deadlocks.');
    expect(dumps[0]).not.toContain('app line 1');
    expect(dumps[1]).not.toContain('app line 2');
    expect(parseThreadDump(dumps[0]).jvmDeadlocks).toHaveLength(2);
    expect(extractThreadDumps('no dump here\n')).toEqual([]);
  });
});

describe('real captures from the e2e cluster (jcmd 25 against JDK 8 and 25; SIGQUIT from a JDK 8 container log)', () => {
  it.each([
    ['jdk8-simple-real.txt', 8],
    ['jdk25-simple-real.txt', 25],
    ['jdk8-sigquit-real.txt', 8],
  ])('%s: every thread parsed, main asleep in Simple.main, no unknown lines', (file) => {
    const d = parseThreadDump(fixture(file));
    const main = d.threads.find((t) => t.name === 'main');
    expect(main).toMatchObject({ state: 'TIMED_WAITING' });
    expect(main!.frames[0].method).toMatch(/Thread\.sleep/);
    expect(main!.frames.map((f) => f.method)).toContain('Simple.main');
    expect(d.unknownLines).toEqual([]);
    // Every quoted thread header in the text became a thread.
    expect(d.threads.length).toBe((fixture(file).match(/^"/gm) ?? []).length);
  });
});

it('keeps the heap summary a SIGQUIT dump prints after the threads', () => {
  const d = parseThreadDump(fixture('jdk8-sigquit-real.txt'));
  expect(d.heapSummary?.[0]).toMatch(/^def new generation/);
  expect(d.heapSummary?.at(-1)).toMatch(/^class space/);
  expect(d.jniGlobalRefs).toBe(5);
});
