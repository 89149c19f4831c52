// The in-pod toolbox's protocol (see the header of toolbox.sh): its exit codes and output records. Pure.
import { javaFeatureOf } from '../shared/jdk-features.js';

/** What went wrong inside the toolbox itself, from its exit code; 'tool' when the tool it ran failed. */
export type ToolboxFailure =
  /** jcmd failed before attaching: the JVM has no attach socket (a failure after the attach leaves one). */
  | 'attach'
  | 'sigquit-not-caught'
  | 'no-work-dir'
  | 'unreadable'
  | 'tmp-link'
  | 'no-free-space-info'
  | 'uid-mismatch'
  | 'no-jcmd'
  | 'unknown-command'
  /** Not an exit code: the runner kept only part of the output (see execute in toolbox.ts). */
  | 'truncated'
  | 'tool';

const FAILURE_BY_EXIT: Readonly<Record<number, ToolboxFailure>> = {
  91: 'attach',
  92: 'sigquit-not-caught',
  93: 'no-work-dir',
  94: 'unreadable',
  95: 'tmp-link',
  96: 'no-free-space-info',
  97: 'uid-mismatch',
  98: 'no-jcmd',
  99: 'unknown-command',
};

export function failureOfExit(exitCode: number): ToolboxFailure {
  return FAILURE_BY_EXIT[exitCode] ?? 'tool';
}

/** The toolbox's own failure line ("kjd-error: ..."), if stderr holds one. */
export function toolboxErrorLine(stderr: string): string | undefined {
  return /^kjd-error: (.*)$/m.exec(stderr)?.[1];
}

export interface ProbedJvm {
  pid: number;
  uid?: number;
  gid?: number;
  /** The pid inside the JVM's own pid namespace (equal to pid when the debugger shares it). */
  nsPid?: number;
  commandLine: string;
  /** The JVM's java version as its own files tell it (hsperfdata, release file), checked; else unknown. */
  version?: string;
  feature?: number;
}

export interface ProbeResult {
  selfUid: number;
  selfGid: number;
  jcmdPath?: string;
  jdkVersion?: string;
  jdkFeature?: number;
  jvms: ProbedJvm[];
}

function toInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

export function parseProbe(output: string): ProbeResult {
  const result: ProbeResult = { selfUid: -1, selfGid: -1, jvms: [] };
  for (const line of output.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'self') {
      result.selfUid = toInt(f[1]) ?? -1;
      result.selfGid = toInt(f[2]) ?? -1;
    } else if (f[0] === 'jcmd') {
      result.jcmdPath = f[1] || undefined;
      result.jdkVersion = f[2] && f[2] !== 'unknown' ? f[2] : undefined;
      result.jdkFeature = javaFeatureOf(result.jdkVersion);
    } else if (f[0] === 'jvm') {
      const pid = toInt(f[1]);
      if (pid === undefined) continue;
      result.jvms.push({ pid, uid: toInt(f[2]), gid: toInt(f[3]), nsPid: toInt(f[4]), commandLine: f.slice(5).join(' ').trim() });
    } else if (f[0] === 'jvmver' && f.length === 3) {
      const jvm = result.jvms.find((j) => j.pid === toInt(f[1]));
      const known = parseJavaVersion(f[2]);
      if (jvm && known && jvm.version === undefined) Object.assign(jvm, known);
    }
  }
  return result;
}

/**
 * A java.version read from the pod's files (untrusted: a version-shaped string of a plausible release, or nothing),
 * written as VM.version writes it ("1.8.0_504" is "8.0_504").
 */
export function parseJavaVersion(text: string): { version: string; feature: number } | undefined {
  // Numbers joined by dots or an underscore, then an optional build or vendor suffix: 17.0.15, 1.8.0_462, 21-ea, 17.0.9+7-LTS.
  if (text.length > 40 || !/^[1-9]\d{0,2}(?:[._]\d{1,9})*(?:[+-][0-9A-Za-z.]+)*$/.test(text)) return undefined;
  const feature = javaFeatureOf(text);
  if (feature === undefined || feature < 7 || feature > 99) return undefined;
  return { version: text.replace(/^1\.(\d+)\.0_/, '$1.0_'), feature };
}

/** Free KiB from the `space` command's `avail_kb` record. */
export function parseFreeKiB(output: string): number | undefined {
  return toInt(/^avail_kb\t(\d+)$/m.exec(output)?.[1]);
}

/** Parses `jcmd <pid> VM.version`: "JDK 17.0.15" or "JDK 8.0_462". */
export function parseVmVersion(output: string): { version?: string; feature?: number } {
  const jdk = /^JDK (\S+)/m.exec(output);
  const vm = /version (\S+)/.exec(output);
  const version = jdk?.[1] ?? vm?.[1];
  const feature = jdk ? javaFeatureOf(jdk[1]) : undefined;
  return { version, feature };
}

export interface StreamTrailer {
  sha256?: string;
  /** Exit status of the reader (cat or gzip) in the pod. */
  sourceExit?: number;
  /** The file's size in the pod before streaming (uncompressed). */
  sourceSize?: number;
  /** Bytes the toolbox sent on stdout (the gzip's size when it compressed on the fly). */
  sentBytes?: number;
}

/** The size the toolbox announces before it streams ("kjd-size"), read from stderr as it arrives: complete lines only. */
export function announcedSize(stderrSoFar: string): number | undefined {
  return toInt(/^kjd-size\t(\d+)\n/m.exec(stderrSoFar)?.[1]);
}

export function parseStreamTrailer(stderr: string): StreamTrailer {
  const t: StreamTrailer = {};
  for (const line of stderr.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'kjd-sha256' && /^[0-9a-f]{64}$/.test(f[1] ?? '')) t.sha256 = f[1];
    else if (f[0] === 'kjd-source-exit') t.sourceExit = toInt(f[1]);
    else if (f[0] === 'kjd-size') t.sourceSize = toInt(f[1]);
    else if (f[0] === 'kjd-sent') t.sentBytes = toInt(f[1]);
  }
  return t;
}
