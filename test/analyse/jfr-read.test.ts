import { describe, expect, it } from '@jest/globals';
import { readJfrSummary } from '../../src/analyse/jfr-read.js';
import { analyseJvm } from '../../src/analyse/analysis.js';
import { pricingSummary } from './jfr-fixtures.js';

const text = (v: unknown) => JSON.stringify(v);
// The point is to break the shape, so the test writes through an untyped view of it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const mutate = (f: (s: Loose) => void) => {
  const s = pricingSummary() as Loose;
  f(s);
  return text(s);
};

describe('readJfrSummary', () => {
  it('reads a valid summary into an equal object', () => {
    const r = readJfrSummary(text(pricingSummary()));
    expect(r.problem).toBeUndefined();
    expect(r.summary).toEqual(pricingSummary());
  });

  it('keeps only the known fields (no prototype keys, no extras)', () => {
    const r = readJfrSummary(mutate((s) => Object.assign(s, { extra: 1 })).replace('{', '{"__proto__":{"polluted":true},'));
    expect(r.summary).toBeDefined();
    expect(Object.keys(r.summary!)).not.toContain('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((r.summary as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"schema":1', /not valid JSON/],
    ['an array', '[]', /the file is not an object/],
    ['null', 'null', /the file is not an object/],
    ['another schema', mutate((s) => (s.schema = 2)), /schema is 2, this version reads schema 1/],
    ['a schema as a string', mutate((s) => (s.schema = '1')), /schema is "1"/],
    ['a string for a count', mutate((s) => (s.executionSamples = '1000')), /executionSamples is not a number/],
    ['a negative count', mutate((s) => (s.otherStacks = -1)), /otherStacks is -1, outside/],
    ['a fractional count', mutate((s) => (s.hotMethods[0].self = 1.5)), /hotMethods\[0\]\.self is 1\.5, not a whole number/],
    ['an absurd count', mutate((s) => (s.executionSamples = 1e300)), /executionSamples is 1e\+300, outside/],
    ['self above total', mutate((s) => (s.hotMethods[0].self = 800)), /hotMethods\[0\] counts 800 self \/ 700 total/],
    ['total above all samples', mutate((s) => (s.hotMethods[0].total = 5000)), /of 1000 samples/],
    ['stacks holding more samples than taken', mutate((s) => (s.stacks[0].count = 5000)), /stacks hold 5380 samples of 1000/],
    ['an empty stack', mutate((s) => (s.stacks[0].frames = [])), /stacks\[0\] is empty/],
    ['a number as a frame', mutate((s) => (s.stacks[1].frames[2] = 7)), /stacks\[1\]\.frames\[2\] is not a string/],
    [
      'a huge array',
      mutate((s) => (s.hotMethods = Array.from({ length: 51 }, () => s.hotMethods[0]))),
      /hotMethods has 51 entries \(at most 50/,
    ],
    [
      'a huge stack list',
      mutate((s) => (s.stacks = Array.from({ length: 2001 }, () => ({ frames: ['a'], count: 0 })))),
      /stacks has 2001 entries/,
    ],
    [
      'an over-long name',
      mutate((s) => (s.monitors[0].monitorClass = 'A'.repeat(5000))),
      /monitors\[0\]\.monitorClass is 5000 characters long/,
    ],
    [
      'a longest wait above the total',
      mutate((s) => (s.monitors[0].longestMs = 20_000)),
      /monitors\[0\] has 120 events, longest 20000 ms of 9500 ms/,
    ],
    ['an infinite pause (as a huge number)', mutate((s) => (s.gc.totalPauseMs = 1e308)), /gc\.totalPauseMs is 1e\+308, outside/],
    ['a CPU load over 1', mutate((s) => (s.cpu.machineTotalAvg = 1.7)), /cpu\.machineTotalAvg is 1\.7, outside 0\.\.1\.01/],
    ['a missing gc', mutate((s) => delete s.gc), /gc is not an object/],
    ['a missing notes list', mutate((s) => delete s.notes), /notes is not an array/],
    ['more pauses listed than collections', mutate((s) => (s.gc.count = 2)), /gc\.longest lists 4 pauses of 2 collections/],
  ])('refuses %s with a clear problem', (_what, input, problem) => {
    const r = readJfrSummary(input);
    expect(r.summary).toBeUndefined();
    expect(r.problem).toMatch(problem);
  });

  it('a CPU load a hair above 1 (rounded float parts) is read as 1', () => {
    expect(readJfrSummary(mutate((s) => (s.cpu.jvmPeak = 1.004))).summary?.cpu?.jvmPeak).toBe(1);
  });

  it('refuses a file over the size limit without parsing it', () => {
    expect(readJfrSummary(' '.repeat(16 * 1024 * 1024 + 1)).problem).toMatch(/characters long/);
  });

  it('a wrong summary becomes an analysis note and no JFR section; the thread-dump analysis is unchanged', () => {
    const a = analyseJvm({ threadDumps: [], jfrSummary: mutate((s) => (s.executionSamples = 'lots')) });
    expect(a.jfr).toBeUndefined();
    expect(a.notes).toContainEqual(
      expect.stringMatching(/^JFR summary left out: jfr-summary.json is not in the expected shape: executionSamples/),
    );
    expect(a.verdict).toBe('no thread dump could be parsed');
  });

  it('a recording alone gives the JVM its verdict', () => {
    const a = analyseJvm({ threadDumps: [], jfrSummary: text(pricingSummary()) });
    expect(a.verdict).toMatch(/^JFR: 62% of samples in com\.acme\.Pricing\.recalculate/);
    expect(a.jfr?.executionSamples).toBe(1000);
  });
});
