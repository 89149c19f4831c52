// Benchmark: parsing and analysing big thread dumps (a JVM with thousands of threads, 3 samples).
// Run: bash bench/run.sh
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseJvm } from '../src/analyse/analysis.js';
import { parseThreadDump } from '../src/analyse/thread-dump.js';

const fixture = readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/thread-dumps/jdk17-spinner-1.txt'), 'utf8');
const blocks = fixture.split(/\n(?=")/);
const header = blocks[0];
const threads = blocks.slice(1).filter((b) => b.includes('java.lang.Thread.State'));
function synthesize(count: number): string {
  const out = [header];
  for (let i = 0; i < count; i++)
    out.push(threads[i % threads.length].replace(/^"([^"]*)"/, `"$1-${i}"`).replace(/#(\d+)/, `#${1000 + i}`));
  return out.join('\n');
}
console.log('| threads per dump | dump size | parse one | analyse 3 samples |');
console.log('|---|---|---|---|');
for (const count of [500, 2000, 10000]) {
  const text = synthesize(count);
  let t0 = performance.now();
  const dump = parseThreadDump(text);
  const parseMs = performance.now() - t0;
  if (dump.threads.length < count) throw new Error(`parsed ${dump.threads.length} of ${count} threads`);
  t0 = performance.now();
  analyseJvm({ threadDumps: [text, text, text] });
  const analyseMs = performance.now() - t0;
  console.log(`| ${count} | ${(text.length / 1024 / 1024).toFixed(1)} MiB | ${parseMs.toFixed(0)} ms | ${analyseMs.toFixed(0)} ms |`);
}
