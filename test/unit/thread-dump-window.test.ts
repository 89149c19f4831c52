// How many spaced thread dumps a run still starts before its deadline: each needs room to finish.
import { describe, expect, it } from '@jest/globals';
import { DUMP_ROOM_MS, dumpsBeforeDeadline } from '../../src/collect/thread-dumps.js';

describe('dumpsBeforeDeadline', () => {
  const now = 1_800_000_000_000;
  it('starts a dump only when it is due at least DUMP_ROOM_MS before the deadline', () => {
    // Due at 0, 9.9 and 19.8 s of a 20 s window: the third would be cut mid-way.
    expect(dumpsBeforeDeadline(3, 9_900, now, now + 20_000)).toBe(2);
    expect(dumpsBeforeDeadline(3, 9_900, now, now + 19_800 + DUMP_ROOM_MS + 1)).toBe(3);
    expect(dumpsBeforeDeadline(3, 1_000, now, now + 60_000)).toBe(3);
  });
  it('always the first; all of them without spacing', () => {
    expect(dumpsBeforeDeadline(3, 5_000, now, now + 500)).toBe(1);
    expect(dumpsBeforeDeadline(3, 0, now, now + 500)).toBe(3);
  });
});
