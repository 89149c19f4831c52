// One JVM whose version the probe read from its files: no VM.version exec; the first jcmd of its dumps is the attach
// test. A refused attach still sends the JVM the SIGQUIT way, as a failed VM.version did; a failure of the command
// itself costs only its kind. Without a version from the probe, VM.version comes first, as before.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { collectJvms } from '../../src/collect/pod-jvms.js';
import type { CollectContext } from '../../src/collect/context.js';
import type { JvmTarget } from '../../src/collect/jvm-job.js';
import type { ProbedJvm } from '../../src/collect/toolbox-protocol.js';
import { ToolboxError, type ThreadSeries } from '../../src/collect/toolbox-types.js';
import type { HashingFileSink } from '../../src/collect/transfer.js';
import type { JvmResult } from '../../src/shared/model.js';
import { settingsFrom } from '../integration/support/engine-fixtures.js';

const DUMP = readFileSync(path.resolve(import.meta.dirname, '../fixtures/thread-dumps/jdk8-sigquit-container-log.txt'), 'utf8')
  .split('\n')
  .slice(2, 49)
  .join('\n');
const THREAD_PRINT = `7:\n${DUMP}\n`;
const HISTOGRAM = ' num     #instances         #bytes  class name\n   1:  10  100  [B\nTotal  10  100\n';
const REFUSED = 'com.sun.tools.attach.AttachNotSupportedException: Unable to open socket file /proc/7/root/tmp/.java_pid7';

type Answer = string | ToolboxError | Error;

/** A toolbox that answers each jcmd command (by its first word) and the series as told, and records what was asked. */
function fakeTarget(answers: { series?: Answer; [command: string]: Answer | undefined }, version?: string) {
  const calls: string[] = [];
  const answer = (key: string): string => {
    const a = answers[key] ?? (key === 'GC.class_histogram' ? HISTOGRAM : `7:\nJDK 17.0.9\n`);
    if (a instanceof Error) throw a;
    return a;
  };
  const write = (sink: HashingFileSink, text: string) =>
    new Promise<void>((resolve, reject) => sink.end(Buffer.from(text), (err?: Error | null) => (err ? reject(err) : resolve())));
  const toolbox = {
    probe: { selfUid: 0, selfGid: 0, jvms: [] },
    jcmd: (_ids: unknown, _pid: number, args: string[]) => {
      calls.push(`jcmd ${args.join(' ')}`);
      return Promise.resolve().then(() => answer(args[0]));
    },
    jcmdTo: async (_ids: unknown, _pid: number, args: string[], _t: number, sink: HashingFileSink) => {
      calls.push(`jcmdTo ${args.join(' ')}`);
      await write(sink, answer(args[0]));
    },
    jcmdSeries: async (
      _ids: unknown,
      _pid: number,
      _args: string[],
      series: ThreadSeries,
      sinkFor: (n: number) => HashingFileSink,
      onDone: (n: number, sink: HashingFileSink) => void | Promise<void>,
    ) => {
      calls.push(`threads ${series.count}${series.also ? ` + ${series.also.join(' ')}` : ''}`);
      answer('series');
      for (let n = 1; n <= series.count + (series.also ? 1 : 0); n++) {
        const sink = sinkFor(n);
        await write(sink, n <= series.count ? THREAD_PRINT : HISTOGRAM);
        await onDone(n, sink);
      }
    },
    sigquit: () => {
      calls.push('sigquit');
      return Promise.resolve();
    },
  };
  const jvm: ProbedJvm = { pid: 7, uid: 0, gid: 0, nsPid: 7, commandLine: 'java Simple', version, feature: version ? 17 : undefined };
  const target = {
    plan: { pod: 'web-1', container: 'app', attachHint: 'the hint' },
    toolbox,
    jvm,
    strategy: 'proc-root',
    debuggerName: 'dbg',
  } as unknown as JvmTarget;
  return { target, calls };
}

function context(outputDir: string, dumps = 'threads,histogram'): CollectContext {
  const settings = { ...settingsFrom({ target: 'pod/web-1', dumps, 'thread-dump-count': '2', 'thread-dump-interval': '1s' }), outputDir };
  // The SIGQUIT dump appears in the container log: timestamped after the signal.
  const log = DUMP.split('\n')
    .map((l) => `2099-01-01T00:00:00.000000000Z ${l}`)
    .join('\n');
  return {
    cluster: { namespace: 'ns', core: { readNamespacedPodLog: () => Promise.resolve(log) } },
    settings,
    deadline: Date.now() + 60_000,
    progress: () => undefined,
    pause: () => Promise.resolve(),
  } as unknown as CollectContext;
}

async function collect(answers: Parameters<typeof fakeTarget>[0], version: string | undefined, dumps?: string) {
  const outputDir = mkdtempSync(path.join(tmpdir(), 'kjd-attach-'));
  try {
    const { target, calls } = fakeTarget(answers, version);
    const into: JvmResult[] = [];
    await collectJvms(context(outputDir, dumps), [target], into);
    const out = into[0];
    return { calls, out, kinds: out.files.map((f) => f.kind) };
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

describe('a JVM with the version from the probe', () => {
  it('asks no VM.version: the series with the histogram is the only exec', async () => {
    const { calls, out, kinds } = await collect({}, '17.0.9');
    expect(calls).toEqual(['threads 2 + GC.class_histogram']);
    expect(kinds).toEqual(['threads', 'threads', 'histogram']);
    expect([out.version, out.feature, out.errors]).toEqual(['17.0.9', 17, []]);
  });

  it('the first jcmd refused the attach (no attach socket): thread dumps by SIGQUIT, the rest lost with the hint', async () => {
    const { calls, out, kinds } = await collect({ series: new ToolboxError('attach', 1, REFUSED) }, '17.0.9');
    expect(calls).toEqual(['threads 2 + GC.class_histogram', 'sigquit', 'sigquit']);
    expect(kinds).toEqual(['threads', 'threads']);
    expect(out.errors).toEqual([{ stage: 'collect', dump: 'histogram', message: `Cannot attach to JVM 7: ${REFUSED}; the hint` }]);
    expect(out.notes).toEqual(['attach failed: thread dumps taken with SIGQUIT from the container log']);
    // As after a failed VM.version: the version counts as unknown.
    expect([out.version, out.feature]).toEqual([undefined, undefined]);
  });

  it('no jcmd in the debugger, or ids it cannot take: the SIGQUIT way too', async () => {
    for (const failure of ['no-jcmd', 'uid-mismatch'] as const) {
      const { calls, kinds } = await collect({ series: new ToolboxError(failure, 98, 'no jcmd') }, '17.0.9');
      expect([failure, calls]).toEqual([failure, ['threads 2 + GC.class_histogram', 'sigquit', 'sigquit']]);
      expect(kinds).toEqual(['threads', 'threads']);
    }
  });

  it('jcmd failed with the attach socket there: VM.version tells; it answers, so only the thread dumps are lost', async () => {
    const { calls, out, kinds } = await collect({ series: new ToolboxError('tool', 1, 'java.lang.OutOfMemoryError') }, '17.0.9');
    expect(calls).toEqual(['threads 2 + GC.class_histogram', 'jcmd VM.version', 'jcmdTo GC.class_histogram']);
    expect(kinds).toEqual(['histogram']);
    expect(out.errors).toEqual([{ stage: 'collect', dump: 'threads', message: 'java.lang.OutOfMemoryError' }]);
    expect(out.version).toBe('17.0.9');
  });

  it('jcmd failed with the attach socket there and VM.version fails too (a stale socket): the SIGQUIT way', async () => {
    const { calls, out } = await collect(
      { series: new ToolboxError('tool', 1, 'Connection refused'), 'VM.version': new ToolboxError('tool', 1, REFUSED) },
      '17.0.9',
    );
    expect(calls).toEqual(['threads 2 + GC.class_histogram', 'jcmd VM.version', 'sigquit', 'sigquit']);
    expect(out.errors.map((e) => [e.dump, e.message])).toEqual([['histogram', `Cannot attach to JVM 7: ${REFUSED}; the hint`]]);
  });

  it('a failure that is no jcmd verdict (the exec broke) costs its kind only; the next jcmd is the attach test', async () => {
    const { calls, out, kinds } = await collect({ series: new Error('exec timed out') }, '17.0.9');
    expect(calls).toEqual(['threads 2 + GC.class_histogram', 'jcmdTo GC.class_histogram']);
    expect(kinds).toEqual(['histogram']);
    expect(out.errors.map((e) => e.dump)).toEqual(['threads']);
  });

  it('JFR first: its JFR.start is the attach test; refused, nothing is discarded and the thread dumps come by SIGQUIT', async () => {
    const { calls, out, kinds } = await collect({ 'JFR.start': new ToolboxError('attach', 1, REFUSED) }, '17.0.9', 'threads,jfr');
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['jcmd', 'sigquit', 'sigquit']);
    expect(calls[0]).toMatch(/^jcmd JFR\.start /);
    expect(kinds).toEqual(['threads', 'threads']);
    expect(out.errors.map((e) => [e.dump, e.message])).toEqual([['jfr', `Cannot attach to JVM 7: ${REFUSED}; the hint`]]);
  });
});

describe('a JVM without a version from the probe', () => {
  it('asks VM.version first, as before', async () => {
    const { calls, out } = await collect({}, undefined);
    expect(calls).toEqual(['jcmd VM.version', 'threads 2 + GC.class_histogram']);
    expect([out.version, out.feature]).toEqual(['17.0.9', 17]);
  });

  it('VM.version refused: the SIGQUIT way, the series never tried', async () => {
    const { calls, out } = await collect({ 'VM.version': new ToolboxError('attach', 1, REFUSED) }, undefined);
    expect(calls).toEqual(['jcmd VM.version', 'sigquit', 'sigquit']);
    expect(out.errors.map((e) => e.dump)).toEqual(['histogram']);
  });
});
