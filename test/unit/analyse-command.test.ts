// `kube-jvm-dump analyse`: dumps you already have in, the report out; exit status by the verdict.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/thread-dumps');
const f = (name: string) => path.join(FIXTURES, name);

async function analyse(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runCli(['analyse', ...args], stdout as unknown as typeof process.stdout, stderr as unknown as typeof process.stderr);
  return { code, out, err };
}

describe('kube-jvm-dump analyse', () => {
  it('no problem: exit 0, the verdict and the class histogram given beside the dump', async () => {
    const r = await analyse(f('jdk17-simple.txt'), f('jdk17-histogram-simple.txt'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: no problem found: 12 Java threads; main is sleeping \(TIMED_WAITING\) in Simple\.main\n/);
    expect(r.out).toContain('largest class on the heap: byte[]');
  });

  it('contention across samples: exit 3', async () => {
    const r = await analyse(...[1, 2, 3, 4, 5, 6].map((n) => f(`jdk17-contended-then-free-${n}.txt`)));
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/7 threads blocked on one lock .* in 5 of 6 samples/);
  });

  it('a deadlock: exit 4; --json gives the analysis.json shape', async () => {
    const r = await analyse('--json', f('jdk8-many-deadlocks-real.txt'));
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.out) as {
      tool: { name: string };
      jvms: { files: string[]; analysis: { deadlocks: unknown[]; severity: string } }[];
    };
    expect(doc.tool.name).toBe('kube-jvm-dump');
    expect(doc.jvms).toHaveLength(1);
    expect(doc.jvms[0].files).toEqual([f('jdk8-many-deadlocks-real.txt')]);
    expect(doc.jvms[0].analysis).toMatchObject({ severity: 'deadlock' });
    expect(doc.jvms[0].analysis.deadlocks).toHaveLength(4);
  });

  it('not a HotSpot thread dump: exit 2, saying what it looks like', async () => {
    const r = await analyse(f('jdk17-jhsdb-jstack.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a HotSpot thread dump (looks like: jhsdb jstack output (the serviceability agent))');
  });

  it('bad usage: exit 2', async () => {
    expect((await analyse()).code).toBe(2);
    expect((await analyse('--bogus', f('jdk17-simple.txt'))).code).toBe(2);
    expect((await analyse(path.join(FIXTURES, 'no-such-file.txt'))).code).toBe(2);
    const help = await analyse('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: kube-jvm-dump analyse FILE\|DIR/);
  });

  it('--html writes the job summary as a standalone page, everything escaped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kjd-analyse-'));
    try {
      const html = path.join(dir, 'report.html');
      const r = await analyse(f('jdk17-odd-names.txt'), '--html', html);
      expect(r.code).toBe(0);
      const page = readFileSync(html, 'utf8');
      expect(page.startsWith('<!doctype html>')).toBe(true);
      expect(page).toContain('<h1>Thread dump analysis: ');
      expect(page).toContain('no problem found');
      expect(page).not.toMatch(/<h2>JVM dump/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an artifact directory of an earlier run is analysed per JVM from its manifest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kjd-artifact-'));
    try {
      const jvmDir = path.join(dir, 'web-1', 'app', '1');
      mkdirSync(jvmDir, { recursive: true });
      copyFileSync(f('jdk21-virtual-pileup-real.txt'), path.join(jvmDir, 'threads-1.txt'));
      copyFileSync(f('jdk21-virtual-pileup-real.json'), path.join(jvmDir, 'threads.json'));
      const file = (p: string, kind: string) => ({ path: `web-1/app/1/${p}`, kind, size: 1, sha256: '0'.repeat(64) });
      const manifest = {
        tool: { name: 'kube-jvm-dump', version: '0.1.0' },
        cluster: {},
        namespace: 'default',
        target: 'deployment/web',
        requested: { dumps: ['threads', 'threads-json'], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: true },
        startedAt: '',
        finishedAt: '',
        pods: [
          {
            namespace: 'default',
            pod: 'web-1',
            container: 'app',
            jvms: [
              {
                pid: 1,
                commandLine: 'java',
                files: [file('threads-1.txt', 'threads'), file('threads.json', 'threads-json')],
                errors: [],
                timingsMs: {},
              },
            ],
            errors: [],
            timingsMs: {},
          },
        ],
        errors: [],
      };
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      const r = await analyse(dir);
      expect(r.code).toBe(3);
      expect(r.out).toMatch(/^web-1\/app\/1: virtual-thread pile-up: 300 of 301 virtual threads WAITING in VirtualPileUp\.handle/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kube-jvm-dump analyse of one earlier run', () => {
  it("keeps the run's workload and errors: the HTML opens with the rollout's line, as the job summary did", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kjd-run-'));
    try {
      const manifest = {
        tool: { name: 'kube-jvm-dump', version: '0.1.0' },
        cluster: {},
        namespace: 'shop',
        target: 'deployment/web',
        requested: { dumps: ['threads'], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: true },
        startedAt: '',
        finishedAt: '',
        workload: {
          kind: 'deployment',
          name: 'web',
          status: 'failed',
          reason: 'ProgressDeadlineExceeded: ReplicaSet "web-2" has timed out progressing.',
          replicas: { desired: 1, updated: 1, ready: 0, available: 0 },
        },
        pods: [
          {
            namespace: 'shop',
            pod: 'web-2-x',
            container: 'app',
            jvms: [],
            errors: [{ stage: 'target', message: 'Pod web-2-x is Pending: no JVM runs in it.' }],
            timingsMs: {},
            stuck: true,
            context: {
              phase: 'Pending',
              ready: false,
              containers: [],
              probeFailures: [],
              files: [],
              errors: [],
              unscheduled: 'Unschedulable: 0/3 nodes',
            },
          },
        ],
        errors: [{ stage: 'target', message: 'No live pod for deployment/web' }],
      };
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      const html = path.join(dir, 'report.html');
      await analyse(dir, '--html', html);
      const text = readFileSync(html, 'utf8');
      expect(text).toContain(
        'Rollout of deployment/web failed (ProgressDeadlineExceeded): pod web-2-x Pending, not Ready (Unschedulable: 0/3 nodes); JVM: not started',
      );
      expect(text).toContain('No live pod for deployment/web');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kube-jvm-dump analyse with hostile thread names', () => {
  it('no output line can become a workflow command or drive the terminal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kjd-hostile-'));
    try {
      const text = readFileSync(f('jdk17-contended.txt'), 'utf8').replace(/"waiter-1"/g, '"w ##[error]pwned \u001b[31mred"');
      const file = path.join(dir, 'threads.txt');
      writeFileSync(file, text);
      for (const args of [[file], ['--json', file]]) {
        const r = await analyse(...args);
        expect(r.code).toBe(3);
        expect(r.out).not.toContain('##[');
        expect(r.out).not.toContain('\u001b');
        expect(r.out.split('\n').some((l) => /^\s*::/.test(l))).toBe(false);
      }
      const json = JSON.parse((await analyse('--json', file)).out) as {
        jvms: { analysis: { contendedLocks: { waiterNames: string[] }[] } }[];
      };
      expect(json.jvms[0].analysis.contendedLocks[0].waiterNames).toContain('w ##[error]pwned \u001b[31mred');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kube-jvm-dump analyse DIR without a manifest', () => {
  it('takes the dumps in it as samples and leaves out what is no dump (vm-info.txt), saying so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kjd-jvmdir-'));
    try {
      for (const n of [1, 2, 3]) copyFileSync(f(`jdk17-spinner-${n}.txt`), path.join(dir, `threads-${n}.txt`));
      writeFileSync(path.join(dir, 'vm-info.txt'), '1:\nOpenJDK 64-Bit Server VM version 17.0.15\n');
      const r = await analyse(dir);
      expect(r.code).toBe(3);
      expect(r.out).toMatch(/^3 files \(threads-1\.txt \.\.\. threads-3\.txt\): 2 threads busy in application code/);
      expect(r.err).toContain(`left out ${path.join(dir, 'vm-info.txt')} (looks like: text without a single thread header)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
