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
/** The target: three samples of a JVM with 10,000 threads parsed and analysed in under a second. */
const BUDGET_MS = 1000;
console.log('| threads per dump | dump size | parse one | parse + analyse 3 samples (best of 3 runs) |');
console.log('|---|---|---|---|');
for (const count of [500, 2000, 10000]) {
  const text = synthesize(count);
  let t0 = performance.now();
  const dump = parseThreadDump(text);
  const parseMs = performance.now() - t0;
  if (dump.threads.length < count) throw new Error(`parsed ${dump.threads.length} of ${count} threads`);
  let analyseMs = Infinity;
  for (let run = 0; run < 3; run++) {
    t0 = performance.now();
    const a = analyseJvm({ threadDumps: [text, text, text] });
    analyseMs = Math.min(analyseMs, performance.now() - t0);
    if (a.samples !== 3 || a.threadCount < count) throw new Error(`analysed ${a.samples} samples, ${a.threadCount} threads`);
  }
  console.log(`| ${count} | ${(text.length / 1024 / 1024).toFixed(1)} MiB | ${parseMs.toFixed(0)} ms | ${analyseMs.toFixed(0)} ms |`);
  if (count === 10000 && analyseMs > BUDGET_MS)
    throw new Error(`3 samples of 10,000 threads took ${analyseMs.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
}

// A JSON thread dump (threads-json) of 10,000 virtual threads parked alike: parse and analyse once.
const json = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/thread-dumps/jdk25-virtual-pileup.json'), 'utf8'),
);
const root = json.threadDump.threadContainers[0];
const parked = root.threads.filter((t: { virtual?: boolean; state?: string }) => t.virtual && t.state === 'WAITING');
root.threads = Array.from({ length: 10000 }, (_, i) => ({ ...parked[i % parked.length], tid: String(100000 + i), name: `request-${i}` }));
const jsonText = JSON.stringify(json);
const t1 = performance.now();
const va = analyseJvm({ threadDumps: [jsonText] });
console.log(
  `\nJSON thread dump of 10000 virtual threads (${(jsonText.length / 1024 / 1024).toFixed(1)} MiB): parse + analyse ${(performance.now() - t1).toFixed(0)} ms, verdict: ${va.verdict}`,
);
