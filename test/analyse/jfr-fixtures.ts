// Hand-made jfr-summary.json contents for the reader, the verdict and the flame graph tests.
import type { JfrSummary } from '../../src/shared/jfr-summary.js';

const run = ['java.lang.Thread.run', 'com.acme.Worker.run'];

/** A recording of 30 s: 1000 samples, 620 of them on top in com.acme.Pricing.recalculate; one contended monitor; GC pauses. */
export function pricingSummary(): JfrSummary {
  return {
    schema: 1,
    recording: { start: '2026-11-27T10:00:00Z', durationMs: 30_000, events: 12_345 },
    executionSamples: 1000,
    hotMethods: [
      { method: 'com.acme.Pricing.recalculate', self: 620, total: 700 },
      { method: 'java.util.HashMap.getNode', self: 200, total: 200 },
      { method: 'com.acme.Inventory.reserve', self: 100, total: 120 },
    ],
    stacks: [
      { frames: [...run, 'com.acme.Pricing.recalculate'], count: 620 },
      {
        frames: [...run, 'com.acme.Pricing.recalculate', 'com.acme.Cache.lookup', 'java.util.HashMap.get', 'java.util.HashMap.getNode'],
        count: 80,
      },
      { frames: [...run, 'com.acme.Orders.scan', 'java.util.HashMap.getNode'], count: 120 },
      { frames: [...run, 'com.acme.Inventory.reserve'], count: 100 },
      { frames: [...run, 'com.acme.Inventory.reserve', 'java.lang.Object.hashCode'], count: 20 },
    ],
    otherStacks: 60,
    monitors: [
      { monitorClass: 'com.acme.Inventory', site: 'com.acme.Inventory.reserve:42', count: 120, totalMs: 9_500, longestMs: 310 },
      { monitorClass: 'java.lang.Object', site: 'com.acme.Log.write:7', count: 3, totalMs: 40, longestMs: 20 },
    ],
    allocations: [{ objectClass: 'byte[]', weightBytes: 1_500_000_000, samples: 900 }],
    gc: {
      count: 40,
      totalPauseMs: 1_400,
      longestPauseMs: 450,
      longest: [
        { name: 'G1Old', cause: 'G1 Humongous Allocation', ms: 450, start: '2026-11-27T10:00:05Z' },
        { name: 'G1New', cause: 'G1 Evacuation Pause', ms: 250, start: '2026-11-27T10:00:09Z' },
        { name: 'G1New', cause: 'G1 Evacuation Pause', ms: 210, start: '2026-11-27T10:00:19Z' },
        { name: 'G1New', cause: 'G1 Evacuation Pause', ms: 40, start: '2026-11-27T10:00:21Z' },
      ],
    },
    cpu: { samples: 30, jvmUserAvg: 0.5, jvmSystemAvg: 0.05, machineTotalAvg: 0.6, jvmPeak: 0.8 },
    notes: [],
  };
}

/** A quiet recording: nothing stands out. */
export function quietSummary(): JfrSummary {
  const s = pricingSummary();
  s.hotMethods = Array.from({ length: 20 }, (_, i) => ({ method: `com.acme.M${i}.work`, self: 50, total: 50 }));
  s.stacks = s.hotMethods.map((h) => ({ frames: [...run, h.method], count: 50 }));
  s.otherStacks = 0;
  s.monitors = [];
  s.gc = {
    count: 5,
    totalPauseMs: 50,
    longestPauseMs: 15,
    longest: [{ name: 'G1New', cause: 'G1 Evacuation Pause', ms: 15, start: '2026-11-27T10:00:05Z' }],
  };
  return s;
}
