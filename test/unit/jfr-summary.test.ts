// The JFR commands and the summariser, for real: a local JVM (the host's JDK) runs a program with a known hot method,
// a contended monitor and byte[] allocation; we start and stop a recording with the very jcmd arguments the collector
// uses, run JfrSummary.java through the very argv that goes to the pod, and check the JSON against its type and the facts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as querystring from 'node:querystring';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { jfrCleanCommand, jfrPrepareCommand, jfrSummaryCommand, JFR_SUMMARY_SOURCE, preparedDir } from '../../src/collect/jfr-script.js';
import {
  isJfrFile,
  jfrDiscardArgs,
  jfrRecordingName,
  jfrStartArgs,
  jfrStartProblem,
  jfrStopArgs,
  jfrStopProblem,
} from '../../src/collect/jfr.js';
import { JFR_SUMMARY_SCHEMA, type JfrSummary } from '../../src/shared/jfr-summary.js';
import { findJdkTool, JAVA_FIXTURES, removeDir, startJvm, type RunningJvm } from '../analyse/jvm-harness.js';

const run = promisify(execFile);
let classes: string;
let work: string;
let jvm: RunningJvm;
let summary: JfrSummary;
let summaryText: string;
/** When our recording was started and stopped, by this machine's clock (the JVM's too). */
const window = { from: 0, to: 0 };
let recording: string;
const ids = { uid: process.getuid!(), gid: process.getgid!() };

const jcmd = async (...args: string[]) => (await run(findJdkTool('jcmd'), [String(jvm.pid), ...args])).stdout;

/** Resolves once the fixture printed `line` (each line is an event of the program, not a guess at time). */
function printed(line: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${line}" within ${timeoutMs} ms`)), timeoutMs);
    const check = () => {
      if (jvm.stdout().split('\n').includes(line)) {
        clearTimeout(timer);
        jvm.child.stdout!.off('data', check);
        resolve();
      }
    };
    jvm.child.stdout!.on('data', check);
    check();
  });
}

/** Runs one of the summariser's argv on this machine, as the pod would. */
function exec(argv: string[]) {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { ...process.env, TMPDIR: work } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Compiles the summariser (as during the recording), then runs it on `file` (our recording in it: `name`). */
function summarise(file: string, name = 'none') {
  const prepared = exec(jfrPrepareCommand());
  const dir = preparedDir(prepared.stdout);
  if (prepared.code !== 0 || !dir) throw new Error(`jfrprepare exit ${prepared.code}: ${prepared.stderr}`);
  expect(existsSync(path.join(dir, 'JfrSummary.class'))).toBe(true);
  return exec(jfrSummaryCommand(ids, dir, file, name));
}

const stagedDirs = () => spawnSync('sh', ['-c', `ls -d "${work}"/kjd-jfr.* 2>/dev/null`]).stdout.toString();

/** Every field of JfrSummary with its type: what src/analyse may rely on. */
function shapeProblems(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const num = (v: unknown, where: string) =>
    (typeof v === 'number' && Number.isFinite(v) && v >= 0) || problems.push(`${where}: ${String(v)}`);
  const str = (v: unknown, where: string) => typeof v === 'string' || problems.push(`${where}: not a string`);
  const list = (v: unknown, where: string, each: (x: Record<string, unknown>, w: string) => void) =>
    Array.isArray(v) ? v.forEach((x, i) => each(x as Record<string, unknown>, `${where}[${i}]`)) : problems.push(`${where}: not a list`);
  if (s.schema !== JFR_SUMMARY_SCHEMA) problems.push(`schema ${String(s.schema)}`);
  const rec = s.recording as Record<string, unknown>;
  str(rec.start, 'recording.start');
  num(rec.durationMs, 'recording.durationMs');
  num(rec.events, 'recording.events');
  num(s.executionSamples, 'executionSamples');
  list(s.hotMethods, 'hotMethods', (m, w) => (str(m.method, w), num(m.self, w), num(m.total, w)));
  list(s.stacks, 'stacks', (x, w) => (list(x.frames, w, (f) => str(f, w)), num(x.count, w)));
  num(s.otherStacks, 'otherStacks');
  list(s.monitors, 'monitors', (m, w) => (str(m.monitorClass, w), str(m.site, w), num(m.count, w), num(m.totalMs, w), num(m.longestMs, w)));
  list(s.allocations, 'allocations', (a, w) => (str(a.objectClass, w), num(a.weightBytes, w), num(a.samples, w)));
  const gc = s.gc as Record<string, unknown>;
  num(gc.count, 'gc.count');
  num(gc.totalPauseMs, 'gc.totalPauseMs');
  num(gc.longestPauseMs, 'gc.longestPauseMs');
  list(gc.longest, 'gc.longest', (p, w) => (str(p.name, w), str(p.cause, w), num(p.ms, w), str(p.start, w)));
  const cpu = s.cpu as Record<string, number> | undefined;
  if (cpu) for (const k of ['samples', 'jvmUserAvg', 'jvmSystemAvg', 'machineTotalAvg', 'jvmPeak']) num(cpu[k], `cpu.${k}`);
  list(s.notes, 'notes', (n, w) => str(n, w));
  return problems;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kjd-jfr-'));
  classes = path.join(work, 'classes');
  await run(findJdkTool('javac'), [
    '--release',
    '8',
    '-nowarn',
    '-encoding',
    'UTF-8',
    '-d',
    classes,
    path.join(JAVA_FIXTURES, 'JfrSubject.java'),
  ]);
  jvm = await startJvm(classes, 'JfrSubject');
  // The app's own recording runs before and after ours (as a continuous one would in production). Its settings, as
  // JFR merges every running recording's, would bring the environment into ours: here it leaves it out too.
  const quiet = ['jdk.InitialEnvironmentVariable', 'jdk.InitialSystemProperty', 'jdk.SystemProcess'].map((e) => `${e}#enabled=false`);
  expect(jfrStartProblem(await jcmd('JFR.start', 'name=apps-own', 'settings=default', ...quiet))).toBeUndefined();
  const name = jfrRecordingName('jvm-debugger-abcde', jvm.pid, Date.now());
  window.from = Date.now();
  // The host's JDK is 17: the event settings that keep the environment out apply.
  const started = await jcmd(...jfrStartArgs(name, 'profile', 120_000, 17));
  expect(jfrStartProblem(started)).toBeUndefined();
  // 100 entries to the monitor, many after a wait of up to 30 ms; 10 rounds of burning, each ~10 samples or more,
  // counted from now: on a loaded machine the JVM may be far along before our recording started.
  const last = (word: string) => Math.max(0, ...[...jvm.stdout().matchAll(new RegExp(`^${word} (\\d+)$`, 'gm'))].map((m) => Number(m[1])));
  await Promise.all([printed(`ROUND ${last('ROUND') + 100}`), printed(`BURNED ${last('BURNED') + 10}`)]);
  recording = path.join(work, 'recording.jfr');
  const stopped = await jcmd(...jfrStopArgs(name, recording));
  expect(jfrStopProblem(stopped, name)).toBeUndefined();
  window.to = Date.now();
  await jcmd('JFR.stop', 'name=apps-own');
  const r = summarise(recording, name);
  if (r.code !== 0) throw new Error(`summariser exit ${r.code}: ${r.stderr}`);
  summaryText = r.stdout;
  summary = JSON.parse(r.stdout) as JfrSummary;
}, 120_000);

afterAll(async () => {
  await jvm?.stop();
  removeDir(work);
});

describe('JfrSummary.java on a real recording', () => {
  it('prints JSON of the JfrSummary type, in pure ASCII', () => {
    expect(shapeProblems(summary as unknown as Record<string, unknown>)).toEqual([]);
    expect(isJfrFile(readFileSync(recording).subarray(0, 4))).toBe(true);
    expect(summary.executionSamples).toBeGreaterThan(20);
    expect(summary.recording.durationMs).toBeGreaterThan(100);
    // Names from the app arrive escaped: the text itself is ASCII, the parsed name is not.
    expect(/^[\x20-\x7e\n]*$/.test(summaryText)).toBe(true);
    expect(summaryText).toContain('pr\\u0133s');
  });

  it('spans our recording, not the events that began before it', () => {
    const start = Date.parse(summary.recording.start!);
    expect(start).toBeGreaterThanOrEqual(window.from - 50);
    expect(start).toBeLessThanOrEqual(window.to);
    expect(summary.recording.durationMs).toBeLessThanOrEqual(window.to - window.from + 50);
  });

  it('names the hot method first, by self samples, and roots its stacks at Thread.run', () => {
    expect(summary.hotMethods[0]).toMatchObject({ method: 'JfrSubject.recalculate' });
    expect(summary.hotMethods[0].self).toBeGreaterThan(summary.executionSamples / 2);
    const caller = summary.hotMethods.find((m) => m.method === 'JfrSubject.prĳs')!;
    expect(caller.total).toBeGreaterThanOrEqual(summary.hotMethods[0].self);
    const top = summary.stacks[0];
    expect(top.frames[0]).toBe('java.lang.Thread.run');
    expect(top.frames.at(-1)).toBe('JfrSubject.recalculate');
    expect(top.frames).toContain('JfrSubject.prĳs');
    const counted = summary.stacks.reduce((n, s) => n + s.count, 0) + summary.otherStacks;
    expect(counted).toBeLessThanOrEqual(summary.executionSamples);
  });

  it('finds the contended Ledger monitor and where it was waited for', () => {
    const ledger = summary.monitors.find((m) => m.monitorClass === 'JfrSubject$Ledger');
    expect(ledger).toBeDefined();
    expect(ledger!.site).toMatch(/^JfrSubject\.(waitForLedger|hold):\d+$/);
    expect(ledger!.longestMs).toBeGreaterThanOrEqual(10);
    expect(ledger!.totalMs).toBeGreaterThanOrEqual(ledger!.longestMs);
  });

  it('counts byte[] among the allocations, by weight', () => {
    const bytes = summary.allocations.find((a) => a.objectClass === 'byte[]');
    expect(bytes?.weightBytes).toBeGreaterThan(0);
    expect(summary.allocations.every((a) => !a.objectClass.startsWith('['))).toBe(true);
  });

  it("keeps the process's environment and system properties out of the recording (JDK 17+)", async () => {
    const { stdout } = await run(path.join(path.dirname(findJdkTool('java')), 'jfr'), ['summary', recording]);
    const count = (event: string) => Number(new RegExp(`^\\s*${event.replace('.', '\\.')}\\s+(\\d+)`, 'm').exec(stdout)?.[1] ?? 0);
    expect(stdout).toMatch(/jdk\.ExecutionSample\s+[1-9]/);
    expect(count('jdk.InitialEnvironmentVariable')).toBe(0);
    expect(count('jdk.InitialSystemProperty')).toBe(0);
    expect(count('jdk.SystemProcess')).toBe(0);
  });

  it('fails clearly on a file that is no recording, and leaves no staged source behind', () => {
    const bogus = path.join(work, 'bogus.jfr');
    writeFileSync(bogus, 'not a recording');
    const r = summarise(bogus);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Exception|not a valid|File/i);
    expect(stagedDirs()).toBe('');
  });

  it('prepares in /var/tmp, not /tmp: a /tmp linked to /proc/<pid>/root/tmp (tmp-symlink) hides the classes from Java', () => {
    const env = { ...process.env };
    delete env.TMPDIR;
    const argv = jfrPrepareCommand();
    const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env });
    const dir = preparedDir(r.stdout);
    expect(dir).toMatch(/^\/var\/tmp\/kjd-jfr\.\w+$/);
    expect(exec(jfrCleanCommand(dir!)).code).toBe(0);
    expect(existsSync(dir!)).toBe(false);
  });

  it('jfrclean removes a prepared folder, and only a summariser folder', () => {
    const dir = preparedDir(exec(jfrPrepareCommand()).stdout)!;
    expect(stagedDirs()).toContain(dir);
    expect(exec(jfrCleanCommand(dir)).code).toBe(0);
    expect(stagedDirs()).toBe('');
    const refused = exec(jfrCleanCommand(work));
    expect(refused.code).toBe(99);
    expect(refused.stderr).toContain('kjd-error: not a summariser folder');
    expect(existsSync(work)).toBe(true);
  });

  it('its script (the toolbox prelude and jfr-summary.sh) passes shellcheck as POSIX sh', () => {
    const file = path.join(work, 'jfr-summary-exec.sh');
    writeFileSync(file, jfrPrepareCommand()[2]);
    const r = spawnSync('shellcheck', ['--shell=sh', '--severity=style', file], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('travels in an exec URL well under 16 KiB', () => {
    // As @kubernetes/client-node builds the exec URL.
    const url = querystring.stringify({ command: jfrPrepareCommand() });
    expect(url.length).toBeLessThan(12 * 1024);
    expect(
      querystring.stringify({
        command: jfrSummaryCommand(ids, '/tmp/kjd-jfr.abcdef', `/proc/1/root/tmp/${'x'.repeat(80)}.jfr`, 'kube-jvm-dump-x'),
      }).length,
    ).toBeLessThan(8 * 1024);
    expect(JFR_SUMMARY_SOURCE.length).toBeLessThan(6000);
  });
});

describe('our recording, and only ours, ends', () => {
  it('a discarded recording leaves no file; one nobody stops ends by itself into /dev/null', async () => {
    const other = await jcmd('JFR.start', 'name=someone-elses', 'settings=default');
    expect(jfrStartProblem(other)).toBeUndefined();
    const ours = jfrRecordingName('dbg', jvm.pid, Date.now());
    expect(jfrStartProblem(await jcmd(...jfrStartArgs(ours, 'default', 60_000, 17)))).toBeUndefined();
    await jcmd(...jfrDiscardArgs(ours));
    let check = await jcmd('JFR.check');
    expect(check).not.toContain(ours);
    expect(check).toContain('name=someone-elses');

    // The guard: a 1 s recording that nobody stops (a runner killed hard) ends, and writes nowhere that stays.
    const orphan = jfrRecordingName('dbg', jvm.pid, Date.now() + 1);
    expect(jfrStartArgs(orphan, 'default', 1000, 17)).toContain('filename=/dev/null');
    expect(jfrStartProblem(await jcmd(...jfrStartArgs(orphan, 'default', 1000, 17)))).toBeUndefined();
    // Wait on the JVM, not the clock: JFR.check until the recording is gone.
    while ((check = await jcmd('JFR.check')).includes(`name=${orphan}`)) await new Promise((r) => setImmediate(r));
    expect(check).toContain('name=someone-elses');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(existsSync(path.join(work, `${orphan}.jfr`))).toBe(false);
    await jcmd('JFR.stop', 'name=someone-elses');
  }, 60_000);
});
