// The threads-json collector: Thread.dump_to_file into the JVM's /tmp, streamed out, verified, always removed.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { collectThreadsJson, threadsJsonProblem } from '../../src/collect/threads-json.js';
import type { JvmJob } from '../../src/collect/jvm-job.js';
import type { JvmResult } from '../../src/shared/model.js';

const JSON_DUMP = readFileSync(path.resolve(import.meta.dirname, '../fixtures/thread-dumps/jdk21-virtual-pileup-real.json'), 'utf8');

function fakeJob(feature: number, body = JSON_DUMP, trailerSha?: string) {
  const outputDir = mkdtempSync(path.join(tmpdir(), 'kjd-tj-'));
  // collectJvm makes the JVM's folder before any collector runs.
  mkdirSync(path.join(outputDir, 'pod/app/7'), { recursive: true });
  const calls: string[][] = [];
  const out: JvmResult = { pid: 7, commandLine: 'java App', files: [], errors: [], timingsMs: {}, feature };
  const job = {
    ctx: { settings: { outputDir }, progress: () => undefined },
    out,
    ids: { uid: 1000, gid: 1000 },
    jvm: { pid: 7 },
    dirRel: 'pod/app/7',
    label: 'pod/app/7',
    strategy: 'proc-root',
    debuggerName: 'dbg',
    jcmd: (args: string[]) => {
      calls.push(['jcmd', ...args]);
      return Promise.resolve('7:\nCreated /tmp/x\n');
    },
    toolbox: {
      stream: async (_ids: unknown, file: string, compress: boolean, sink: Writable) => {
        calls.push(['stream', file, String(compress)]);
        await new Promise<void>((resolve, reject) => sink.end(Buffer.from(body), (err?: Error | null) => (err ? reject(err) : resolve())));
        const sha256 = trailerSha ?? createHash('sha256').update(body).digest('hex');
        return { sha256, sourceExit: 0, sentBytes: Buffer.byteLength(body) };
      },
      remove: (_ids: unknown, file: string) => {
        calls.push(['remove', file]);
        return Promise.resolve();
      },
    },
  } as unknown as JvmJob;
  return { job, calls, out, outputDir };
}

describe('collectThreadsJson', () => {
  it('JDK 21: dump_to_file in the JVM /tmp, read through /proc/<pid>/root, verified, recorded, removed', async () => {
    const { job, calls, out, outputDir } = fakeJob(21);
    await collectThreadsJson(job);
    const jcmd = calls.find((c) => c[0] === 'jcmd')!;
    expect(jcmd.slice(1, 3)).toEqual(['Thread.dump_to_file', '-format=json']);
    expect(jcmd[3]).toMatch(/^\/tmp\/kjd-dbg-7-[0-9a-z]+-threads\.json$/);
    expect(calls.find((c) => c[0] === 'stream')).toEqual(['stream', `/proc/7/root${jcmd[3]}`, 'false']);
    expect(calls.at(-1)).toEqual(['remove', `/proc/7/root${jcmd[3]}`]);
    expect(out.files).toEqual([
      {
        path: 'pod/app/7/threads.json',
        kind: 'threads-json',
        size: Buffer.byteLength(JSON_DUMP),
        sha256: createHash('sha256').update(JSON_DUMP).digest('hex'),
      },
    ]);
    expect(readFileSync(path.join(outputDir, 'pod/app/7/threads.json'), 'utf8')).toBe(JSON_DUMP);
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('a checksum that does not match: an error, no file kept, the pod file still removed', async () => {
    const { job, calls, out, outputDir } = fakeJob(25, JSON_DUMP, 'f'.repeat(64));
    await expect(collectThreadsJson(job)).rejects.toThrow(/JSON thread dump transfer failed: checksum mismatch/);
    expect(out.files).toEqual([]);
    expect(existsSync(path.join(outputDir, 'pod/app/7/threads.json'))).toBe(false);
    expect(calls.at(-1)![0]).toBe('remove');
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('JDK 17: nothing to take, nothing asked of the JVM', async () => {
    const { job, calls, out, outputDir } = fakeJob(17);
    await collectThreadsJson(job);
    expect(calls).toEqual([]);
    expect(out.files).toEqual([]);
    expect(out.errors).toEqual([]);
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('threadsJsonProblem: a JSON thread dump, or what went wrong', () => {
    expect(threadsJsonProblem(JSON_DUMP.slice(0, 200))).toBeUndefined();
    expect(threadsJsonProblem('Exception in thread')).toBe('not a JSON thread dump');
  });
});
