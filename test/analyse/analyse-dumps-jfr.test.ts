import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { analyseDumps, analyseRun } from '../../src/analyse/analyse-dumps.js';
import type { FileRecord, RunManifest } from '../../src/shared/model.js';
import { DUMP_FIXTURES } from './jvm-harness.js';
import { pricingSummary } from './jfr-fixtures.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An output directory with one JVM's files under web-1/app/7, and its manifest. */
function run(
  files: Record<string, string>,
  dumps: string[] = ['threads', 'jfr'],
  threadDumpCount = 3,
): { dir: string; manifest: RunManifest } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kjd-jfr-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'web-1/app/7'), { recursive: true });
  const records: FileRecord[] = Object.entries(files).map(([name, text]) => {
    writeFileSync(path.join(dir, 'web-1/app/7', name), text);
    const kind = (name.startsWith('threads-') ? 'threads' : 'jfr') as FileRecord['kind'];
    return { path: `web-1/app/7/${name}`, kind, size: Buffer.byteLength(text), sha256: '' };
  });
  const manifest: RunManifest = {
    tool: { name: 'kube-jvm-dump', version: '0' },
    cluster: {},
    namespace: 'default',
    target: 'deployment/web',
    requested: { dumps: dumps as RunManifest['requested']['dumps'], threadDumpCount, threadDumpIntervalMs: 1000, heapDumpLive: false },
    startedAt: '',
    finishedAt: '',
    pods: [
      {
        namespace: 'default',
        pod: 'web-1',
        container: 'app',
        jvms: [{ pid: 7, commandLine: 'java', files: records, errors: [], timingsMs: {} }],
        errors: [],
        timingsMs: {},
      },
    ],
    errors: [],
  };
  return { dir, manifest };
}

const spinner = (i: number) => readFileSync(path.join(DUMP_FIXTURES, `jdk11-spinner-real-${i}.txt`), 'utf8');

describe('analyseDumps with a JFR summary', () => {
  it('reads jfr-summary.json into analysis.json and writes flame.svg next to the dumps', async () => {
    const { dir, manifest } = run({
      'threads-1.txt': spinner(1),
      'jfr-summary.json': JSON.stringify(pricingSummary()),
      'recording.jfr': 'FLR\0',
    });
    const [entry] = (await analyseDumps(manifest, dir)).jvms;
    expect(entry.analysis.jfr?.verdict).toMatch(/^62% of samples in com\.acme\.Pricing\.recalculate/);
    expect(entry.analysis.flameGraph).toEqual({ file: 'web-1/app/7/flame.svg', source: 'jfr', stacks: 1000 });
    const svg = readFileSync(path.join(dir, 'web-1/app/7/flame.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('com.acme.Pricing.recalculate');
    const json = JSON.parse(readFileSync(path.join(dir, 'analysis.json'), 'utf8'));
    expect(json.jvms[0].analysis.jfr.bySelf[0]).toEqual({ method: 'com.acme.Pricing.recalculate', samples: 620, share: 0.62 });
    expect(json.jvms[0].analysis.flameGraph.file).toBe('web-1/app/7/flame.svg');
  });

  it('a broken summary: a note, no JFR section; the flame graph falls back to the thread dumps', async () => {
    const { dir, manifest } = run({ 'threads-1.txt': spinner(1), 'jfr-summary.json': '{"schema":1,"hotMethods":"<script>"}' });
    const [entry] = (await analyseDumps(manifest, dir)).jvms;
    expect(entry.analysis.jfr).toBeUndefined();
    expect(entry.analysis.notes).toContainEqual(expect.stringMatching(/^JFR summary left out: .*recording is not an object/));
    expect(entry.analysis.flameGraph).toMatchObject({ source: 'thread-dumps', samples: 1 });
    expect(readFileSync(path.join(dir, 'web-1/app/7/flame.svg'), 'utf8')).toContain(
      'made from 1 thread-dump samples, RUNNABLE threads only',
    );
  });

  it('without JFR: a flame graph from 5 thread-dump samples, none from 3', async () => {
    const five = run({ 'threads-1.txt': spinner(1), 'threads-2.txt': spinner(2), 'threads-3.txt': spinner(3) }, ['threads'], 5);
    expect((await analyseDumps(five.manifest, five.dir)).jvms[0].analysis.flameGraph?.source).toBe('thread-dumps');
    const three = run({ 'threads-1.txt': spinner(1), 'threads-2.txt': spinner(2), 'threads-3.txt': spinner(3) }, ['threads'], 3);
    expect((await analyseDumps(three.manifest, three.dir)).jvms[0].analysis.flameGraph).toBeUndefined();
    expect(existsSync(path.join(three.dir, 'web-1/app/7/flame.svg'))).toBe(false);
  });

  it('a flame graph that cannot be written costs the picture, not the analysis', async () => {
    const { dir, manifest } = run({ 'threads-1.txt': spinner(1), 'jfr-summary.json': JSON.stringify(pricingSummary()) });
    mkdirSync(path.join(dir, 'web-1/app/7/flame.svg')); // a directory in its place
    const [entry] = (await analyseDumps(manifest, dir)).jvms;
    expect(entry.analysis.flameGraph).toBeUndefined();
    expect(entry.analysis.notes).toContainEqual(expect.stringMatching(/^writing web-1\/app\/7\/flame\.svg failed/));
    expect(entry.analysis.jfr).toBeDefined();
    expect(JSON.parse(readFileSync(path.join(dir, 'analysis.json'), 'utf8')).jvms[0].analysis.flameGraph).toBeUndefined();
  });

  it('analyseRun (an artifact read later) refers to a flame graph only when the run wrote it', async () => {
    const { dir, manifest } = run({ 'threads-1.txt': spinner(1), 'jfr-summary.json': JSON.stringify(pricingSummary()) });
    expect((await analyseRun(manifest, dir))[0].analysis.flameGraph).toBeUndefined();
    await analyseDumps(manifest, dir);
    expect((await analyseRun(manifest, dir))[0].analysis.flameGraph?.file).toBe('web-1/app/7/flame.svg');
  });

  it('a summary the manifest lists but the disk lacks is a note; the thread dumps are still analysed', async () => {
    const { dir, manifest } = run({ 'threads-1.txt': spinner(1), 'jfr-summary.json': '{}' });
    rmSync(path.join(dir, 'web-1/app/7/jfr-summary.json'));
    const [entry] = (await analyseDumps(manifest, dir)).jvms;
    expect(entry.analysis.notes).toContainEqual(
      expect.stringMatching(/^JFR summary left out: reading web-1\/app\/7\/jfr-summary\.json failed: /),
    );
    expect(entry.analysis.samples).toBe(1);
    expect(entry.analysis.flameGraph?.source).toBe('thread-dumps');
  });
});
