// Where output goes on the runner: a full disk or a stream that never ends is a recorded failure, never a crash
// and never a silently short file; a capture that had to cut says so.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { finished } from 'node:stream/promises';
import { Capture } from '../../src/kube/capture.js';
import { createToolbox } from '../../src/collect/toolbox.js';
import type { ContainerExec } from '../../src/collect/toolbox-types.js';
import { HashingFileSink, LocalWriteError, SizeLimitError } from '../../src/collect/transfer.js';

function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kjd-sinks-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

describe('HashingFileSink', () => {
  it('on a full disk (/dev/full): fails with the path and ENOSPC, and emits nothing that could crash the process', async () => {
    const sink = new HashingFileSink('/dev/full');
    // No 'error' listener of our own: an unhandled 'error' event would throw here (and end the process).
    sink.write(Buffer.alloc(64 * 1024, 1));
    sink.end();
    await expect(finished(sink)).rejects.toBeInstanceOf(LocalWriteError);
    expect(sink.failure).toBeInstanceOf(LocalWriteError);
    expect(sink.failure?.message).toMatch(/^writing \/dev\/full on the runner failed: ENOSPC: no space left on device/);
  });

  it('a single short write with end() fails too: a short file is never a finished one', async () => {
    const sink = new HashingFileSink('/dev/full');
    sink.end(Buffer.from('x'));
    await expect(finished(sink)).rejects.toThrow(/ENOSPC/);
  });

  it('discarded at once, before its file even opened: no file, then or a moment later (a late open would recreate it)', async () => {
    await withDir(async (dir) => {
      const files = Array.from({ length: 300 }, (_, i) => path.join(dir, `part-${i}`));
      for (const f of files) await new HashingFileSink(f).discard();
      // The opens a plain destroy() and rm() would race with have all completed by now, one way or the other.
      await new Promise((resolve) => setImmediate(resolve));
      expect(files.filter((f) => existsSync(f))).toEqual([]);
    });
  });

  it('discarded after a failure or midway: the file is gone', async () => {
    await withDir(async (dir) => {
      const sink = new HashingFileSink(path.join(dir, 'out'));
      sink.write(Buffer.alloc(1000, 1));
      await new Promise((resolve) => sink.write(Buffer.alloc(1000, 2), resolve));
      await sink.discard();
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    });
  });

  it('stops at its limit with a SizeLimitError saying why', async () => {
    await withDir(async (dir) => {
      const sink = new HashingFileSink(path.join(dir, 'out'));
      sink.limit = { bytes: 1000, why: 'the pod announced 10 bytes' };
      sink.write(Buffer.alloc(600));
      sink.write(Buffer.alloc(600));
      await expect(finished(sink)).rejects.toBeInstanceOf(SizeLimitError);
      expect(sink.failure?.message).toBe('stopped after 1200 bytes: the pod announced 10 bytes');
      expect(sink.bytes).toBe(600);
    });
  });

  it('keeps the head of what it wrote, and a file opened through a link to /dev/full fails like the device', async () => {
    await withDir(async (dir) => {
      const ok = new HashingFileSink(path.join(dir, 'ok'));
      ok.end(Buffer.from('12345:\nFull thread dump\n'));
      await finished(ok);
      expect(ok.head()).toBe('12345:\nFull thread dump\n');
      expect(readFileSync(path.join(dir, 'ok'), 'utf8')).toBe(ok.head());
      symlinkSync('/dev/full', path.join(dir, 'full'));
      const full = new HashingFileSink(path.join(dir, 'full'));
      full.end(Buffer.alloc(10));
      await expect(finished(full)).rejects.toThrow(/ENOSPC/);
    });
  });
});

describe('Capture', () => {
  it('counts what it did not keep and says so in the text', () => {
    const c = new Capture(10, 4);
    c.write(Buffer.from('0123456789abcdefghijXYZW'));
    return new Promise<void>((resolve) =>
      c.end(() => {
        expect(c.loss()).toEqual({ keptBytes: 14, totalBytes: 24 });
        expect(c.text()).toBe('0123456789\n[... 10 bytes not kept (over 10) ...]\nXYZW');
        resolve();
      }),
    );
  });
  it('reports nothing lost when everything fit', () => {
    const c = new Capture(10, 4);
    c.write(Buffer.from('0123456789ab'));
    return new Promise<void>((resolve) =>
      c.end(() => {
        expect(c.loss()).toBeUndefined();
        expect(c.text()).toBe('0123456789ab');
        resolve();
      }),
    );
  });
});

describe('toolbox: captured output that was cut is an error, never a result', () => {
  it('names the limit and how much arrived', async () => {
    const probeOut = 'self\t0\t0\njcmd\t/j/bin/jcmd\t25\n';
    const exec: ContainerExec = (argv) =>
      Promise.resolve(
        argv[4] === 'probe'
          ? { exitCode: 0, stdout: probeOut, stderr: '' }
          : {
              exitCode: 0,
              stdout: 'JDK 21',
              stderr: '',
              truncated: { stdout: { keptBytes: 64 * 1024 * 1024, totalBytes: 70 * 1024 * 1024 } },
            },
      );
    const toolbox = await createToolbox(exec, 1000);
    await expect(toolbox.jcmd({ uid: 0, gid: 0 }, 7, ['VM.version'], 1000)).rejects.toMatchObject({
      failure: 'truncated',
      message: `the output of jcmd was truncated at ${64 * 1024 * 1024} bytes (${70 * 1024 * 1024} arrived): nothing of it was kept`,
    });
  });
});
