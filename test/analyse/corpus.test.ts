// Over the whole fixture corpus (real dumps of JDK 8 to 25, and the few constructed ones): no green verdict on a
// dump that shows a deadlock, a lock contended in most samples, or a parse it did not understand; the deadlock count
// equals the JVM's "Found N deadlocks." wherever it printed one; every thread header is one thread.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseJvm } from '../../src/analyse/analysis.js';
import { readThreadDumps } from '../../src/analyse/read-dumps.js';
import { DUMP_FIXTURES } from './jvm-harness.js';

/** Samples of one JVM share a name up to "-<n>.txt"; a histogram alone is no thread dump. */
function corpus(): [string, string[]][] {
  const files = readdirSync(DUMP_FIXTURES)
    .filter((f) => /\.(txt|json)$/.test(f) && !/histogram-simple/.test(f))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const key = f.replace(/-\d+\.txt$/, '');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()];
}

const read = (f: string) => readFileSync(path.join(DUMP_FIXTURES, f), 'utf8');

describe.each(corpus())('%s', (_name, files) => {
  const texts = files.map(read);
  const a = analyseJvm({ threadDumps: texts });

  it('is never green on a deadlock, a lock contended in most samples, or what it did not understand', () => {
    const jvmSawDeadlock = texts.some((t) => t.includes('Found one Java-level deadlock'));
    if (jvmSawDeadlock) expect(a.severity).toBe('deadlock');
    if (a.severity === 'ok') {
      expect(a.notes.filter((n) => /unrecognised|not a HotSpot/.test(n))).toEqual([]);
      expect(a.rejected).toBeUndefined();
      expect(a.contendedLocks.filter((c) => c.waiters >= 2 && c.contendedInSamples * 2 > c.ofSamples)).toEqual([]);
      expect(a.deadlocks).toEqual([]);
    }
  });

  it('counts deadlocks as the JVM does, wherever it printed a count', () => {
    const counts = texts.flatMap((t) => [...t.matchAll(/^Found (\d+) deadlocks?\.$/gm)].map((m) => Number(m[1])));
    if (counts.length > 0) expect(a.deadlocks.length).toBe(Math.max(...counts));
  });

  it('makes one thread of each thread header in Thread.print text', () => {
    for (const t of texts) {
      const r = readThreadDumps(t);
      if (r.rejected || r.dumps.some((d) => d.format !== 'thread-print')) continue;
      // Counted in the raw text: lines (LF or CRLF; a lone CR belongs to a name) that open a quoted name, not the
      // deadlock report's '"name":' lines.
      const headers = t.split(/\r?\n/).filter((l) => l.startsWith('"') && !l.trimEnd().endsWith('":')).length;
      expect(r.dumps.reduce((n, d) => n + d.threads.filter((x) => !x.virtual).length, 0)).toBe(headers);
    }
  });
});
