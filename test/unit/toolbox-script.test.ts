// The in-pod script itself, run for real under each shell the README promises, and checked by shellcheck.
import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { toolboxCommand } from '../../src/collect/toolbox.js';
import { compact, TOOLBOX_SCRIPT } from '../../src/collect/toolbox-script.js';
import { failureOfExit, parseFreeKiB, parseProbe, parseStreamTrailer } from '../../src/collect/toolbox-protocol.js';

const SCRIPT_FILE = path.resolve('src/collect/toolbox.sh');
const SHELLS: [string, string[]][] = [
  ['dash', ['dash']],
  ['busybox sh', ['busybox', 'sh']],
  ['bash', ['bash', '--posix']],
];
const NOBODY = 65534;

function run(shell: string[], args: (string | number)[], asNobody = false, cwd = '/') {
  const argv = toolboxCommand(args[0] as 'probe', ...args.slice(1));
  // argv is ['sh', '-c', SCRIPT, 'kjd', ...]: swap in the shell under test.
  const cmd = [...shell, ...argv.slice(1)];
  const full = asNobody ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...cmd] : cmd;
  const r = spawnSync(full[0], full.slice(1), { encoding: 'buffer', cwd });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** hsperfdata as HotSpot lays it out, in short: entry headers of binary ints around NUL-padded names and values. */
function hsperfdata(entries: [string, string][]): Buffer {
  const parts = entries.map(([name, value]) => {
    const header = Buffer.alloc(20);
    header.writeInt32LE(0x58, 0); // entry length: 'X' when read as text
    header.writeInt32LE(20, 4);
    header.write('B', 12, 'latin1');
    header.writeInt32LE(0x38, 16); // data offset: '8' when read as text
    return Buffer.concat([header, Buffer.from(`${name}\0\0\0`, 'latin1'), Buffer.from(`${value}\0\0\0\0`, 'latin1')]);
  });
  return Buffer.concat([Buffer.alloc(32, 0xca), ...parts, Buffer.alloc(64)]);
}

/**
 * Stand-in JVMs for the probe's version reading, each with its own files in the places the probe reads: processes
 * named java (their hsperfdata in /tmp/hsperfdata_<user>/<pid>), and processes that mapped a file called libjvm.so
 * (a copy of libc, preloaded) under a JDK 9+ or a JDK 8 layout with a release file.
 */
function standInJvms(dir: string) {
  const procs: ChildProcess[] = [];
  const perfDir = mkdtempSync('/tmp/hsperfdata_kjdtest');
  const libc = /\s(\/\S*\/libc\.so\.6)$/m.exec(readFileSync('/proc/self/maps', 'utf8'))![1];
  // Named java from its exec on: listed once spawned.
  const java = async () => {
    const p = spawn('sleep', ['60'], { stdio: 'ignore', argv0: 'java' });
    procs.push(p);
    await once(p, 'spawn');
    return p.pid!;
  };
  const mapped = async (home: string, lib: string, release: string | undefined) => {
    mkdirSync(path.join(dir, home, lib), { recursive: true });
    copyFileSync(libc, path.join(dir, home, lib, 'libjvm.so'));
    if (release !== undefined) writeFileSync(path.join(dir, home.split('/')[0], 'release'), release);
    // A shell with the library preloaded, waiting on its stdin: it has mapped it once it says so.
    const p = spawn('sh', ['-c', 'echo ready; read x'], { env: { ...process.env, LD_PRELOAD: path.join(dir, home, lib, 'libjvm.so') } });
    procs.push(p);
    await once(p.stdout, 'data');
    return p.pid!;
  };
  const perf = (pid: number, write: (file: string) => void) => write(path.join(perfDir, String(pid)));
  return { procs, perfDir, java, mapped, perf };
}

describe('toolbox.sh', () => {
  it('is the file that travels in argv, without comments and indentation', () => {
    expect(toolboxCommand('probe')[2]).toBe(compact(readFileSync(SCRIPT_FILE, 'utf8')));
    expect(TOOLBOX_SCRIPT.length).toBeGreaterThan(1000);
  });

  it('passes shellcheck as POSIX sh', () => {
    const r = spawnSync('shellcheck', ['--shell=sh', '--severity=style', SCRIPT_FILE], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  describe.each(SHELLS)('under %s', (_name, shell) => {
    it('probes: reports its own ids and finds a JDK', () => {
      const r = run(shell, ['probe']);
      expect(r.code).toBe(0);
      const probe = parseProbe(r.stdout.toString('utf8'));
      expect(probe.selfUid).toBe(process.getuid!());
      expect(probe.jcmdPath).toMatch(/jcmd$/);
      expect(probe.jdkFeature).toBeGreaterThanOrEqual(8);
    });

    it("reads each JVM's version from its hsperfdata or its release file, strictly, and never hangs on the pod's files", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'kjd-jvmver-'));
      const s = standInJvms(dir);
      try {
        const good = await s.java();
        s.perf(good, (f) =>
          writeFileSync(
            f,
            hsperfdata([
              ['sun.rt.javaCommand', 'Simple'],
              ['java.property.java.version', '17.0.9'],
              ['java.property.java.vm.version', '17.0.9+7'],
            ]),
          ),
        );
        const hostile = await s.java();
        s.perf(hostile, (f) =>
          writeFileSync(f, hsperfdata([['java.property.java.version', '17.0.9\t$(touch pwned);`touch pwned`\njvmver\t1\t25']])),
        );
        const fifo = await s.java();
        s.perf(fifo, (f) => execFileSync('mkfifo', [f]));
        const linked = await s.java();
        writeFileSync(path.join(dir, 'elsewhere'), hsperfdata([['java.property.java.version', '21.0.1']]));
        s.perf(linked, (f) => symlinkSync(path.join(dir, 'elsewhere'), f));
        const jdk21 = await s.mapped('jdk21', 'lib/server', 'IMPLEMENTOR="x"\nJAVA_VERSION="21.0.5"\nJAVA_RUNTIME_VERSION="21.0.5+11"\n');
        const jdk8 = await s.mapped('jdk8/jre', 'lib/amd64/server', 'JAVA_VERSION="1.8.0_462"\n');
        const tooLong = await s.mapped('long', 'lib/server', `JAVA_VERSION="${'1'.repeat(41)}"\n`);
        const quoted = await s.mapped('quoted', 'lib/server', 'JAVA_VERSION="17"; touch pwned; x="1"\n');
        const noRelease = await s.mapped('none', 'lib/server', undefined);
        const fifoRelease = await s.mapped('fiforel', 'lib/server', undefined);
        execFileSync('mkfifo', [path.join(dir, 'fiforel', 'release')]);
        const t0 = Date.now();
        const r = run(shell, ['probe'], false, dir);
        expect(r.code).toBe(0);
        expect(Date.now() - t0).toBeLessThan(15_000);
        const jvms = new Map(parseProbe(r.stdout.toString('utf8')).jvms.map((j) => [j.pid, j]));
        const versionOf = (pid: number) => [jvms.has(pid), jvms.get(pid)?.version, jvms.get(pid)?.feature];
        expect(versionOf(good)).toEqual([true, '17.0.9', 17]);
        expect(versionOf(jdk21)).toEqual([true, '21.0.5', 21]);
        expect(versionOf(jdk8)).toEqual([true, '8.0_462', 8]);
        for (const pid of [hostile, fifo, linked, tooLong, quoted, noRelease, fifoRelease])
          expect(versionOf(pid)).toEqual([true, undefined, undefined]);
        expect(r.stdout.toString('utf8')).not.toMatch(/^jvmver\t1\t/m);
        expect(readdirSync(dir)).not.toContain('pwned');
      } finally {
        for (const p of s.procs) p.kill('SIGKILL');
        rmSync(s.perfDir, { recursive: true, force: true });
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('streams a file byte for byte with the sha256 of what it sent, raw and gzipped', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'kjd-toolbox-'));
      try {
        const file = path.join(dir, 'data.bin');
        const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
        writeFileSync(file, data);
        const raw = run(shell, ['stream', 0, 0, file, 0]);
        expect(raw.code).toBe(0);
        expect(raw.stdout.equals(data)).toBe(true);
        const trailer = parseStreamTrailer(raw.stderr);
        expect(trailer).toEqual({
          sourceSize: data.length,
          sentBytes: data.length,
          sourceExit: 0,
          sha256: createHash('sha256').update(data).digest('hex'),
        });
        // The size comes first, before the bytes: the runner bounds the stream by it.
        expect(raw.stderr.split('\n')[0]).toBe(`kjd-size\t${data.length}`);
        const gz = run(shell, ['stream', 0, 0, file, 1]);
        expect(execFileSync('gzip', ['-dc'], { input: gz.stdout }).equals(data)).toBe(true);
        expect(parseStreamTrailer(gz.stderr)).toMatchObject({
          sourceSize: data.length,
          sentBytes: gz.stdout.length,
          sha256: createHash('sha256').update(gz.stdout).digest('hex'),
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reports failures by exit code: unreadable file, unknown command, uid mismatch, free space', () => {
      const missing = run(shell, ['stream', 0, 0, '/nonexistent/heap.hprof', 0]);
      expect(failureOfExit(missing.code)).toBe('unreadable');
      expect(missing.stderr).toMatch(/^kjd-error: cannot read/m);
      // A device (or a link to one) in the dump's place would never end: refused before a byte is sent.
      for (const device of ['/dev/zero', '/dev/urandom']) {
        const endless = run(shell, ['stream', 0, 0, device, 0]);
        expect(failureOfExit(endless.code)).toBe('unreadable');
        expect(endless.stderr).toMatch(/^kjd-error: .* is not a regular file/m);
        expect(endless.stdout.length).toBe(0);
      }
      expect(failureOfExit(run(shell, ['nonsense']).code)).toBe('unknown-command');
      // A debugger that is not root cannot switch to the JVM's ids: the script says so instead of trying.
      const mismatch = run(shell, ['jcmd', 1000, 1000, 1, 'VM.version'], true);
      expect(failureOfExit(mismatch.code)).toBe('uid-mismatch');
      const space = run(shell, ['space', 0, 0, '/tmp']);
      expect(space.code).toBe(0);
      expect(parseFreeKiB(space.stdout.toString('utf8'))).toBeGreaterThan(0);
      expect(failureOfExit(run(shell, ['space', 0, 0, '/nonexistent']).code)).toBe('no-free-space-info');
    });

    it('sends SIGQUIT only to a process that handles it: never one it would end', async () => {
      const catcher = spawn('sh', ['-c', 'trap "echo caught" QUIT; echo ready; while :; do sleep 0.05; done'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const plain = spawn('sleep', ['60'], { stdio: 'ignore' });
      const ignorer = spawn('sh', ['-c', 'trap "" QUIT; echo ready; while :; do sleep 0.05; done'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      try {
        const caught = new Promise<void>((resolve) =>
          catcher.stdout.on('data', (d: Buffer) => d.toString().includes('caught') && resolve()),
        );
        await Promise.all([once(catcher.stdout, 'data'), once(ignorer.stdout, 'data')]);
        const sent = run(shell, ['signal', 0, 0, catcher.pid!]);
        expect(sent.code).toBe(0);
        await caught;
        const refused = run(shell, ['signal', 0, 0, plain.pid!]);
        expect(failureOfExit(refused.code)).toBe('sigquit-not-caught');
        expect(refused.stderr).toMatch(/does not handle SIGQUIT.*not sent/);
        expect(failureOfExit(run(shell, ['signal', 0, 0, ignorer.pid!]).code)).toBe('sigquit-not-caught');
        // Both are still alive: signal 0 only checks that the process exists.
        expect(() => process.kill(plain.pid!, 0)).not.toThrow();
        expect(() => process.kill(ignorer.pid!, 0)).not.toThrow();
        expect(plain.exitCode).toBeNull();
      } finally {
        for (const p of [catcher, plain, ignorer]) p.kill('SIGKILL');
      }
    });

    it('takes every value as data: a file name with quotes, spaces and $(...) is not run', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'kjd-toolbox-'));
      try {
        // Run from `dir`, so a `touch pwned` that did run would leave its mark there.
        const marker = path.join(dir, 'pwned');
        const hostile = path.join(dir, `a b'"; touch pwned; $(touch pwned) \`touch pwned\`.hprof`);
        writeFileSync(hostile, 'x');
        expect(run(shell, ['remove', 0, 0, hostile], false, dir).code).toBe(0);
        expect(() => readFileSync(hostile)).toThrow();
        expect(() => readFileSync(marker)).toThrow();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
