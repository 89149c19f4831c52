// Reads jfr-summary.json through a validator: the file comes from the pod, so its shape, types and sizes are checked
// and a fresh object is built from the known fields only. Anything wrong gives a problem in words, never a throw
// and never a half-read summary (a table built from a wrong file would be confidently misleading).
import { JFR_SUMMARY_SCHEMA, type JfrGcPause, type JfrStack, type JfrSummary } from '../shared/jfr-summary.js';

/** The summariser writes at most 2000 stacks of at most 2048 frames; names of a few hundred characters fit in this. */
export const MAX_JFR_SUMMARY_CHARS = 16 * 1024 * 1024;
/** A Java frame name (package, class, method) or a GC cause; hidden classes and lambdas stay far below it. */
const MAX_STRING = 2000;
/** JFR's own limit on stack depth (-XX:FlightRecorderOptions:stackdepth is capped at 2048). */
const MAX_FRAMES = 2048;
/** More events or samples than a JVM can produce in a recording that fits the run's timeout. */
const MAX_COUNT = 1e10;
/** A week: longer pauses, waits or recordings are not real. */
const MAX_MS = 7 * 24 * 3600 * 1000;
/** A petabyte of allocation estimate. */
const MAX_BYTES = 1e15;
/** Rounding slack between a total and its largest part (both in ms, rounded apart by the summariser). */
const MS_SLACK = 1;

export type JfrRead = { summary: JfrSummary; problem?: undefined } | { summary?: undefined; problem: string };

class Invalid extends Error {}

type Obj = Record<string, unknown>;

function obj(v: unknown, at: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(`${at} is not an object`);
  return v as Obj;
}

function arr(v: unknown, at: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(`${at} is not an array`);
  if (v.length > max) throw new Invalid(`${at} has ${v.length} entries (at most ${max} expected)`);
  return v;
}

function str(v: unknown, at: string): string {
  if (typeof v !== 'string') throw new Invalid(`${at} is not a string`);
  if (v.length > MAX_STRING) throw new Invalid(`${at} is ${v.length} characters long (at most ${MAX_STRING})`);
  return v;
}

function num(v: unknown, at: string, max: number, integer: boolean): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(`${at} is not a number`);
  if (v < 0 || v > max) throw new Invalid(`${at} is ${v}, outside 0..${max}`);
  if (integer && !Number.isInteger(v)) throw new Invalid(`${at} is ${v}, not a whole number`);
  return v;
}

const count = (v: unknown, at: string) => num(v, at, MAX_COUNT, true);
const ms = (v: unknown, at: string) => num(v, at, MAX_MS, false);
/** JFR's CPU loads are floats that can land a hair above 1 (a sum of rounded parts); more than that is not a load. */
const FRACTION_SLACK = 0.01;
const fraction = (v: unknown, at: string) => Math.min(1, num(v, at, 1 + FRACTION_SLACK, false));

function check(ok: boolean, what: string): void {
  if (!ok) throw new Invalid(what);
}

/** Parses and validates the text of a jfr-summary.json. */
export function readJfrSummary(text: string): JfrRead {
  if (text.length > MAX_JFR_SUMMARY_CHARS)
    return { problem: `jfr-summary.json is ${text.length} characters long (at most ${MAX_JFR_SUMMARY_CHARS} read)` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'jfr-summary.json is not valid JSON' };
  }
  try {
    return { summary: validate(raw) };
  } catch (err) {
    if (err instanceof Invalid) return { problem: `jfr-summary.json is not in the expected shape: ${err.message}` };
    throw err;
  }
}

function validate(raw: unknown): JfrSummary {
  const o = obj(raw, 'the file');
  if (o.schema !== JFR_SUMMARY_SCHEMA)
    throw new Invalid(`schema is ${JSON.stringify(o.schema)?.slice(0, 40)}, this version reads schema ${JFR_SUMMARY_SCHEMA}`);
  const rec = obj(o.recording, 'recording');
  const executionSamples = count(o.executionSamples, 'executionSamples');
  const hotMethods = arr(o.hotMethods, 'hotMethods', 50).map((h, i) => {
    const m = obj(h, `hotMethods[${i}]`);
    const r = {
      method: str(m.method, `hotMethods[${i}].method`),
      self: count(m.self, `hotMethods[${i}].self`),
      total: count(m.total, `hotMethods[${i}].total`),
    };
    check(
      r.self <= r.total && r.total <= executionSamples,
      `hotMethods[${i}] counts ${r.self} self / ${r.total} total of ${executionSamples} samples`,
    );
    return r;
  });
  let inStacks = 0;
  const stacks = arr(o.stacks, 'stacks', 2000).map((s, i): JfrStack => {
    const st = obj(s, `stacks[${i}]`);
    const frames = arr(st.frames, `stacks[${i}].frames`, MAX_FRAMES).map((f, k) => str(f, `stacks[${i}].frames[${k}]`));
    const n = count(st.count, `stacks[${i}].count`);
    check(n >= 1 && frames.length >= 1, `stacks[${i}] is empty`);
    inStacks += n;
    return { frames, count: n };
  });
  const otherStacks = count(o.otherStacks, 'otherStacks');
  check(inStacks + otherStacks <= executionSamples, `stacks hold ${inStacks + otherStacks} samples of ${executionSamples}`);
  const monitors = arr(o.monitors, 'monitors', 20).map((x, i) => {
    const m = obj(x, `monitors[${i}]`);
    const r = {
      monitorClass: str(m.monitorClass, `monitors[${i}].monitorClass`),
      site: str(m.site, `monitors[${i}].site`),
      count: count(m.count, `monitors[${i}].count`),
      totalMs: ms(m.totalMs, `monitors[${i}].totalMs`),
      longestMs: ms(m.longestMs, `monitors[${i}].longestMs`),
    };
    check(
      r.count >= 1 && r.longestMs <= r.totalMs + MS_SLACK,
      `monitors[${i}] has ${r.count} events, longest ${r.longestMs} ms of ${r.totalMs} ms`,
    );
    return r;
  });
  const allocations = arr(o.allocations, 'allocations', 20).map((x, i) => {
    const a = obj(x, `allocations[${i}]`);
    return {
      objectClass: str(a.objectClass, `allocations[${i}].objectClass`),
      weightBytes: num(a.weightBytes, `allocations[${i}].weightBytes`, MAX_BYTES, false),
      samples: count(a.samples, `allocations[${i}].samples`),
    };
  });
  const g = obj(o.gc, 'gc');
  const gc = {
    count: count(g.count, 'gc.count'),
    totalPauseMs: ms(g.totalPauseMs, 'gc.totalPauseMs'),
    longestPauseMs: ms(g.longestPauseMs, 'gc.longestPauseMs'),
    longest: arr(g.longest, 'gc.longest', 10).map((x, i): JfrGcPause => {
      const p = obj(x, `gc.longest[${i}]`);
      return {
        name: str(p.name, `gc.longest[${i}].name`),
        cause: str(p.cause, `gc.longest[${i}].cause`),
        ms: ms(p.ms, `gc.longest[${i}].ms`),
        start: str(p.start, `gc.longest[${i}].start`),
      };
    }),
  };
  check(
    gc.longestPauseMs <= gc.totalPauseMs + MS_SLACK,
    `gc.longestPauseMs ${gc.longestPauseMs} exceeds gc.totalPauseMs ${gc.totalPauseMs}`,
  );
  check(gc.longest.length <= gc.count, `gc.longest lists ${gc.longest.length} pauses of ${gc.count} collections`);
  const summary: JfrSummary = {
    schema: JFR_SUMMARY_SCHEMA,
    recording: {
      ...(rec.start !== undefined ? { start: str(rec.start, 'recording.start') } : {}),
      durationMs: ms(rec.durationMs, 'recording.durationMs'),
      events: count(rec.events, 'recording.events'),
    },
    executionSamples,
    hotMethods,
    stacks,
    otherStacks,
    monitors,
    allocations,
    gc,
    notes: arr(o.notes, 'notes', 50).map((n, i) => str(n, `notes[${i}]`)),
  };
  if (o.cpu !== undefined) {
    const c = obj(o.cpu, 'cpu');
    summary.cpu = {
      samples: count(c.samples, 'cpu.samples'),
      jvmUserAvg: fraction(c.jvmUserAvg, 'cpu.jvmUserAvg'),
      jvmSystemAvg: fraction(c.jvmSystemAvg, 'cpu.jvmSystemAvg'),
      machineTotalAvg: fraction(c.machineTotalAvg, 'cpu.machineTotalAvg'),
      jvmPeak: fraction(c.jvmPeak, 'cpu.jvmPeak'),
    };
  }
  return summary;
}
