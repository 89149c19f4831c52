// The one receive-verify path every file from the pod takes (heap dump, JFR recording), with a scripted stream:
// what is tried again, what ends the tries at once, and that no partial copy stays on the runner.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import type { JvmJob } from '../../src/collect/jvm-job.js';
import type { StreamTrailer } from '../../src/collect/toolbox-protocol.js';
import { LocalWriteError, receiveFile, TransferError } from '../../src/collect/transfer.js';

const BODY = Buffer.from('the file in the pod\n'.repeat(100));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const GOOD: StreamTrailer = { sha256: sha(BODY), sourceExit: 0, sourceSize: BODY.length, sentBytes: BODY.length };

/** One scripted answer of the pod per stream: what it sends, then its trailer (or a thrown error: a broken exec). */
type Try = { send?: Buffer; trailer?: StreamTrailer; announce?: number } | Error;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeJob(tries: Try[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kjd-receive-'));
  dirs.push(dir);
  const progress: string[] = [];
  let streams = 0;
  const job = {
    ctx: { progress: (m: string) => progress.push(m) },
    ids: { uid: 1, gid: 1 },
    label: 'pod/app/7',
    toolbox: {
      stream: async (_ids: unknown, _file: string, _compress: boolean, sink: Writable, onAnnounced?: (n: number) => void) => {
        const t = tries[streams++] ?? { send: BODY, trailer: GOOD };
        if (t instanceof Error) throw t;
        onAnnounced?.(t.announce ?? BODY.length);
        await new Promise<void>((resolve) => sink.end(t.send ?? BODY, () => resolve()));
        if (sink.errored) throw new Error('the exec stream ended early');
        return t.trailer ?? GOOD;
      },
    },
  } as unknown as JvmJob;
  return { job, dir, progress, streams: () => streams };
}

const options = (local: string, check: () => Promise<string | undefined> = () => Promise.resolve(undefined)) => ({
  what: 'heap dump',
  readPath: '/tmp/kjd-x.hprof',
  local,
  compress: false,
  check,
});

async function failureOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('it did not fail');
}

describe('receiveFile', () => {
  it('brings a verified copy: its sha256 and size', async () => {
    const { job, dir } = fakeJob([]);
    const local = path.join(dir, 'heap.hprof.gz');
    const receipt = await receiveFile(job, options(local));
    expect(receipt).toMatchObject({ sha256: sha(BODY), bytes: BODY.length });
    expect(readFileSync(local)).toEqual(BODY);
  });

  it('tries a broken stream, a checksum mismatch and a bad content once more each, and says so', async () => {
    for (const first of [new Error('socket hang up'), { trailer: { ...GOOD, sha256: 'f'.repeat(64) } }]) {
      const { job, dir, progress, streams } = fakeJob([first]);
      await receiveFile(job, options(path.join(dir, 'f')));
      expect(streams()).toBe(2);
      expect(progress).toEqual([expect.stringMatching(/^pod\/app\/7: heap dump transfer 1 failed: (socket hang up|checksum mismatch)/)]);
    }
    let checks = 0;
    const { job, dir, streams } = fakeJob([]);
    await receiveFile(
      job,
      options(path.join(dir, 'f'), () => Promise.resolve(checks++ === 0 ? 'not an HPROF file' : undefined)),
    );
    expect(streams()).toBe(2);
  });

  it('two bad copies: a TransferError naming the last problem, and no copy left', async () => {
    const { job, dir } = fakeJob([{ trailer: { ...GOOD, sourceExit: 1 } }, { trailer: { ...GOOD, sourceExit: 1 } }]);
    const local = path.join(dir, 'f');
    const failed = receiveFile(job, { ...options(local), what: 'JFR recording' });
    await expect(failed).rejects.toBeInstanceOf(TransferError);
    await expect(failed).rejects.toThrow('JFR recording transfer failed: reading the JFR recording in the pod failed (exit 1)');
    expect(existsSync(local)).toBe(false);
  });

  it("the runner's disk full while streaming: not tried again, a TransferError caused by a LocalWriteError, no copy left", async () => {
    const { job, dir, progress, streams } = fakeJob([]);
    const local = path.join(dir, 'heap.hprof.gz');
    symlinkSync('/dev/full', local);
    const err = await failureOf(receiveFile(job, options(local)));
    expect(err).toBeInstanceOf(TransferError);
    expect(err.cause).toBeInstanceOf(LocalWriteError);
    expect(err.message).toMatch(/^Heap dump transfer failed: writing .*heap\.hprof\.gz on the runner failed: ENOSPC/);
    expect(streams()).toBe(1);
    expect(progress).toEqual([]);
    expect(existsSync(local)).toBe(false);
  });

  it("the runner's disk full in the content check (an unpacked copy): the same, not tried again", async () => {
    const { job, dir, streams } = fakeJob([]);
    const local = path.join(dir, 'recording.jfr.gz');
    const check = () => Promise.reject(new LocalWriteError(path.join(dir, 'recording.jfr'), new Error('ENOSPC: no space left on device')));
    const err = await failureOf(receiveFile(job, { ...options(local, check), what: 'JFR recording' }));
    expect(err).toBeInstanceOf(TransferError);
    expect(err.message).toMatch(/^JFR recording transfer failed: writing .*recording\.jfr on the runner failed: ENOSPC/);
    expect(streams()).toBe(1);
    expect(existsSync(local)).toBe(false);
  });

  it('a stream longer than the pod announced is stopped and not tried again', async () => {
    const { job, dir, streams } = fakeJob([{ announce: 10, send: Buffer.alloc(2 * 1024 * 1024, 1) }]);
    const local = path.join(dir, 'f');
    await expect(receiveFile(job, options(local))).rejects.toThrow(/stopped after \d+ bytes: the pod announced a file of 10 bytes/);
    expect(streams()).toBe(1);
    expect(existsSync(local)).toBe(false);
  });
});
