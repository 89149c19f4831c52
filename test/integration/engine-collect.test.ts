// runEngine end to end against the in-process fake apiserver. Its exec handler runs the real toolbox on this
// machine, whose jcmd attaches to a real local JVM (the seed's Simple): real jcmd output, real heap dumps,
// real streaming with sha256 checks. Every pod mounts an emptyDir at /tmp (strategy shared-volume: the
// host's /tmp is the JVM's), and the exec guard refuses `tmplink`, so nothing can touch this machine's /tmp.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DEFAULT_TOKEN,
  kubeletSteps,
  makeDeployment,
  makeReplicaSet,
  policyByImage,
  startFakeApiServer,
  type FakeApiServer,
  type FakeApiServerOptions,
  type Json,
} from '../support/fake-apiserver/index.js';
import { runEngine, type RunReport } from '../../src/engine.js';
import { buildDebuggerContainer } from '../../src/inject/debugger-spec.js';
import { DEBUGGER_EXPIRES_ENV, DEBUGGER_MARKER_ENV, TOOL_NAME } from '../../src/shared/constants.js';
import type { RunManifest } from '../../src/shared/model.js';
import { startSimpleJvm, type LocalJvm } from './support/local-jvm.js';
import {
  type ExecGuard,
  ephemeralPatches,
  expectFilesMatchDisk,
  filesBelow,
  hprofHeader,
  installGuardedShell,
  isPodWatch,
  jvmContainer,
  leftoverHeapDumps,
  onRequest,
  patchedDebuggerNames,
  seedPod,
  seedPodFor,
  settingsFrom,
  stopFakeCluster,
  toolboxSub,
} from './support/engine-fixtures.js';

const NS = 'shop';
const JDK_IMAGE = 'eclipse-temurin:17-jdk';

let jvm: LocalJvm;
let work: string;
let api: FakeApiServer | undefined;
let guard: ExecGuard;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kjd-engine-it-'));
  jvm = await startSimpleJvm();
}, 60_000);

afterAll(async () => {
  await jvm?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

afterEach(async () => {
  await stopFakeCluster(api, guard);
  api = undefined;
});

async function start(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
  const server = await startFakeApiServer({ kubelet: { delayMs: 20 }, ...options });
  api = server;
  guard = installGuardedShell(server);
  return server;
}

interface EngineRun {
  report: RunReport;
  manifest: RunManifest;
  outputDir: string;
  progress: string[];
  masked: string[];
  elapsedMs: number;
}

async function engine(inputs: Record<string, string>, signal?: AbortSignal): Promise<EngineRun> {
  const outputDir = await mkdtemp(path.join(work, 'out-'));
  const settings = settingsFrom({
    kubeconfig: api!.kubeconfigYaml({ namespace: NS }),
    'jvm-pid': String(jvm.pid),
    'jdk-image': JDK_IMAGE,
    'thread-dump-count': '2',
    'thread-dump-interval': '200ms',
    timeout: '60s',
    'output-dir': outputDir,
    ...inputs,
  });
  const progress: string[] = [];
  const masked: string[] = [];
  const t0 = Date.now();
  const report = await runEngine(settings, { progress: (m) => progress.push(m), mask: (s) => masked.push(s), signal });
  const elapsedMs = Date.now() - t0;
  // Never, in any test: it would have run `rm -rf /tmp` on this machine.
  expect(guard.violations).toEqual([]);
  const manifest = JSON.parse(await readFile(path.join(outputDir, 'manifest.json'), 'utf8')) as RunManifest;
  return { report, manifest, outputDir, progress, masked, elapsedMs };
}

/** An ephemeral container as the apiserver stores it: with its defaults, without undefined fields. */
function stored(c: object): Json {
  return { terminationMessagePath: '/dev/termination-log', ...JSON.parse(JSON.stringify(c)) };
}

const why = (r: EngineRun) =>
  `progress:\n${r.progress.join('\n')}\nmanifest errors: ${JSON.stringify([...r.manifest.errors, ...r.manifest.pods.flatMap((p) => [...p.errors, ...p.jvms.flatMap((j) => j.errors)])])}`;
/** Like expect(outcome).toBe(...), but a failure shows the run's progress and errors. */
function expectOutcome(run: EngineRun, outcome: RunReport['outcome']): void {
  if (run.report.outcome !== outcome) throw new Error(`outcome ${run.report.outcome}, expected ${outcome}\n${why(run)}`);
}
const subsOf = (server: FakeApiServer) => server.execs.map((e) => toolboxSub(e.command));

describe('runEngine against the fake apiserver and a real local JVM', () => {
  it("a: picks the new ReplicaSet's not-Ready pod, patches one debugger, collects and verifies every dump", async () => {
    const server = await start();
    const d = server.store.put(
      makeDeployment({ name: 'shop', namespace: NS, revision: 2, containers: [jvmContainer()], readyReplicas: 1, replicas: 2 }),
    );
    const oldRs = server.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: 'old11' }));
    const newRs = server.store.put(makeReplicaSet({ deployment: d, revision: 2, podTemplateHash: 'new22' }));
    // The old pod is Ready and newer: only the new ReplicaSet's preference can pick the new pod.
    server.store.put(seedPodFor(oldRs, { name: 'shop-old11-aaaaa', ready: true, creationTimestamp: new Date() }));
    server.store.put(seedPodFor(newRs, { name: 'shop-new22-bbbbb', ready: false, creationTimestamp: new Date(Date.now() - 60_000) }));
    server.store.put(seedPodFor(newRs, { name: 'shop-new22-ccccc', phase: 'Pending' }));

    const run = await engine({ target: 'deployment/shop' });
    const { manifest, report } = run;
    expectOutcome(run, 'success');
    expect(manifest).toEqual(report.manifest);
    expect(manifest.errors).toEqual([]);
    expect(manifest).toMatchObject({ namespace: NS, target: 'deployment/shop', cluster: { version: 'v1.37.2' } });
    expect(manifest.pods.map((p) => p.pod)).toEqual(['shop-new22-bbbbb']);
    const pod = manifest.pods[0];
    expect(pod.errors).toEqual([]);
    expect(pod).toMatchObject({
      namespace: NS,
      container: 'app',
      node: 'node-1',
      debugger: { reused: false, image: JDK_IMAGE, tmpStrategy: 'shared-volume', jdkFeature: 17, runAsUser: 0 },
    });
    // The kubeconfig's token was handed to the mask hook.
    expect(run.masked).toContain(DEFAULT_TOKEN);

    // Exactly one strategic merge patch, on the chosen pod, holding exactly our debugger.
    const patches = ephemeralPatches(server);
    expect(patches).toHaveLength(1);
    expect(patches[0].path).toBe(`/api/v1/namespaces/${NS}/pods/shop-new22-bbbbb/ephemeralcontainers`);
    expect(patches[0].contentType).toBe('application/strategic-merge-patch+json');
    expect(Object.keys(patches[0].json)).toEqual(['spec']);
    expect(Object.keys(patches[0].json.spec)).toEqual(['ephemeralContainers']);
    const sent: Json[] = patches[0].json.spec.ephemeralContainers;
    expect(sent).toHaveLength(1);
    const dbg = sent[0];
    expect(dbg.name).toBe(pod.debugger!.name);
    expect(dbg.name).toMatch(/^jvm-debugger-[a-z0-9]{5}$/);
    expect(dbg).toMatchObject({
      image: JDK_IMAGE,
      targetContainerName: 'app',
      command: ['sleep', '900'],
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    });
    expect(dbg.env).toContainEqual({ name: DEBUGGER_MARKER_ENV, value: TOOL_NAME });
    const expires = Number(dbg.env.find((e: Json) => e.name === DEBUGGER_EXPIRES_ENV)?.value);
    expect(Math.abs(expires - (Date.parse(manifest.startedAt) / 1000 + 900))).toBeLessThan(30);
    expect(server.execs.every((e) => e.pod === 'shop-new22-bbbbb' && e.container === dbg.name)).toBe(true);

    // The files: two spaced thread dumps, a histogram and a verified heap dump.
    expect(pod.jvms).toHaveLength(1);
    const j = pod.jvms[0];
    expect(j.pid).toBe(jvm.pid);
    expect(j.errors).toEqual([]);
    expect(j.feature).toBe(17);
    expect(j.commandLine).toContain('Simple');
    const dir = `shop-new22-bbbbb/app/${jvm.pid}`;
    expect(j.files.map((f) => [f.kind, f.path])).toEqual([
      ['threads', `${dir}/threads-1.txt`],
      ['threads', `${dir}/threads-2.txt`],
      ['histogram', `${dir}/histogram.txt`],
      ['heap', `${dir}/heap.hprof.gz`],
    ]);
    expect(await expectFilesMatchDisk(run.outputDir, j.files)).toEqual([]);
    // Beside the dumps, the pod's context (include-context is on by default) and the deployment's status.
    const context = ['shop-new22-bbbbb/events.txt', 'shop-new22-bbbbb/logs/app.log', 'shop-new22-bbbbb/pod.yaml', 'workload.yaml'];
    expect(filesBelow(run.outputDir)).toEqual([...j.files.map((f) => f.path), ...context, 'manifest.json'].sort());
    for (const n of [1, 2]) {
      const dump = readFileSync(path.join(run.outputDir, dir, `threads-${n}.txt`), 'utf8');
      expect(dump).toMatch(/^"main" #1 /m);
      expect(dump).toContain('at Simple.main(Simple.java');
    }
    expect(readFileSync(path.join(run.outputDir, dir, 'histogram.txt'), 'utf8')).toMatch(/^Total\s+\d+\s+\d+/m);
    const heap = readFileSync(path.join(run.outputDir, dir, 'heap.hprof.gz'));
    expect(heap.length).toBeGreaterThan(100_000); // the stream-cut tests below cut it after 100 kB
    expect(hprofHeader(heap)).toMatch(/^JAVA PROFILE 1\.0\.[12]/);

    // The dump was removed from the pod's /tmp (here: this machine's) once verified.
    expect(leftoverHeapDumps(dbg.name)).toEqual([]);
    const subs = subsOf(server);
    expect(subs.filter((s) => s === 'stream')).toHaveLength(1);
    // The heap dump is removed once received; then only the look for heap dumps left on OOM (the /tmp volume's root).
    expect(subs.filter((s) => s !== 'hprofs').at(-1)).toBe('remove');
    expect(subs.at(-1)).toBe('hprofs');
    expect(server.execs.at(-1)?.status?.status).toBe('Success');
    expect(subs).not.toContain('tmplink');
    // The spaced dumps in one exec, the histogram in the last dump's jcmd: no exec of its own.
    expect(subs.filter((s) => s === 'threads')).toHaveLength(1);
    expect(server.execs.some((e) => toolboxSub(e.command) === 'jcmd' && e.command.includes('GC.class_histogram'))).toBe(false);
    expect(run.progress.some((m) => m.includes('the class histogram with the last'))).toBe(true);
  });

  it('b: reuses a running debugger of ours with time left: no PATCH at all', async () => {
    const server = await start();
    const existing = buildDebuggerContainer({
      name: 'jvm-debugger-reuse',
      image: JDK_IMAGE,
      pullPolicy: 'IfNotPresent',
      targetContainer: 'app',
      ttlSeconds: 7200,
      expiresAt: Math.floor(Date.now() / 1000) + 7200,
      tmpVolume: 'tmp',
      runAsUser: 0,
      runAsGroup: 0,
      root: true,
    });
    server.store.put(seedPod({ name: 'seed', namespace: NS, ephemeralContainers: [stored(existing)] }));
    server.kubelet.setState(NS, 'seed', 'jvm-debugger-reuse', { state: 'running' });

    const run = await engine({ target: 'pod/seed', dumps: 'threads', 'thread-dump-count': '1' });
    expectOutcome(run, 'success');
    expect(ephemeralPatches(server)).toEqual([]);
    expect(run.manifest.pods[0].debugger).toMatchObject({ name: 'jvm-debugger-reuse', reused: true });
    expect(server.execs.length).toBeGreaterThan(0);
    expect(server.execs.every((e) => e.container === 'jvm-debugger-reuse')).toBe(true);
    expect(run.manifest.pods[0].jvms[0].files.map((f) => f.kind)).toEqual(['threads']);
  });

  it('b: does not reuse one whose sleep ends before this run could finish', async () => {
    const server = await start();
    const existing = buildDebuggerContainer({
      name: 'jvm-debugger-old00',
      image: JDK_IMAGE,
      pullPolicy: 'IfNotPresent',
      targetContainer: 'app',
      ttlSeconds: 600,
      expiresAt: Math.floor(Date.now() / 1000) + 20,
      tmpVolume: 'tmp',
      runAsUser: 0,
      runAsGroup: 0,
      root: true,
    });
    server.store.put(seedPod({ name: 'seed', namespace: NS, ephemeralContainers: [stored(existing)] }));
    server.kubelet.setState(NS, 'seed', 'jvm-debugger-old00', { state: 'running' });

    const run = await engine({ target: 'pod/seed', dumps: 'threads', 'thread-dump-count': '1' });
    expectOutcome(run, 'success');
    expect(ephemeralPatches(server)).toHaveLength(1);
    expect(run.manifest.pods[0].debugger?.reused).toBe(false);
    expect(run.manifest.pods[0].debugger?.name).not.toBe('jvm-debugger-old00');
  });

  describe("c: a debugger that cannot start fails fast with the kubelet's words", () => {
    it('ErrImagePull / ImagePullBackOff', async () => {
      const image = 'registry.example.com/nope/jdk:404';
      const server = await start({ kubelet: { delayMs: 20, policy: policyByImage({ [image]: kubeletSteps.imagePullFailure(image) }) } });
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      const run = await engine({ target: 'pod/seed', 'jdk-image': image, timeout: '60s' });
      expect(run.elapsedMs).toBeLessThan(10_000);
      expectOutcome(run, 'failure');
      const errors = run.manifest.pods[0].errors;
      expect(errors).toHaveLength(1);
      expect(errors[0].stage).toBe('inject');
      expect(errors[0].message).toMatch(/ErrImagePull|ImagePullBackOff/);
      expect(errors[0].message).toContain(`failed to pull and unpack image "${image}"`);
      expect(errors[0].message).toContain('jdk-image');
      expect(server.execs).toEqual([]);
    });

    it('CreateContainerConfigError', async () => {
      const reason = 'configmap "jdk-env" not found';
      const server = await start({ kubelet: { delayMs: 20, policy: () => kubeletSteps.createConfigError(reason) } });
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      const run = await engine({ target: 'pod/seed', timeout: '60s' });
      expect(run.elapsedMs).toBeLessThan(10_000);
      expectOutcome(run, 'failure');
      expect(run.manifest.pods[0].errors).toEqual([
        { stage: 'inject', message: expect.stringContaining(`CreateContainerConfigError - ${reason}`) },
      ]);
      expect(run.manifest.pods[0].errors[0].message).toContain('jdk-image');
    });
  });

  describe('d: API refusals are explained', () => {
    it('404 on pods/ephemeralcontainers: needs Kubernetes 1.23+', async () => {
      const server = await start();
      server.faults.ephemeralContainers = 'notFound';
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      const run = await engine({ target: 'pod/seed' });
      expectOutcome(run, 'failure');
      expect(run.manifest.pods[0].errors).toEqual([
        { stage: 'inject', message: expect.stringContaining('Ephemeral containers need Kubernetes 1.23+') },
      ]);
    });

    it('403 on pods/ephemeralcontainers: names patch on the subresource', async () => {
      const server = await start();
      server.faults.ephemeralContainers = 'forbidden';
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      const run = await engine({ target: 'pod/seed' });
      expectOutcome(run, 'failure');
      const [err] = run.manifest.pods[0].errors;
      expect(err.stage).toBe('inject');
      expect(err.message).toContain("Grant 'patch' on pods/ephemeralcontainers");
      expect(err.message).toContain('cannot patch resource "pods/ephemeralcontainers"');
    });

    it('403 on pods/exec: names pods/exec', async () => {
      const server = await start();
      server.faults.exec = 'forbidden';
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      const run = await engine({ target: 'pod/seed' });
      expectOutcome(run, 'failure');
      const [err] = run.manifest.pods[0].errors;
      expect(err.message).toContain("RBAC: the action needs 'get' and 'create' on pods/exec");
      // The API's own Status message, read from the refused upgrade's body, says who was refused what.
      expect(err.message).toMatch(/HTTP 403: pods "seed" is forbidden: .*cannot create resource "pods\/exec"/);
      expect(server.execs).toEqual([]);
      expect(ephemeralPatches(server)).toHaveLength(1);
    });
  });

  describe('e: the watch ends while the engine waits for the debugger', () => {
    it('the debugger starts while no watch is open: the engine still sees it', async () => {
      // The kubelet reports nothing (no step): the debugger is pending until the test starts it.
      const server = await start({ kubelet: { delayMs: 20, policy: () => [] } });
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      const firstWatch = onRequest(server, isPodWatch, () => {
        const name = ephemeralPatches(server)[0].json.spec.ephemeralContainers[0].name;
        server.closeWatches();
        server.kubelet.setState(NS, 'seed', name, { state: 'running' });
      });
      const run = await engine({ target: 'pod/seed', dumps: 'threads', 'thread-dump-count': '1' });
      await firstWatch;
      expectOutcome(run, 'success');
      expect(run.manifest.pods[0].jvms[0].files).toHaveLength(1);
      // Seen by reading the pod afresh after the watch ended, not by a later watch.
      expect(server.requests.filter(isPodWatch)).toHaveLength(1);
      expect(server.openWatches).toBe(0);
    });

    it('re-watches from the last resourceVersion and succeeds when the debugger starts later', async () => {
      const server = await start({ kubelet: { delayMs: 20, policy: () => [] } });
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      const firstWatch = onRequest(server, isPodWatch, () => server.closeWatches());
      // The second watch exists only if the engine watched again after the first one ended.
      const secondWatch = firstWatch.then(() =>
        onRequest(server, isPodWatch, () => {
          const name = ephemeralPatches(server)[0].json.spec.ephemeralContainers[0].name;
          server.kubelet.setState(NS, 'seed', name, { state: 'running' });
        }),
      );
      const run = await engine({ target: 'pod/seed', dumps: 'threads', 'thread-dump-count': '1' });
      const [w1, w2] = await Promise.all([firstWatch, secondWatch]);
      expectOutcome(run, 'success');
      expect(w1.query.fieldSelector).toEqual(['metadata.name=seed']);
      expect(w2.query.fieldSelector).toEqual(['metadata.name=seed']);
      expect(Number(w2.query.resourceVersion?.[0])).toBeGreaterThanOrEqual(Number(w1.query.resourceVersion?.[0]));
      expect(server.requests.filter(isPodWatch)).toHaveLength(2);
    });
  });

  // The cut lands while the heap file sink is writing: the engine must retry or record it, never die of an
  // unhandled stream 'error' (a destroyed fs.WriteStream with a write in flight emits ERR_STREAM_DESTROYED).
  describe('f: the heap dump stream breaks mid-transfer', () => {
    it('a broken first transfer is retried and the heap arrives verified', async () => {
      const server = await start();
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      let streams = 0;
      server.faults.execCut = { afterBytes: 100_000, when: (req) => toolboxSub(req.command) === 'stream' && ++streams === 1 };
      const run = await engine({ target: 'pod/seed', dumps: 'heap' });
      expectOutcome(run, 'success');
      const j = run.manifest.pods[0].jvms[0];
      expect(j.errors).toEqual([]);
      expect(j.files.map((f) => f.kind)).toEqual(['heap']);
      expect(await expectFilesMatchDisk(run.outputDir, j.files)).toEqual([]);
      expect(hprofHeader(readFileSync(path.join(run.outputDir, j.files[0].path)))).toMatch(/^JAVA PROFILE 1\.0\./);
      const streamExecs = server.execs.filter((e) => toolboxSub(e.command) === 'stream');
      expect(streamExecs.map((e) => e.outcome)).toEqual(['cut', 'status']);
      expect(streamExecs[0].stdoutBytes).toBe(100_000);
      expect(run.progress.some((m) => /heap dump transfer 1 failed/.test(m))).toBe(true);
      expect(leftoverHeapDumps(run.manifest.pods[0].debugger!.name)).toEqual([]);
    });

    it('when every transfer breaks: heap error, the other dumps kept, no partial heap file, pod file removed', async () => {
      const server = await start();
      server.store.put(seedPod({ name: 'seed', namespace: NS }));
      server.faults.execCut = { afterBytes: 100_000, when: (req) => toolboxSub(req.command) === 'stream' };
      const run = await engine({ target: 'pod/seed', 'thread-dump-count': '1' });
      expectOutcome(run, 'partial');
      const pod = run.manifest.pods[0];
      expect(pod.errors).toEqual([]);
      const j = pod.jvms[0];
      expect(j.files.map((f) => f.kind)).toEqual(['threads', 'histogram']);
      expect(await expectFilesMatchDisk(run.outputDir, j.files)).toEqual([]);
      expect(j.errors).toHaveLength(1);
      expect(j.errors[0].dump).toBe('heap');
      expect(j.errors[0].message).toMatch(/Heap dump transfer failed/);
      expect(j.errors[0].message).toMatch(/stream broken|closed before the command reported its exit status/);
      const context = ['seed/events.txt', 'seed/logs/app.log', 'seed/pod.yaml'];
      expect(filesBelow(run.outputDir)).toEqual([...j.files.map((f) => f.path), ...context, 'manifest.json'].sort());
      expect(existsSync(path.join(run.outputDir, `seed/app/${jvm.pid}/heap.hprof.gz`))).toBe(false);
      expect(server.execs.filter((e) => toolboxSub(e.command) === 'stream').map((e) => e.outcome)).toEqual(['cut', 'cut']);
      const remove = server.execs.filter((e) => toolboxSub(e.command) === 'remove');
      expect(remove).toHaveLength(1);
      expect(remove[0].status?.status).toBe('Success');
      expect(leftoverHeapDumps(pod.debugger!.name)).toEqual([]);
    });
  });

  it("g: one pod's broken debugger does not cost the other pod its dumps", async () => {
    const server = await start({
      kubelet: { delayMs: 20, policy: (c, p) => (p.metadata.name === 'web-bad' ? kubeletSteps.imagePullFailure(c.image) : undefined) },
    });
    server.store.put(seedPod({ name: 'web-bad', namespace: NS, labels: { app: 'web' } }));
    server.store.put(seedPod({ name: 'web-good', namespace: NS, labels: { app: 'web' } }));
    const run = await engine({ selector: 'app=web', 'max-pods': '2', 'thread-dump-count': '1' });
    expectOutcome(run, 'partial');
    expect(run.manifest.pods.map((p) => p.pod).sort()).toEqual(['web-bad', 'web-good']);
    const bad = run.manifest.pods.find((p) => p.pod === 'web-bad')!;
    const good = run.manifest.pods.find((p) => p.pod === 'web-good')!;
    expect(bad.jvms).toEqual([]);
    expect(bad.errors).toEqual([{ stage: 'inject', message: expect.stringContaining('ErrImagePull') }]);
    expect(good.errors).toEqual([]);
    expect(good.jvms).toHaveLength(1);
    expect(good.jvms[0].errors).toEqual([]);
    expect(good.jvms[0].files.map((f) => f.kind)).toEqual(['threads', 'histogram', 'heap']);
    expect(await expectFilesMatchDisk(run.outputDir, good.jvms[0].files)).toEqual([]);
    expect(
      ephemeralPatches(server)
        .map((r) => r.path.split('/')[6])
        .sort(),
    ).toEqual(['web-bad', 'web-good']);
  });

  it('g2: several pods: every pod starts its thread dumps before any heap dump, even one whose debugger starts late', async () => {
    const late = (_c: Json, p: { metadata: { name: string } }) =>
      p.metadata.name === 'web-late' ? [{ afterMs: 4000, state: 'running' as const }] : undefined;
    const server = await start({ kubelet: { delayMs: 20, policy: late } });
    server.store.put(seedPod({ name: 'web-early', namespace: NS, labels: { app: 'web' } }));
    server.store.put(seedPod({ name: 'web-late', namespace: NS, labels: { app: 'web' } }));
    const run = await engine({ selector: 'app=web', 'max-pods': '2' });
    expectOutcome(run, 'success');
    const subs = server.execs.map((e) => ({ pod: e.pod, sub: toolboxSub(e.command), heap: e.command.includes('GC.heap_dump') }));
    const firstThreads = (pod: string) => subs.findIndex((e) => e.pod === pod && e.sub === 'threads');
    const firstHeap = subs.findIndex((e) => e.sub === 'space' || e.heap);
    // (Which pod starts its thread dumps first depends on the machine's load; that neither heap dump comes first does not.)
    expect(firstThreads('web-early')).toBeGreaterThanOrEqual(0);
    expect(firstHeap).toBeGreaterThan(Math.max(firstThreads('web-early'), firstThreads('web-late')));
    for (const p of run.manifest.pods) expect(p.jvms[0].files.map((f) => f.kind)).toEqual(['threads', 'threads', 'histogram', 'heap']);
  });

  describe('h: no live pod to dump', () => {
    it('a Deployment whose pods are all Pending or Terminating', async () => {
      const server = await start();
      const d = server.store.put(makeDeployment({ name: 'shop', namespace: NS, containers: [jvmContainer()] }));
      const rs = server.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: 'abc12' }));
      server.store.put(seedPodFor(rs, { name: 'shop-abc12-pend1', phase: 'Pending' }));
      server.store.put(seedPodFor(rs, { name: 'shop-abc12-term1', deletionTimestamp: new Date() }));
      const run = await engine({ target: 'deployment/shop' });
      expectOutcome(run, 'failure');
      // The Pending pod is explained from the API (the Terminating one is going away): no JVM, no debugger.
      expect(run.manifest.pods.map((p) => [p.pod, p.stuck, p.jvms.length, p.debugger])).toEqual([['shop-abc12-pend1', true, 0, undefined]]);
      expect(run.manifest.errors).toHaveLength(1);
      const [err] = run.manifest.errors;
      expect(err.stage).toBe('target');
      expect(err.message).toContain(`namespace '${NS}'`);
      expect(err.message).toContain("selector 'app=shop'");
      expect(err.message).toContain('shop-abc12-pend1 (Pending)');
      expect(err.message).toContain('shop-abc12-term1 (Terminating)');
      expect(ephemeralPatches(server)).toEqual([]);
      expect(server.execs).toEqual([]);
    });

    it('a Deployment that does not exist', async () => {
      const server = await start();
      const run = await engine({ target: 'deployment/nope' });
      expectOutcome(run, 'failure');
      expect(run.manifest.errors).toEqual([
        { stage: 'target', message: expect.stringContaining(`deployment 'nope' not found in namespace '${NS}'`) },
      ]);
      expect(existsSync(path.join(run.outputDir, 'manifest.json'))).toBe(true);
      expect(ephemeralPatches(server)).toEqual([]);
    });
  });

  it('i: an exec endpoint offering only v4.channel.k8s.io still works (status channel, streamed heap)', async () => {
    const server = await start({ execProtocols: ['v4.channel.k8s.io'] });
    server.store.put(seedPod({ name: 'seed', namespace: NS }));
    const run = await engine({ target: 'pod/seed', dumps: 'threads,heap', 'thread-dump-count': '1' });
    expectOutcome(run, 'success');
    expect(server.execs.length).toBeGreaterThan(3);
    expect(server.execs.every((e) => e.protocol === 'v4.channel.k8s.io' && e.outcome === 'status')).toBe(true);
    const j = run.manifest.pods[0].jvms[0];
    expect(j.files.map((f) => f.kind)).toEqual(['threads', 'heap']);
    expect(await expectFilesMatchDisk(run.outputDir, j.files)).toEqual([]);
  });

  it('j: JDK 17 debugger, no shared /tmp, non-root: a clear error before anything is changed', async () => {
    const server = await start();
    // No /tmp volume. run-as-user makes the debugger (here: the exec'd commands, via setpriv) non-root,
    // so the only remaining way (tmp-symlink) is not allowed and must not be tried.
    server.store.put(
      seedPod({
        name: 'seed',
        namespace: NS,
        volumes: undefined,
        containers: [{ name: 'app', image: 'registry.example.com/seed/simple:1' }],
      }),
    );
    const run = await engine({ target: 'pod/seed', 'run-as-user': '65534', 'run-as-group': '65534' });
    expectOutcome(run, 'failure');
    const [err] = run.manifest.pods[0].errors;
    expect(err.stage).toBe('discover');
    expect(err.message).toContain('JDK 17 cannot attach to a JVM in another container without a shared /tmp');
    expect(err.message).toMatch(/JDK 21\+/);
    expect(run.manifest.pods[0].debugger).toMatchObject({ runAsUser: 65534, runAsGroup: 65534, jdkFeature: 17 });
    const sent = ephemeralPatches(server)[0].json.spec.ephemeralContainers[0];
    expect(sent.volumeMounts).toBeUndefined();
    expect(sent.securityContext).toMatchObject({ runAsUser: 65534, runAsNonRoot: true });
    // Only the probe ran: no jcmd, no tmplink.
    expect(subsOf(server)).toEqual(['probe']);
  });

  it('k: a cancelled run (the job was cancelled) stops, keeps what it has, and still removes the heap dump from the pod', async () => {
    const server = await start();
    server.store.put(seedPod({ name: 'cancel-me', namespace: NS }));
    const cancel = new AbortController();
    const inner = server.execHandler;
    server.execHandler = (req) => {
      if (toolboxSub(req.command) === 'stream') cancel.abort();
      return inner(req);
    };
    const run = await engine({ target: 'pod/cancel-me' }, cancel.signal);
    expectOutcome(run, 'partial');
    const jvmResult = run.manifest.pods[0].jvms[0];
    expect(jvmResult.files.map((f) => f.kind).sort()).toEqual(['histogram', 'threads', 'threads']);
    expect(jvmResult.errors).toEqual([expect.objectContaining({ dump: 'heap', message: expect.stringMatching(/cancelled/) })]);
    expect(subsOf(server).at(-1)).toBe('remove');
    expect(subsOf(server).filter((x) => x === 'stream')).toHaveLength(1);
    expect(leftoverHeapDumps(patchedDebuggerNames(server)[0])).toEqual([]);
  });

  it("l: runAsNonRoot pod, uid in no spec: an unprivileged scout reads it from /proc, then the debugger runs as the JVM's user", async () => {
    const jvm1000 = await startSimpleJvm(30_000, 1000);
    try {
      const server = await start();
      server.store.put(seedPod({ name: 'hardened', namespace: NS, securityContext: { runAsNonRoot: true } }));
      const run = await engine({ target: 'pod/hardened', 'jvm-pid': String(jvm1000.pid) });
      expectOutcome(run, 'success');
      const dbg = run.manifest.pods[0].debugger!;
      expect(dbg).toMatchObject({ uidSource: 'scout', runAsUser: 1000, runAsGroup: 1000 });
      const patched = ephemeralPatches(server).map(
        (r) =>
          (JSON.parse(String(r.body)) as { spec: { ephemeralContainers: { name: string; securityContext: object }[] } }).spec
            .ephemeralContainers[0],
      );
      expect(patched.map((c) => c.securityContext)).toEqual([
        expect.objectContaining({ runAsUser: 65534, runAsNonRoot: true }),
        expect.objectContaining({ runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true }),
      ]);
      expect(dbg.scout).toBe(patched[0].name);
      expect(run.manifest.pods[0].jvms[0]).toMatchObject({ uid: 1000, gid: 1000 });

      // A second run borrows the running debugger to read the ids, then reuses it: nothing added, one probe.
      const probesBefore = subsOf(server).filter((x) => x === 'probe').length;
      const again = await engine({ target: 'pod/hardened', 'jvm-pid': String(jvm1000.pid) });
      expectOutcome(again, 'success');
      expect(ephemeralPatches(server)).toHaveLength(2);
      expect(again.manifest.pods[0].debugger).toMatchObject({
        name: dbg.name,
        scout: dbg.name,
        reused: true,
        uidSource: 'scout',
        runAsUser: 1000,
      });
      expect(subsOf(server).filter((x) => x === 'probe').length - probesBefore).toBe(1);
      expect(again.manifest.pods[0].jvms[0].files.map((f) => f.kind)).toContain('threads');
    } finally {
      await jvm1000.stop();
    }
    // Two runs (a scout, a debugger, a heap dump) and a JVM compiled and started as uid 1000: about 3 s alone, over
    // 30 s once on a clean-clone CI run beside the bundle build and the other JVM suites.
  }, 60_000);

  it('l2: runAsNonRoot pod whose JVM runs as nobody: the scout already has its ids, so it is the debugger (one container)', async () => {
    const jvmNobody = await startSimpleJvm(30_000, 65534);
    try {
      const server = await start();
      server.store.put(seedPod({ name: 'nobody', namespace: NS, securityContext: { runAsNonRoot: true } }));
      const run = await engine({ target: 'pod/nobody', 'jvm-pid': String(jvmNobody.pid) });
      expectOutcome(run, 'success');
      const names = patchedDebuggerNames(server);
      expect(names).toHaveLength(1);
      expect(run.manifest.pods[0].debugger).toMatchObject({
        name: names[0],
        scout: names[0],
        reused: false,
        uidSource: 'scout',
        runAsUser: 65534,
      });
      expect(subsOf(server).filter((x) => x === 'probe')).toHaveLength(1);
      expect(run.manifest.pods[0].jvms[0]).toMatchObject({ uid: 65534, gid: 65534 });
      expect(run.manifest.pods[0].jvms[0].files.map((f) => f.kind).sort()).toEqual(['heap', 'histogram', 'threads', 'threads']);
    } finally {
      await jvmNobody.stop();
    }
  });
});
