import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseClassHistogram, readableClassName, topByBytes, topByInstances } from '../../src/analyse/histogram.js';
import { DUMP_FIXTURES } from './jvm-harness.js';

const JDK8 = `12345:
 num     #instances         #bytes  class name
----------------------------------------------
   1:          4021         360448  [C
   2:           512         131072  [B
   3:          3990          95760  java.lang.String
   4:           700          16800  java.util.HashMap$Node
Total          9223         604080
`;

describe('parseClassHistogram', () => {
  it('reads a JDK 17 capture with its module column and Total line', () => {
    const h = parseClassHistogram(readFileSync(path.join(DUMP_FIXTURES, 'jdk17-histogram-simple.txt'), 'utf8'));
    expect(h.unknownLines).toEqual([]);
    expect(h.entries[0]).toMatchObject({ rank: 1, className: '[B', module: 'java.base@17.0.15' });
    expect(h.entries.map((e) => e.rank)).toEqual(h.entries.map((_, i) => i + 1));
    expect(h.entries.reduce((n, e) => n + e.bytes, 0)).toBe(h.totalBytes);
    expect(h.entries.reduce((n, e) => n + e.instances, 0)).toBe(h.totalInstances);
  });

  it('reads the JDK 8 table (no module column) and ranks by bytes and by instances', () => {
    const h = parseClassHistogram(JDK8);
    expect(h.unknownLines).toEqual([]);
    expect(h.entries).toHaveLength(4);
    expect(h.entries[2]).toEqual({ rank: 3, instances: 3990, bytes: 95760, className: 'java.lang.String' });
    expect(h.totalInstances).toBe(9223);
    expect(h.totalBytes).toBe(604080);
    expect(topByBytes(h, 2).map((e) => e.className)).toEqual(['[C', '[B']);
    expect(topByInstances(h, 3).map((e) => e.className)).toEqual(['[C', 'java.lang.String', 'java.util.HashMap$Node']);
  });

  it('keeps lines it does not understand', () => {
    expect(parseClassHistogram('oops\n   1:  x y z\n').unknownLines).toEqual(['oops', '   1:  x y z']);
  });

  it('turns JVM descriptors into source names', () => {
    expect(readableClassName('[B')).toBe('byte[]');
    expect(readableClassName('[[I')).toBe('int[][]');
    expect(readableClassName('[Ljava.lang.Object;')).toBe('java.lang.Object[]');
    expect(readableClassName('java.lang.String')).toBe('java.lang.String');
    expect(readableClassName('[Q')).toBe('[Q');
  });
});
