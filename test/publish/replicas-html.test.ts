// The "Replicas" section of the job summary and the terminal report, from real analyses (Replica captures, see
// ../fixtures/thread-dumps/README.md) with hostile names put in where pod data goes.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseJvm } from '../../src/analyse/analysis.js';
import type { JvmAnalysis } from '../../src/analyse/analysis-types.js';
import type { ReplicaComparison } from '../../src/analyse/replicas.js';
import type { PodResult, RunManifest } from '../../src/shared/model.js';
import { stateMix } from '../../src/publish/replicas-html.js';
import { buildSummaryHtml, type AnalysedJvm } from '../../src/publish/summary.js';
import { renderTerminalReport } from '../../src/publish/terminal-report.js';
import { pricingSummary } from '../analyse/jfr-fixtures.js';
import { DUMP_FIXTURES } from '../analyse/jvm-harness.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');
const replica = (name: string): JvmAnalysis =>
  analyseJvm({
    threadDumps: [1, 2, 3].map((n) => fixture(`jdk17-replica-${name}-${n}.txt`)),
    histogram: fixture(`jdk17-replica-${name}-histogram.txt`),
  });

function pod(name: string): PodResult {
  const jvms = [{ pid: 1, commandLine: 'java -cp /app Replica', files: [], errors: [], timingsMs: {} }];
  return {
    namespace: 'shop',
    pod: name,
    container: 'app',
    owner: 'ReplicaSet/web-7d9c6f',
    targetImage: 'web:1.4',
    jvms,
    errors: [],
    timingsMs: {},
  };
}

function run(replicas: Record<string, JvmAnalysis>): { manifest: RunManifest; analyses: AnalysedJvm[] } {
  const names = Object.keys(replicas);
  const manifest: RunManifest = {
    tool: { name: 'kube-jvm-dump', version: '0' },
    cluster: {},
    namespace: 'shop',
    target: 'deployment/web',
    requested: { dumps: ['threads', 'histogram'], threadDumpCount: 3, threadDumpIntervalMs: 1000, heapDumpLive: false },
    startedAt: '',
    finishedAt: '',
    errors: [],
    pods: names.map(pod),
  };
  return { manifest, analyses: names.map((p) => ({ pod: p, container: 'app', pid: 1, analysis: replicas[p] })) };
}

const HOSTILE = '<img src=x onerror=alert(1)>\u001b]0;title\u0007\n::set-output name=deadlock::false';

describe('the Replicas section', () => {
  it('one row per replica and the odd one named above the table, in the summary and the terminal report', () => {
    const { manifest, analyses } = run({ 'web-1': replica('calm-a'), 'web-2': replica('pileup-a'), 'web-3': replica('calm-b') });
    const html = buildSummaryHtml(manifest, analyses);
    expect(html).toContain('<h3>Replicas (3) of <code>ReplicaSet/web-7d9c6f, container app, image web:1.4, running Replica</code></h3>');
    expect(html).toContain(
      '<p>⚠️ <strong>Odd one out: pod web-2: 24 threads BLOCKED on one lock (Replica$Ledger); the other 2 pods: none</strong></p>',
    );
    const table = html.slice(html.indexOf('<th>Replica</th>'), html.indexOf('</table>', html.indexOf('<th>Replica</th>')));
    expect(table.match(/<tr>/g)).toHaveLength(3); // the rows after the header's
    expect(table).toContain(
      '<td><strong><code>pod web-2</code></strong></td><td>42</td><td>9 RUNNABLE, 24 BLOCKED, 6 WAITING, 3 TIMED_WAITING</td>',
    );
    expect(table).toContain('<td>24 on <code>Replica$Ledger</code></td>');
    // Before the pods' own sections: the comparison is read first.
    expect(html.indexOf('Odd one out')).toBeLessThan(html.indexOf('<h3>Pod <code>web-1'));

    const text = renderTerminalReport(manifest, analyses);
    expect(text).toContain(
      'replicas of ReplicaSet/web-7d9c6f, container app, image web:1.4, running Replica: Odd one out: pod web-2: 24 threads BLOCKED on one lock (Replica$Ledger); the other 2 pods: none',
    );
    expect(text).toContain('  pod web-2: 42 Java threads (9 RUNNABLE, 24 BLOCKED, 6 WAITING, 3 TIMED_WAITING), 24 on one lock, ');
  });

  it('20 rows at most, and the odd one even past them', () => {
    const calm = replica('calm-a');
    const many: Record<string, JvmAnalysis> = {};
    for (let i = 1; i <= 24; i++) many[`web-${i}`] = calm;
    many['web-25'] = replica('pileup-a');
    const { manifest, analyses } = run(many);
    const html = buildSummaryHtml(manifest, analyses);
    expect(html.match(/<tr><td>(<strong>)?<code>pod web-/g)).toHaveLength(21);
    expect(html).toContain('<strong><code>pod web-25</code></strong>');
    expect(html).toContain('<p><em>4 more replicas in analysis.json.</em></p>');
    expect(html).toContain('Odd one out: pod web-25: 24 threads BLOCKED on one lock (Replica$Ledger); the other 24 pods: none');
  });

  it('a replica without thread dumps: its row says so, its JFR hot method shows', () => {
    const summary = pricingSummary();
    summary.stacks = [];
    summary.otherStacks = 0;
    const jfrOnly = analyseJvm({ threadDumps: [], jfrSummary: JSON.stringify(summary) });
    const { manifest, analyses } = run({ 'web-1': replica('calm-a'), 'web-2': jfrOnly, 'web-3': replica('calm-b') });
    const html = buildSummaryHtml(manifest, analyses);
    expect(html).toContain(
      '<td><code>pod web-2</code></td><td>(no thread dump)</td><td></td><td></td><td><code>com.acme.Pricing.recalculate</code> 62% (JFR)',
    );
    expect(renderTerminalReport(manifest, analyses)).toContain('  pod web-2: no thread dump, JFR: 62% in com.acme.Pricing.recalculate\n');
  });

  it('findings the verdict line leaves out are listed under it, the ones in it are not repeated', () => {
    const busy = replica('calm-b');
    busy.busyThreads = [{ ...replica('spin').busyThreads[0], name: 'http-1', appFrame: 'com.acme.Orders.list(Orders.java:12)' }];
    const { manifest, analyses } = run({
      'web-1': replica('pileup-a'),
      'web-2': replica('spin'),
      'web-3': busy,
      'web-4': replica('calm-a'),
    });
    const html = buildSummaryHtml(manifest, analyses);
    expect(html).toContain(
      '<strong>Odd one out: pod web-1: 24 threads BLOCKED on one lock (Replica$Ledger); the other 3 pods: none</strong>',
    );
    const list = html.slice(html.indexOf('<ul>'), html.indexOf('</ul>'));
    expect(list.match(/<li>/g)).toHaveLength(2);
    expect(list).toContain(
      '<li>pod web-2: threads busy in Replica$Pricing.recalculate; the other 3 pods: not running it, 1 busy in other methods</li>',
    );
    expect(list).not.toContain('BLOCKED');
  });

  it('no section for a single pod', () => {
    const { manifest, analyses } = run({ 'web-1': replica('pileup-a') });
    expect(buildSummaryHtml(manifest, analyses)).not.toContain('Replicas (');
    expect(renderTerminalReport(manifest, analyses)).not.toContain('replicas of');
  });

  it('names from the pod are escaped in HTML and inert in the terminal', () => {
    const odd = replica('pileup-a');
    odd.contendedLocks[0].className = HOSTILE;
    const spin = replica('spin');
    spin.busyThreads[0].appFrame = `${HOSTILE}(X.java:1)`;
    const { manifest, analyses } = run({ 'web-1': replica('calm-a'), 'web-2': odd, 'web-3': spin });
    manifest.pods[2].pod = analyses[2].pod = 'web-3<script>';
    const html = buildSummaryHtml(manifest, analyses);
    expect(html).not.toMatch(/<img|<script|\u001b|\u0007/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;\\x1b]0;title\\x07');
    const text = renderTerminalReport(manifest, analyses);
    expect(text).not.toMatch(/\u001b|\u0007/);
    expect(text.split('\n').some((l) => /^\s*::/.test(l))).toBe(false);
    // The name's newline and escapes are shown as text on one line.
    expect(text).toContain(
      '24 threads BLOCKED on one lock (<img src=x onerror=alert(1)>\\x1b]0;title\\x07\\n::set-output name=deadlock::false)',
    );
  });

  it('the state mix lists the usual four first', () => {
    expect(stateMix({ TIMED_WAITING: 3, NEW: 1, RUNNABLE: 9, BLOCKED: 2 })).toBe('9 RUNNABLE, 2 BLOCKED, 3 TIMED_WAITING, 1 NEW');
  });

  it('shows the comparison the run made (analysis.json has it), not one made again', () => {
    const { manifest, analyses } = run({ 'web-1': replica('calm-a'), 'web-2': replica('pileup-a') });
    const made: ReplicaComparison = { workload: 'the one made', rows: [], findings: [], verdict: 'Odd one out: as analyseDumps said' };
    expect(buildSummaryHtml(manifest, analyses, { replicas: [made] })).toContain('Odd one out: as analyseDumps said');
    expect(buildSummaryHtml(manifest, analyses, { replicas: [] })).not.toContain('Odd one out');
    expect(renderTerminalReport(manifest, analyses, [made])).toContain('replicas of the one made: Odd one out: as analyseDumps said');
    expect(renderTerminalReport(manifest, analyses, [])).not.toContain('replicas of');
  });
});
