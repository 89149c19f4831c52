// Compiles the fixture programs and runs them in real JVMs so the tests can dump them with jcmd.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { clearStaleAttachFiles, stopJvmProcess } from '../support/jvm-process.js';

const run = promisify(execFile);

export const REPO_ROOT = path.resolve(process.cwd());
export const JAVA_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'java');
export const DUMP_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'thread-dumps');
/** The seed scenario's program (main sleeps in Simple.main), owned by the cluster images. */
export const SIMPLE_JAVA = path.join(REPO_ROOT, 'cluster', 'images', 'Simple.java');

/** A JDK tool from JAVA_HOME, else from PATH. Throws (never skips) when there is none. */
export function findJdkTool(name: 'java' | 'javac' | 'jcmd'): string {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', name));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, name));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${name} not found in JAVA_HOME/bin or on PATH: these tests need a JDK (8 or newer) with jcmd`);
  return found;
}

/** Compiles every fixture program (and Simple) into a fresh temporary directory. */
export async function compileFixtures(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'kjd-java-'));
  const sources = readdirSync(JAVA_FIXTURES)
    .filter((f) => f.endsWith('.java'))
    .map((f) => path.join(JAVA_FIXTURES, f));
  if (!existsSync(SIMPLE_JAVA)) throw new Error(`seed program missing: ${SIMPLE_JAVA}`);
  sources.push(SIMPLE_JAVA);
  const javac = findJdkTool('javac');
  try {
    // Class files a JDK 8 could run too.
    await run(javac, ['--release', '8', '-nowarn', '-d', out, ...sources]);
  } catch {
    await run(javac, ['-d', out, ...sources]);
  }
  return out;
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export interface RunningJvm {
  pid: number;
  child: ChildProcess;
  stdout: () => string;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the JVM has exited. */
  stop: () => Promise<void>;
}

/** Starts `java -cp classes main args` and resolves once it printed `readyLine` on stdout. */
export function startJvm(classes: string, main: string, args: string[] = [], readyLine = 'READY', timeoutMs = 20000): Promise<RunningJvm> {
  const child = spawn(findJdkTool('java'), ['-Xmx64m', '-cp', classes, main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  clearStaleAttachFiles(child.pid);
  let out = '';
  let err = '';
  const stop = () => stopJvmProcess(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${main} did not print ${readyLine} within ${timeoutMs} ms; stdout: ${out}; stderr: ${err}`));
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.split('\n').some((l) => l.trim() === readyLine)) {
        clearTimeout(timer);
        resolve({ pid: child.pid!, child, stdout: () => out, stop });
      }
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${main} exited early (code ${code}, signal ${signal}); stderr: ${err}`));
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export async function jcmd(pid: number, ...command: string[]): Promise<string> {
  const { stdout } = await run(findJdkTool('jcmd'), [String(pid), ...command], { timeout: 30000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export const threadPrint = (pid: number) => jcmd(pid, 'Thread.print', '-l');

/** Re-evaluates `probe` until `done` holds or the deadline passes; returns the last value either way. */
export async function pollUntil<T>(probe: () => Promise<T>, done: (v: T) => boolean, deadlineMs = 20000, pauseMs = 300): Promise<T> {
  const end = Date.now() + deadlineMs;
  let value = await probe();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, pauseMs));
    value = await probe();
  }
  return value;
}
