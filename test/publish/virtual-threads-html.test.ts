// The job summary's virtual-thread section, on real JDK 21 and 25 dumps of VirtualPileUp.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseJvm } from '../../src/analyse/analysis.js';
import type { RunManifest } from '../../src/shared/model.js';
import { buildSummaryHtml } from '../../src/publish/summary.js';
import { DUMP_FIXTURES } from '../analyse/jvm-harness.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');

function summaryOf(threadDumps: string[]): string {
  const manifest: RunManifest = {
    tool: { name: 'kube-jvm-dump', version: '0.1.0' },
    cluster: {},
    namespace: 'default',
    target: 'deployment/web',
    requested: { dumps: ['threads', 'threads-json'], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: false },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:10Z',
    pods: [{ namespace: 'default', pod: 'web-1', container: 'app', jvms: [], errors: [], timingsMs: {} }],
    errors: [],
  };
  return buildSummaryHtml(manifest, [{ pod: 'web-1', container: 'app', pid: 1, analysis: analyseJvm({ threadDumps }) }]);
}

describe('virtual threads in the job summary', () => {
  it('JDK 25 Thread.print and JSON: the pile-up verdict, counts by state, the largest group open', () => {
    const html = summaryOf([fixture('jdk25-virtual-pileup-real.txt'), fixture('jdk25-virtual-pileup-real.json')]);
    expect(html).toContain('<strong>virtual-thread pile-up: 300 of 301 virtual threads WAITING in VirtualPileUp.handle');
    expect(html).toContain('<details open><summary>Virtual threads (301, from the JSON thread dump (every virtual thread))</summary>');
    expect(html).toMatch(/<td>301<\/td><td>1<\/td><td>300<\/td>/);
    expect(html).toContain('<p>300 virtual threads, WAITING, parked on <code>java.util.concurrent.locks.ReentrantLock$NonfairSync@');
  });

  it('Thread.print alone: says that only mounted virtual threads are seen', () => {
    const html = summaryOf([fixture('jdk25-virtual-pileup.txt')]);
    expect(html).toContain('<summary>Virtual threads (1, from Thread.print (only those mounted on a carrier))</summary>');
  });

  it('no virtual thread: no section', () => {
    expect(summaryOf([fixture('jdk17-simple.txt')])).not.toContain('Virtual threads');
  });
});
