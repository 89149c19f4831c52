// The output directory, checked before anything touches the cluster: a file in its place, a read-only disk or
// a missing permission must stop the run with the path and the reason, not after the debugger was added.
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { errorMessage } from './errors.js';

export class OutputDirError extends Error {}

/** Creates `dir` when needed and proves a file can be written in it; throws OutputDirError naming the path and why. */
export async function prepareOutputDir(dir: string): Promise<void> {
  const refuse = (why: string, cause?: unknown) =>
    new OutputDirError(
      `The output directory ${dir} cannot be used: ${why}. Set output-dir to a writable directory; nothing was changed in the cluster.`,
      {
        cause,
      },
    );
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw refuse('it is a file, not a directory');
  try {
    await makeDirs(dir);
  } catch (err) {
    throw refuse(`it cannot be created (${errorMessage(err)})`, err);
  }
  // Permissions alone do not tell (root, read-only mounts, ACLs): write a file and remove it.
  const probe = path.join(dir, `.kube-jvm-dump-write-test-${process.pid}`);
  try {
    await writeFile(probe, 'x');
  } catch (err) {
    throw refuse(`it is not writable (${errorMessage(err)})`, err);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/** mkdir -p one level at a time: a failure names its real cause (EROFS, EACCES, ENOTDIR), where a recursive mkdir says ENOENT. */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!(await stat(at).catch(() => undefined))) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const level of missing)
    await mkdir(level).catch((err: NodeJS.ErrnoException) => (err.code === 'EEXIST' ? undefined : Promise.reject(err)));
}

/**
 * The directory this run may write into, given that the action uploads it whole: one the user named must be
 * empty (or new), so a workspace or a home directory is never uploaded; the default one moves aside to
 * `<dir>-2`, `-3`... when an earlier step of the job already filled it.
 */
export async function claimOutputDir(dir: string, namedByUser: boolean): Promise<string> {
  const entries = async (d: string) => readdir(d).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)));
  const present = await entries(dir);
  if (present.length === 0) return dir;
  if (namedByUser) {
    const shown = present.slice(0, 3).join(', ');
    throw new OutputDirError(
      `The output directory ${dir} already holds files (${shown}${present.length > 3 ? ', ...' : ''}): everything in it is uploaded ` +
        'as the artifact, so it must start empty. Set output-dir to a new or empty directory; nothing was changed in the cluster.',
    );
  }
  for (let n = 2; ; n++) {
    const next = `${dir}-${n}`;
    if ((await entries(next)).length === 0) return next;
  }
}
