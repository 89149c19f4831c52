import * as path from 'node:path';
import { safeSegment, segmentAvoiding } from './names.js';

/**
 * `<pod>/<container>/<pid>` relative to the output directory, with forward slashes (as in the manifest). A pod
 * named like a file the run writes at the top (a pod may be called manifest.json) gets a folder of another name.
 */
export function jvmDir(pod: string, container: string, pid: number): string {
  return [segmentAvoiding(pod, TOP_LEVEL_FILES), safeSegment(container), String(pid)].join('/');
}

export const FileNames = {
  threadDump: (n: number) => `threads-${n}.txt`,
  threadsJson: 'threads.json',
  histogram: 'histogram.txt',
  heapDump: 'heap.hprof.gz',
  vmInfo: 'vm-info.txt',
  jfrRecording: 'recording.jfr',
  jfrSummary: 'jfr-summary.json',
  manifest: 'manifest.json',
  analysis: 'analysis.json',
  workload: 'workload.yaml',
  podYaml: 'pod.yaml',
  events: 'events.txt',
  log: (container: string, previous: boolean) => `logs/${safeSegment(container)}${previous ? '.previous' : ''}.log`,
} as const;

/** Files written at the top of the output directory, beside the pods' folders. */
const TOP_LEVEL_FILES: readonly string[] = [FileNames.manifest, FileNames.analysis, FileNames.workload];

/** `<pod>` relative to the output directory: the folder of the pod's context files and its JVMs' folders. */
export function podDir(pod: string): string {
  return segmentAvoiding(pod, TOP_LEVEL_FILES);
}

export function absolute(outputDir: string, relative: string): string {
  return path.join(outputDir, ...relative.split('/'));
}
