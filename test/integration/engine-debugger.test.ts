// runEngine end to end against the in-process fake apiserver: the debugger. Reusing one of ours, one that cannot
// start, the API refusing us, the watch ending while we wait, no live pod, a /tmp the debugger cannot share, and
// the identity it runs as. The exec handler runs the real toolbox against a real local JVM (see engine-collect.test.ts).
import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  kubeletSteps,
  makeDeployment,
  makeReplicaSet,
  policyByImage,
  type FakeApiServer,
  type Json,
} from '../support/fake-apiserver/index.js';
import { buildDebuggerContainer } from '../../src/inject/debugger-spec.js';
import { startSimpleJvm } from './support/local-jvm.js';
import {
  ephemeralPatches,
  isPodWatch,
  jvmContainer,
  onRequest,
  patchedDebuggerNames,
  seedPod,
  seedPodFor,
} from './support/engine-fixtures.js';
import { engineSuite, seedInputs, expectOutcome, subsOf } from './support/engine-suite.js';

const NS = 'shop';
const JDK_IMAGE = 'eclipse-temurin:17-jdk';
const suite = engineSuite('kjd-engine-dbg-it-', NS, seedInputs);
const { start, engine } = suite;

/** Pod `seed` with a running root debugger of ours, `name`, which sleeps `ttlSeconds` and ends in `endsIn` seconds. */
function runningDebugger(server: FakeApiServer, name: string, ttlSeconds: number, endsIn: number): void {
  const existing = buildDebuggerContainer({
    name,
    image: JDK_IMAGE,
    pullPolicy: 'IfNotPresent',
    targetContainer: 'app',
    ttlSeconds,
    expiresAt: Math.floor(Date.now() / 1000) + endsIn,
    tmpVolume: 'tmp',
    runAsUser: 0,
    runAsGroup: 0,
    root: true,
  });
  // As the apiserver stores it: with its defaults, without undefined fields.
  const stored: Json = { terminationMessagePath: '/dev/termination-log', ...JSON.parse(JSON.stringify(existing)) };
  server.store.put(seedPod({ name: 'seed', namespace: NS, ephemeralContainers: [stored] }));
  server.kubelet.setState(NS, 'seed', name, { state: 'running' });
}

describe('runEngine against the fake apiserver and a real local JVM: the debugger', () => {
  it('b: reuses a running debugger of ours with time left: no PATCH at all', async () => {
    const server = await start();
    runningDebugger(server, 'jvm-debugger-reuse', 7200, 7200);

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
    runningDebugger(server, 'jvm-debugger-old00', 600, 20);

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
