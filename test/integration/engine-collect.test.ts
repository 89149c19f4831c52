// runEngine end to end against the in-process fake apiserver: collecting. Its exec handler runs the real toolbox on
// this machine, whose jcmd attaches to a real local JVM (the seed's Simple): real jcmd output, real heap dumps, real
// streaming with sha256 checks. Every pod mounts an emptyDir at /tmp (strategy shared-volume: the host's /tmp is
// the JVM's), and the exec guard refuses `tmplink`, so nothing can touch this machine's /tmp. The debugger's own
// story (reuse, start failures, refusals, the watch, identity) is in engine-debugger.test.ts.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TOKEN, kubeletSteps, makeDeployment, makeReplicaSet, type Json } from '../support/fake-apiserver/index.js';
import { DEBUGGER_EXPIRES_ENV, DEBUGGER_MARKER_ENV, TOOL_NAME } from '../../src/shared/constants.js';
import {
  ephemeralPatches,
  expectFilesMatchDisk,
  filesBelow,
  hprofHeader,
  jvmContainer,
  leftoverHeapDumps,
  patchedDebuggerNames,
  seedPod,
  seedPodFor,
  toolboxSub,
} from './support/engine-fixtures.js';
import { engineSuite, seedInputs, expectOutcome, subsOf } from './support/engine-suite.js';

const NS = 'shop';
const JDK_IMAGE = 'eclipse-temurin:17-jdk';
const suite = engineSuite('kjd-engine-it-', NS, seedInputs);
const { start, engine } = suite;

describe('runEngine against the fake apiserver and a real local JVM: collecting', () => {
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
    expect(j.pid).toBe(suite.jvm.pid);
    expect(j.errors).toEqual([]);
    expect(j.feature).toBe(17);
    expect(j.commandLine).toContain('Simple');
    const dir = `shop-new22-bbbbb/app/${suite.jvm.pid}`;
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
      expect(existsSync(path.join(run.outputDir, `seed/app/${suite.jvm.pid}/heap.hprof.gz`))).toBe(false);
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

  it('k: a cancelled run (the job was cancelled) stops, keeps what it has, and still removes the heap dump from the pod', async () => {
    const server = await start();
    server.store.put(seedPod({ name: 'cancel-me', namespace: NS }));
    const cancel = new AbortController();
    const inner = server.execHandler;
    server.execHandler = (req) => {
      if (toolboxSub(req.command) === 'stream') cancel.abort();
      return inner(req);
    };
    const run = await engine({ target: 'pod/cancel-me' }, { signal: cancel.signal });
    expectOutcome(run, 'partial');
    const jvmResult = run.manifest.pods[0].jvms[0];
    expect(jvmResult.files.map((f) => f.kind).sort()).toEqual(['histogram', 'threads', 'threads']);
    expect(jvmResult.errors).toEqual([expect.objectContaining({ dump: 'heap', message: expect.stringMatching(/cancelled/) })]);
    expect(subsOf(server).at(-1)).toBe('remove');
    expect(subsOf(server).filter((x) => x === 'stream')).toHaveLength(1);
    expect(leftoverHeapDumps(patchedDebuggerNames(server)[0])).toEqual([]);
  });
});
