// Scenario 9: the app on JDK 8, 11, 17, 21 and 25, as uid 1000, with and without a /tmp volume, dumped by the
// default debugger JDK (25); and a JDK 17 debugger, which cannot attach across mount namespaces on its own.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { runAction as runActionProcess } from '../support/run-action.js';
import { actionKubeconfig, isRunning, NS, requireCluster, startApp, waitForPods } from './support/cluster.js';
import {
  checkManifestAgainstFiles,
  downloadArtifact,
  hprofHeader,
  startArtifactService,
  type ArtifactService,
} from './support/artifacts.js';
import { fileCleanup, testCleanup } from './support/cleanup.js';

const VERSIONS = [8, 11, 17, 21, 25];
const apps = VERSIONS.flatMap((jre) => [true, false].map((tmp) => ({ name: `jvm${jre}-${tmp ? 'tmp' : 'notmp'}`, jre, tmp })));

let service: ArtifactService;
beforeAll(async () => {
  requireCluster();
  service = await startArtifactService();
  fileCleanup.add('artifact service', () => service.stop());
  // The apps serve every test of this file: each one's deletion is registered (for afterAll) as it is created.
  await Promise.all(
    apps.map((a) =>
      startApp({ name: a.name, jre: a.jre, tmpVolume: a.tmp, runAsUser: 1000, runAsNonRoot: true, labels: { matrix: 'jvm' } }, fileCleanup),
    ),
  );
  await waitForPods('matrix=jvm', apps.length, isRunning, 300_000);
}, 360_000);
afterEach(() => testCleanup.drain());
afterAll(() => fileCleanup.drain());

async function runAction(...args: Parameters<typeof runActionProcess>) {
  const run = await runActionProcess(...args);
  testCleanup.add(`runner temp ${run.runnerTemp}`, () => rm(run.runnerTemp, { recursive: true, force: true }));
  return run;
}

const base = (artifactName: string) => ({
  kubeconfig: actionKubeconfig(),
  namespace: NS,
  'image-pull-policy': 'Never',
  'thread-dump-count': '2',
  'thread-dump-interval': '1s',
  timeout: '5m',
  'artifact-name': artifactName,
});

describe('9. JVM versions x /tmp volume, as uid 1000', () => {
  it('the JDK 25 debugger dumps every JVM from 8 to 25, with and without the volume, concurrently', async () => {
    const run = await runAction(
      { ...base('matrix-25'), selector: 'matrix=jvm', 'max-pods': String(apps.length), 'jdk-image': 'kjd.local/jdk:25-1' },
      service.env,
    );
    process.stderr.write(`--- matrix exit ${run.code} in ${run.durationMs} ms\n${run.stdout}\n${run.stderr}\n`);
    const a = await downloadArtifact(service, 'matrix-25');
    const seen = new Map<string, unknown>();
    for (const pod of a.manifest.pods) {
      const app = apps.find((x) => pod.pod.startsWith(`${x.name}-`))!;
      const jvm = pod.jvms[0];
      seen.set(app.name, {
        feature: jvm?.feature,
        strategy: pod.debugger?.tmpStrategy,
        uid: jvm?.uid,
        kinds: jvm?.files.map((f) => f.kind).sort(),
        errors: [...pod.errors, ...(jvm?.errors ?? [])].map((e) => e.message),
      });
      const heap = jvm?.files.find((f) => f.kind === 'heap');
      if (heap) expect(hprofHeader(a.entries.get(heap.path)!.data)).toMatch(/^JAVA PROFILE 1\.0\./);
    }
    const expected = new Map(
      apps.map((x) => [
        x.name,
        {
          feature: x.jre,
          strategy: x.tmp ? 'shared-volume' : 'proc-root',
          uid: 1000,
          // threads-json is on by default and offered from JDK 21 on.
          kinds: x.jre >= 21 ? ['heap', 'histogram', 'threads', 'threads', 'threads-json'] : ['heap', 'histogram', 'threads', 'threads'],
          errors: [],
        },
      ]),
    );
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(expected));
    expect(checkManifestAgainstFiles(a)).toBe(apps.length * 4 + apps.filter((x) => x.jre >= 21).length);
    // The parser on real Thread.print output of every JVM version: main found asleep in Simple.main.
    const analyses = JSON.parse(a.text('analysis.json')).jvms as {
      pod: string;
      analysis: { main?: { state?: string; frame?: string }; threadCount: number };
    }[];
    expect(analyses).toHaveLength(apps.length);
    for (const x of analyses) {
      expect(x.analysis.main).toMatchObject({ state: 'TIMED_WAITING', frame: expect.stringMatching(/^Simple\.main/) });
      expect(x.analysis.threadCount).toBeGreaterThan(3);
    }
    expect(run.outputs.outcome).toBe('success');
    expect(run.code).toBe(0);
  });

  it('a JDK 17 debugger works through the shared /tmp volume', async () => {
    const run = await runAction(
      { ...base('jdk17-tmp'), target: 'deployment/jvm8-tmp', 'jdk-image': 'kjd.local/jdk:17-1', dumps: 'threads' },
      service.env,
    );
    expect(run.outputs.outcome).toBe('success');
  });

  it('a JDK 17 debugger without the volume, as non-root, fails with the fix in its error', async () => {
    const run = await runAction(
      { ...base('jdk17-notmp'), target: 'deployment/jvm8-notmp', 'jdk-image': 'kjd.local/jdk:17-1', dumps: 'threads' },
      service.env,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/JDK 21\+ image/);
    expect(run.stdout).toMatch(/emptyDir at \/tmp/);
  });
});
