import { describe, expect, it } from '@jest/globals';
import { THREADS_FIRST_MAX_WAIT_MS, ThreadsFirst, threadsFirstWaitMs } from '../../src/collect/threads-first.js';

describe('ThreadsFirst: heap dumps wait until every pod started its thread dumps', () => {
  it('opens once every pod started (or ended), each counted once', async () => {
    const gate = new ThreadsFirst(['a', 'b']);
    const waited = gate.wait(60_000);
    gate.started('a');
    gate.started('a');
    expect(gate.waitingFor()).toEqual(['b']);
    gate.started('b');
    await expect(waited).resolves.toBe(true);
    await expect(gate.wait(60_000)).resolves.toBe(true);
  });
  it('goes ahead without the others after its bound, or at once on cancel', async () => {
    const gate = new ThreadsFirst(['a', 'slow']);
    gate.started('a');
    await expect(gate.wait(0)).resolves.toBe(false);
    const cancel = new AbortController();
    const waited = gate.wait(60_000, cancel.signal);
    cancel.abort();
    await expect(waited).resolves.toBe(false);
    expect(gate.waitingFor()).toEqual(['slow']);
  });
  it('no pods: nothing to wait for', async () => {
    await expect(new ThreadsFirst([]).wait(60_000)).resolves.toBe(true);
  });
  it('waits at most 30 s, and never more than a quarter of the time left', () => {
    expect(threadsFirstWaitMs(10 * 60_000)).toBe(THREADS_FIRST_MAX_WAIT_MS);
    expect(threadsFirstWaitMs(20_000)).toBe(5_000);
    expect(threadsFirstWaitMs(-5)).toBe(0);
  });
});
