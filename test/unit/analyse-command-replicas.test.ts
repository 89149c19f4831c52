// `kube-jvm-dump analyse RUN_DIR` on a run of three replicas (real dumps of Replica, see
// ../fixtures/thread-dumps/README.md): the replicas are compared as after the run, in the report and in --json.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli.js';
import type { FileRecord, RunManifest } from '../../src/shared/model.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/thread-dumps');

async function analyse(...args: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const code = await runCli(
    ['analyse', ...args],
    stdout as unknown as typeof process.stdout,
    new PassThrough() as unknown as typeof process.stderr,
  );
  return { code, out };
}

describe('kube-jvm-dump analyse on a run of replicas', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kjd-replicas-'));
    const replicas: Record<string, string> = { 'web-1': 'calm-a', 'web-2': 'pileup-a', 'web-3': 'calm-b' };
    const pods = Object.entries(replicas).map(([pod, name]) => {
      const files: FileRecord[] = [];
      mkdirSync(path.join(dir, pod, 'app', '1'), { recursive: true });
      const copy = (from: string, to: string, kind: FileRecord['kind']) => {
        copyFileSync(path.join(FIXTURES, `jdk17-replica-${name}-${from}.txt`), path.join(dir, pod, 'app', '1', to));
        files.push({ path: `${pod}/app/1/${to}`, kind, size: 0, sha256: '' });
      };
      for (const n of [1, 2, 3]) copy(String(n), `threads-${n}.txt`, 'threads');
      copy('histogram', 'histogram.txt', 'histogram');
      const jvms = [{ pid: 1, commandLine: 'java -cp /app Replica', files, errors: [], timingsMs: {} }];
      return {
        namespace: 'shop',
        pod,
        container: 'app',
        owner: 'ReplicaSet/web-7d9c6f',
        targetImage: 'web:1.4',
        jvms,
        errors: [],
        timingsMs: {},
      };
    });
    const manifest: RunManifest = {
      tool: { name: 'kube-jvm-dump', version: '0' },
      cluster: {},
      namespace: 'shop',
      target: 'deployment/web',
      requested: { dumps: ['threads', 'histogram'], threadDumpCount: 3, threadDumpIntervalMs: 1000, heapDumpLive: false },
      startedAt: '',
      finishedAt: '',
      pods,
      errors: [],
    };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the report ends with the comparison', async () => {
    const r = await analyse(dir);
    expect(r.code).toBe(3);
    expect(r.out).toContain(
      'replicas of ReplicaSet/web-7d9c6f, container app, image web:1.4, running Replica: Odd one out: pod web-2: 24 threads BLOCKED on one lock (Replica$Ledger); the other 2 pods: none\n',
    );
  });

  it('--json carries it as analysis.json does', async () => {
    const doc = JSON.parse((await analyse('--json', dir)).out) as { replicas: { outlier?: string; rows: unknown[] }[] };
    expect(doc.replicas).toHaveLength(1);
    expect(doc.replicas[0].outlier).toBe('pod web-2');
    expect(doc.replicas[0].rows).toHaveLength(3);
  });
});
