// Heap dumps a JVM left when it ran out of memory (-XX:+HeapDumpOnOutOfMemoryError): where to look, and
// parsing what the toolbox found. Pure. The heap at the moment of the crash, which no live dump can give.
import type { V1Pod } from '@kubernetes/client-node';

export interface HprofFile {
  /** As the debugger sees it (e.g. /proc/<pid>/root/dumps/java_pid1.hprof). */
  path: string;
  size: number;
  /** Epoch seconds. */
  mtime: number;
}

/** The toolbox's `hprofs` lines; anything else is ignored. */
export function parseHprofs(output: string): HprofFile[] {
  const out: HprofFile[] = [];
  for (const line of output.split('\n')) {
    const [tag, size, mtime, ...rest] = line.split('\t');
    const path = rest.join('\t');
    if (tag !== 'hprof' || !/^\d+$/.test(size ?? '') || !/^\d+$/.test(mtime ?? '') || !path) continue;
    out.push({ path, size: Number(size), mtime: Number(mtime) });
  }
  return out;
}

/** The JVM's -XX:HeapDumpPath when it dumps on OOM ('' for its working directory), else undefined. */
export function oomDumpSetting(commandLine: string): string | undefined {
  const args = commandLine.split(/\s+/);
  const on = args.filter((a) => /^-XX:[+-]HeapDumpOnOutOfMemoryError$/.test(a)).pop();
  if (on !== '-XX:+HeapDumpOnOutOfMemoryError') return undefined;
  const path = args.filter((a) => a.startsWith('-XX:HeapDumpPath=')).pop();
  return path ? path.slice('-XX:HeapDumpPath='.length) : '';
}

/** Environment variables the JVM reads options from. */
const JVM_OPTION_VARS = ['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', '_JAVA_OPTIONS'];

const SYSTEM_MOUNTS = /^\/(proc|sys|dev|etc\/hosts|etc\/hostname|etc\/resolv\.conf|var\/run\/secrets)(\/|$)/;

/**
 * Directories to look in, as the debugger reaches the JVM's files (/proc/<pid>/root): the HeapDumpPath (a file's
 * directory, or the directory itself; relative paths and the default from the JVM's working directory,
 * /proc/<pid>/cwd), and the roots of the container's volume mounts (dumps that survive a restart live there).
 */
export function oomDumpDirs(pid: number, commandLine: string, pod: V1Pod, container: string): string[] {
  const root = `/proc/${pid}/root`;
  const dirs: string[] = [];
  // The flags are often set in the environment (JAVA_TOOL_OPTIONS...), which the command line does not show: the
  // container's literal values count too, before the command line (the JVM reads them first; the last flag wins).
  const spec = pod.spec?.containers?.find((c) => c.name === container);
  const fromEnv = (spec?.env ?? []).filter((e) => JVM_OPTION_VARS.includes(e.name) && e.value).map((e) => e.value);
  const setting = oomDumpSetting([...fromEnv, commandLine].join(' '));
  if (setting !== undefined) {
    const dir = setting.endsWith('.hprof') ? setting.slice(0, Math.max(0, setting.lastIndexOf('/'))) : setting;
    if (dir.startsWith('/')) dirs.push(`${root}${dir}`.replace(/\/+$/, ''));
    else dirs.push(`/proc/${pid}/cwd${dir ? `/${dir}` : ''}`.replace(/\/+$/, ''));
  }
  const mounts = spec?.volumeMounts ?? [];
  for (const m of mounts) {
    if (!m.mountPath || SYSTEM_MOUNTS.test(m.mountPath) || m.subPath) continue;
    dirs.push(`${root}${m.mountPath}`.replace(/\/+$/, ''));
  }
  return [...new Set(dirs)];
}

/** The artifact name of an OOM dump: its file name, gzipped, marked as not a live dump. */
export function oomDumpFileName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9._-]+/g, '_');
  return `oom-${base}.gz`;
}
