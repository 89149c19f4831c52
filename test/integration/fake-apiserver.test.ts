// The fake apiserver against the REAL @kubernetes/client-node 2.0.1: it must speak what the client speaks.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  Exec,
  KubeConfig,
  PatchStrategy,
  Watch,
  setHeaderOptions,
  type V1Pod,
  type V1Status,
} from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  kubeletSteps,
  makeDeployment,
  makePod,
  makePodFor,
  makeReplicaSet,
  policyByImage,
  scriptedHandler,
  startFakeApiServer,
  WebSocketClient,
  type FakeApiServer,
  type FakeApiServerOptions,
  type Json,
} from '../support/fake-apiserver/index.js';

const NS = 'shop';
const DEBUGGER = { name: 'jdk-dbg', image: 'eclipse-temurin:21-jdk', targetContainerName: 'app', command: ['sleep', '3600'] };
const smp = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);

let api: FakeApiServer;
let kc: KubeConfig;
let core: CoreV1Api;

async function start(options: FakeApiServerOptions = {}): Promise<void> {
  api = await startFakeApiServer({ kubelet: { delayMs: 30 }, ...options });
  kc = new KubeConfig();
  kc.loadFromString(api.kubeconfigYaml({ namespace: NS }));
  core = kc.makeApiClient(CoreV1Api);
}

/** Runs `fn`, expects an ApiException, returns its code and parsed Status body. */
async function apiError(fn: () => Promise<unknown>): Promise<{ code: number; status: Json }> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiException);
    const e = err as ApiException<unknown>;
    return { code: e.code, status: typeof e.body === 'string' ? JSON.parse(e.body) : e.body };
  }
  throw new Error('expected an ApiException');
}

function addEphemeral(pod: string, containers: Json[]): Promise<V1Pod> {
  return core.patchNamespacedPodEphemeralcontainers({ name: pod, namespace: NS, body: { spec: { ephemeralContainers: containers } } }, smp);
}

/** Watches until `predicate` matches an event; resolves with that event's object. */
function watchUntil(path: string, query: Record<string, string>, predicate: (type: string, obj: Json) => boolean): Promise<Json> {
  return new Promise((resolve, reject) => {
    let controller: AbortController | undefined;
    let found = false;
    void new Watch(kc)
      .watch(
        path,
        query,
        (type, obj) => {
          if (!found && predicate(type, obj)) {
            found = true;
            resolve(obj);
            controller?.abort();
          }
        },
        (err) => {
          if (!found)
            reject(err instanceof Error ? err : new Error(`watch ended before the expected event${err ? `: ${String(err)}` : ''}`));
        },
      )
      .then((c) => {
        controller = c;
        if (found) c.abort();
      });
  });
}

interface ExecResult {
  stdout: Buffer;
  stderr: Buffer;
  status?: V1Status;
  closeCode: number;
}

/** Exec through the real client; settles when the socket closes (Exec.exec itself resolves at open). */
async function runExec(pod: string, container: string, command: string[]): Promise<ExecResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c));
  const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
  let status: V1Status | undefined;
  const ws = await new Exec(kc).exec(NS, pod, container, command, stdout, stderr, null, false, (s) => {
    status = s;
  });
  const closeCode = await new Promise<number>((resolve) => ws.on('close', (code: number) => resolve(code)));
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err), status, closeCode };
}

function putShop(): void {
  const d = api.store.put(makeDeployment({ name: 'shop', namespace: NS, labels: { app: 'shop' }, replicas: 3, revision: 2 }));
  const oldRs = api.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: 'aaaa1', replicas: 0 }));
  const newRs = api.store.put(makeReplicaSet({ deployment: d, revision: 2, podTemplateHash: 'bbbb2', replicas: 3 }));
  api.store.put(makePodFor(newRs, { name: 'shop-bbbb2-x1', labels: { tier: 'web' } }));
  api.store.put(makePodFor(newRs, { name: 'shop-bbbb2-x2', labels: { tier: 'api', canary: 'true' }, ready: false }));
  api.store.put(makePodFor(oldRs, { name: 'shop-aaaa1-y1', labels: { tier: 'batch' }, deletionTimestamp: new Date() }));
  api.store.put(makePod({ name: 'other', namespace: NS, labels: { app: 'other' } }));
  api.store.put(makePod({ name: 'shop-elsewhere', namespace: 'default', labels: { app: 'shop' } }));
}

const names = (pods: { items: V1Pod[] }): string[] => pods.items.map((p) => p.metadata!.name!);

afterEach(async () => {
  await api?.stop();
});

describe('reads', () => {
  beforeEach(async () => {
    await start({ version: 'v1.37.2' });
    putShop();
  });

  it('serves /version and lists pods by label and field selectors', async () => {
    const version = await fetch(`${api.url}/version`).then((r) => r.json() as Promise<Json>);
    expect(version).toMatchObject({ gitVersion: 'v1.37.2', major: '1', minor: '37' });

    const list = (labelSelector?: string, fieldSelector?: string) =>
      core.listNamespacedPod({ namespace: NS, labelSelector, fieldSelector });
    expect(names(await list())).toEqual(['other', 'shop-aaaa1-y1', 'shop-bbbb2-x1', 'shop-bbbb2-x2']);
    expect(names(await list('app=shop'))).toEqual(['shop-aaaa1-y1', 'shop-bbbb2-x1', 'shop-bbbb2-x2']);
    expect(names(await list('app=shop,pod-template-hash=bbbb2,canary!=true'))).toEqual(['shop-bbbb2-x1']);
    expect(names(await list('tier in (web, api),!canary'))).toEqual(['shop-bbbb2-x1']);
    expect(names(await list('canary'))).toEqual(['shop-bbbb2-x2']);
    expect(names(await list('tier notin (web,api)'))).toEqual(['other', 'shop-aaaa1-y1']);
    expect(names(await list(undefined, 'metadata.name=shop-bbbb2-x2'))).toEqual(['shop-bbbb2-x2']);

    const pod = await core.readNamespacedPod({ name: 'shop-bbbb2-x2', namespace: NS });
    expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'shop-bbbb2', controller: true });
    expect((await core.readNamespacedPod({ name: 'shop-aaaa1-y1', namespace: NS })).metadata?.deletionTimestamp).toBeInstanceOf(Date);

    const err = await apiError(() => core.readNamespacedPod({ name: 'nope', namespace: NS }));
    expect(err.code).toBe(404);
    expect(err.status).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'pods "nope" not found', code: 404 });

    const bad = await apiError(() => list('a in (b'));
    expect(bad.code).toBe(400);
  });

  it('serves apps/v1 workloads with selectors', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    const d = await apps.readNamespacedDeployment({ name: 'shop', namespace: NS });
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.spec?.selector.matchLabels).toEqual({ app: 'shop' });
    const rs = await apps.listNamespacedReplicaSet({ namespace: NS, labelSelector: 'app=shop' });
    expect(
      rs.items.map((r) => [
        r.metadata?.name,
        r.metadata?.annotations?.['deployment.kubernetes.io/revision'],
        r.metadata?.ownerReferences?.[0].uid,
      ]),
    ).toEqual([
      ['shop-aaaa1', '1', d.metadata?.uid],
      ['shop-bbbb2', '2', d.metadata?.uid],
    ]);
    expect((await apps.listNamespacedStatefulSet({ namespace: NS })).items).toEqual([]);
    expect((await apiError(() => apps.readNamespacedDaemonSet({ name: 'x', namespace: NS }))).status.message).toBe(
      'daemonsets.apps "x" not found',
    );
  });

  it('rejects a wrong bearer token with 401', async () => {
    const other = new KubeConfig();
    other.loadFromString(api.kubeconfigYaml({ token: 'wrong' }));
    const err = await apiError(() => other.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: NS }));
    expect(err.code).toBe(401);
    expect(api.requests.at(-1)?.headers.authorization).toBe('Bearer wrong');
  });
});

describe('ephemeral containers', () => {
  beforeEach(async () => {
    await start();
    api.store.put(
      makePod({
        name: 'web-1',
        namespace: NS,
        labels: { app: 'shop' },
        volumes: [{ name: 'tmp', emptyDir: {} }],
        ephemeralContainers: [
          {
            name: 'old-dbg',
            image: 'busybox:1.36',
            imagePullPolicy: 'IfNotPresent',
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
      }),
    );
  });

  it('appends with a strategic merge patch and keeps existing ones', async () => {
    // No simulated kubelet here: its status updates would change the resourceVersion this test compares.
    api.kubelet.options.policy = () => [];
    const before = await core.readNamespacedPod({ name: 'web-1', namespace: NS });
    const pod = await addEphemeral('web-1', [{ ...DEBUGGER, volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] }]);
    expect(pod.spec?.ephemeralContainers?.map((c) => c.name)).toEqual(['old-dbg', 'jdk-dbg']);
    expect(pod.spec?.ephemeralContainers?.[1]).toMatchObject({
      targetContainerName: 'app',
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePolicy: 'File',
    });
    expect(Number(pod.metadata?.resourceVersion)).toBeGreaterThan(Number(before.metadata?.resourceVersion));

    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe(`/api/v1/namespaces/${NS}/pods/web-1/ephemeralcontainers`);
    expect(patch.contentType).toBe('application/strategic-merge-patch+json');
    expect(patch.json).toEqual({ spec: { ephemeralContainers: [{ ...DEBUGGER, volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] }] } });

    // Re-sending the same container is a no-op, not a change.
    const again = await addEphemeral('web-1', [DEBUGGER]);
    expect(again.metadata?.resourceVersion).toBe(pod.metadata?.resourceVersion);
  });

  it('rejects the client default (json-patch) with a Pod body, accepts a real JSON patch', async () => {
    const err = await apiError(() =>
      core.patchNamespacedPodEphemeralcontainers({ name: 'web-1', namespace: NS, body: { spec: { ephemeralContainers: [DEBUGGER] } } }),
    );
    expect(err.code).toBe(400);
    expect(err.status.message).toContain('cannot unmarshal object into Go value of type jsonpatch.Patch');
    expect(api.requests.at(-1)?.contentType).toBe('application/json-patch+json');

    const pod = await core.patchNamespacedPodEphemeralcontainers({
      name: 'web-1',
      namespace: NS,
      body: [{ op: 'add', path: '/spec/ephemeralContainers/-', value: DEBUGGER }],
    });
    expect(pod.spec?.ephemeralContainers?.map((c) => c.name)).toEqual(['old-dbg', 'jdk-dbg']);
  });

  it('answers 422 Invalid for forbidden fields, subPath, unknown volumes and targets', async () => {
    const err = await apiError(() =>
      addEphemeral('web-1', [
        {
          ...DEBUGGER,
          ports: [{ containerPort: 8080 }],
          resources: { limits: { memory: '1Gi' } },
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp', subPath: 'x' }],
        },
      ]),
    );
    expect(err.code).toBe(422);
    expect(err.status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      details: { name: 'web-1', kind: 'Pod' },
    });
    expect(err.status.message).toBe(
      'Pod "web-1" is invalid: [spec.ephemeralContainers[1].ports: Forbidden: cannot be set for an Ephemeral Container, ' +
        'spec.ephemeralContainers[1].resources: Forbidden: cannot be set for an Ephemeral Container, ' +
        'spec.ephemeralContainers[1].volumeMounts[0].subPath: Forbidden: cannot be set for an Ephemeral Container]',
    );
    expect(err.status.details.causes[0]).toEqual({
      reason: 'FieldValueForbidden',
      message: 'Forbidden: cannot be set for an Ephemeral Container',
      field: 'spec.ephemeralContainers[1].ports',
    });

    const refs = await apiError(() =>
      addEphemeral('web-1', [{ ...DEBUGGER, targetContainerName: 'nope', volumeMounts: [{ name: 'data', mountPath: '/data' }] }]),
    );
    expect(refs.status.message).toBe(
      'Pod "web-1" is invalid: [spec.ephemeralContainers[1].volumeMounts[0].name: Not found: "data", spec.ephemeralContainers[1].targetContainerName: Not found: "nope"]',
    );
    expect((await core.readNamespacedPod({ name: 'web-1', namespace: NS })).spec?.ephemeralContainers).toHaveLength(1);
  });

  it('rejects duplicate names, changes and removals', async () => {
    const dup = await apiError(() => addEphemeral('web-1', [{ ...DEBUGGER, name: 'app' }]));
    expect(dup.code).toBe(422);
    expect(dup.status.message).toBe('Pod "web-1" is invalid: spec.ephemeralContainers[1].name: Duplicate value: "app"');

    const changed = await apiError(() => addEphemeral('web-1', [{ name: 'old-dbg', image: 'busybox:1.37' }]));
    expect(changed.status.message).toContain(
      'spec.ephemeralContainers[old-dbg]: Forbidden: existing ephemeral containers "old-dbg" may not be changed',
    );

    // A merge patch replaces the whole list: that is a removal.
    const removed = await apiError(() =>
      core.patchNamespacedPodEphemeralcontainers(
        { name: 'web-1', namespace: NS, body: { spec: { ephemeralContainers: [DEBUGGER] } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(removed.status.message).toBe(
      'Pod "web-1" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "old-dbg" may not be removed\n',
    );
  });

  it('fault switches: 404 (old cluster) and 403 (RBAC)', async () => {
    api.faults.ephemeralContainers = 'notFound';
    const nf = await apiError(() => addEphemeral('web-1', [DEBUGGER]));
    expect(nf.code).toBe(404);
    expect(nf.status).toMatchObject({ reason: 'NotFound', message: 'the server could not find the requested resource' });

    api.faults.ephemeralContainers = 'forbidden';
    const fb = await apiError(() => addEphemeral('web-1', [DEBUGGER]));
    expect(fb.code).toBe(403);
    expect(fb.status.message).toBe(
      `pods "web-1" is forbidden: User "system:serviceaccount:ci:kube-jvm-dump" cannot patch resource "pods/ephemeralcontainers" in API group "" in the namespace "${NS}"`,
    );
  });

  it('a watch sees the simulated kubelet start the container, or fail to pull it', async () => {
    api.kubelet.options.policy = policyByImage({
      'registry.example.com/missing:1': kubeletSteps.imagePullFailure('registry.example.com/missing:1'),
    });
    const patched = await addEphemeral('web-1', [DEBUGGER, { name: 'bad-dbg', image: 'registry.example.com/missing:1' }]);
    const status = (obj: Json, name: string): Json => obj.status?.ephemeralContainerStatuses?.find((s: Json) => s.name === name);

    const query = { fieldSelector: 'metadata.name=web-1', resourceVersion: patched.metadata!.resourceVersion! };
    const running = await watchUntil(
      `/api/v1/namespaces/${NS}/pods`,
      query,
      (type, obj) => type === 'MODIFIED' && !!status(obj, 'jdk-dbg')?.state?.running,
    );
    expect(status(running, 'jdk-dbg').state.running.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const backoff = await watchUntil(
      `/api/v1/namespaces/${NS}/pods`,
      query,
      (_t, obj) => status(obj, 'bad-dbg')?.state?.waiting?.reason === 'ImagePullBackOff',
    );
    expect(status(backoff, 'bad-dbg').state.waiting.message).toBe('Back-off pulling image "registry.example.com/missing:1"');
  });

  it('closing watches ends the client watch (as its 30 s timeout would); a compacted resourceVersion gets 410', async () => {
    let ended: (err: unknown) => void = () => {};
    const done = new Promise((resolve) => (ended = resolve));
    // Watch.watch resolves once the response headers arrived, i.e. the server holds the watch.
    await new Watch(kc).watch(
      `/api/v1/namespaces/${NS}/pods`,
      {},
      () => {},
      (err) => ended(err),
    );
    expect(api.openWatches).toBe(1);
    api.closeWatches();
    expect(await done).toBeNull();

    const rv = api.store.currentResourceVersion();
    api.store.update('Pod', NS, 'web-1', (p) => void (p.metadata.labels!.x = 'y'));
    api.store.compact();
    const gone = await watchUntil(`/api/v1/namespaces/${NS}/pods`, { resourceVersion: rv }, (type) => type === 'ERROR');
    expect(gone).toMatchObject({ status: 'Failure', reason: 'Expired', code: 410 });
  });
});

describe('exec', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fake-apiserver-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function withDebugger(options: FakeApiServerOptions = {}): Promise<void> {
    await start(options);
    api.store.put(makePod({ name: 'web-1', namespace: NS }));
    await addEphemeral('web-1', [DEBUGGER]);
    await api.kubelet.idle();
  }

  it('runs the command locally and reports NonZeroExitCode on v5', async () => {
    await withDebugger();
    const r = await runExec('web-1', 'jdk-dbg', ['sh', '-c', 'echo hi; echo err >&2; exit 3']);
    expect(r.stdout.toString()).toBe('hi\n');
    expect(r.stderr.toString()).toBe('err\n');
    expect(r.status).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code: error executing command [sh -c echo hi; echo err >&2; exit 3], exit code 3',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
    expect(api.execs).toHaveLength(1);
    expect(api.execs[0]).toMatchObject({
      container: 'jdk-dbg',
      protocol: 'v5.channel.k8s.io',
      command: ['sh', '-c', 'echo hi; echo err >&2; exit 3'],
      outcome: 'status',
    });

    const ok = await runExec('web-1', 'app', ['true']);
    expect(ok.status).toEqual({ metadata: {}, status: 'Success' });
  });

  it('streams 5 MiB of binary stdout intact', async () => {
    await withDebugger();
    const file = join(dir, 'blob.bin');
    execFileSync('sh', ['-c', `head -c 5242880 /dev/urandom > '${file}'`]);
    const r = await runExec('web-1', 'jdk-dbg', ['cat', file]);
    expect(r.status?.status).toBe('Success');
    expect(r.stdout.length).toBe(5242880);
    expect(createHash('sha256').update(r.stdout).digest('hex')).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  it('respects backpressure: a stalled reader stalls the command', async () => {
    await withDebugger();
    const total = 64 << 20;
    const ws = new WebSocketClient(
      `${api.url.replace('http', 'ws')}/api/v1/namespaces/${NS}/pods/web-1/exec?command=head&command=-c&command=${total}&command=/dev/zero&container=jdk-dbg&stdout=true`,
      ['v5.channel.k8s.io'],
      { headers: { Authorization: 'Bearer fake-token' } },
    );
    let received = 0;
    let status = '';
    ws.on('message', (data: Buffer) =>
      data[0] === 1 ? (received += data.length - 1) : data[0] === 3 ? (status = data.subarray(1).toString()) : 0,
    );
    const closed = new Promise((resolve) => ws.on('close', resolve));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.pause();
    // Wait until the server stops making progress, then check it did not read everything into memory.
    let last = -1;
    while (api.execs[0]?.stdoutBytes !== last) {
      last = api.execs[0]?.stdoutBytes ?? -1;
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(last).toBeLessThan(total / 4);
    ws.resume();
    await closed;
    expect(received).toBe(total);
    expect(JSON.parse(status)).toEqual({ metadata: {}, status: 'Success' });
  });

  it('a mid-transfer break closes the socket without a status', async () => {
    await withDebugger();
    const file = join(dir, 'blob.bin');
    execFileSync('sh', ['-c', `head -c 4194304 /dev/urandom > '${file}'`]);
    api.faults.execCut = { afterBytes: 1 << 20, when: (req) => req.command[0] === 'cat' };
    const r = await runExec('web-1', 'jdk-dbg', ['cat', file]);
    expect(r.status).toBeUndefined();
    expect(r.closeCode).toBe(1006);
    expect(r.stdout.length).toBe(1 << 20);
    expect(r.stdout.equals(readFileSync(file).subarray(0, 1 << 20))).toBe(true);
    expect(api.execs[0].outcome).toBe('cut');
  });

  it('refuses exec: RBAC 403, unknown container 400, not-running ephemeral container', async () => {
    await withDebugger({
      kubelet: { delayMs: 10, policy: (c) => (c.name === 'stuck' ? kubeletSteps.imagePullFailure(c.image) : undefined) },
    });
    api.faults.exec = 'forbidden';
    // The client rejects with the ws ErrorEvent (not an Error) carrying the HTTP status.
    await expect(runExec('web-1', 'jdk-dbg', ['true'])).rejects.toMatchObject({ message: 'Unexpected server response: 403' });
    expect(api.requests.at(-1)).toMatchObject({ upgrade: true, path: `/api/v1/namespaces/${NS}/pods/web-1/exec` });
    api.faults.exec = undefined;
    await expect(runExec('web-1', 'nope', ['true'])).rejects.toMatchObject({ message: 'Unexpected server response: 400' });

    await addEphemeral('web-1', [{ name: 'stuck', image: 'example.com/missing:1' }]);
    await api.kubelet.idle();
    const r = await runExec('web-1', 'stuck', ['true']);
    expect(r.status).toMatchObject({
      status: 'Failure',
      reason: 'InternalError',
      code: 500,
      message: 'Internal error occurred: unable to upgrade connection: container not found ("stuck")',
    });

    api.kubelet.terminate(NS, 'web-1', 'jdk-dbg', 0);
    expect((await runExec('web-1', 'jdk-dbg', ['true'])).status?.reason).toBe('InternalError');
  });

  it('v4-only servers and scripted handlers', async () => {
    await withDebugger({
      execProtocols: ['v4.channel.k8s.io'],
      execHandler: scriptedHandler({ stdout: 'scripted\n', stderr: 'warn\n', exitCode: 2 }),
    });
    const r = await runExec('web-1', 'jdk-dbg', ['jcmd', '1', 'VM.version']);
    expect([r.stdout.toString(), r.stderr.toString()]).toEqual(['scripted\n', 'warn\n']);
    expect(r.status?.details?.causes?.[0]).toEqual({ reason: 'ExitCode', message: '2' });
    expect(api.execs[0].protocol).toBe('v4.channel.k8s.io');
  });
});
