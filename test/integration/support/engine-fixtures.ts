// Shared pieces of the engine/action integration tests: a guarded local-shell exec handler, seed-like pods,
// settings from inputs, request hooks and file checks.
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  makePod,
  makePodFor,
  scripted,
  spawnLocal,
  type ExecHandler,
  type FakeApiServer,
  type Json,
  type KubeObject,
  type MakePodOptions,
  type RecordedRequest,
} from '../../support/fake-apiserver/index.js';
import { getSettings } from '../../../src/inputs/input-helper.js';
import type { Settings } from '../../../src/inputs/settings.js';
import type { FileRecord } from '../../../src/shared/model.js';

export const TMP_VOLUME = { name: 'tmp', emptyDir: {} };
export const TMP_MOUNT = { name: 'tmp', mountPath: '/tmp' };

/** The JVM's container, mounting the pod's /tmp emptyDir (so the debugger shares it: strategy shared-volume). */
export function jvmContainer(name = 'app', image = 'registry.example.com/seed/simple:1'): Json {
  return { name, image, volumeMounts: [{ ...TMP_MOUNT }] };
}

/** A Running pod like the seed's: one container running Simple, /tmp on an emptyDir. */
export function seedPod(o: Partial<MakePodOptions> & { name: string }): KubeObject {
  return makePod({ volumes: [{ ...TMP_VOLUME }], containers: [jvmContainer()], ...o });
}

export function seedPodFor(owner: KubeObject, o: Partial<MakePodOptions> = {}): KubeObject {
  return makePodFor(owner, { volumes: [{ ...TMP_VOLUME }], containers: [jvmContainer()], ...o });
}

/** The toolbox sub-command of an exec (`sh -c SCRIPT kjd <sub> ...`), if it is one. */
export function toolboxSub(command: string[]): string | undefined {
  return command[0] === 'sh' && command[1] === '-c' && command[3] === 'kjd' ? command[4] : undefined;
}

export interface ExecGuard {
  /** Commands refused because they would have changed this machine's /tmp. */
  violations: string[][];
  /** TMPDIR of the exec'd commands (see installGuardedShell); the caller removes it. */
  workTmp: string;
}

/**
 * Installs the local shell as the fake's exec handler, with two changes:
 * - it REFUSES the toolbox's `tmplink` (it would `rm -rf /tmp` on this machine) and records it;
 * - it runs the command as the debugger's securityContext runAsUser/runAsGroup (via setpriv), as a
 *   container runtime would, when that differs from ours;
 * - TMPDIR points at a private directory: the toolbox's `stream` keeps its fifo and checksum in `mktemp -d`,
 *   which a stream cut mid-transfer leaves behind; that must not litter this machine's /tmp. (jcmd and the
 *   JVM ignore TMPDIR: attach and heap dumps still go through the real /tmp.)
 */
export function installGuardedShell(api: FakeApiServer): ExecGuard {
  const workTmp = mkdtempSync(path.join(tmpdir(), 'kjd-it-toolbox-'));
  chmodSync(workTmp, 0o1777);
  const env = { ...process.env, TMPDIR: workTmp };
  const guard: ExecGuard = { violations: [], workTmp };
  const handler: ExecHandler = (req) => {
    if (req.command.includes('tmplink') || toolboxSub(req.command) === 'tmplink') {
      guard.violations.push(req.command.filter((a) => a.length < 200));
      return scripted({ stderr: 'kjd-error: test guard: tmplink refused on the test host\n', exitCode: 95 });
    }
    const pod = api.store.get('Pod', req.namespace, req.pod);
    const c = (pod?.spec?.ephemeralContainers ?? []).find((x: Json) => x.name === req.container);
    const uid: number | undefined = c?.securityContext?.runAsUser;
    const gid: number = c?.securityContext?.runAsGroup ?? 0;
    const me = process.getuid?.() ?? 0;
    if (uid !== undefined && (uid !== me || gid !== (process.getgid?.() ?? 0))) {
      return spawnLocal(['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', ...req.command], { env });
    }
    return spawnLocal(req.command, { env });
  };
  api.execHandler = handler;
  return guard;
}

/** Settings exactly as the action would build them from these inputs. */
export function settingsFrom(inputs: Record<string, string>): Settings {
  return getSettings((name) => inputs[name] ?? '', {});
}

/**
 * Resolves with the first request matching `pred` (the fake's intercept hook; it never answers for it).
 * `then` runs once the server has handled the request synchronously (e.g. the watch is registered).
 */
export function onRequest(
  api: FakeApiServer,
  pred: (r: RecordedRequest) => boolean,
  then?: (r: RecordedRequest) => void,
): Promise<RecordedRequest> {
  return new Promise((resolve) => {
    const previous = api.faults.intercept;
    let done = false;
    api.faults.intercept = (r) => {
      if (!done && pred(r)) {
        done = true;
        resolve(r);
        if (then) setImmediate(() => then(r));
      }
      return previous?.(r);
    };
  });
}

export const isPodWatch = (r: RecordedRequest): boolean =>
  r.method === 'GET' && /\/pods$/.test(r.path) && ['true', '1'].includes(r.query.watch?.[0] ?? '');
export const ephemeralPatches = (api: FakeApiServer): RecordedRequest[] =>
  api.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/ephemeralcontainers'));

export async function sha256OfFile(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** Every file record matches the file on disk (size and sha256). */
export async function expectFilesMatchDisk(outputDir: string, files: FileRecord[]): Promise<string[]> {
  const problems: string[] = [];
  for (const f of files) {
    const abs = path.join(outputDir, ...f.path.split('/'));
    const st = await stat(abs).catch(() => undefined);
    if (!st) {
      problems.push(`${f.path}: missing`);
      continue;
    }
    if (st.size !== f.size) problems.push(`${f.path}: size ${st.size} on disk, ${f.size} in the manifest`);
    const sha = await sha256OfFile(abs);
    if (sha !== f.sha256) problems.push(`${f.path}: sha256 ${sha} on disk, ${f.sha256} in the manifest`);
  }
  return problems;
}

/** The first bytes of a gzipped HPROF, decompressed. */
export function hprofHeader(gz: Buffer): string {
  return gunzipSync(gz).subarray(0, 18).toString('latin1');
}

/** Heap dump files the engine left in this machine's /tmp (the pod's /tmp here) for a debugger. */
export function leftoverHeapDumps(debuggerName: string): string[] {
  return readdirSync('/tmp').filter((f) => f.startsWith(`kjd-${debuggerName}-`));
}

/** Debugger names this server was asked to add. */
export function patchedDebuggerNames(api: FakeApiServer): string[] {
  return ephemeralPatches(api).flatMap((r) => (r.json?.spec?.ephemeralContainers ?? []).map((c: Json) => String(c.name)));
}

/** Removes heap dumps these debuggers left in this machine's /tmp (after a failed test or a crashed run). */
export function removeLeftoverHeapDumps(names: string[]): string[] {
  const left = names.flatMap((n) => leftoverHeapDumps(n));
  for (const f of left) rmSync(path.join('/tmp', f), { force: true });
  return left;
}

/** All files below dir, relative, with forward slashes. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Stops a fake apiserver after a test: removes heap dumps its debuggers may have left in this machine's /tmp
 * and the guard's TMPDIR. (Each test asserts guard.violations itself, right after its run.)
 */
export async function stopFakeCluster(api: FakeApiServer | undefined, guard: ExecGuard | undefined): Promise<void> {
  if (api) removeLeftoverHeapDumps(patchedDebuggerNames(api));
  await api?.stop();
  if (guard) await rm(guard.workTmp, { recursive: true, force: true });
}
