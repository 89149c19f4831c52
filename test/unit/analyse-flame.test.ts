// `kube-jvm-dump analyse --flame FILE`: a flame graph of dumps or a JFR summary a user already has.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { XMLValidator } from 'fast-xml-parser';
import { runAnalyseCommand } from '../../src/analyse-command.js';
import { pricingSummary } from '../analyse/jfr-fixtures.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/thread-dumps');
const f = (name: string) => path.join(FIXTURES, name);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'kjd-flame-'));
  dirs.push(d);
  return d;
};

async function analyse(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runAnalyseCommand(args, stdout, stderr);
  return { code, out, err };
}

describe('kube-jvm-dump analyse --flame', () => {
  it('from thread dumps: the RUNNABLE stacks, said so in the graph and in the report', async () => {
    const svgFile = path.join(tmp(), 'spin.svg');
    const r = await analyse('--flame', svgFile, ...[1, 2, 3].map((n) => f(`jdk11-spinner-real-${n}.txt`)));
    const svg = readFileSync(svgFile, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('made from 3 thread-dump samples, RUNNABLE threads only');
    expect(svg).toContain('Spinner.spin');
    expect(r.out).toContain(`flame graph: ${svgFile} (thread-dump samples, RUNNABLE threads only)`);
  });

  it('from a jfr-summary.json among the files: the JFR stacks and the JFR section', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(pricingSummary()));
    const svgFile = path.join(dir, 'out.svg');
    const r = await analyse(`--flame=${svgFile}`, f('jdk11-spinner-real-1.txt'), path.join(dir, 'summary.json'));
    expect(readFileSync(svgFile, 'utf8')).toContain('made from 1,000 JFR execution samples');
    expect(r.out).toContain('JFR (30 s, 1,000 execution samples): 62% of samples in com.acme.Pricing.recalculate');
    expect(r.out).toContain(`flame graph: ${svgFile} (JFR execution samples)`);
  });

  it('nothing to draw: no file, and a note that says why', async () => {
    const svgFile = path.join(tmp(), 'none.svg');
    const r = await analyse('--flame', svgFile, f('jdk17-simple.txt'));
    expect(existsSync(svgFile)).toBe(false);
    expect(r.out).toContain('note: no flame graph: neither JFR execution samples nor a RUNNABLE application thread in the files');
  });

  it('--flame without a file name is bad usage', async () => {
    expect((await analyse(f('jdk17-simple.txt'), '--flame')).code).toBe(2);
  });
});
