// The JFR collector with a fake toolbox: which jcmd commands, in which order, what is kept, what is always cleaned up.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { finishJfr, startJfr } from '../../src/collect/collect-jfr.js';
import {
  jfrRecordingName,
  jfrStartArgs,
  jfrStartProblem,
  jfrStopProblem,
  jfrUnavailable,
  jfrWaitMs,
  JFR_NAME_PREFIX,
  jfrExport,
  needsCheck,
  otherRecordings,
} from '../../src/collect/jfr.js';
import type { JvmJob } from '../../src/collect/jvm-job.js';
import { ToolboxError } from '../../src/collect/toolbox-types.js';
import type { JvmResult, RunManifest } from '../../src/shared/model.js';
import { decideOutcome } from '../../src/engine.js';
import { attachFallback } from '../../src/collect/collect-jvm.js';

const RECORDING = Buffer.concat([Buffer.from('FLR\0', 'latin1'), Buffer.alloc(50_000, 7)]);
const SUMMARY = JSON.stringify({ schema: 1, executionSamples: 3 });
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const NAME = 'kube-jvm-dump-dbg-7-abc';

interface Fake {
  version?: string;
  feature?: number;
  startOutput?: string;
  stopOutput?: string;
  summariser?: 'ok' | 'fails' | 'garbage' | 'no-compile';
  trailerSha?: string;
  debuggerJdk?: number;
  scrub?: 'fails';
  checkOutput?: string;
}

/** Every output folder made, removed after all tests even when one fails before its done(). */
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeJob(f: Fake = {}) {
  const outputDir = mkdtempSync(path.join(tmpdir(), 'kjd-jfr-c-'));
  made.push(outputDir);
  mkdirSync(path.join(outputDir, 'pod/app/7'), { recursive: true });
  const calls: string[] = [];
  const out: JvmResult = {
    pid: 7,
    commandLine: 'java App',
    files: [],
    errors: [],
    timingsMs: {},
    feature: f.feature ?? 21,
    version: f.version,
  };
  const paused: number[] = [];
  const jcmd = (args: string[], cleanup = false) => {
    calls.push(`jcmd${cleanup ? '(cleanup)' : ''} ${args.join(' ')}`);
    if (args[0] === 'JFR.start') return f.startOutput ?? '7:\nStarted recording 2. The result will be written to:\n\n/dev/null\n';
    if (args[0] === 'JFR.check') return f.checkOutput ?? `7:\nRecording 2: name=${NAME} duration=10m (running)\n`;
    if (args[0] === 'JFR.stop' && args.length === 3)
      return f.stopOutput ?? `7:\nStopped recording "${NAME}", 48.8 kB written to:\n\n/tmp/x.jfr\n`;
    return '7:\n';
  };
  const job = {
    ctx: {
      settings: { outputDir, jfrSettings: 'profile', jfrDurationMs: 30_000 },
      deadline: Date.now() + 600_000,
      progress: () => undefined,
      pause: (ms: number) => (paused.push(ms), Promise.resolve()),
    },
    out,
    ids: { uid: 1000, gid: 1000 },
    jvm: { pid: 7 },
    dirRel: 'pod/app/7',
    label: 'pod/app/7',
    strategy: 'proc-root',
    debuggerName: 'dbg',
    jcmd: (args: string[]) => Promise.resolve(jcmd(args)),
    toolbox: {
      probe: { jdkFeature: f.debuggerJdk ?? 25 },
      jcmd: (_ids: unknown, _pid: number, args: string[], _t: number, opts?: { cleanup?: boolean }) =>
        Promise.resolve(jcmd(args, opts?.cleanup)),
      stream: async (_ids: unknown, file: string, compress: boolean, sink: Writable) => {
        calls.push(`stream ${file} ${compress}`);
        const gz = gzipSync(RECORDING);
        await new Promise<void>((resolve, reject) => sink.end(gz, (err?: Error | null) => (err ? reject(err) : resolve())));
        return { sha256: f.trailerSha ?? sha(gz), sourceExit: 0, sourceSize: RECORDING.length, sentBytes: gz.length };
      },
      prepareJfrSummary: () => {
        calls.push('prepare');
        return f.summariser === 'no-compile'
          ? Promise.reject(new ToolboxError('no-work-dir', 93, 'compiling the JFR summariser failed'))
          : Promise.resolve('/tmp/kjd-jfr.abc123');
      },
      scrubJfr: (_ids: unknown, input: string, output: string, events: readonly string[]) => {
        calls.push(`scrub ${input} ${output} ${events.join(',')}`);
        return f.scrub === 'fails' ? Promise.reject(new ToolboxError('tool', 1, 'jfr: unknown command scrub')) : Promise.resolve();
      },
      cleanJfrSummary: (dir: string) => (calls.push(`clean ${dir}`), Promise.resolve()),
      summariseJfr: async (_ids: unknown, dir: string, file: string, name: string, _t: number, sink: Writable) => {
        calls.push(`summarise ${dir} ${file} ${name}`);
        if (f.summariser === 'fails') throw new ToolboxError('tool', 1, 'error: compilation failed');
        const text = f.summariser === 'garbage' ? 'Exception in thread "main"' : SUMMARY;
        await new Promise<void>((resolve) => sink.end(Buffer.from(text), () => resolve()));
      },
      remove: (_ids: unknown, file: string) => (calls.push(`remove ${file}`), Promise.resolve()),
    },
  } as unknown as JvmJob;
  const file = (name: string) => path.join(outputDir, 'pod/app/7', name);
  return { job, calls, out, file, paused, done: () => rmSync(outputDir, { recursive: true, force: true }) };
}

describe('jfr commands', () => {
  it('starts under our own name with a guard that ends it into /dev/null; event settings only from JDK 17', () => {
    expect(jfrRecordingName('jvm-debugger-x1y2z', 42, 1_700_000_000_000)).toBe(`${JFR_NAME_PREFIX}jvm-debugger-x1y2z-42-loyw3v28`);
    expect(jfrStartArgs(NAME, 'profile', 630_500, 11)).toEqual([
      'JFR.start',
      `name=${NAME}`,
      'settings=profile',
      'duration=631s',
      'filename=/dev/null',
    ]);
    expect(jfrStartArgs(NAME, 'default', 60_000, 17)).toContain('jdk.InitialEnvironmentVariable#enabled=false');
    expect(jfrStartArgs(NAME, 'default', 60_000, 8)).not.toContain('jdk.InitialEnvironmentVariable#enabled=false');
  });

  it.each([
    ['7:\nFlight Recorder is disabled.\n', /JFR is disabled in this JVM \(-XX:-FlightRecorder\)/],
    ["7:\nCould not parse settings file 'nope'\n", /JFR.start refused: Could not parse settings file 'nope'/],
    ['7:\nYou need to unlock commercial features ... -XX:+UnlockCommercialFeatures\n', /only with -XX:\+UnlockCommercialFeatures/],
    ['7:\nUnknown diagnostic command\n', /no JFR.start \(JFR needs JDK 11\+ or 8u272\+\)/],
  ])('JFR.start answering %j is a clear error', (output, why) => {
    expect(jfrStartProblem(output)).toMatch(why);
  });

  it('reads JFR.stop for our name only', () => {
    expect(jfrStopProblem(`7:\nStopped recording "${NAME}", 1 kB written to:\n`, NAME)).toBeUndefined();
    expect(jfrStopProblem('7:\nCould not find kube-jvm-dump-x.\n', NAME)).toBe('JFR.stop failed: Could not find kube-jvm-dump-x.');
  });

  it('knows JDK 8 before 8u272 has no JFR; anything else is tried', () => {
    expect(jfrUnavailable('8.0_262', 8)).toMatch(/JDK 8u262 has no Flight Recorder \(OpenJDK 8 has it from 8u272/);
    expect(jfrUnavailable('8.0_272', 8)).toBeUndefined();
    expect(jfrUnavailable('1.8.0_121', 8)).toMatch(/8u121/);
    expect(jfrUnavailable(undefined, undefined)).toBeUndefined();
    expect(jfrUnavailable('17.0.9', 17)).toBeUndefined();
  });

  it('waits out the rest of the duration, but never into the time the run needs after it', () => {
    expect(jfrWaitMs(1000, 30_000, 11_000, 600_000, 10_000)).toEqual({ waitMs: 20_000, cutMs: 0 });
    expect(jfrWaitMs(1000, 30_000, 40_000, 600_000, 10_000)).toEqual({ waitMs: 0, cutMs: 0 });
    expect(jfrWaitMs(0, 30_000, 10_000, 25_000, 10_000)).toEqual({ waitMs: 5000, cutMs: 15_000 });
  });
});

describe('startJfr', () => {
  it('JDK 8u262: nothing asked of the JVM, a clear error', async () => {
    const { job, calls, done } = fakeJob({ feature: 8, version: '8.0_262' });
    await expect(startJfr(job)).rejects.toThrow(/JDK 8u262 has no Flight Recorder/);
    expect(calls).toEqual([]);
    done();
  });

  it('-XX:-FlightRecorder: a clear error for jfr', async () => {
    const { job, done } = fakeJob({ feature: 17, startOutput: '7:\nFlight Recorder is disabled.\n' });
    await expect(startJfr(job)).rejects.toThrow('JFR is disabled in this JVM (-XX:-FlightRecorder): Flight Recorder is disabled.');
    done();
  });

  it('starts with the chosen settings and a guard past the deadline', async () => {
    const { job, calls, done } = fakeJob();
    const rec = await startJfr(job);
    expect(rec.name.startsWith(`${JFR_NAME_PREFIX}dbg-7-`)).toBe(true);
    expect(calls[0]).toMatch(new RegExp(`^jcmd JFR.start name=${rec.name} settings=profile .*duration=6[23]\\ds filename=/dev/null$`));
    done();
  });
});

describe('finishJfr', () => {
  it('waits, stops into the JVM /tmp, brings recording.jfr (gzipped in transit) and jfr-summary.json, removes the file', async () => {
    // A JDK 17 debugger cannot scrub, and a JDK 21 JVM needs no scrubbing of its own: the recording goes as written.
    const { job, calls, out, file, paused, done } = fakeJob({ debuggerJdk: 17 });
    await finishJfr(job, { name: NAME, startedAt: Date.now() - 10_000 });
    expect(paused).toHaveLength(1);
    expect(paused[0]).toBeGreaterThan(19_000);
    expect(paused[0]).toBeLessThanOrEqual(20_000);
    const stop = calls.find((c) => c.startsWith('jcmd JFR.stop'))!.split(' ');
    expect(stop.slice(0, 3)).toEqual(['jcmd', 'JFR.stop', `name=${NAME}`]);
    const jvmPath = stop[3].replace('filename=', '');
    expect(jvmPath).toMatch(/^\/tmp\/kjd-dbg-7-[0-9a-z]+\.jfr$/);
    expect(calls).toContain(`stream /proc/7/root${jvmPath} true`);
    expect(calls[0]).toBe('prepare');
    expect(calls).toContain(`summarise /tmp/kjd-jfr.abc123 /proc/7/root${jvmPath} ${NAME}`);
    expect(calls.some((c) => c.startsWith('clean'))).toBe(false);
    expect(calls.at(-1)).toBe(`remove /proc/7/root${jvmPath}`);
    expect(readFileSync(file('recording.jfr')).equals(RECORDING)).toBe(true);
    expect(existsSync(file('recording.jfr.gz'))).toBe(false);
    expect(out.files).toEqual(
      expect.arrayContaining([
        { path: 'pod/app/7/recording.jfr', kind: 'jfr', size: RECORDING.length, sha256: sha(RECORDING) },
        { path: 'pod/app/7/jfr-summary.json', kind: 'jfr', size: SUMMARY.length, sha256: sha(SUMMARY) },
      ]),
    );
    done();
  });

  it('a JVM before 17 (its environment is in every recording): scrubbed in the pod before it is sent', async () => {
    const { job, calls, out, file, done } = fakeJob({ feature: 11, debuggerJdk: 25 });
    await finishJfr(job, { name: NAME, startedAt: 0 });
    const jvmPath = calls
      .find((c) => c.startsWith('jcmd JFR.stop'))!
      .split(' ')[3]
      .replace('filename=', '');
    const scrubbed = `/proc/7/root${jvmPath.replace(/\.jfr$/, '-scrubbed.jfr')}`;
    expect(calls).toContain(
      `scrub /proc/7/root${jvmPath} ${scrubbed} jdk.InitialEnvironmentVariable,jdk.InitialSystemProperty,jdk.SystemProcess`,
    );
    expect(calls).toContain(`stream ${scrubbed} true`);
    expect(calls).not.toContain(`stream /proc/7/root${jvmPath} true`);
    expect(calls).toEqual(expect.arrayContaining([`remove ${scrubbed}`, `remove /proc/7/root${jvmPath}`]));
    expect(readFileSync(file('recording.jfr')).equals(RECORDING)).toBe(true);
    expect(out.notes?.join()).toMatch(/scrubbed of jdk.InitialEnvironmentVariable/);
    done();
  });

  it('a JVM from 17 on is scrubbed too when the debugger can: another recording in the JVM may turn the events on', async () => {
    const { job, calls, out, done } = fakeJob({ feature: 21, debuggerJdk: 25 });
    await finishJfr(job, { name: NAME, startedAt: 0 });
    const jvmPath = calls[1].split(' ')[3].replace('filename=', '');
    const scrubbed = `/proc/7/root${jvmPath.replace(/\.jfr$/, '-scrubbed.jfr')}`;
    expect(calls).toContain(`stream ${scrubbed} true`);
    expect(calls).not.toContain(`stream /proc/7/root${jvmPath} true`);
    expect(out.notes?.join()).toMatch(/scrubbed of jdk\.InitialEnvironmentVariable.*another recording in the JVM may turn them on/);
    done();
  });

  it('a JVM before 17 and a debugger that cannot scrub (JDK 17): the recording stays in the pod, the summary comes', async () => {
    const { job, calls, out, file, done } = fakeJob({ feature: 11, debuggerJdk: 17 });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow(
      /recording.jfr not sent: a JDK 11 JVM writes its environment variables .* debugger's JDK 17 cannot scrub them/,
    );
    expect(calls.some((c) => c.startsWith('stream') || c.startsWith('scrub'))).toBe(false);
    expect(out.files.map((f) => f.path)).toEqual(['pod/app/7/jfr-summary.json']);
    expect(existsSync(file('recording.jfr'))).toBe(false);
    expect(calls.at(-1)).toMatch(/^remove \/proc\/7\/root\/tmp\/kjd-dbg-7-[0-9a-z]+\.jfr$/);
    done();
  });

  it('a failed scrub sends nothing unscrubbed', async () => {
    const { job, calls, out, done } = fakeJob({ feature: 8, version: '8.0_482', debuggerJdk: 21, scrub: 'fails' });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow(/recording.jfr not sent: scrubbing .* failed/);
    expect(calls.some((c) => c.startsWith('stream'))).toBe(false);
    expect(out.files.map((f) => f.path)).toEqual(['pod/app/7/jfr-summary.json']);
    done();
  });

  it('a failing summariser keeps the recording and says so', async () => {
    const { job, out, file, done } = fakeJob({ summariser: 'fails' });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow(
      'JFR summary failed (recording.jfr is kept): error: compilation failed',
    );
    expect(out.files.map((f) => f.path)).toEqual(['pod/app/7/recording.jfr']);
    expect(existsSync(file('jfr-summary.json'))).toBe(false);
    done();
  });

  it('a summariser that does not compile: the recording is kept, the reason given', async () => {
    const { job, out, calls, done } = fakeJob({ summariser: 'no-compile' });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow(
      'JFR summary failed (recording.jfr is kept): compiling the JFR summariser failed',
    );
    expect(out.files.map((f) => f.path)).toEqual(['pod/app/7/recording.jfr']);
    expect(calls.some((c) => c.startsWith('summarise') || c.startsWith('clean'))).toBe(false);
    done();
  });

  it('output that is not a summary is not kept', async () => {
    const { job, out, done } = fakeJob({ summariser: 'garbage' });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow(/JFR summary failed.*not JSON/);
    expect(out.files.map((f) => f.path)).toEqual(['pod/app/7/recording.jfr']);
    done();
  });

  it('a debugger JDK older than 11 cannot summarise: the recording is kept, the reason given', async () => {
    const { job, out, calls, done } = fakeJob({ debuggerJdk: 8 });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow(/debugger's JDK 8 cannot run the summariser \(JDK 11\+\)/);
    expect(out.files.map((f) => f.path)).toEqual(['pod/app/7/recording.jfr']);
    expect(calls.some((c) => c.startsWith('summarise') || c === 'prepare')).toBe(false);
    done();
  });

  it('a checksum mismatch: no recording kept, the summary still is, the pod file removed', async () => {
    const { job, out, calls, file, done } = fakeJob({ trailerSha: 'f'.repeat(64) });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow(/JFR recording transfer failed: checksum mismatch/);
    expect(out.files.map((f) => f.path)).toEqual(['pod/app/7/jfr-summary.json']);
    expect(existsSync(file('recording.jfr'))).toBe(false);
    expect(existsSync(file('recording.jfr.gz'))).toBe(false);
    expect(calls.at(-1)).toMatch(/^remove /);
    done();
  });

  it('JFR.stop that fails: the recording is discarded (cleanup, even after a cancel) and nothing is streamed', async () => {
    const { job, calls, done } = fakeJob({ stopOutput: '7:\nCould not find it.\n' });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow('JFR.stop failed: Could not find it.');
    expect(calls).toContain(`jcmd(cleanup) JFR.stop name=${NAME}`);
    expect(calls.some((c) => c.startsWith('stream'))).toBe(false);
    // The summariser compiled for nothing: its folder is removed too.
    expect(calls).toContain('clean /tmp/kjd-jfr.abc123');
    done();
  });

  it('a cancel during the wait discards the recording', async () => {
    const { job, calls, done } = fakeJob();
    job.ctx.pause = () => Promise.reject(new Error('cancelled'));
    await expect(finishJfr(job, { name: NAME, startedAt: Date.now() })).rejects.toThrow('cancelled');
    expect(calls).toContain(`jcmd(cleanup) JFR.stop name=${NAME}`);
    expect(calls.some((c) => c.startsWith('jcmd JFR.stop name') && !c.includes('cleanup'))).toBe(false);
    expect(calls.at(-1)).toMatch(/^remove /);
    done();
  });
});

describe('another recording beside ours', () => {
  it('is read from JFR.check, ours left out', () => {
    const check = `7:\nRecording 1: name=apps own maxsize=250.0MB (running)\n\nRecording 2: name=${NAME} duration=1m (running)\n`;
    expect(otherRecordings(check, NAME)).toEqual(['apps own maxsize=250.0MB (running)']);
    expect(otherRecordings(`7:\nRecording 2: name=${NAME} duration=1m (running)\n`, NAME)).toEqual([]);
    expect(otherRecordings('7:\nNo available recordings.\n', NAME)).toEqual([]);
  });

  it('decides with the debugger: scrub when it can; else as written only with no other recording', () => {
    expect(needsCheck(21, 25)).toBe(false);
    expect(needsCheck(11, 17)).toBe(false);
    expect(needsCheck(21, 17)).toBe(true);
    expect(jfrExport(21, 25, ['app'])).toEqual({ kind: 'scrub', why: 'another recording in the JVM may turn them on (app)' });
    expect(jfrExport(21, 17, [])).toEqual({ kind: 'as-is' });
    expect(jfrExport(21, 17, ['app'])).toMatchObject({
      kind: 'withhold',
      reason: expect.stringMatching(/^recording.jfr not sent: another recording runs in this JVM \(app\)/),
    });
  });

  it('a JDK 17 debugger: JFR.check during the wait; another recording keeps ours in the pod, the summary comes', async () => {
    const { job, calls, out, done } = fakeJob({
      feature: 21,
      debuggerJdk: 17,
      checkOutput: `7:\nRecording 1: name=app (running)\nRecording 2: name=${NAME} (running)\n`,
    });
    await expect(finishJfr(job, { name: NAME, startedAt: 0 })).rejects.toThrow(
      /recording.jfr not sent: another recording runs in this JVM \(app \(running\)\)/,
    );
    expect(calls.indexOf('jcmd JFR.check')).toBeLessThan(calls.findIndex((c) => c.startsWith('jcmd JFR.stop')));
    expect(calls.some((c) => c.startsWith('stream') || c.startsWith('scrub'))).toBe(false);
    expect(out.files.map((f) => f.path)).toEqual(['pod/app/7/jfr-summary.json']);
    done();
  });

  it('a JDK 17 debugger and ours alone: sent as written', async () => {
    const { job, calls, out, done } = fakeJob({ feature: 21, debuggerJdk: 17 });
    await finishJfr(job, { name: NAME, startedAt: 0 });
    expect(calls).toContain('jcmd JFR.check');
    expect(calls.some((c) => c.startsWith('scrub'))).toBe(false);
    expect(out.files.map((f) => f.path).sort()).toEqual(['pod/app/7/jfr-summary.json', 'pod/app/7/recording.jfr']);
    done();
  });
});

describe('jfr in the outcome', () => {
  const manifest = (files: JvmResult['files'], errors: JvmResult['errors']): RunManifest => ({
    tool: { name: 'kube-jvm-dump', version: '0' },
    cluster: {},
    namespace: 'ns',
    target: 'deployment/web',
    requested: { dumps: ['threads', 'jfr'], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: true },
    startedAt: '',
    finishedAt: '',
    errors: [],
    pods: [
      {
        namespace: 'ns',
        pod: 'web-1',
        container: 'app',
        errors: [],
        timingsMs: {},
        jvms: [{ pid: 7, commandLine: 'java', feature: 17, files, errors, timingsMs: {} }],
      },
    ],
  });
  const threads = { path: 'web-1/app/7/threads-1.txt', kind: 'threads' as const, size: 1, sha256: 'a' };
  const recording = { path: 'web-1/app/7/recording.jfr', kind: 'jfr' as const, size: 1, sha256: 'b' };

  it('a JVM without JFR: partial, the error says why, for jfr only', () => {
    const error = {
      stage: 'collect' as const,
      dump: 'jfr' as const,
      message: 'JFR is disabled in this JVM (-XX:-FlightRecorder): Flight Recorder is disabled.',
    };
    expect(decideOutcome(manifest([threads], [error]))).toBe('partial');
    expect(decideOutcome(manifest([threads, recording], []))).toBe('success');
    // The recording without its summary is collected, and the summary's error still makes it partial.
    expect(decideOutcome(manifest([threads, recording], [{ ...error, message: 'JFR summary failed (recording.jfr is kept): x' }]))).toBe(
      'partial',
    );
  });

  it('without attach, jfr is lost with the reason, the thread dumps come through SIGQUIT', () => {
    expect(attachFallback(['threads', 'histogram', 'jfr'])).toEqual({ viaSignal: ['threads'], lost: ['histogram', 'jfr'] });
  });
});
