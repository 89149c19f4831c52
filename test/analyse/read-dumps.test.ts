// Recognising what is parsed (issue 8, classes 3, 6 and 8): HotSpot Thread.print text, JDK 21+ Thread.dump_to_file
// text and JSON; anything else rejected with what it looks like. Real dumps unless a test says otherwise.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseJvm } from '../../src/analyse/analysis.js';
import { readThreadDumps, splitDumps } from '../../src/analyse/read-dumps.js';
import { parseThreadDump } from '../../src/analyse/thread-dump.js';
import { parseFrameLine } from '../../src/analyse/thread-dump-lines.js';
import { DUMP_FIXTURES } from './jvm-harness.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');

describe('3. formats that are not HotSpot thread dumps are rejected, never "no problem found"', () => {
  it.each([
    ['jdk17-jhsdb-jstack.txt', 'jhsdb jstack output (the serviceability agent)'],
    ['jdk17-threadinfo-tostring.txt', 'ThreadInfo.toString() output (java.lang.management)'],
    ['jdk17-histogram-simple.txt', 'a class histogram'],
  ])('real %s: "%s", grey', (file, looksLike) => {
    const a = analyseJvm({ threadDumps: [fixture(file)] });
    expect(a).toMatchObject({ severity: 'no-data', verdict: `not a HotSpot thread dump (looks like: ${looksLike})`, rejected: looksLike });
  });

  // Constructed: a few lines in each format's documented shape (no real dump of these was available to commit).
  it.each([
    [
      '0SECTION       TITLE subcomponent dump routine\n1TISIGINFO     Dump Requested By User (00100000) Through com.ibm.jvm.Dump.javaDump\n',
      'an OpenJ9 / IBM javacore',
    ],
    [
      '----- pid 1234 at 2024-01-01 10:00:00 -----\nCmd line: com.example\n\n"main" prio=5 tid=1 Native\n  | group="main" sCount=1 dsCount=0\n',
      'an Android ART / Dalvik trace',
    ],
    ['"main"@1 in group "main": RUNNING\n\t  at App.main(App.java:3)\n', 'an IntelliJ IDEA thread dump export'],
    ['===== FULL THREAD DUMP ===============\n"Main Thread" id=1 idx=0x4 tid=4242 prio=5 alive, in native\n', 'a JRockit thread dump'],
    [
      'Full thread dump Java HotSpot(TM) Client VM (1.5.0_22-b03 mixed mode):\n\n"main" prio=5 tid=0x00037800 nid=0x4ac waiting on condition [0x0007f000..0x0007fc3c]\n\tat java.lang.Thread.sleep(Native Method)\n',
      'a thread dump whose threads have neither "#N" ids nor java.lang.Thread.State lines (JDK 5 or older)',
    ],
    ['{"traceEvents": []}', 'JSON that is not a Thread.dump_to_file thread dump'],
    ['', 'an empty file'],
  ])('constructed lookalike %#: rejected as "%s"', (text, looksLike) => {
    expect(readThreadDumps(text)).toEqual({ dumps: [], rejected: looksLike });
    expect(analyseJvm({ threadDumps: [text] }).severity).toBe('no-data');
  });

  it('an unrecognised input beside good ones keeps the verdict from green', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-simple.txt'), fixture('jdk17-threadinfo-tostring.txt')] });
    expect(a.severity).toBe('no-data');
    expect(a.verdict).toMatch(/^no finding in what was understood, but an input is not a HotSpot thread dump/);
  });

  it('lines it did not understand keep a verdict from green', () => {
    const text = fixture('jdk17-simple.txt').replace('JNI global refs', 'SOMETHING NEW FROM JDK 99\nJNI global refs');
    const a = analyseJvm({ threadDumps: [text] });
    expect(a.severity).toBe('no-data');
    expect(a.verdict).toBe('no finding, but 1 line of the dump were not understood (see the notes): not judged fine');
  });
});

describe('recognised formats, each Java thread header counted once', () => {
  it.each([
    'jdk17-sync-deadlock.txt',
    'jdk8-sigquit-real.txt',
    'jdk25-simple-real.txt',
    'jdk21-virtual-pileup-real.txt',
    'jdk8-pileup-real.txt',
  ])('%s: Thread.print, every header a thread', (file) => {
    const text = fixture(file);
    const r = readThreadDumps(text);
    expect(r.rejected).toBeUndefined();
    expect(r.dumps).toHaveLength(1);
    // Thread headers, not the deadlock report's '"name":' lines.
    const headers = (text.match(/^"(?!.*":$)/gm) ?? []).length;
    expect(r.dumps[0].headerCount).toBe(headers);
    const a = analyseJvm({ threadDumps: [text] });
    expect(a.threadCount + a.vmThreadCount).toBe(headers);
  });

  it('JDK 25 Thread.dump_to_file text and JSON of the same JVM list the same threads', () => {
    const text = readThreadDumps(fixture('jdk25-virtual-pileup-dump-to-file.txt')).dumps[0];
    const json = readThreadDumps(fixture('jdk25-virtual-pileup.json')).dumps[0];
    expect(text.format).toBe('dump-to-file');
    expect(json.format).toBe('json');
    expect(json.threads.filter((t) => t.virtual)).toHaveLength(301);
    expect(text.threads.filter((t) => t.virtual)).toHaveLength(301);
    const req = json.threads.find((t) => t.name === 'request-5')!;
    expect(req).toMatchObject({ virtual: true, state: 'WAITING' });
    expect(req.frames[0].locks[0]).toMatchObject({ action: 'parking', className: 'java.util.concurrent.locks.ReentrantLock$NonfairSync' });
    expect(json.threads.find((t) => t.name === 'vspin')).toMatchObject({
      carrier: expect.stringMatching(/^ForkJoinPool-1-worker-\d+$/),
      state: 'RUNNABLE',
    });
  });

  it('JDK 21 JSON has no state and no "virtual": both are told from the stack', () => {
    const d = readThreadDumps(fixture('jdk21-virtual-pileup-real.json')).dumps[0];
    const vts = d.threads.filter((t) => t.virtual);
    expect(vts.length).toBe(301);
    expect(vts.filter((t) => t.state === 'WAITING').length).toBe(300);
  });
});

describe('6. virtual threads', () => {
  it('JDK 25 "Mounted virtual thread #N" is a thread of its own, not more frames of its carrier', () => {
    const d = parseThreadDump(fixture('jdk25-virtual-pileup.txt'));
    const carrier = d.threads.find((t) => t.carryingVirtualThread !== undefined)!;
    expect(carrier.frames.map((f) => f.method)).not.toContain('VirtualPileUp.spin');
    const vt = d.threads.find((t) => t.virtual)!;
    expect(vt).toMatchObject({ number: carrier.carryingVirtualThread, carrier: carrier.name, state: 'RUNNABLE', isJavaThread: true });
    expect(vt.frames[0].method).toBe('VirtualPileUp.spin');
    expect(d.unknownLines).toEqual([]);
  });

  it.each([
    ['jdk25-virtual-pileup.json', 'WAITING'],
    ['jdk25-virtual-pileup-dump-to-file.txt', 'WAITING'],
    ['jdk21-virtual-pileup-real.json', 'WAITING'],
  ])('%s: 300 virtual threads parked in the same frame are a pile-up', (file, state) => {
    const a = analyseJvm({ threadDumps: [fixture(file)] });
    expect(a.severity).toBe('virtual-pileup');
    expect(a.verdict).toMatch(new RegExp(`^virtual-thread pile-up: 300 of 301 virtual threads ${state} in VirtualPileUp\\.handle`));
    expect(a.virtualThreads).toMatchObject({ total: 301, pileUp: { count: 300 } });
  });

  it("a run's Thread.print samples and its JSON dump: the samples for the time series, the JSON for virtual threads", () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk21-virtual-pileup-real.txt'), fixture('jdk21-virtual-pileup-real.json')] });
    expect(a.samples).toBe(1);
    expect(a.formats).toEqual(['thread-print', 'json']);
    expect(a.severity).toBe('virtual-pileup');
  });

  it('Thread.print alone says that it cannot see unmounted virtual threads', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk25-virtual-pileup.txt')] });
    expect(a.notes.join('\n')).toMatch(/Thread\.print shows only virtual threads mounted on a carrier/);
  });
});

describe('8. robustness', () => {
  it('a thread name with a newline, with quotes, and an empty one (real JDK 17)', () => {
    const d = parseThreadDump(fixture('jdk17-odd-names.txt'));
    expect(d.unknownLines).toEqual([]);
    const names = d.threads.map((t) => t.name);
    expect(names).toContain('first line\nsecond line');
    expect(names).toContain('say "hi" #7 prio=5');
    expect(names).toContain('');
    expect(d.threads.find((t) => t.name === 'first line\nsecond line')).toMatchObject({ number: 12, state: 'TIMED_WAITING' });
    expect(d.threads.find((t) => t.name === 'say "hi" #7 prio=5')!.number).toBe(13);
  });

  it('thread names with a lone CR, workflow commands and a terminal escape (real JDK 17, the hostile e2e program)', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-hostile-names.txt')] });
    expect(a.deadlocks).toHaveLength(1);
    expect(a.deadlocks[0].source).toBe('both');
    expect([...a.deadlocks[0].threads].sort()).toEqual(
      ['\r::error::x', '##[warning]x', '\r::set-output name=deadlock::false', '\r::add-mask::app \u001b]0;pwned\u0007 \r'].sort(),
    );
    expect(a.notes).toEqual([]);
  });

  it('two dumps appended to one file are two samples, not one with doubled threads', () => {
    const text = fixture('jdk17-spinner-two-appended.txt');
    expect(splitDumps(text)).toHaveLength(2);
    const a = analyseJvm({ threadDumps: [text] });
    expect(a.samples).toBe(2);
    expect(a.threadCount).toBe(analyseJvm({ threadDumps: [fixture('jdk17-spinner-2.txt')] }).threadCount);
    expect(a.severity).toBe('cpu');
  });

  it('a class histogram printed after a SIGQUIT dump is the histogram, not stack lines (real JDK 17 log)', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk17-sigquit-histogram-log.txt')] });
    expect(a.notes).toEqual([]);
    expect(a.histogram?.classes).toBeGreaterThan(50);
    expect(a.histogram?.topByBytes[0].className).toBe('byte[]');
    expect(a.severity).toBe('ok');
  });

  it('frames with a JNI signature (constructed line: some tools print them)', () => {
    expect(parseFrameLine('at java.io.FileInputStream.readBytes([BII)I(Native Method)')).toEqual({
      method: 'java.io.FileInputStream.readBytes',
      location: 'Native Method',
      locks: [],
    });
    expect(parseFrameLine('at Shop$$Lambda/0x00007f2d2c003c38.run(Unknown Source)')!.method).toBe('Shop$$Lambda/0x00007f2d2c003c38.run');
  });

  it('a VM thread line with no name is a VM thread', () => {
    const d = parseThreadDump('"" os_prio=0 cpu=0.10ms elapsed=1.51s tid=0x00007ff240041690 nid=0x18cc runnable  \n');
    expect(d.threads).toHaveLength(1);
    expect(d.threads[0]).toMatchObject({ name: '', isJavaThread: false, description: 'runnable' });
  });
});

describe('6. virtual threads that use CPU', () => {
  it("JDK 21 prints no frames of a mounted virtual thread: its carrier's CPU shows it busy (real, 3 samples)", () => {
    const a = analyseJvm({ threadDumps: [1, 2, 3].map((n) => fixture(`jdk21-virtual-spin-real-${n}.txt`)) });
    expect(a.severity).toBe('cpu');
    expect(a.verdict).toMatch(/^1 thread busy in application code: "ForkJoinPool-1-worker-\d+" in virtual thread #\d+ \(\d+% of a CPU\)$/);
  });

  it("JDK 25: the mounted virtual thread itself is busy, with its carrier's CPU figures (real, 3 samples)", () => {
    const a = analyseJvm({ threadDumps: [1, 2, 3].map((n) => fixture(`jdk25-virtual-spin-${n}.txt`)) });
    expect(a.verdict).toMatch(/^1 thread busy in application code: "virtual thread #\d+" in VirtualPileUp\.spin \(\d+% of a CPU\)$/);
  });

  it('JDK 25.0.5 JSON names the owner of the lock the virtual threads park on', () => {
    const a = analyseJvm({ threadDumps: [fixture('jdk25-virtual-pileup-real.txt'), fixture('jdk25-virtual-pileup-real.json')] });
    expect(a.verdict).toMatch(
      /^virtual-thread pile-up: 300 of 301 virtual threads WAITING in VirtualPileUp\.handle, parked on .*held by "gatekeeper"/,
    );
  });
});
