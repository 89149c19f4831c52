import { describe, expect, it } from '@jest/globals';
import {
  explainJcmdFailure,
  heapDumpNeedKiB,
  heapDumpPlan,
  histogramArgs,
  histogramTotalBytes,
  vmInfoCommands,
} from '../../src/collect/jcmd.js';
import { jvmDir } from '../../src/shared/layout.js';
import { safeSegment } from '../../src/shared/names.js';
import { decideOutcome } from '../../src/engine.js';
import type { RunManifest } from '../../src/shared/model.js';

describe('jcmd command lines by JVM version', () => {
  it('heap dump: -gz by the JVM from 15, -all when not live-only', () => {
    expect(heapDumpPlan(17, true, '/tmp/h.hprof')).toEqual({
      args: ['GC.heap_dump', '-gz=1', '/tmp/h.hprof.gz'],
      jvmPath: '/tmp/h.hprof.gz',
      compressedByJvm: true,
    });
    expect(heapDumpPlan(8, false, '/tmp/h.hprof')).toEqual({
      args: ['GC.heap_dump', '-all', '/tmp/h.hprof'],
      jvmPath: '/tmp/h.hprof',
      compressedByJvm: false,
    });
    expect(heapDumpPlan(11, true, '/tmp/h.hprof').compressedByJvm).toBe(false);
  });
  it('histogram -all only where it exists (9+) and only when asked', () => {
    expect(histogramArgs(8, false)).toEqual(['GC.class_histogram']);
    expect(histogramArgs(17, false)).toEqual(['GC.class_histogram', '-all']);
    expect(histogramArgs(17, true)).toEqual(['GC.class_histogram']);
  });
  it('VM.info on 9+, its parts on 8', () => {
    expect(vmInfoCommands(21)).toEqual([['VM.info']]);
    expect(vmInfoCommands(8).map((c) => c[0])).toEqual(['VM.version', 'VM.flags', 'VM.command_line', 'VM.system_properties']);
  });
  it('sizes the heap dump from the histogram total', () => {
    expect(
      histogramTotalBytes(' num     #instances         #bytes  class name\n   1:  10  100  [B\nTotal          4567       1048576\n'),
    ).toBe(1048576);
    expect(heapDumpNeedKiB(1024 * 1024, false)).toBe(Math.ceil(1024 * 1.1) + 16384);
    expect(heapDumpNeedKiB(undefined, true)).toBe(16384);
  });
  it('explains attach failures with what to do', () => {
    const msg = explainJcmdFailure(
      "7:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file /proc/7/root/tmp/.java_pid7: target process 7 doesn't respond within 10500ms",
      7,
    );
    expect(msg).toMatch(/AttachNotSupportedException.*DisableAttachMechanism.*run-as-user/);
  });
});

describe('output layout', () => {
  it('is <pod>/<container>/<pid>, with unsafe characters replaced', () => {
    expect(jvmDir('web-7d9f-abc', 'app', 12)).toBe('web-7d9f-abc/app/12');
    // A cleaned name is tagged with a hash of the original, so two names cleaned alike stay apart.
    expect(safeSegment('../etc')).toMatch(/^__etc-[0-9a-f]{10}$/);
  });
});

describe('decideOutcome', () => {
  const manifest = (files: string[][], errors = 0): RunManifest => ({
    tool: { name: 't', version: '1' },
    cluster: {},
    namespace: 'default',
    target: 'deployment/x',
    startedAt: '',
    finishedAt: '',
    errors: [],
    requested: { dumps: ['threads', 'heap'], threadDumpCount: 1, threadDumpIntervalMs: 0, heapDumpLive: true },
    pods: files.map((kinds, i) => ({
      namespace: 'default',
      pod: `p${i}`,
      container: 'app',
      timingsMs: {},
      errors: Array.from({ length: errors }, () => ({ stage: 'collect' as const, message: 'x' })),
      jvms: [
        {
          pid: 1,
          commandLine: 'java',
          files: kinds.map((k) => ({ path: k, kind: k as 'threads', size: 1, sha256: '' })),
          errors: [],
          timingsMs: {},
        },
      ],
    })),
  });
  it('success when every requested dump exists, partial when some, failure when none', () => {
    expect(decideOutcome(manifest([['threads', 'heap']]))).toBe('success');
    expect(decideOutcome(manifest([['threads', 'heap'], ['threads']]))).toBe('partial');
    expect(decideOutcome(manifest([['threads', 'heap']], 1))).toBe('partial');
    expect(decideOutcome(manifest([[]]))).toBe('failure');
    expect(decideOutcome(manifest([]))).toBe('failure');
  });
  it('threads-json is missing only from a JDK 21+ JVM (older ones do not offer it)', () => {
    const withJson = (feature: number | undefined, kinds: string[]) => {
      const m = manifest([kinds]);
      m.requested.dumps = ['threads', 'threads-json', 'heap'];
      m.pods[0].jvms[0].feature = feature;
      return decideOutcome(m);
    };
    expect(withJson(17, ['threads', 'heap'])).toBe('success');
    expect(withJson(21, ['threads', 'heap'])).toBe('partial');
    expect(withJson(25, ['threads', 'threads-json', 'heap'])).toBe('success');
  });
});
