import * as path from 'node:path';

/** Keeps names from the cluster safe as single path segments. */
export function safeSegment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 120) || '_';
}

/** `<pod>/<container>/<pid>` relative to the output directory, with forward slashes (as in the manifest). */
export function jvmDir(pod: string, container: string, pid: number): string {
  return [safeSegment(pod), safeSegment(container), String(pid)].join('/');
}

export const FileNames = {
  threadDump: (n: number) => `threads-${n}.txt`,
  histogram: 'histogram.txt',
  heapDump: 'heap.hprof.gz',
  vmInfo: 'vm-info.txt',
  manifest: 'manifest.json',
  analysis: 'analysis.json',
} as const;

export function absolute(outputDir: string, relative: string): string {
  return path.join(outputDir, ...relative.split('/'));
}
