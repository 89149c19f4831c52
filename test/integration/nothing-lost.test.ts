// Nothing silently lost or truncated: runEngine against the fake apiserver, whose exec runs the real toolbox on this
// machine against a real local JVM. A full disk, an output larger than any capture, a stream that never ends, a
// missing thread dump, a pause past the deadline, an API server that stops answering: each is a recorded error
// with everything else kept, never a crash, a silently short file, a wrong "success" or a run that does not end.
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import * as path from 'node:path';
import { scripted, type FakeApiServer } from '../support/fake-apiserver/index.js';
import {
  expectFilesMatchDisk,
  filesBelow,
  leftoverHeapDumps,
  patchedDebuggerNames,
  seedPod,
  toolboxSub,
} from './support/engine-fixtures.js';
import { engineSuite, seedInputs, expectOutcome, subsOf, type EngineRun } from './support/engine-suite.js';

const NS = 'shop';
const mounts: string[] = [];
const suite = engineSuite('kjd-lost-it-', NS, (jvm) => ({
  ...seedInputs(jvm),
  target: 'pod/seed',
  // These tests count the dump files; the pod's context (pod.yaml, events, logs) is tested in pod-context.test.ts.
  'include-context': 'false',
}));
const { engine } = suite;

afterEach(() => {
  for (const m of mounts.splice(0)) execFileSync('umount', [m]);
});

async function start(): Promise<FakeApiServer> {
  const server = await suite.start();
  server.store.put(seedPod({ name: 'seed', namespace: NS }));
  return server;
}

const jvmDirOf = (run: EngineRun) => path.join(run.outputDir, 'seed', 'app', String(suite.jvm.pid));
const jvmOf = (run: EngineRun) => run.manifest.pods[0].jvms[0];
const subs = subsOf;
/** The heap dump is gone from the pod (here: this machine's /tmp) and was removed by the toolbox. */
function expectPodFileRemoved(server: FakeApiServer): void {
  expect(subs(server).filter((s) => s === 'remove')).toHaveLength(1);
  expect(leftoverHeapDumps(patchedDebuggerNames(server)[0])).toEqual([]);
}
/** Is `argv` the toolbox's `jcmd <uid> <gid> <pid> <first> ...`? */
const isJcmd = (argv: string[], first: string) => toolboxSub(argv) === 'jcmd' && argv[8] === first;
/** The thread dumps: one toolbox `threads` exec for the whole spaced series (argv: ..., count, seconds, also, Thread.print, -l). */
const isThreadSeries = (argv: string[]) => toolboxSub(argv) === 'threads' && argv[11] === 'Thread.print';
/** One frame of the `threads` command's stdout. */
const frame = (n: number, exitCode: number, body: Buffer | string) =>
  Buffer.concat([Buffer.from(`kjd-part\t${n}\t${exitCode}\t${Buffer.byteLength(body)}\n`), Buffer.from(body)]);

/** Mounts a tmpfs of `size` at a new directory (we run as root); the test fails, never skips, when it cannot. */
function tinyDisk(size: string): string {
  const dir = path.join(suite.work, `tmpfs-${mounts.length}-${Date.now()}`);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

describe('disk full on the runner', () => {
  it('the heap dump on /dev/full: a recorded error; the other dumps and the manifest are written; the pod file is removed', async () => {
    const server = await start();
    const outputDir = await mkdtemp(path.join(suite.work, 'out-'));
    const dir = path.join(outputDir, 'seed', 'app', String(suite.jvm.pid));
    mkdirSync(dir, { recursive: true });
    symlinkSync('/dev/full', path.join(dir, 'heap.hprof.gz'));
    const run = await engine({}, { outputDir });
    expectOutcome(run, 'partial');
    const j = jvmOf(run);
    expect(j.files.map((f) => f.kind)).toEqual(['threads', 'threads', 'histogram']);
    expect(await expectFilesMatchDisk(run.outputDir, j.files)).toEqual([]);
    expect(j.errors).toEqual([
      {
        stage: 'transfer',
        dump: 'heap',
        message: expect.stringMatching(
          /^Heap dump transfer failed: writing .*heap\.hprof\.gz on the runner failed: ENOSPC: no space left on device/,
        ),
      },
    ]);
    // A full disk is not retried; the link is gone, no partial heap is kept.
    expect(subs(server).filter((s) => s === 'stream')).toHaveLength(1);
    expect(existsSync(path.join(dir, 'heap.hprof.gz'))).toBe(false);
    expect(filesBelow(run.outputDir)).toEqual([...j.files.map((f) => f.path), 'manifest.json'].sort());
    expectPodFileRemoved(server);
  });

  it.each([
    ['recording.jfr.gz', 'as it arrives'],
    ['recording.jfr', 'as it is unpacked'],
  ])(
    'the JFR recording on /dev/full (%s, %s): recorded against jfr, not retried; the summary and the rest kept; the pod file removed',
    async (file) => {
      const server = await start();
      const outputDir = await mkdtemp(path.join(suite.work, 'out-'));
      const dir = path.join(outputDir, 'seed', 'app', String(suite.jvm.pid));
      mkdirSync(dir, { recursive: true });
      symlinkSync('/dev/full', path.join(dir, file));
      const run = await engine({ dumps: 'threads,jfr', 'jfr-duration': '1s', 'jfr-settings': 'default' }, { outputDir });
      expectOutcome(run, 'partial');
      const j = jvmOf(run);
      expect(j.files.map((f) => f.path.split('/').pop())).toEqual(['threads-1.txt', 'threads-2.txt', 'jfr-summary.json']);
      expect(await expectFilesMatchDisk(run.outputDir, j.files)).toEqual([]);
      const written = file.replaceAll('.', '\\.');
      expect(j.errors).toEqual([
        {
          stage: 'transfer',
          dump: 'jfr',
          message: expect.stringMatching(new RegExp(`^JFR recording transfer failed: writing .*${written} on the runner failed: ENOSPC`)),
        },
      ]);
      expect(subs(server).filter((s) => s === 'stream')).toHaveLength(1);
      expect(filesBelow(run.outputDir)).toEqual([...j.files.map((f) => f.path), 'manifest.json'].sort());
      // Neither the recording nor its scrubbed copy stays in the pod (this machine's /tmp).
      expect(leftoverHeapDumps(patchedDebuggerNames(server)[0])).toEqual([]);
    },
  );

  it('a 512 KiB tmpfs fills up during the heap dump (about 900 KiB): the same, and the manifest still fits', async () => {
    const server = await start();
    const outputDir = tinyDisk('512k');
    const run = await engine({}, { outputDir });
    expectOutcome(run, 'partial');
    const j = jvmOf(run);
    expect(j.files.map((f) => f.kind)).toEqual(['threads', 'threads', 'histogram']);
    expect(await expectFilesMatchDisk(run.outputDir, j.files)).toEqual([]);
    expect(j.errors).toEqual([
      { stage: 'transfer', dump: 'heap', message: expect.stringMatching(/on the runner failed: ENOSPC: no space left on device/) },
    ]);
    expect(filesBelow(run.outputDir)).toEqual([...j.files.map((f) => f.path), 'manifest.json'].sort());
    expect(run.manifest).toEqual(run.report.manifest);
    expectPodFileRemoved(server);
  });

  it('a thread dump that cannot be written: recorded against threads, no partial file, the rest kept', async () => {
    await start();
    const outputDir = await mkdtemp(path.join(suite.work, 'out-'));
    const dir = path.join(outputDir, 'seed', 'app', String(suite.jvm.pid));
    mkdirSync(dir, { recursive: true });
    symlinkSync('/dev/full', path.join(dir, 'threads-2.txt'));
    const run = await engine({ dumps: 'threads,histogram' }, { outputDir });
    expectOutcome(run, 'partial');
    const j = jvmOf(run);
    expect(j.files.map((f) => f.path.split('/').pop())).toEqual(['threads-1.txt', 'histogram.txt']);
    expect(j.errors).toEqual([
      { stage: 'collect', dump: 'threads', message: expect.stringMatching(/threads-2\.txt on the runner failed: ENOSPC/) },
    ]);
    expect(existsSync(path.join(dir, 'threads-2.txt'))).toBe(false);
  });

  it('manifest.json cannot be written: the run still returns, with the error, and leaves no half manifest', async () => {
    await start();
    const outputDir = await mkdtemp(path.join(suite.work, 'out-'));
    symlinkSync('/dev/full', path.join(outputDir, 'manifest.json'));
    const run = await engine({ dumps: 'threads' }, { outputDir });
    expect(run.report.outcome).toBe('partial');
    expect(run.report.manifest.errors).toEqual([
      {
        stage: 'publish',
        message: expect.stringMatching(/manifest\.json on the runner failed: ENOSPC.*the dumps are kept without their manifest/),
      },
    ]);
    expect(existsSync(path.join(outputDir, 'manifest.json'))).toBe(false);
    expect(filesBelow(outputDir)).toEqual([`seed/app/${suite.jvm.pid}/threads-1.txt`, `seed/app/${suite.jvm.pid}/threads-2.txt`]);
  });
});

describe('no output is cut', () => {
  /** A thread dump far beyond the old 64 MiB capture: what jcmd would print for a JVM with ~100k threads. */
  const BIG = 70 * 1024 * 1024;
  const LINE = '"worker-12345" #12345 prio=5 os_prio=0 cpu=1.00ms elapsed=10.00s tid=0x0 nid=0x1 waiting on condition\n';
  function bigOutput(): Buffer {
    const line = Buffer.from(LINE);
    const out = Buffer.alloc(BIG);
    for (let i = 0; i < BIG; i += line.length) line.copy(out, i);
    return out;
  }

  it('a 70 MiB thread dump and histogram arrive whole, with the sha256 of every byte', async () => {
    const server = await start();
    const big = bigOutput();
    const inner = server.execHandler;
    server.execHandler = (req) => {
      if (isThreadSeries(req.command) || isJcmd(req.command, 'GC.class_histogram')) {
        return async (io) => {
          if (isThreadSeries(req.command)) await io.stdout(`kjd-part\t1\t0\t${big.length}\n`);
          for (let i = 0; i < big.length; i += 1024 * 1024) await io.stdout(big.subarray(i, i + 1024 * 1024));
          return { exitCode: 0 };
        };
      }
      return inner(req);
    };
    const run = await engine({ dumps: 'threads,histogram', 'thread-dump-count': '1' });
    expectOutcome(run, 'success');
    const j = jvmOf(run);
    const sha = createHash('sha256').update(big).digest('hex');
    expect(j.files.map((f) => [f.kind, f.size, f.sha256])).toEqual([
      ['threads', BIG, sha],
      ['histogram', BIG, sha],
    ]);
    expect(await expectFilesMatchDisk(run.outputDir, j.files)).toEqual([]);
  }, 60_000);

  it('stderr beyond its capture keeps its tail: the heap stream trailer after 2 MiB of warnings still verifies', async () => {
    const server = await start();
    const inner = server.execHandler;
    server.execHandler = async (req) => {
      if (toolboxSub(req.command) !== 'stream') return inner(req);
      const real = await inner(req);
      return async (io) => {
        // A chatty debugger (JVM warnings, a noisy shell profile) before the toolbox's own lines.
        for (let i = 0; i < 32; i++) await io.stderr(`WARNING: ${'x'.repeat(64 * 1024 - 10)}\n`);
        return real(io);
      };
    };
    const run = await engine({ dumps: 'heap' });
    expectOutcome(run, 'success');
    expect(jvmOf(run).files.map((f) => f.kind)).toEqual(['heap']);
    expect(await expectFilesMatchDisk(run.outputDir, jvmOf(run).files)).toEqual([]);
  });
});

describe('the heap stream is held to the size the pod announced', () => {
  it('a stream that never ends is stopped at the announced size plus a margin, and recorded', async () => {
    const server = await start();
    const inner = server.execHandler;
    server.execHandler = (req) =>
      toolboxSub(req.command) !== 'stream'
        ? inner(req)
        : async (io) => {
            await io.stderr('kjd-size\t1000\n');
            // Like `cat /dev/zero`, but slow enough that a run without the limit cannot fill this machine's disk.
            const chunk = Buffer.alloc(64 * 1024);
            while (!io.signal.aborted) {
              await io.stdout(chunk);
              await new Promise((r) => setTimeout(r, 5));
            }
            return { exitCode: 137 };
          };
    const run = await engine({ dumps: 'heap', timeout: '30s' });
    expectOutcome(run, 'failure');
    expect(run.elapsedMs).toBeLessThan(15_000);
    expect(jvmOf(run).errors).toEqual([
      {
        stage: 'transfer',
        dump: 'heap',
        message: expect.stringMatching(/stopped after \d+ bytes: the pod announced a file of 1000 bytes/),
      },
    ]);
    // Not tried again, nothing kept, the pod file removed.
    expect(subs(server).filter((s) => s === 'stream')).toHaveLength(1);
    expect(server.execs.find((e) => toolboxSub(e.command) === 'stream')!.stdoutBytes).toBeLessThan(1000 + 2 * 1024 * 1024 + 64 * 1024);
    expect(filesBelow(run.outputDir)).toEqual(['manifest.json']);
    expectPodFileRemoved(server);
  });

  it('a dump file replaced by a link to a device is refused in the pod, before a byte is sent', async () => {
    const server = await start();
    const inner = server.execHandler;
    server.execHandler = (req) => {
      if (toolboxSub(req.command) === 'stream') {
        const file = req.command[7];
        unlinkSync(file);
        symlinkSync('/dev/zero', file);
      }
      return inner(req);
    };
    const run = await engine({ dumps: 'heap' });
    expectOutcome(run, 'failure');
    expect(jvmOf(run).errors).toEqual([
      { stage: 'transfer', dump: 'heap', message: expect.stringMatching(/is not a regular file \(a device or a pipe\): not streamed/) },
    ]);
    expect(server.execs.filter((e) => toolboxSub(e.command) === 'stream').every((e) => e.stdoutBytes === 0)).toBe(true);
    const dumpLink = server.execs.find((e) => toolboxSub(e.command) === 'stream')!.command[7];
    // The link was removed from the pod like a dump would be.
    expect(lstatSync(dumpLink, { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('outcome and time', () => {
  it('one of two thread dumps missing is partial, not success', async () => {
    const server = await start();
    const inner = server.execHandler;
    // The pod's loop: the first dump whole, the second jcmd failing (its frame still sent), then the exit status.
    server.execHandler = (req) =>
      isThreadSeries(req.command)
        ? scripted({
            stdout: Buffer.concat([frame(1, 0, `${suite.jvm.pid}:\nFull thread dump\n`), frame(2, 1, `${suite.jvm.pid}:\n`)]),
            stderr: 'java.io.IOException: Connection reset by peer\n',
            exitCode: 1,
          })
        : inner(req);
    const run = await engine({ dumps: 'threads' });
    expectOutcome(run, 'partial');
    const j = jvmOf(run);
    expect(j.files.map((f) => f.path.split('/').pop())).toEqual(['threads-1.txt']);
    expect(j.errors).toEqual([{ stage: 'collect', dump: 'threads', message: expect.stringContaining('Connection reset by peer') }]);
    // A failed jcmd leaves no file behind.
    expect(existsSync(path.join(jvmDirOf(run), 'threads-2.txt'))).toBe(false);
  });

  it('the pause between thread dumps does not run past the timeout: what was taken is kept, the rest recorded', async () => {
    await start();
    // 3 dumps 9.9 s apart fit a 20 s timeout on paper (19.8 s), not once the debugger is up and a dump needs time
    // to finish: the third is not started. Wide margins: the second dump is taken for any set-up time under about 8 s, however loaded the machine.
    const run = await engine({ dumps: 'threads', 'thread-dump-count': '3', 'thread-dump-interval': '9.9s', timeout: '20s' });
    expectOutcome(run, 'partial');
    // Starting the third dump (due at 19.8 s, 2 s or less before the deadline) would end at the timeout's cut: 20 s.
    expect(run.elapsedMs).toBeLessThan(20_000);
    const j = jvmOf(run);
    expect(j.files.map((f) => f.path.split('/').pop())).toEqual(['threads-1.txt', 'threads-2.txt']);
    expect(j.errors).toEqual([
      {
        stage: 'collect',
        dump: 'threads',
        message: expect.stringMatching(/^thread dump 3 of 3 not taken: it would be due after the run's timeout/),
      },
    ]);
  }, 45_000);

  it('a cancel during the pause ends the run at once, keeping the first dump', async () => {
    const server = await start();
    const cancel = new AbortController();
    const inner = server.execHandler;
    server.execHandler = async (req) => {
      const behaviour = await inner(req);
      if (!isThreadSeries(req.command)) return behaviour;
      // The series runs in the pod: cancel once the first dump has arrived, during the 30 s pause.
      return (io) => {
        let seen = false;
        return behaviour({
          request: io.request,
          stdin: io.stdin,
          signal: io.signal,
          stderr: (c) => io.stderr(c),
          stdout: (c) => {
            if (!seen) setTimeout(() => cancel.abort(), 300);
            seen = true;
            return io.stdout(c);
          },
        });
      };
    };
    const run = await engine({ dumps: 'threads,histogram', 'thread-dump-interval': '30s' }, { signal: cancel.signal });
    expect(run.elapsedMs).toBeLessThan(10_000);
    expectOutcome(run, 'partial');
    const j = jvmOf(run);
    expect(j.files.map((f) => f.path.split('/').pop())).toEqual(['threads-1.txt']);
    expect(j.errors.map((e) => [e.dump, e.message])).toEqual([
      ['threads', 'cancelled'],
      ['histogram', 'cancelled'],
    ]);
  });

  describe('an API server that stops answering: the run ends by its timeout', () => {
    const TIMEOUT_MS = 10_000;
    /** Collection ends at the timeout; only the heap dump's removal from the pod may take longer (30 s, documented). */
    const SLACK_MS = 5_000;
    it.each([
      ['listing the pods', (r: { method: string; path: string }) => r.method === 'GET' && r.path === `/api/v1/namespaces/${NS}/pods/seed`],
      ['adding the debugger', (r: { method: string; path: string }) => r.method === 'PATCH'],
      ['opening an exec', (r: { method: string; path: string }) => r.path.endsWith('/exec')],
    ])(
      'hangs while %s',
      async (_what, hang) => {
        const server = await start();
        server.faults.hang = hang;
        const run = await engine({ dumps: 'threads', timeout: `${TIMEOUT_MS / 1000}s` });
        expect(run.elapsedMs).toBeLessThan(TIMEOUT_MS + SLACK_MS);
        expectOutcome(run, 'failure');
        const errors = [...run.manifest.errors, ...run.manifest.pods.flatMap((p) => p.errors)];
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toMatch(/timeout|timed out|did not (start|finish)/i);
        expect(existsSync(path.join(run.outputDir, 'manifest.json'))).toBe(true);
      },
      40_000,
    );
  });
});

describe('the output directory is checked before anything touches the cluster', () => {
  it('a file in its place: refused with the path and why; no request reached the API server', async () => {
    const server = await start();
    const file = path.join(suite.work, `a-file-${Date.now()}`);
    writeFileSync(file, 'not a directory');
    await expect(engine({}, { outputDir: file })).rejects.toThrow(
      `The output directory ${file} cannot be used: it is a file, not a directory. Set output-dir to a writable directory; nothing was changed in the cluster.`,
    );
    await expect(engine({}, { outputDir: path.join(file, 'sub') })).rejects.toThrow(/cannot be used: it cannot be created \(ENOTDIR/);
    expect(server.requests).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('not a directory');
  });

  it('a read-only disk: refused with the path and EROFS; no request reached the API server', async () => {
    const server = await start();
    const dir = tinyDisk('1m');
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    await expect(engine({}, { outputDir: dir })).rejects.toThrow(
      new RegExp(`The output directory ${dir} cannot be used: it is not writable \\(EROFS`),
    );
    await expect(engine({}, { outputDir: path.join(dir, 'new') })).rejects.toThrow(/cannot be created \(EROFS/);
    expect(server.requests).toEqual([]);
  });
});
