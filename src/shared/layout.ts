import * as path from 'node:path';
import { safeSegment } from './names.js';

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
