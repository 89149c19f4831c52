// What a test JVM leaves behind for the next one. A JVM killed with SIGKILL keeps its attach socket
// (/tmp/.java_pid<pid>); a later JVM that gets the same pid (pid_max is small) then looks attachable, and jcmd
// connects to the dead socket or refuses one owned by another user. So: clear the pid's files before the first
// attach, and stop JVMs so they remove their own.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Removes a dead JVM's attach files for `pid`; call right after spawning, before anything attaches. */
export function clearStaleAttachFiles(pid: number | undefined): void {
  if (pid === undefined) return;
  for (const f of [`/tmp/.java_pid${pid}`, `/tmp/.attach_pid${pid}`]) rmSync(f, { force: true });
}

/** SIGTERM (the JVM's exit removes its attach socket), SIGKILL if it has not exited after `graceMs`. */
export async function stopJvmProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Killed after all (or it ignored SIGTERM): its socket is still there.
  if (child.signalCode === 'SIGKILL') clearStaleAttachFiles(child.pid);
}
