import { describe, expect, it } from '@jest/globals';
import { analyseJfr } from '../../src/analyse/jfr-analysis.js';
import {
  CONTENDED_MONITOR_MIN_MS,
  CPU_BUSY,
  GC_OVERHEAD_SHARE,
  HOT_METHOD_SHARE,
  HOT_TOTAL_SHARE,
  LONG_GC_PAUSE_MS,
  MIN_SAMPLES_FOR_SHARES,
  pct,
} from '../../src/analyse/jfr-verdict.js';
import type { JfrSummary } from '../../src/shared/jfr-summary.js';
import { pricingSummary, quietSummary } from './jfr-fixtures.js';

const verdict = (s: JfrSummary) => analyseJfr(s).verdict;

describe('analyseJfr: the tables', () => {
  it('top methods by self and by total, with shares of all execution samples', () => {
    const a = analyseJfr(pricingSummary());
    expect(a.bySelf.map((m) => [m.method, m.samples, m.share])).toEqual([
      ['com.acme.Pricing.recalculate', 620, 0.62],
      ['java.util.HashMap.getNode', 200, 0.2],
      ['com.acme.Inventory.reserve', 100, 0.1],
    ]);
    // From the stacks (each method once per stack), ties by name; the root frames are on every kept stack.
    expect(a.byTotal.slice(0, 4).map((m) => [m.method, m.samples])).toEqual([
      ['com.acme.Worker.run', 940],
      ['java.lang.Thread.run', 940],
      ['com.acme.Pricing.recalculate', 700],
      ['java.util.HashMap.getNode', 200],
    ]);
    expect(a.monitors[0].monitorClass).toBe('com.acme.Inventory');
    expect(a.gc.longest.map((p) => p.ms)).toEqual([450, 250, 210, 40]);
  });

  it('at most 10 methods per table', () => {
    const s = quietSummary();
    const a = analyseJfr(s);
    expect(a.bySelf).toHaveLength(10);
    expect(a.byTotal).toHaveLength(10);
  });

  it('a JDK method on top names the application method that called it', () => {
    const s = pricingSummary();
    // getNode tops 200 samples: 120 from Orders.scan, 80 from Cache.lookup (HashMap.get in between is skipped).
    expect(analyseJfr(s).hotCaller).toEqual(undefined); // the top method is the application's own
    s.hotMethods[0].self = 10;
    s.hotMethods[0].total = 700;
    const a = analyseJfr(s);
    expect(a.hotCaller).toEqual({ method: 'com.acme.Orders.scan', of: 'java.util.HashMap.getNode', share: 0.6 });
    expect(a.verdict).toMatch(/^20% of samples in java\.util\.HashMap\.getNode, called mostly from com\.acme\.Orders\.scan;/);
  });
});

describe('pct', () => {
  it('whole percent, never 100% or 0% for what is not', () => {
    expect([0, 0.004, 0.005, 0.62, 0.994, 0.996, 1].map(pct)).toEqual(['0%', '<1%', '1%', '62%', '99%', '>99%', '100%']);
  });
});

describe('jfrVerdict rules', () => {
  it('the issue example: the hot method, the contended monitor, the long GC pauses', () => {
    expect(verdict(pricingSummary())).toBe(
      '62% of samples in com.acme.Pricing.recalculate; threads blocked 9.5 s on com.acme.Inventory at com.acme.Inventory.reserve:42 ' +
        '(120 times, longest 310 ms); 3 GC pauses over 200 ms (longest 450 ms)',
    );
  });

  it(`a top method is hot from ${HOT_METHOD_SHARE * 100}% of samples`, () => {
    const s = pricingSummary();
    s.hotMethods[0].self = 199; // 19.9%
    s.hotMethods[1].self = 150;
    expect(verdict(s)).not.toMatch(/of samples in/);
    s.hotMethods[0].self = 200;
    expect(verdict(s)).toMatch(/^20% of samples in com\.acme\.Pricing\.recalculate;/);
  });

  it(`without a hot top frame, the narrowest application method under ${HOT_TOTAL_SHARE * 100}% of samples`, () => {
    const s = quietSummary();
    // Every stack runs under Worker.run (100%); half of them under Batch.process too: that one is named.
    s.stacks = s.stacks.map((st, i) =>
      i % 2 === 0 ? { ...st, frames: [...st.frames.slice(0, 2), 'com.acme.Batch.process', ...st.frames.slice(2)] } : st,
    );
    expect(verdict(s)).toBe('50% of samples under com.acme.Batch.process (no single hot top frame)');
    // On every stack: an entry point like Worker.run, which says nothing.
    s.stacks = s.stacks.map((st) =>
      st.frames.includes('com.acme.Batch.process')
        ? st
        : { ...st, frames: [...st.frames.slice(0, 2), 'com.acme.Batch.process', ...st.frames.slice(2)] },
    );
    expect(verdict(s)).toMatch(/^nothing stands out/);
  });

  it(`shares are not judged under ${MIN_SAMPLES_FOR_SHARES} samples`, () => {
    const s = quietSummary();
    s.executionSamples = MIN_SAMPLES_FOR_SHARES - 1;
    s.hotMethods = [{ method: 'com.acme.A.b', self: 40, total: 40 }];
    s.stacks = [{ frames: ['com.acme.A.b'], count: 40 }];
    expect(verdict(s)).toBe(
      `only ${MIN_SAMPLES_FOR_SHARES - 1} execution samples, too few to tell where the time went ` +
        '(little Java code ran, or a container CPU limit starved the sampler)',
    );
    s.executionSamples = 0;
    s.hotMethods = [];
    s.stacks = [];
    expect(verdict(s)).toBe('no execution samples (no thread ran Java code while sampled, or a container CPU limit starved the sampler)');
  });

  it(`a monitor counts from a tenth of the recording blocked, and at least ${CONTENDED_MONITOR_MIN_MS} ms`, () => {
    const s = quietSummary();
    s.monitors = [{ monitorClass: 'com.acme.Inventory', site: 'com.acme.Inventory.reserve:42', count: 10, totalMs: 2_999, longestMs: 400 }];
    expect(verdict(s)).not.toMatch(/blocked/); // 30 s recording: the bar is 3 s
    s.monitors[0].totalMs = 3_000;
    expect(verdict(s)).toMatch(/^threads blocked 3\.0 s on com\.acme\.Inventory/);
    s.recording.durationMs = 1_000; // a short recording: the floor applies
    s.monitors[0].totalMs = CONTENDED_MONITOR_MIN_MS - 1;
    s.monitors[0].longestMs = 100;
    expect(verdict(s)).not.toMatch(/blocked/);
  });

  it(`GC pauses over ${LONG_GC_PAUSE_MS} ms are counted; "at least" when the file's list of ten is full`, () => {
    const s = quietSummary();
    s.gc = {
      count: 3,
      totalPauseMs: 600,
      longestPauseMs: 200,
      longest: [200, 150, 100].map((ms) => ({ name: 'G1New', cause: 'x', ms, start: '' })),
    };
    expect(verdict(s)).toMatch(/^nothing stands out.*longest GC pause 200 ms$/); // 200 is not over 200
    s.gc.longest[0].ms = 201;
    s.gc.longestPauseMs = 201;
    expect(verdict(s)).toBe('1 GC pause over 200 ms (longest 201 ms)');
    s.gc = {
      count: 50,
      totalPauseMs: 2_500,
      longestPauseMs: 300,
      longest: Array.from({ length: 10 }, () => ({ name: 'G1Old', cause: 'x', ms: 250, start: '' })),
    };
    expect(verdict(s)).toBe('at least 10 GC pauses over 200 ms (longest 300 ms)');
  });

  it(`GC overhead from ${GC_OVERHEAD_SHARE * 100}% of the recording`, () => {
    const s = quietSummary();
    s.gc = { count: 300, totalPauseMs: 3_000, longestPauseMs: 50, longest: [{ name: 'G1New', cause: 'x', ms: 50, start: '' }] };
    expect(verdict(s)).toBe('GC paused the JVM 10% of the time');
    s.gc.totalPauseMs = 2_900;
    expect(verdict(s)).toMatch(/^nothing stands out/);
  });

  it(`a machine CPU busy at ${CPU_BUSY * 100}% or more`, () => {
    const s = quietSummary();
    s.cpu = { samples: 30, jvmUserAvg: 0.8, jvmSystemAvg: 0.05, machineTotalAvg: 0.95, jvmPeak: 1 };
    expect(verdict(s)).toBe('machine CPU 95% busy (this JVM 85%)');
    s.cpu.machineTotalAvg = 0.89;
    expect(verdict(s)).toMatch(/^nothing stands out/);
  });

  it('nothing stands out: says so, with the top method and the longest pause', () => {
    expect(verdict(quietSummary())).toBe(
      'nothing stands out: no hot method or contended monitor (top method com.acme.M0.work, 5% of samples), longest GC pause 15 ms',
    );
  });
});
