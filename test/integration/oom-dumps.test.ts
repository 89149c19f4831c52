// OOM heap dumps against the fake apiserver and a real local JVM: a real HPROF left at the root of a volume the
// container mounts is found by the real toolbox, streamed gzipped, sha256-verified, kept in the pod (or removed
// with remove-oom-dumps), and named in the summary and the verdict; it does not count as the live heap dump.
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { rolloutVerdict } from '../../src/analyse/rollout-verdict.js';
import { buildSummaryHtml } from '../../src/publish/summary.js';
import { expectFilesMatchDisk, hprofHeader, jvmContainer, seedPod, TMP_MOUNT } from './support/engine-fixtures.js';
import { engineSuite, seedInputs } from './support/engine-suite.js';

const NS = 'shop';
const suite = engineSuite('kjd-oom-it-', NS, (jvm) => ({
  ...seedInputs(jvm),
  target: 'pod/seed',
  dumps: 'threads,heap',
  'thread-dump-count': '1',
}));
const run = suite.engine;
let dumps: string;

afterEach(async () => {
  if (dumps) await rm(dumps, { recursive: true, force: true });
});

/** A "volume" on this machine (the pod's root here is /) holding the heap a JVM left: a real HPROF of the local JVM. */
async function volumeWithOomDump(): Promise<string> {
  dumps = await mkdtemp(path.join(tmpdir(), 'kjd-oom-volume-'));
  chmodSync(dumps, 0o777);
  const { pid } = suite.jvm;
  execFileSync('jcmd', [String(pid), 'GC.heap_dump', path.join(dumps, `java_pid${pid}.hprof`)], { stdio: 'ignore' });
  return dumps;
}

async function start(volume: string): Promise<void> {
  const api = await suite.start();
  api.store.put(
    seedPod({
      name: 'seed',
      namespace: NS,
      containers: [{ ...jvmContainer(), volumeMounts: [{ ...TMP_MOUNT }, { name: 'dumps', mountPath: volume }] }],
      volumes: [
        { name: 'tmp', emptyDir: {} },
        { name: 'dumps', emptyDir: {} },
      ],
    }),
  );
}

describe('heap dumps left on OutOfMemoryError', () => {
  it('found at a volume root, streamed gzipped and verified, kept in the pod; named in the summary and the verdict', async () => {
    const volume = await volumeWithOomDump();
    await start(volume);
    const r = await run({});
    const j = r.manifest.pods[0].jvms[0];
    const oom = j.files.find((f) => f.oom);
    expect(oom).toMatchObject({
      kind: 'heap',
      path: `seed/app/${suite.jvm.pid}/oom-java_pid${suite.jvm.pid}.hprof.gz`,
      oom: { podPath: `${volume}/java_pid${suite.jvm.pid}.hprof` },
    });
    expect(await expectFilesMatchDisk(r.outputDir, j.files)).toEqual([]);
    expect(hprofHeader(readFileSync(path.join(r.outputDir, oom!.path)))).toMatch(/^JAVA PROFILE 1\.0\.[12]/);
    // The live heap dump is there too, and the outcome counts it, not the OOM one.
    expect(j.files.filter((f) => f.kind === 'heap' && !f.oom)).toHaveLength(1);
    expect(r.report.outcome).toBe('success');
    // Kept in the pod: remove-oom-dumps is false by default.
    expect(existsSync(path.join(volume, `java_pid${suite.jvm.pid}.hprof`))).toBe(true);
    expect(buildSummaryHtml(r.manifest, [])).toContain('heap dump left on OutOfMemoryError</strong> at <code>');
    expect(rolloutVerdict(r.manifest, [])?.text).toMatch(/JVM: ran out of memory \(OOM heap dump of \S+ collected\)/);
  }, 90_000);

  it('remove-oom-dumps: removed from the pod once the copy is verified; no heap in dumps: not looked for', async () => {
    const volume = await volumeWithOomDump();
    await start(volume);
    const r = await run({ 'remove-oom-dumps': 'true' });
    expect(r.manifest.pods[0].jvms[0].files.some((f) => f.oom)).toBe(true);
    expect(existsSync(path.join(volume, `java_pid${suite.jvm.pid}.hprof`))).toBe(false);

    await rm(volume, { recursive: true, force: true });
    await volumeWithOomDump();
    await start(dumps);
    const none = await run({ dumps: 'threads' });
    expect(none.manifest.pods[0].jvms[0].files.some((f) => f.oom)).toBe(false);
    expect(suite.api.execs.some((e) => e.command.includes('hprofs'))).toBe(false);
  }, 90_000);
});
