// A real local JVM (the seed's Simple program) for the engine tests: the fake apiserver's local shell runs
// the real toolbox on this machine, whose jcmd attaches to it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearStaleAttachFiles, stopJvmProcess } from '../../support/jvm-process.js';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SIMPLE_JAVA = path.join(ROOT, 'cluster', 'images', 'Simple.java');

function jdkTool(name: 'java' | 'javac'): string {
  const dirs = [
    process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin') : '',
    ...(process.env.PATH ?? '').split(path.delimiter),
  ].filter(Boolean);
  const found = dirs.map((d) => path.join(d, name)).find((p) => existsSync(p));
  if (!found) throw new Error(`${name} not found on PATH or in JAVA_HOME: these tests need a JDK with jcmd`);
  return found;
}

export interface LocalJvm {
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Compiles Simple.java into a temp dir and starts it; resolves after its first line ("I'm still here!"). */
export async function startSimpleJvm(timeoutMs = 30_000, asUser?: number, jvmOptions: string[] = []): Promise<LocalJvm> {
  const classes = await mkdtemp(path.join(tmpdir(), 'kjd-it-simple-'));
  await chmod(classes, 0o755);
  try {
    await run(jdkTool('javac'), ['-nowarn', '-d', classes, SIMPLE_JAVA]);
  } catch (err) {
    await rm(classes, { recursive: true, force: true });
    throw err;
  }
  const argv = [jdkTool('java'), '-Xmx64m', '-XX:+UseSerialGC', ...jvmOptions, '-cp', classes, 'Simple'];
  // As another user, like a pod's runAsUser: the debugger must then run as that user to attach.
  const command = asUser === undefined ? argv : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', ...argv];
  const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
  clearStaleAttachFiles(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    await stopJvmProcess(child);
    await exited;
    await rm(classes, { recursive: true, force: true });
  };
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Simple printed nothing within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      let out = '';
      // Keep reading stdout for the JVM's whole life so its pipe never fills.
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes("I'm still here!")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Simple exited early (${code ?? signal}); stderr: ${stderr}`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { pid: child.pid!, child, stop };
}

/** A pid no process has right now (for the "no such JVM" cases). */
export function unusedPid(): number {
  for (let pid = 4_194_000; pid > 1000; pid--) if (!existsSync(`/proc/${pid}`)) return pid;
  throw new Error('no unused pid found');
}
