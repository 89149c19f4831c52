import { describe, expect, it } from '@jest/globals';
import { analyseJvm } from '../../src/analyse/analysis.js';
import type { JvmAnalysis } from '../../src/analyse/analysis-types.js';
import { buildSummaryHtml, type AnalysedJvm } from '../../src/publish/summary.js';
import { jfrHtml } from '../../src/publish/jfr-html.js';
import { renderTerminalReport } from '../../src/publish/terminal-report.js';
import type { RunManifest } from '../../src/shared/model.js';
import { pricingSummary } from '../analyse/jfr-fixtures.js';

function manifest(): RunManifest {
  return {
    tool: { name: 'kube-jvm-dump', version: '0' },
    cluster: {},
    namespace: 'default',
    target: 'deployment/web',
    requested: { dumps: ['threads'], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: false },
    startedAt: '',
    finishedAt: '',
    pods: [
      {
        namespace: 'default',
        pod: 'web-1',
        container: 'app',
        jvms: [{ pid: 7, commandLine: 'java', files: [], errors: [], timingsMs: {} }],
        errors: [],
        timingsMs: {},
      },
    ],
    errors: [],
  };
}

function analysed(summary = pricingSummary()): AnalysedJvm {
  const analysis: JvmAnalysis = analyseJvm({ threadDumps: [], jfrSummary: JSON.stringify(summary) });
  analysis.flameGraph = { file: 'web-1/app/7/flame.svg', source: 'jfr', stacks: 1000 };
  return { pod: 'web-1', container: 'app', pid: 7, analysis };
}

const HOSTILE = '<img src=x onerror=alert(1)>';

function hostileSummary() {
  const s = pricingSummary();
  s.hotMethods[0].method = `${HOSTILE}.run`;
  s.stacks[0].frames[2] = `${HOSTILE}.run`;
  s.monitors[0].monitorClass = `</table><script>alert(2)</script>`;
  s.monitors[0].site = '::error::pwned\u001b[2J';
  s.gc.longest[0].cause = '<b>&amp;</b>';
  s.allocations[0].objectClass = '"><svg onload=alert(3)>';
  s.notes = ['<!-- note -->\n\n# heading'];
  return s;
}

describe('the JFR section of the job summary', () => {
  it('the verdict line, where the time went, monitors, GC pauses, allocation, CPU and the flame graph', () => {
    const html = buildSummaryHtml(manifest(), [analysed()]);
    expect(html).toContain(
      '⏱️ <strong>JFR</strong> (30 s, 1,000 execution samples): <strong>62% of samples in com.acme.Pricing.recalculate; threads blocked 9.5 s on com.acme.Inventory',
    );
    expect(html).toContain('<summary>Where the time went (JFR execution samples)</summary>');
    expect(html).toContain('<tr><td>1</td><td><code>com.acme.Pricing.recalculate</code></td><td>620</td><td>62.0%</td></tr>');
    expect(html).toContain('<tr><td>3</td><td><code>com.acme.Pricing.recalculate</code></td><td>700</td><td>70.0%</td></tr>');
    expect(html).toContain(
      '<tr><td><code>com.acme.Inventory</code></td><td><code>com.acme.Inventory.reserve:42</code></td><td>120</td><td>9.5 s</td><td>310 ms</td></tr>',
    );
    expect(html).toContain('40 collections, 1.4 s paused in total, longest 450 ms.');
    expect(html).toContain('<td>G1Old</td><td>G1 Humongous Allocation</td><td>450 ms</td>');
    expect(html).toContain('<td><code>byte[]</code></td><td>1.4 GiB</td><td>900</td>');
    expect(html).toContain('<td>50.0%</td><td>5.0%</td><td>60.0%</td><td>80.0%</td>');
    expect(html).toContain('🔥 Flame graph: <code>web-1/app/7/flame.svg</code> in the artifact, made from 1,000 JFR execution samples.');
    // No blank line: it would end GitHub's HTML block.
    expect(html).not.toMatch(/\n\s*\n/);
  });

  it("the recording is in the JVM's list of what was collected", () => {
    const m = manifest();
    m.pods[0].jvms[0].files = [
      { path: 'web-1/app/7/recording.jfr', kind: 'jfr', size: 3 * 1024 * 1024, sha256: '' },
      { path: 'web-1/app/7/jfr-summary.json', kind: 'jfr', size: 8000, sha256: '' },
    ];
    expect(buildSummaryHtml(m, [analysed()])).toContain('<p>Collected: JFR recording (3.0 MiB).</p>');
  });

  it('compact: the verdict and the flame graph line, no tables', () => {
    const lines = jfrHtml(analysed().analysis, false);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^<p>⏱️ <strong>JFR<\/strong>/);
  });

  it('no recording and no graph: nothing', () => {
    expect(jfrHtml(analyseJvm({ threadDumps: [] }), true)).toEqual([]);
  });

  it('names from the pod are inert text', () => {
    const html = buildSummaryHtml(manifest(), [analysed(hostileSummary())]);
    expect(html).not.toMatch(/<img|<script|<svg|<\/table><|<b>|<!--/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.run');
    expect(html).toContain('&lt;/table&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(html).toContain('::error::pwned\\x1b[2J');
    expect(html).not.toMatch(/\n\s*\n/);
  });

  it('the terminal report: the JFR verdict, the top methods and monitor, the flame graph; neutralised', () => {
    const text = renderTerminalReport(manifest(), [analysed(hostileSummary())]);
    expect(text).toContain('    JFR (30 s, 1,000 execution samples): 62% of samples in <img src=x onerror=alert(1)>.run');
    expect(text).toContain('      self 62.0%  <img src=x onerror=alert(1)>.run');
    expect(text).toContain('at ::error::pwned\\x1b[2J: 120 times, 9.5 s blocked, longest 310 ms');
    expect(text).toContain('    flame graph: web-1/app/7/flame.svg (JFR execution samples)');
    expect(text).not.toContain('\u001b');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*::/);
  });
});
