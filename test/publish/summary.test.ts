import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyseJvm } from '../../src/analyse/analysis.js';
import type { PodResult, RunManifest } from '../../src/shared/model.js';
import { buildSummaryHtml, escapeHtml, writeJobSummary, type AnalysedJvm } from '../../src/publish/summary.js';
import { renderTerminalReport, sanitiseForTerminal } from '../../src/publish/terminal-report.js';
import { DUMP_FIXTURES } from '../analyse/jvm-harness.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');

function pod(name: string, pids: number[], extra: Partial<PodResult> = {}): PodResult {
  return {
    namespace: 'default',
    pod: name,
    container: 'app',
    jvms: pids.map((pid) => ({
      pid,
      commandLine: 'java Simple',
      version: '17.0.15+6-Debian-1deb12u1',
      feature: 17,
      files: [],
      errors: [],
      timingsMs: {},
    })),
    errors: [],
    timingsMs: {},
    ...extra,
  };
}

function manifest(pods: PodResult[], errors: RunManifest['errors'] = []): RunManifest {
  return {
    tool: { name: 'kube-jvm-dump', version: '0.1.0' },
    cluster: {},
    namespace: 'default',
    target: 'deployment/simple-java',
    requested: { dumps: ['threads', 'histogram'], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: false },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:10Z',
    pods,
    errors,
  };
}

const simple: AnalysedJvm = {
  pod: 'simple-java-7d9f',
  container: 'app',
  pid: 1,
  analysis: analyseJvm({ threadDumps: [fixture('jdk17-simple.txt')], histogram: fixture('jdk17-histogram-simple.txt') }),
};

describe('buildSummaryHtml', () => {
  it('the seed scenario: names main sleeping in Simple.main, links the artifact', () => {
    const html = buildSummaryHtml(manifest([pod('simple-java-7d9f', [1])]), [simple], {
      artifact: { name: 'jvm-dumps', url: 'https://github.com/o/r/actions/runs/1/artifacts/2' },
    });
    expect(html).toContain('main is sleeping (TIMED_WAITING) in Simple.main');
    expect(html).toContain('<a href="https://github.com/o/r/actions/runs/1/artifacts/2">jvm-dumps</a>');
    expect(html).toContain('<details><summary>Class histogram</summary>');
    expect(html).toContain('<code>byte[]</code>');
  });

  it('puts the verdict first in each JVM section, before any table', () => {
    const dl: AnalysedJvm = {
      pod: 'p',
      container: 'app',
      pid: 7,
      analysis: analyseJvm({ threadDumps: [fixture('jdk17-sync-deadlock.txt')] }),
    };
    const html = buildSummaryHtml(manifest([pod('p', [7])]), [dl]);
    const section = html.slice(html.indexOf('<h3>'));
    const verdictAt = section.indexOf('deadlock between 2 threads');
    expect(verdictAt).toBeGreaterThan(0);
    expect(verdictAt).toBeLessThan(section.indexOf('<table>'));
    expect(section).toContain('<details open><summary>Deadlocks (1)</summary>');
    expect(section).toContain('JVM report and lock graph');
    expect(html).toContain('<strong>1 with a deadlock</strong>');
  });

  it('escapes everything from the cluster: pod names, errors, thread names, verdicts', () => {
    const evilDump = fixture('jdk17-contended.txt').replaceAll('"holder"', '"<img src=x onerror=alert(1)>"');
    const a: AnalysedJvm = {
      pod: '<script>alert(1)</script>',
      container: 'app',
      pid: 1,
      analysis: analyseJvm({ threadDumps: [evilDump] }),
    };
    expect(a.analysis.contendedLocks[0].holder).toBe('<img src=x onerror=alert(1)>');
    const m = manifest(
      [pod('<script>alert(1)</script>', [1], { errors: [{ stage: 'collect', message: 'jcmd said <b>no</b> & "left"' }] })],
      [{ stage: 'connect', message: '<iframe>' }],
    );
    const html = buildSummaryHtml(m, [a], { artifact: { name: 'x', url: 'javascript:alert(1)' } });
    expect(html).not.toMatch(/<script|<img|<iframe|<b>|javascript:/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('held by &quot;&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(html).toContain('jcmd said &lt;b&gt;no&lt;/b&gt; &amp; &quot;left&quot;');
    expect(html).toContain('&lt;iframe&gt;');
    expect(html).toContain('artifact <code>x</code> (no link available)');
  });

  it('has no blank line (it would end the HTML block on GitHub)', () => {
    const all = ['jdk17-sync-deadlock.txt', 'jdk17-contended.txt', 'jdk17-spinner-1.txt', 'jdk8-two-deadlocks.txt'].map((f, i) => ({
      pod: 'p',
      container: 'app',
      pid: i + 1,
      analysis: analyseJvm({ threadDumps: [fixture(f)], histogram: fixture('jdk17-histogram-simple.txt') }),
    }));
    const html = buildSummaryHtml(manifest([pod('p', [1, 2, 3, 4])]), all);
    expect(html).not.toMatch(/\n\s*\n/);
  });

  it('shows JVMs without analysis and pods without JVMs, with their errors', () => {
    const p = pod('broken', [42]);
    p.jvms[0].errors.push({ stage: 'collect', dump: 'threads', message: 'attach failed' });
    const html = buildSummaryHtml(manifest([p, pod('empty', [], { errors: [{ stage: 'inject', message: 'ImagePullBackOff' }] })]), []);
    expect(html).toContain('<strong>no analysis</strong>');
    expect(html).toContain('[collect/threads] attach failed');
    expect(html).toContain('No JVM found in this container.');
    expect(html).toContain('[inject] ImagePullBackOff');
  });

  it('stays under the size budget with many pods', () => {
    const contended = analyseJvm({ threadDumps: [fixture('jdk17-contended.txt')], histogram: fixture('jdk17-histogram-simple.txt') });
    const pods = Array.from({ length: 400 }, (_, i) => pod(`pod-${i}`, [1]));
    const analyses = pods.map((p) => ({ pod: p.pod, container: 'app', pid: 1, analysis: contended }));
    const budget = 200 * 1024;
    const html = buildSummaryHtml(manifest(pods), analyses, { budgetBytes: budget });
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(budget);
    expect(html).toContain('7 threads blocked on one lock');
    expect(html).toMatch(/more pods left out of the summary|Details left out/);
    const small = buildSummaryHtml(manifest(pods.slice(0, 100)), analyses.slice(0, 100), { budgetBytes: budget });
    expect(small).toContain('Details left out to keep the summary small');
    expect(small.match(/7 threads blocked on one lock/g)).toHaveLength(100);
  });

  it('escapeHtml shows control, bidi and line-separator characters as escapes', () => {
    expect(escapeHtml('a\u0000b\u001bc<&>"\'')).toBe('a\\x00b\\x1bc&lt;&amp;&gt;&quot;&#39;');
    expect(escapeHtml('\r\u202eexe.gnp\u2028')).toBe('\\r\\u202eexe.gnp\\u2028');
  });

  it('leaves no raw control character and no markdown outside the one HTML block, whatever the cluster said', () => {
    const hostile = '\r\n\n# title\n\n![x](https://evil.example/p.png) <script>x</script> \u001b]0;pwned\u0007 \u2028 ##[warning]x';
    const p = pod(hostile, [1]);
    p.errors.push({ stage: 'inject', message: hostile });
    p.jvms[0].commandLine = hostile;
    p.jvms[0].notes = [hostile];
    const m = { ...manifest([p]), target: hostile, skipped: [{ dump: 'heap' as const, reason: hostile }] };
    const html = buildSummaryHtml(m, [{ pod: hostile, container: 'app', pid: 1, analysis: simple.analysis }]);
    // One HTML block: a blank line would end it and let the rest be read as markdown.
    expect(html).not.toMatch(/\n\s*\n/);
    expect(html.startsWith('<h2>')).toBe(true);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<strong>No heap dump.</strong>');
    const text = renderTerminalReport(m, []);
    expect(text).toContain('  skipped heap: \\r\\n\\n# title');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
  });
});

describe('writeJobSummary', () => {
  let dir: string | undefined;
  const saved = process.env.GITHUB_STEP_SUMMARY;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
  });

  it('appends the summary to the GITHUB_STEP_SUMMARY file through core.summary', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kjd-summary-'));
    const file = path.join(dir, 'summary.md');
    writeFileSync(file, '');
    process.env.GITHUB_STEP_SUMMARY = file;
    await writeJobSummary(manifest([pod('simple-java-7d9f', [1])]), [simple], { artifact: { name: 'jvm-dumps' } });
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('main is sleeping (TIMED_WAITING) in Simple.main');
    expect(written.startsWith('<h2>')).toBe(true);
  });
});

describe('renderTerminalReport', () => {
  it('prints the same verdicts, one line per JVM, and the details that matter', () => {
    const dl: AnalysedJvm = {
      pod: 'p2',
      container: 'app',
      pid: 9,
      analysis: analyseJvm({ threadDumps: [fixture('jdk17-sync-deadlock.txt')] }),
    };
    const p = pod('p2', [9]);
    p.jvms[0].errors.push({ stage: 'collect', dump: 'heap', message: 'disk full' });
    const text = renderTerminalReport(manifest([pod('simple-java-7d9f', [1]), p]), [simple, dl]);
    expect(text).toContain(`  pid 1, JDK 17.0.15+6-Debian-1deb12u1: ${simple.analysis.verdict}`);
    expect(text).toContain(`  pid 9, JDK 17.0.15+6-Debian-1deb12u1: ${dl.analysis.verdict}`);
    expect(text).toMatch(/deadlock: "deadlock-alpha" waits for java\.lang\.Object <0x[0-9a-f]+> held by "deadlock-beta"/);
    expect(text).toContain('error [collect/heap]: disk full');
    expect(text).toContain('largest class on the heap: byte[]');
  });

  it('cannot be used to drive the terminal', () => {
    expect(sanitiseForTerminal('a\u001b[31mred\u001b[0m\u001b]0;title\u0007b\rc')).toBe('a\\x1b[31mred\\x1b[0m\\x1b]0;title\\x07b\\rc');
    const text = renderTerminalReport(manifest([pod('x\u001b[2Jy', [])]), []);
    expect(text).not.toContain('\u001b');
  });
});

describe('notes on how a dump was taken', () => {
  it('appear in the summary and the terminal report', async () => {
    const { buildSummaryHtml } = await import('../../src/publish/summary.js');
    const { renderTerminalReport } = await import('../../src/publish/terminal-report.js');
    const manifest = {
      tool: { name: 'kube-jvm-dump', version: '0' },
      cluster: {},
      namespace: 'default',
      target: 'deployment/x',
      startedAt: '',
      finishedAt: '',
      errors: [],
      requested: { dumps: ['threads' as const], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: true },
      pods: [
        {
          namespace: 'default',
          pod: 'p',
          container: 'c',
          errors: [],
          timingsMs: {},
          jvms: [
            {
              pid: 7,
              commandLine: 'java X',
              files: [],
              errors: [],
              timingsMs: {},
              notes: ['attach failed: thread dumps taken with SIGQUIT from the container log'],
            },
          ],
        },
      ],
    };
    expect(buildSummaryHtml(manifest, [])).toContain('thread dumps taken with SIGQUIT');
    expect(renderTerminalReport(manifest, [])).toContain('note: attach failed: thread dumps taken with SIGQUIT');
  });
});

describe('what was collected', () => {
  it('is listed per JVM, with the heap dump size', async () => {
    const { buildSummaryHtml } = await import('../../src/publish/summary.js');
    const file = (kind: 'threads' | 'histogram' | 'heap', size = 10) => ({ path: `p/c/7/${kind}`, kind, size, sha256: '' });
    const manifest = {
      tool: { name: 'kube-jvm-dump', version: '0' },
      cluster: {},
      namespace: 'default',
      target: 'deployment/x',
      startedAt: '',
      finishedAt: '',
      errors: [],
      requested: {
        dumps: ['threads' as const, 'histogram' as const, 'heap' as const],
        threadDumpCount: 2,
        threadDumpIntervalMs: 0,
        heapDumpLive: true,
      },
      pods: [
        {
          namespace: 'default',
          pod: 'p',
          container: 'c',
          errors: [],
          timingsMs: {},
          jvms: [
            {
              pid: 7,
              commandLine: 'java X',
              errors: [],
              timingsMs: {},
              files: [file('threads'), file('threads'), file('histogram'), file('heap', 3 * 1024 * 1024)],
            },
          ],
        },
      ],
    };
    expect(buildSummaryHtml(manifest, [])).toMatch(/Collected: 2 thread dumps, class histogram, heap dump \(3(\.0)? MiB, gzipped\)\./);
  });
});
