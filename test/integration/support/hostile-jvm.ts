// A JVM that tries to steer the workflow log and the terminal (Hostile.java): its thread names and its
// command line carry workflow commands, lone CRs and an OSC escape. The "pod" is this machine, as for Simple.
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearStaleAttachFiles, stopJvmProcess } from '../../support/jvm-process.js';
import { promisify } from 'node:util';
import { findJdkTool } from '../../analyse/jvm-harness.js';
import type { LocalJvm } from './local-jvm.js';

const run = promisify(execFile);
const SOURCE = path.join(import.meta.dirname, 'Hostile.java');

/** What the pod puts in front of everything: argv[0] is the start of the command line the toolbox reads. */
export const HOSTILE_ARGV0 = '\r::error::x ##[warning]x \r::set-output name=deadlock::false \r::add-mask::app \x1b]0;pwned\x07 \r';
/** The pieces the runner must never act on, and the terminal must never see raw. */
export const HOSTILE_PIECES = ['::error::x', '##[warning]x', '::set-output name=deadlock::false', '::add-mask::app', '\x1b]0;pwned\x07'];

export async function startHostileJvm(timeoutMs = 30_000): Promise<LocalJvm> {
  const classes = await mkdtemp(path.join(tmpdir(), 'kjd-it-hostile-'));
  await chmod(classes, 0o755);
  await run(findJdkTool('javac'), ['-nowarn', '-d', classes, SOURCE]);
  const child = spawn(findJdkTool('java'), ['-Xmx32m', '-XX:+UseSerialGC', '-cp', classes, 'Hostile', ...HOSTILE_PIECES], {
    argv0: HOSTILE_ARGV0,
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: '/',
  });
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
      const timer = setTimeout(() => reject(new Error(`Hostile printed nothing within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('READY')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Hostile exited early (${code ?? signal}); stderr: ${stderr}`));
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { pid: child.pid!, child, stop };
}
