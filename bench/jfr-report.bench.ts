// Benchmark: the JFR part of the analysis on the runner: reading the largest jfr-summary.json the summariser writes
// (2000 stacks of 64 frames), the verdict and tables, and the flame graph; and a flame graph of thread-dump samples.
// Run: bash bench/run.sh
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseJvmEvidence } from '../src/analyse/analysis.js';
import { flameInputOf } from '../src/analyse/flame-graph.js';
import { renderFlameSvg } from '../src/analyse/flame-svg.js';
import type { JfrSummary } from '../src/shared/jfr-summary.js';

/** The budget for the summary step of a 30 s profile recording; the runner's share of it is this part. */
const BUDGET_MS = 2000;

/** 2000 distinct stacks of 64 frames (a shared trunk, then branches), counts falling off like a real profile's. */
function largestSummary(): JfrSummary {
  const trunk = Array.from({ length: 24 }, (_, d) => `org.framework.layer${d}.Dispatcher${d}.handle`);
  const stacks = Array.from({ length: 2000 }, (_, i) => ({
    frames: [
      ...trunk,
      ...Array.from({ length: 40 }, (_, d) => `com.acme.module${i % 37}.Service${(i >> (d % 7)) % 53}.step${d}$lambda$${i % 11}`),
    ],
    count: Math.max(1, Math.floor(60_000 / (i + 1))),
  }));
  const samples = stacks.reduce((n, s) => n + s.count, 0);
  const top = (i: number) => stacks[i].frames[stacks[i].frames.length - 1];
  return {
    schema: 1,
    recording: { durationMs: 30_000, events: 400_000 },
    executionSamples: samples,
    hotMethods: Array.from({ length: 50 }, (_, i) => ({ method: top(i), self: stacks[i].count, total: stacks[i].count })),
    stacks,
    otherStacks: 0,
    monitors: Array.from({ length: 20 }, (_, i) => ({
      monitorClass: `com.acme.Lock${i}`,
      site: `com.acme.Svc${i}.run:${i}`,
      count: 10,
      totalMs: 100 * i + 50,
      longestMs: 50,
    })),
    allocations: Array.from({ length: 20 }, (_, i) => ({ objectClass: `com.acme.Dto${i}`, weightBytes: 1e6 * (i + 1), samples: 10 })),
    gc: { count: 50, totalPauseMs: 900, longestPauseMs: 80, longest: [{ name: 'G1New', cause: 'G1 Evacuation Pause', ms: 80, start: '' }] },
    cpu: { samples: 30, jvmUserAvg: 0.5, jvmSystemAvg: 0.02, machineTotalAvg: 0.6, jvmPeak: 0.9 },
    notes: [],
  };
}

const text = JSON.stringify(largestSummary());
console.log('| input | size | read + analyse | flame.svg | svg size | total (best of 5) |');
console.log('|---|---|---|---|---|---|');
let best = { analyse: Infinity, flame: Infinity, svg: 0 };
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  const e = analyseJvmEvidence({ threadDumps: [], jfrSummary: text });
  const t1 = performance.now();
  if (!e.analysis.jfr) throw new Error(`the summary was refused: ${e.analysis.notes.join('; ')}`);
  const svg = renderFlameSvg(flameInputOf({ jfr: e.jfrSummary, samples: [], jfrRequested: true })!, 'bench');
  const t2 = performance.now();
  if (t2 - t0 < best.analyse + best.flame) best = { analyse: t1 - t0, flame: t2 - t1, svg: svg.length };
}
console.log(
  `| jfr-summary.json, 2000 stacks x 64 frames | ${(text.length / 1024 / 1024).toFixed(1)} MiB | ${best.analyse.toFixed(0)} ms | ${best.flame.toFixed(0)} ms | ${(best.svg / 1024).toFixed(0)} KiB | ${(best.analyse + best.flame).toFixed(0)} ms |`,
);
if (best.analyse + best.flame > BUDGET_MS)
  throw new Error(`the JFR analysis took ${(best.analyse + best.flame).toFixed(0)} ms (budget ${BUDGET_MS} ms)`);

// Without JFR: 10 thread-dump samples of a JVM with 2000 threads, their RUNNABLE stacks drawn.
const fixture = readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/thread-dumps/jdk17-spinner-1.txt'), 'utf8');
const blocks = fixture.split(/\n(?=")/);
const threads = blocks.slice(1).filter((b) => b.includes('java.lang.Thread.State'));
const dump = [
  blocks[0],
  ...Array.from({ length: 2000 }, (_, i) =>
    threads[i % threads.length].replace(/^"([^"]*)"/, `"$1-${i}"`).replace(/#(\d+)/, `#${1000 + i}`),
  ),
].join('\n');
const t0 = performance.now();
const e = analyseJvmEvidence({ threadDumps: Array.from({ length: 10 }, () => dump) });
const t1 = performance.now();
const svg = renderFlameSvg(flameInputOf({ samples: e.samples, jfrRequested: false })!, 'bench');
const t2 = performance.now();
console.log(
  `| 10 thread dumps of 2000 threads (RUNNABLE stacks) | ${((dump.length * 10) / 1024 / 1024).toFixed(1)} MiB | ${(t1 - t0).toFixed(0)} ms | ${(t2 - t1).toFixed(0)} ms | ${(svg.length / 1024).toFixed(0)} KiB | ${(t2 - t0).toFixed(0)} ms |`,
);
