// The spaced thread dumps in one exec: toolbox.sh's `threads` loop under each shell (a stand-in jcmd on PATH),
// and the runner's reading of its length-framed stdout.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FramedPartsWriter, type FramedPart } from '../../src/collect/framed-parts.js';
import { toolboxCommand } from '../../src/collect/toolbox.js';
import { failureOfExit } from '../../src/collect/toolbox-protocol.js';

const SHELLS: [string, string[]][] = [
  ['dash', ['dash']],
  ['busybox sh', ['busybox', 'sh']],
  ['bash', ['bash', '--posix']],
];

/** Reads a framed stdout back, fed in chunks of `chunk` bytes: the parts' bodies and frames. */
async function readFrames(stdout: Buffer, chunk = stdout.length): Promise<{ parts: FramedPart[]; bodies: string[]; incomplete: boolean }> {
  const bodies: Buffer[][] = [];
  const writer = new FramedPartsWriter((part) => {
    const body: Buffer[] = [];
    bodies[part.n - 1] = body;
    return {
      write: (c) => {
        body.push(Buffer.from(c));
        return Promise.resolve();
      },
      end: () => Promise.resolve(),
    };
  });
  // The write's callback gets the error; the exec (not this test) listens for the event.
  writer.on('error', () => undefined);
  for (let i = 0; i < stdout.length; i += chunk) {
    await new Promise<void>((resolve, reject) => writer.write(stdout.subarray(i, i + chunk), (err) => (err ? reject(err) : resolve())));
  }
  return { parts: writer.done, bodies: bodies.map((b) => Buffer.concat(b).toString('utf8')), incomplete: writer.incomplete };
}

/**
 * A live process with an attach socket where a JVM keeps its own, /tmp/.java_pid<pid> (seen through /proc/<pid>/root):
 * what a JVM that took an attach looks like to the toolbox.
 */
async function withAttachSocket(): Promise<{ pid: number; close: () => Promise<void> }> {
  const proc = spawn('sleep', ['60'], { stdio: 'ignore' });
  const socketPath = `/tmp/.java_pid${proc.pid}`;
  // A leftover of a process that had this pid before is not ours to keep.
  rmSync(socketPath, { force: true });
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
  return {
    pid: proc.pid!,
    close: async () => {
      proc.kill('SIGKILL');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(socketPath, { force: true });
    },
  };
}

describe('toolbox.sh threads (a stand-in jcmd)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kjd-threads-'));
  // Prints its arguments, the time, and a line that looks like a frame; fails on the call named in FAIL_AT.
  writeFileSync(
    path.join(dir, 'jcmd'),
    `#!/bin/sh
n=$(($(cat "${dir}/calls" 2>/dev/null || echo 0) + 1))
echo "$n" >"${dir}/calls"
echo "call $n at $(date +%s%N) args $*"
printf 'kjd-part\\t9\\t0\\t5\\nfake!\\n'
case "$*" in *GC.class_histogram*)
  printf '"a thread\\n num     #instances         #bytes  class name" #1\\n'
  printf ' num     #instances         #bytes  class name (module)\\n   1:  10  100  [B\\nTotal  10  100\\n' ;;
esac
pgrep -x -P "$PPID" sleep >/dev/null && echo "paced by a sleep of the toolbox"
[ "$n" = "\${FAIL_AT:-0}" ] && { echo "java.io.IOException: Connection reset by peer" >&2; exit 1; }
exit 0
`,
  );
  chmodSync(path.join(dir, 'jcmd'), 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(shell: string[], args: (string | number)[], failAt = 0) {
    rmSync(path.join(dir, 'calls'), { force: true });
    const argv = toolboxCommand('threads', ...args);
    const r = spawnSync(shell[0], [...shell.slice(1), ...argv.slice(1)], {
      encoding: 'buffer',
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, FAIL_AT: String(failAt) },
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
  }

  describe.each(SHELLS)('under %s', (_name, shell) => {
    it('takes COUNT dumps SECONDS apart in one run, each in its own frame; a frame inside a dump is only text', async () => {
      const r = run(shell, [process.getuid!(), process.getgid!(), 4242, 3, 0.3, '', 'Thread.print', '-l']);
      expect(r.code).toBe(0);
      const { parts, bodies, incomplete } = await readFrames(r.stdout, 7);
      expect(incomplete).toBe(false);
      expect(parts.map((p) => [p.n, p.exitCode])).toEqual([
        [1, 0],
        [2, 0],
        [3, 0],
      ]);
      expect(
        bodies.every(
          (b) => b.includes('args -J-XX:-UsePerfData -J-XX:TieredStopAtLevel=1 4242 Thread.print -l') && b.includes('kjd-part\t9'),
        ),
      ).toBe(true);
      const at = bodies.map((b) => Number(/at (\d+)/.exec(b)![1]) / 1e6);
      expect(at[1] - at[0]).toBeGreaterThanOrEqual(280);
      expect(at[2] - at[1]).toBeGreaterThanOrEqual(280);
    });

    it('spaces the runs start to start: the wait for the next runs alongside this jcmd, none after the last', async () => {
      const r = run(shell, [process.getuid!(), process.getgid!(), 4242, 2, 1.5, '', 'Thread.print', '-l']);
      expect(r.code).toBe(0);
      const { bodies } = await readFrames(r.stdout);
      expect(bodies.map((b) => b.includes('paced by a sleep of the toolbox'))).toEqual([true, false]);
    });

    it("runs ALSO in the last dump's jcmd and sends it as one more frame, split at its last header line", async () => {
      const r = run(shell, [process.getuid!(), process.getgid!(), 4242, 2, 0, 'GC.class_histogram -all', 'Thread.print', '-l']);
      expect(r.code).toBe(0);
      const { parts, bodies } = await readFrames(r.stdout, 3);
      expect(parts.map((p) => [p.n, p.exitCode])).toEqual([
        [1, 0],
        [2, 0],
        [3, 0],
      ]);
      // One jcmd start for the last dump and the histogram: newline-separated commands in one argument.
      expect(bodies[1]).toContain('args -J-XX:-UsePerfData -J-XX:TieredStopAtLevel=1 4242 Thread.print -l\nGC.class_histogram -all');
      // The thread whose name holds a header line stays in the dump; the histogram starts at the real one.
      expect(bodies[1]).toContain('"a thread\n num     #instances');
      expect(bodies[2]).toBe(' num     #instances         #bytes  class name (module)\n   1:  10  100  [B\nTotal  10  100\n');
    });

    it('without a histogram header, the ALSO frame is empty and failed; the dumps are whole', async () => {
      const r = run(shell, [process.getuid!(), process.getgid!(), 4242, 1, 0, 'VM.flags', 'Thread.print', '-l']);
      expect(r.code).toBe(0);
      const { parts, bodies } = await readFrames(r.stdout);
      expect(parts.map((p) => [p.n, p.exitCode, p.size])).toEqual([
        [1, 0, Buffer.byteLength(bodies[0])],
        [2, 1, 0],
      ]);
    });

    it('stops after a failed jcmd: its frame is sent with its exit status, and the toolbox exits with it', async () => {
      // A JVM that took an attach keeps its socket: the failure was the command's, jcmd's own status is kept.
      const jvm = await withAttachSocket();
      try {
        const r = run(shell, [process.getuid!(), process.getgid!(), jvm.pid, 3, 0, 'GC.class_histogram', 'Thread.print', '-l'], 2);
        expect(r.code).toBe(1);
        expect(failureOfExit(r.code)).toBe('tool');
        expect(r.stderr).toContain('Connection reset by peer');
        const { parts } = await readFrames(r.stdout);
        expect(parts.map((p) => [p.n, p.exitCode])).toEqual([
          [1, 0],
          [2, 1],
        ]);
      } finally {
        await jvm.close();
      }
    });

    it('a jcmd that failed while the JVM has no attach socket exits 91: the attach failed, whatever jcmd printed', async () => {
      const r = run(shell, [process.getuid!(), process.getgid!(), 4242, 3, 0, '', 'Thread.print', '-l'], 1);
      expect(failureOfExit(r.code)).toBe('attach');
      const { parts } = await readFrames(r.stdout);
      expect(parts.map((p) => [p.n, p.exitCode])).toEqual([[1, 1]]);
      // The single jcmd command judges the same way.
      rmSync(path.join(dir, 'calls'), { force: true });
      const single = spawnSync(
        shell[0],
        [...shell.slice(1), ...toolboxCommand('jcmd', process.getuid!(), process.getgid!(), 4242, 'VM.version').slice(1)],
        {
          env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, FAIL_AT: '1' },
        },
      );
      expect(failureOfExit(single.status ?? -1)).toBe('attach');
      rmSync(path.join(dir, 'calls'), { force: true });
      const jvm = await withAttachSocket();
      try {
        const attached = spawnSync(
          shell[0],
          [...shell.slice(1), ...toolboxCommand('jcmd', process.getuid!(), process.getgid!(), jvm.pid, 'VM.version').slice(1)],
          {
            env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, FAIL_AT: '1' },
          },
        );
        expect(attached.status).toBe(1);
      } finally {
        await jvm.close();
      }
    });

    it('refuses ids it cannot take before any dump', () => {
      if (process.getuid!() === 0) return expect(true).toBe(true);
      const r = run(shell, [process.getuid!() + 1, process.getgid!(), 4242, 2, 0, '', 'Thread.print']);
      expect(failureOfExit(r.code)).toBe('uid-mismatch');
      expect(r.stdout.length).toBe(0);
    });
  });
});

describe('FramedPartsWriter', () => {
  it('splits parts by their announced size, whatever the chunking', async () => {
    const body1 = 'a\nkjd-part\t2\t0\t1\nb\n';
    const stdout = Buffer.from(`kjd-part\t1\t0\t${Buffer.byteLength(body1)}\n${body1}kjd-part\t2\t0\t0\nkjd-part\t3\t1\t3\nxyz`);
    for (const chunk of [1, 2, 5, stdout.length]) {
      const { parts, bodies, incomplete } = await readFrames(stdout, chunk);
      expect(parts.map((p) => [p.n, p.exitCode, p.size])).toEqual([
        [1, 0, Buffer.byteLength(body1)],
        [2, 0, 0],
        [3, 1, 3],
      ]);
      expect(bodies).toEqual([body1, '', 'xyz']);
      expect(incomplete).toBe(false);
    }
  });

  it('tells a part cut short, and refuses bytes outside a frame', async () => {
    expect((await readFrames(Buffer.from('kjd-part\t1\t0\t10\nabc'))).incomplete).toBe(true);
    await expect(readFrames(Buffer.from('hello\n'))).rejects.toThrow(/outside a frame/);
    await expect(readFrames(Buffer.from('x'.repeat(500)))).rejects.toThrow(/outside a frame/);
  });
});
