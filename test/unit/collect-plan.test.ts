// The rules of collection, reachable without a cluster: the pod plan, the scout, the JVMs, the attach
// identity and fallback, free space and transfer verification, and the typed toolbox over a fake exec.
import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { attachFallback } from '../../src/collect/collect-jvm.js';
import { heapSpaceProblem } from '../../src/collect/heap-dump.js';
import { streamLimitBytes, transferProblem } from '../../src/collect/transfer.js';
import {
  attachIds,
  chooseTarget,
  debuggerIdentityFor,
  debuggerLifeSeconds,
  planJvms,
  planPod,
  runAsFromScout,
  runSecondsLeft,
  SCOUT_UID,
} from '../../src/collect/plan.js';
import { StageError } from '../../src/collect/stage-error.js';
import { createToolbox } from '../../src/collect/toolbox.js';
import { ToolboxError, type ContainerExec } from '../../src/collect/toolbox-types.js';
import { parseProbe, type ProbeResult } from '../../src/collect/toolbox-protocol.js';
import { getSettings } from '../../src/inputs/input-helper.js';
import type { Settings } from '../../src/inputs/settings.js';
import { pod } from '../support/pods.js';

function settings(extra: Record<string, string> = {}): Settings {
  const inputs: Record<string, string> = { target: 'deployment/web', ...extra };
  return getSettings((name) => inputs[name] ?? '', {});
}

function thrown(fn: () => unknown): StageError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StageError) return err;
    throw err;
  }
  throw new Error('expected a StageError, nothing was thrown');
}

const probe = (text: string): ProbeResult => parseProbe(text);

describe('pod plan', () => {
  it('needs a scout only when the pod forbids root and nothing tells the uid', () => {
    const p = pod({ name: 'web-1' });
    p.spec!.securityContext = { runAsNonRoot: true };
    const plan = planPod(p, settings(), chooseTarget(p, settings()));
    expect(plan).toMatchObject({ pod: 'web-1', container: 'app', nonRoot: true, needsScout: true });
    p.spec!.containers[0].securityContext = { runAsUser: 1000, runAsGroup: 1000 };
    expect(planPod(p, settings(), chooseTarget(p, settings()))).toMatchObject({
      needsScout: false,
      runAs: { uid: 1000, source: 'container securityContext' },
    });
  });

  it('refuses a container that does not run, filed under target', () => {
    const p = pod({ name: 'web-1' });
    p.status!.containerStatuses![0].state = { waiting: { reason: 'CrashLoopBackOff' } };
    const err = thrown(() => planPod(p, settings(), chooseTarget(p, settings())));
    expect(err.stage).toBe('target');
    expect(err.message).toMatch(/waiting \(CrashLoopBackOff\).*no JVM to dump/);
  });

  it('files a bad tmp-volume under inject, before anything changes in the cluster', () => {
    const p = pod({ name: 'web-1' });
    const s = settings({ 'tmp-volume': 'scratch' });
    expect(thrown(() => planPod(p, s, chooseTarget(p, s))).stage).toBe('inject');
  });

  it('runs the debugger as root that drops to the JVM ids, unless the ids are known', () => {
    const p = pod({ name: 'web-1' });
    expect(debuggerIdentityFor(planPod(p, settings(), chooseTarget(p, settings())))).toEqual({ runAsUser: 0, runAsGroup: 0, root: true });
  });
});

describe('scout', () => {
  const p = pod({ name: 'web-1' });
  p.spec!.securityContext = { runAsNonRoot: true };
  const plan = planPod(p, settings(), chooseTarget(p, settings()));

  it('takes the ids of the JVM it saw (the one asked for, when jvm-pid is set)', () => {
    const seen = probe(`self\t${SCOUT_UID}\t${SCOUT_UID}\njvm\t7\t1000\t2000\t1\tjava A\njvm\t9\t1001\t1001\t9\tjava B\n`);
    expect(runAsFromScout(plan, seen, undefined)).toEqual({ uid: 1000, gid: 2000, source: 'scout' });
    expect(runAsFromScout(plan, seen, 9)).toEqual({ uid: 1001, gid: 1001, source: 'scout' });
    // jvm-pid may be the pid the JVM sees in its own namespace.
    expect(runAsFromScout(plan, seen, 1)).toEqual({ uid: 1000, gid: 2000, source: 'scout' });
  });

  it('says what to set when it finds no JVM, and refuses a root JVM in a non-root pod', () => {
    expect(thrown(() => runAsFromScout(plan, probe('self\t65534\t65534\n'), undefined)).message).toMatch(
      /set run-as-user and run-as-group/,
    );
    const root = thrown(() => runAsFromScout(plan, probe('jvm\t7\t0\t0\t7\tjava\n'), undefined));
    expect(root.stage).toBe('inject');
    expect(root.message).toMatch(/runs as root.*runAsNonRoot/);
  });
});

describe('JVMs to dump', () => {
  const p = pod({ name: 'web-1' });
  const plan = planPod(p, settings(), chooseTarget(p, settings()));
  const seen = 'self\t0\t0\njcmd\t/opt/java/bin/jcmd\t17.0.2\njvm\t7\t1000\t1000\t7\tjava A\njvm\t9\t1000\t1000\t9\tjava B\n';

  it('all of them, or only the one asked for; jcmd 17 without a shared /tmp links /tmp as root', () => {
    expect(planJvms(plan, probe(seen), settings(), false)).toEqual({ jvms: probe(seen).jvms, strategy: 'tmp-symlink' });
    expect(planJvms(plan, probe(seen), settings({ 'jvm-pid': '9' }), true)).toEqual({
      jvms: [probe(seen).jvms[1]],
      strategy: 'shared-volume',
    });
  });

  it('names the JVMs it found when the asked-for pid is not one', () => {
    expect(thrown(() => planJvms(plan, probe(seen), settings({ 'jvm-pid': '5' }), true)).message).toMatch(
      /No JVM with pid 5.*7 \(java A\), 9 \(java B\)/,
    );
  });

  it('asks for a JDK image when the debugger has no jcmd, and explains an empty pod', () => {
    expect(thrown(() => planJvms(plan, probe('self\t0\t0\njcmd\t\t\n'), settings(), true)).message).toMatch(/has no jcmd: use a JDK image/);
    expect(thrown(() => planJvms(plan, probe('self\t0\t0\njcmd\t/j/jcmd\t25\n'), settings(), true)).message).toMatch(/No JVM found/);
  });

  it('refuses a non-root JDK 17 debugger without a shared /tmp, with the fix', () => {
    const nonRoot = 'self\t1000\t1000\njcmd\t/j/jcmd\t17.0.2\njvm\t7\t1000\t1000\t7\tjava\n';
    expect(thrown(() => planJvms(plan, probe(nonRoot), settings(), false)).message).toMatch(/JDK 21\+ image/);
    expect(planJvms(plan, probe(nonRoot.replace('17.0.2', '21.0.1')), settings(), false).strategy).toBe('proc-root');
  });
});

describe('attach rules', () => {
  it('attaches as the JVM user; a non-root debugger with other ids cannot', () => {
    const jvm = { pid: 7, uid: 1000, gid: 1000, commandLine: 'java' };
    expect(attachIds(jvm, probe('self\t0\t0\n'))).toEqual({ ids: { uid: 1000, gid: 1000 } });
    expect(attachIds(jvm, probe('self\t1000\t1000\n'))).toEqual({ ids: { uid: 1000, gid: 1000 } });
    expect(attachIds(jvm, probe('self\t1000\t0\n'))).toEqual({
      mismatch: expect.stringMatching(/run-as-user: 1000 and run-as-group: 1000/),
    });
  });

  it('without attach, only thread dumps survive (by SIGQUIT)', () => {
    expect(attachFallback(['threads', 'histogram', 'heap'])).toEqual({ viaSignal: ['threads'], lost: ['histogram', 'heap'] });
    expect(attachFallback(['heap'])).toEqual({ viaSignal: [], lost: ['heap'] });
    // threads-json exists from JDK 21 only; without attach the version is unknown, so it is not counted lost.
    expect(attachFallback(['threads', 'threads-json', 'histogram'])).toEqual({ viaSignal: ['threads'], lost: ['histogram'] });
  });
});

describe('heap dump rules', () => {
  it('refuses to write a dump that will not fit, saying how much is needed', () => {
    expect(heapSpaceProblem(2048 * 1024, 1024 * 1024)).toMatch(/about 2048 MiB needed, 1024 MiB free/);
    expect(heapSpaceProblem(1024, 1024)).toBeUndefined();
  });

  it('accepts a copy only when the pod read it fully, the checksums agree and it is an HPROF', () => {
    const sha = 'b'.repeat(64);
    const got = { sha256: sha, bytes: 10, gzippedInTransit: false };
    expect(transferProblem({ sourceExit: 0, sha256: sha }, got, undefined)).toBeUndefined();
    expect(transferProblem({ sourceExit: 1, sha256: sha }, got, undefined)).toMatch(/exit 1/);
    expect(transferProblem({ sourceExit: 0 }, got, undefined)).toMatch(/checksum mismatch: pod none/);
    expect(transferProblem({ sourceExit: 0, sha256: 'c'.repeat(64) }, got, undefined)).toMatch(/checksum mismatch/);
    expect(transferProblem({ sourceExit: 0, sha256: sha }, got, 'not an HPROF file')).toMatch(/is not an HPROF file/);
  });

  it('compares the size the pod announced with what arrived: the file as is, or the bytes sent when gzipped in transit', () => {
    const sha = 'b'.repeat(64);
    const raw = { sha256: sha, bytes: 10, gzippedInTransit: false };
    expect(transferProblem({ sourceExit: 0, sha256: sha, sourceSize: 10, sentBytes: 10 }, raw, undefined)).toBeUndefined();
    expect(transferProblem({ sourceExit: 0, sha256: sha, sourceSize: 12 }, raw, undefined)).toBe(
      'size mismatch: the file in the pod has 12 bytes, 10 arrived',
    );
    expect(transferProblem({ sourceExit: 0, sha256: sha, sentBytes: 11 }, raw, undefined)).toBe(
      'size mismatch: the pod sent 11 bytes, 10 arrived',
    );
    // Gzipped on the fly: the file's (uncompressed) size says nothing about the bytes on the wire.
    const gz = { ...raw, gzippedInTransit: true };
    expect(transferProblem({ sourceExit: 0, sha256: sha, sourceSize: 5000, sentBytes: 10 }, gz, undefined)).toBeUndefined();
    expect(transferProblem({ sourceExit: 0, sha256: sha, sourceSize: 5000, sentBytes: 9 }, gz, undefined)).toMatch(
      /the pod sent 9 bytes, 10 arrived/,
    );
  });

  it('lets a stream run to the announced size plus a margin, even gzip of data that does not compress', () => {
    expect(streamLimitBytes(0)).toBe(1024 * 1024);
    const size = 4 * 1024 ** 3;
    // gzip's worst case: 5 bytes per 16 KiB stored block, plus header and trailer.
    expect(streamLimitBytes(size)).toBeGreaterThan(size + Math.ceil(size / 16384) * 5 + 18);
    expect(streamLimitBytes(size)).toBeLessThan(size * 1.02 + 2 * 1024 * 1024);
  });
});

describe('typed toolbox', () => {
  const probeOut = 'self\t0\t0\njcmd\t/j/bin/jcmd\t25\njvm\t7\t1000\t1000\t7\tjava\n';
  function fakeExec(answers: Record<string, { exitCode: number; stdout?: string; stderr?: string }>): {
    exec: ContainerExec;
    calls: string[][];
  } {
    const calls: string[][] = [];
    const exec: ContainerExec = (argv) => {
      calls.push(argv.slice(3));
      const a = answers[argv[4]] ?? { exitCode: 0 };
      return Promise.resolve({ exitCode: a.exitCode, stdout: a.stdout ?? '', stderr: a.stderr ?? '' });
    };
    return { exec, calls };
  }

  it('probes once when created, then passes every value as an argument', async () => {
    const { exec, calls } = fakeExec({ probe: { exitCode: 0, stdout: probeOut }, jcmd: { exitCode: 0, stdout: '7:\nJDK 25\n' } });
    const tb = await createToolbox(exec, 1000);
    expect(tb.probe.jvms.map((j) => j.pid)).toEqual([7]);
    expect(await tb.jcmd({ uid: 1000, gid: 1000 }, 7, ['VM.version'], 1000)).toBe('7:\nJDK 25\n');
    expect(calls).toEqual([
      ['kjd', 'probe'],
      ['kjd', 'jcmd', '1000', '1000', '7', 'VM.version'],
    ]);
  });

  it('types failures by exit code, whatever the message says', async () => {
    const { exec } = fakeExec({
      probe: { exitCode: 0, stdout: probeOut },
      jcmd: { exitCode: 97, stderr: 'kjd-error: anything at all\n' },
      remove: { exitCode: 1, stderr: 'rm: cannot remove' },
      space: { exitCode: 0, stdout: 'garbage' },
    });
    const tb = await createToolbox(exec, 1000);
    await expect(tb.jcmd({ uid: 1, gid: 1 }, 7, ['VM.version'], 1000)).rejects.toMatchObject({
      failure: 'uid-mismatch',
      exitCode: 97,
      message: 'anything at all',
    });
    await expect(tb.remove({ uid: 1, gid: 1 }, '/tmp/x')).rejects.toMatchObject({ failure: 'tool', exitCode: 1 });
    await expect(tb.freeKiB({ uid: 1, gid: 1 }, '/tmp')).rejects.toMatchObject({ failure: 'no-free-space-info' });
  });

  it('treats an attach exception printed with exit 0 as a failure, with what to do', async () => {
    const out = "7:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file: target process 7 doesn't respond\n";
    const { exec } = fakeExec({ probe: { exitCode: 0, stdout: probeOut }, jcmd: { exitCode: 0, stdout: out } });
    const tb = await createToolbox(exec, 1000);
    const err = await tb.jcmd({ uid: 1, gid: 1 }, 7, ['VM.version'], 1000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolboxError);
    expect((err as ToolboxError).message).toMatch(/DisableAttachMechanism/);
  });

  it('fails creation when the probe cannot run, and returns the stream trailer', async () => {
    await expect(
      createToolbox(fakeExec({ probe: { exitCode: 99, stderr: 'kjd-error: unknown toolbox command probe\n' } }).exec, 1000),
    ).rejects.toMatchObject({
      failure: 'unknown-command',
      message: expect.stringMatching(/^Scanning processes in the debugger failed/),
    });
    const sha = 'd'.repeat(64);
    const { exec } = fakeExec({
      probe: { exitCode: 0, stdout: probeOut },
      stream: { exitCode: 0, stderr: `kjd-size\t5\nkjd-source-exit\t0\nkjd-sha256\t${sha}\n` },
    });
    const tb = await createToolbox(exec, 1000);
    expect(await tb.stream({ uid: 0, gid: 0 }, '/tmp/h', true, new PassThrough())).toEqual({ sourceSize: 5, sourceExit: 0, sha256: sha });
  });
});

describe('hardening that blocks attach', () => {
  it('names readOnlyRootFilesystem without a /tmp mount, and the fix', () => {
    const p = pod({ name: 'ro' });
    p.spec!.containers[0].securityContext = { readOnlyRootFilesystem: true };
    expect(planPod(p, settings(), chooseTarget(p, settings())).attachHint).toMatch(/readOnlyRootFilesystem.*mount an emptyDir at \/tmp/);
    p.spec!.containers[0].volumeMounts = [{ name: 'tmp', mountPath: '/tmp/' }];
    p.spec!.volumes = [{ name: 'tmp', emptyDir: {} }];
    expect(planPod(p, settings(), chooseTarget(p, settings())).attachHint).toBeUndefined();
  });
});

describe("a debugger's life", () => {
  const now = 1_800_000_000_000;
  it('is debugger-ttl when that outlives the run', () => {
    expect(debuggerLifeSeconds(900, now + 600_000, now)).toBe(900);
  });
  it('is never shorter than the run still may take plus 30 s: a short ttl cannot end the debugger under a heap dump', () => {
    expect(debuggerLifeSeconds(30, now + 600_000, now)).toBe(630);
    expect(debuggerLifeSeconds(30, now + 1_500, now)).toBe(32);
  });
  it('a reused debugger needs the same: until the deadline plus 30 s, and 30 s once it has passed', () => {
    expect(runSecondsLeft(now + 60_000, now)).toBe(90);
    expect(runSecondsLeft(now - 5_000, now)).toBe(30);
  });
  it('with the default timeout and debugger-ttl, a rerun a few minutes later can reuse the debugger', () => {
    const s = settings();
    const life = debuggerLifeSeconds(s.debuggerTtlSeconds, now + s.timeoutMs, now);
    const rerunAt = now + 4 * 60_000;
    expect(life - (rerunAt - now) / 1000).toBeGreaterThanOrEqual(runSecondsLeft(rerunAt + s.timeoutMs, rerunAt));
  });
});
