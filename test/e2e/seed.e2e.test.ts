// Scenarios 1-8 of the real-cluster suite: the bundled action against a real apiserver, kubelet, containerd and JVMs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { runAction, type ActionRun } from '../support/run-action.js';
import {
  actionKubeconfig,
  admin,
  createApp,
  DEBUGGER_IMAGE,
  deployment,
  execIn,
  isReady,
  isRunning,
  NS,
  readPod,
  requireCluster,
  waitForPods,
} from './support/cluster.js';
import {
  checkManifestAgainstFiles,
  downloadArtifact,
  hprofHeader,
  startArtifactService,
  threadDumpWindows,
  type ArtifactService,
} from './support/artifacts.js';
import { fileCleanup, testCleanup } from './support/cleanup.js';

let service: ArtifactService;
beforeAll(async () => {
  requireCluster();
  service = await startArtifactService();
  fileCleanup.add('artifact service', () => service.stop());
}, 60_000);
// Whatever a test created (Deployments, runner temp dirs) was registered when it was created: deleted, awaited.
afterEach(() => testCleanup.drain());
afterAll(() => fileCleanup.drain());

let runNo = 0;
/** The action as a workflow step would run it, with the minimal-RBAC ServiceAccount's kubeconfig. */
export async function dump(
  inputs: Record<string, string>,
  state: Record<string, string> = {},
): Promise<ActionRun & { artifactName: string }> {
  const artifactName = `e2e-${++runNo}-${Date.now()}`;
  const run = await runAction(
    {
      kubeconfig: actionKubeconfig(),
      namespace: NS,
      'jdk-image': DEBUGGER_IMAGE,
      'image-pull-policy': 'Never',
      'thread-dump-count': '2',
      'thread-dump-interval': '1s',
      timeout: '4m',
      'artifact-name': artifactName,
      ...inputs,
    },
    // A post step gets the main step's saved state as STATE_* variables, as the runner passes it.
    { ...service.env, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])) },
  );
  testCleanup.add(`runner temp ${run.runnerTemp}`, () => rm(run.runnerTemp, { recursive: true, force: true }));
  process.stderr.write(
    `--- action (${inputs.target ?? inputs.selector}) exit ${run.code} in ${run.durationMs} ms\n${run.stdout}\n${run.stderr}\n`,
  );
  return { ...run, artifactName };
}

const mainSleepingInSimple = /"main"[^\n]*\n\s+java\.lang\.Thread\.State: TIMED_WAITING \(sleeping\)[\s\S]*?at Simple\.main\(Simple\.java/;

describe('real cluster', () => {
  it('1. the seed article exactly: threads, histogram, valid heap, checksums; one debugger targeting simple-java', async () => {
    const name = 'simple-java';
    const [pod] = await createApp({ name, jre: 8 });
    const podName = pod.metadata!.name!;
    const run = await dump({ target: `deployment/${name}`, 'thread-dump-count': '3' });
    expect(run.code).toBe(0);
    expect(run.outputs.outcome).toBe('success');
    expect(JSON.parse(run.outputs.pods)).toEqual([podName]);

    const a = await downloadArtifact(service, run.artifactName);
    const jvm = a.manifest.pods[0].jvms[0];
    expect(jvm.commandLine).toMatch(/java Simple/);
    expect(jvm.feature).toBe(8);
    const dir = `${podName}/simple-java/${jvm.pid}`;
    for (const n of [1, 2, 3]) expect(a.text(`${dir}/threads-${n}.txt`)).toMatch(mainSleepingInSimple);
    // Simple has no instances (only a static main), so a class histogram cannot list it; the heap dump names it.
    expect(a.text(`${dir}/histogram.txt`)).toMatch(/java\.lang\.Thread\b[\s\S]*^Total\s+\d+\s+\d+/m);
    const heap = a.entries.get(`${dir}/heap.hprof.gz`)!.data;
    expect(hprofHeader(heap)).toMatch(/^JAVA PROFILE 1\.0\.[12]/);
    expect(gunzipSync(heap).includes(Buffer.from('Simple'))).toBe(true);
    expect(checkManifestAgainstFiles(a)).toBe(5);
    expect(JSON.parse(a.text('analysis.json')).jvms[0].analysis.main).toMatchObject({ state: 'TIMED_WAITING' });
    expect(a.manifest.pods[0].debugger).toMatchObject({ tmpStrategy: 'shared-volume', reused: false });
    expect(a.manifest.cluster.version).toMatch(/^v1\.\d+/);

    expect(run.summary).toMatch(/main is sleeping \(TIMED_WAITING\) in Simple\.main/);
    expect(run.outputs['artifact-url']).toBe(`https://github.com/octo/app/actions/runs/4242/artifacts/${run.outputs['artifact-id']}`);
    expect(run.outputs.deadlock).toBe('false');

    const after = await readPod(podName);
    expect(after.spec!.ephemeralContainers).toHaveLength(1);
    expect(after.spec!.ephemeralContainers![0]).toMatchObject({ targetContainerName: 'simple-java', image: DEBUGGER_IMAGE });
    expect(after.status!.containerStatuses![0].restartCount).toBe(0);
    // The heap dump was deleted from the JVM's /tmp after the verified transfer.
    expect(await execIn(podName, 'simple-java', ['ls', '-A', '/tmp'])).not.toMatch(/hprof/);
  });

  it('2. twice on one pod: a short-lived debugger is kept and a second added; a long-lived one is reused', async () => {
    const name = 'twice';
    const [pod] = await createApp({ name, jre: 17 });
    const podName = pod.metadata!.name!;
    // A debugger lives at least as long as its run may (timeout + 30 s): 60 s here.
    const short = { target: `pod/${podName}`, dumps: 'threads', 'debugger-ttl': '30s', timeout: '30s' };
    const firstRun = await dump(short);
    expect(firstRun.code).toBe(0);
    expect((await dump(short)).code).toBe(0);
    let p = await readPod(podName);
    expect(p.spec!.ephemeralContainers!.map((c) => c.name)).toHaveLength(2);
    // The TTL is real: the first debugger's sleep ends by itself, and the kubelet reports it terminated.
    const first = (await downloadArtifact(service, firstRun.artifactName)).manifest.pods[0].debugger!.name;
    const [ended] = await waitForPods(
      `app=${name}`,
      1,
      (x) => !!x.status?.ephemeralContainerStatuses?.find((s) => s.name === first)?.state?.terminated,
      90_000,
    );
    expect(ended.status!.ephemeralContainerStatuses!.find((s) => s.name === first)!.state!.terminated!.exitCode).toBe(0);
    const firstSpec = p.spec!.ephemeralContainers!.find((c) => c.name === first)!;
    expect(firstSpec.command![0]).toBe('sleep');
    expect(Number(firstSpec.command![1])).toBeGreaterThan(45);
    expect(Number(firstSpec.command![1])).toBeLessThanOrEqual(60);
    expect(ended.status!.containerStatuses![0].restartCount).toBe(0);

    const long = { target: `pod/${podName}`, dumps: 'threads', 'debugger-ttl': '30m' };
    const third = await dump(long);
    expect(third.code).toBe(0);
    const fourth = await dump(long);
    expect(fourth.code).toBe(0);
    p = await readPod(podName);
    expect(p.spec!.ephemeralContainers).toHaveLength(3);
    const added = (await downloadArtifact(service, third.artifactName)).manifest.pods[0].debugger;
    expect(added?.reused).toBe(false);
    const manifest = (await downloadArtifact(service, fourth.artifactName)).manifest;
    expect(manifest.pods[0].debugger).toMatchObject({ reused: true, name: added?.name });
  });

  it('3. no /tmp volume in the pod: dumps still collected through /proc/<pid>/root', async () => {
    const name = 'no-tmp';
    await createApp({ name, jre: 17, tmpVolume: false });
    const run = await dump({ target: `deployment/${name}` });
    expect(run.outputs.outcome).toBe('success');
    const a = await downloadArtifact(service, run.artifactName);
    expect(a.manifest.pods[0].debugger?.tmpStrategy).toBe('proc-root');
    expect(checkManifestAgainstFiles(a)).toBe(4);
  });

  it('4. a non-root target (runAsUser 1000, runAsNonRoot): the debugger runs as 1000', async () => {
    const name = 'non-root';
    const [pod] = await createApp({ name, jre: 8, runAsUser: 1000, runAsNonRoot: true });
    const run = await dump({ target: `deployment/${name}` });
    expect(run.outputs.outcome).toBe('success');
    const a = await downloadArtifact(service, run.artifactName);
    expect(a.manifest.pods[0].debugger).toMatchObject({ runAsUser: 1000, runAsGroup: 1000, uidSource: 'pod securityContext' });
    expect(a.manifest.pods[0].jvms[0]).toMatchObject({ uid: 1000, gid: 1000 });
    const dbg = (await readPod(pod.metadata!.name!)).spec!.ephemeralContainers![0];
    expect(dbg.securityContext).toMatchObject({ runAsUser: 1000, runAsNonRoot: true });
  });

  it('5. Java as PID 1 without tini', async () => {
    const name = 'pid-one';
    await createApp({ name, jre: 21, noTini: true });
    const run = await dump({ target: `deployment/${name}` });
    expect(run.outputs.outcome).toBe('success');
    const a = await downloadArtifact(service, run.artifactName);
    expect(a.manifest.pods[0].jvms[0].pid).toBe(1);
    // Two thread dumps, threads.json (JDK 21+), histogram, heap.
    expect(checkManifestAgainstFiles(a)).toBe(5);
  });

  it('6. three replicas, max-pods 3: all dumped concurrently into one artifact', async () => {
    const name = 'three';
    const pods = await createApp({ name, jre: 17, replicas: 3 });
    // 3 thread dumps 5 s apart: each pod's dump window (10 s) is wider than the spread of the debuggers' start times.
    const run = await dump({
      selector: `app=${name}`,
      'max-pods': '3',
      dumps: 'threads,histogram',
      'thread-dump-count': '3',
      'thread-dump-interval': '5s',
    });
    expect(run.outputs.outcome).toBe('success');
    expect(JSON.parse(run.outputs.pods).sort()).toEqual(pods.map((p) => p.metadata!.name).sort());
    const a = await downloadArtifact(service, run.artifactName);
    expect(a.manifest.pods).toHaveLength(3);
    expect(checkManifestAgainstFiles(a)).toBe(12);
    // Concurrent, not one after another: every pod's window (its JVM's first to last thread dump, by the
    // time each JVM printed on them) shares a moment with every other's: the latest start is before the
    // earliest end. Had the pods been dumped one after another, a later pod's first dump would be taken
    // after an earlier pod's last, and that holds at the dumps' one-second resolution too.
    const windows = threadDumpWindows(a);
    process.stderr.write(
      `--- dump windows: ${windows.map((w) => `${w.pod} ${new Date(w.start).toISOString()}..${new Date(w.end).toISOString()}`).join(', ')}\n`,
    );
    expect(windows).toHaveLength(3);
    const latestStart = Math.max(...windows.map((w) => w.start));
    const earliestEnd = Math.min(...windows.map((w) => w.end));
    expect(latestStart).toBeLessThan(earliestEnd);
  });

  it("7. a debugger image that is not there (pull policy Never): fails fast with the kubelet's reason, pod unharmed", async () => {
    const name = 'bad-image';
    const [pod] = await createApp({ name, jre: 17 });
    const run = await dump({ target: `deployment/${name}`, 'jdk-image': 'kjd.local/no-such-jdk:1' });
    expect(run.code).toBe(1);
    // Within seconds of the kubelet's report, not at the 4-minute timeout (the process start and upload included).
    expect(run.durationMs).toBeLessThan(45_000);
    expect(run.stdout).toMatch(/ErrImageNeverPull/);
    expect(run.stdout).toMatch(/jdk-image/);
    const after = await readPod(pod.metadata!.name!);
    expect(after.status!.phase).toBe('Running');
    expect(after.status!.containerStatuses![0].restartCount).toBe(0);
    // The manifest is still uploaded, with the error recorded.
    const a = await downloadArtifact(service, run.artifactName);
    expect(a.manifest.pods[0].errors[0]).toMatchObject({ stage: 'inject' });
  });

  it('10. attach disabled (-XX:+DisableAttachMechanism): thread dumps still taken with SIGQUIT, from the container log', async () => {
    const name = 'no-attach';
    // JDK 8: its SIGQUIT dump (with the heap summary after it) is the oldest format the log parser must handle.
    await createApp({ name, jre: 8, extraJavaArgs: ['-XX:+DisableAttachMechanism'] });
    const run = await dump({ target: `deployment/${name}`, timeout: '3m' });
    expect(run.code).toBe(0);
    expect(run.outputs.outcome).toBe('partial');
    const a = await downloadArtifact(service, run.artifactName);
    const jvm = a.manifest.pods[0].jvms[0];
    expect(jvm.notes?.join(' ')).toMatch(/SIGQUIT/);
    expect(jvm.files.filter((f) => f.kind === 'threads')).toHaveLength(2);
    for (const f of jvm.files) expect(a.text(f.path)).toMatch(mainSleepingInSimple);
    expect(jvm.errors.map((e) => e.dump).sort()).toEqual(['heap', 'histogram']);
    expect(jvm.errors[0].message).toMatch(/Cannot attach/);
    expect(JSON.parse(a.text('analysis.json')).jvms[0].analysis.main).toMatchObject({ state: 'TIMED_WAITING' });
  });

  it('11. runAsNonRoot with the uid only in the image (USER 1000): a scout reads it, the debugger runs as 1000; a rerun adds nothing', async () => {
    const name = 'image-user';
    const [pod] = await createApp({ name, image: 'kjd.local/simple-java:jre17-user1000-1', runAsNonRoot: true, tmpVolume: false });
    const run = await dump({ target: `deployment/${name}` });
    expect(run.outputs.outcome).toBe('success');
    const a = await downloadArtifact(service, run.artifactName);
    const dbg = a.manifest.pods[0].debugger!;
    // The image says USER 1000:1000, yet the JVM runs with gid 0 on this cluster (the group of an image's USER
    // is not applied here), which is why the scout reads the truth from /proc instead of trusting the image.
    const jvm = a.manifest.pods[0].jvms[0];
    expect(jvm.uid).toBe(1000);
    expect(dbg).toMatchObject({ uidSource: 'scout', runAsUser: 1000, runAsGroup: jvm.gid, tmpStrategy: 'proc-root' });
    expect(checkManifestAgainstFiles(a)).toBe(4);
    const containers = (await readPod(pod.metadata!.name!)).spec!.ephemeralContainers!;
    expect(containers.map((c) => c.securityContext?.runAsUser).sort()).toEqual([1000, 65534]);
    expect(containers.find((c) => c.name === dbg.scout)!.securityContext!.runAsUser).toBe(65534);

    // Run again: the running debugger reads the ids (no new scout) and is reused, so nothing is added.
    const again = await dump({ target: `deployment/${name}` });
    expect(again.outputs.outcome).toBe('success');
    const b = await downloadArtifact(service, again.artifactName);
    expect(b.manifest.pods[0].debugger).toMatchObject({
      name: dbg.name,
      scout: dbg.name,
      reused: true,
      uidSource: 'scout',
      runAsUser: 1000,
    });
    expect(b.manifest.pods[0].jvms[0].files.filter((f) => f.kind === 'threads')).toHaveLength(2);
    expect((await readPod(pod.metadata!.name!)).spec!.ephemeralContainers!.map((c) => c.name).sort()).toEqual(
      containers.map((c) => c.name).sort(),
    );
  });

  it('12. when: job-failure with the minimal-RBAC account: the main step arms and adds nothing; the post step of the failed job dumps', async () => {
    const name = 'armed';
    const [pod] = await createApp({ name, jre: 17 });
    const podName = pod.metadata!.name!;
    const inputs = { target: `deployment/${name}`, dumps: 'threads', when: 'job-failure' };
    const main = await dump(inputs);
    expect(main.code).toBe(0);
    expect(main.state).toEqual({ isPost: 'true', armed: 'true' });
    expect(main.stdout).toContain(`Armed: deployment/${name} in ${NS} answers (${podName})`);
    expect(main.outputs).toEqual({});
    expect((await readPod(podName)).spec!.ephemeralContainers ?? []).toEqual([]);

    // The job failed later: the runner runs the post step (post-if: failure()) with the same inputs and the state.
    const post = await dump(inputs, main.state);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('The job failed: dumping now');
    expect(post.outputs.outcome).toBe('success');
    const a = await downloadArtifact(service, post.artifactName);
    expect(a.manifest.pods.map((p) => p.pod)).toEqual([podName]);
    expect(checkManifestAgainstFiles(a)).toBe(2);
    for (const f of a.manifest.pods[0].jvms[0].files) expect(a.text(f.path)).toMatch(mainSleepingInSimple);
    expect((await readPod(podName)).spec!.ephemeralContainers).toHaveLength(1);
  });

  it("8. a rollout in progress: the new ReplicaSet's Running-but-not-Ready pod is chosen", async () => {
    const name = 'rollout';
    const [oldPod] = await createApp({ name, jre: 17 }, isReady);
    const { apps } = admin();
    const next = deployment({ name, jre: 21, readinessFails: true });
    await apps.replaceNamespacedDeployment({ name, namespace: NS, body: next });
    const [newPod] = await waitForPods(`app=${name}`, 1, (p) => isRunning(p) && !isReady(p) && p.metadata!.name !== oldPod.metadata!.name);
    const run = await dump({ target: `deployment/${name}`, dumps: 'threads' });
    expect(run.outputs.outcome).toBe('success');
    expect(JSON.parse(run.outputs.pods)).toEqual([newPod.metadata!.name]);
    const a = await downloadArtifact(service, run.artifactName);
    expect(a.manifest.pods[0].jvms[0].feature).toBe(21);
  });
});
