// include-context against the fake apiserver: pod.yaml (managedFields dropped, literal env redacted), events.txt
// (the pod's and its owners', oldest first), current and previous logs bounded by limitBytes, workload.yaml, and
// the rollout verdict that joins rollout, pod and JVM. A real local JVM answers the dumps where there are any.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeDeployment, makeReplicaSet, type FakeApiServer, type Json, type KubeObject } from '../support/fake-apiserver/index.js';
import { analyseDumps } from '../../src/analyse/analyse-dumps.js';
import { rolloutVerdict } from '../../src/analyse/rollout-verdict.js';
import { buildSummaryHtml } from '../../src/publish/summary.js';
import { filesBelow, jvmContainer, seedPodFor } from './support/engine-fixtures.js';
import { engineSuite, seedInputs } from './support/engine-suite.js';

const NS = 'shop';
const suite = engineSuite('kjd-context-it-', NS, (jvm) => ({ ...seedInputs(jvm), dumps: 'threads', 'thread-dump-count': '1' }));
const { start, engine: run } = suite;

function event(involved: KubeObject, reason: string, message: string, at: string, extra: Json = {}): Json {
  return {
    kind: 'Event',
    metadata: { name: `${involved.metadata.name}.${reason}.${Date.parse(at)}`, namespace: NS },
    involvedObject: { kind: involved.kind, name: involved.metadata.name, namespace: NS, uid: involved.metadata.uid },
    reason,
    message,
    type: reason === 'Unhealthy' || reason === 'BackOff' ? 'Warning' : 'Normal',
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    ...extra,
  };
}

/** A deployment past its progress deadline, its old and new ReplicaSets, and the new pod (not Ready). */
function failedRollout(server: FakeApiServer, pod: { ready?: boolean; containerStatuses?: Json[]; env?: Json[] } = {}) {
  const d = makeDeployment({ name: 'checkout', namespace: NS, revision: 2, containers: [jvmContainer()], replicas: 1, readyReplicas: 0 });
  d.status.conditions = [
    { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    {
      type: 'Progressing',
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "checkout-new22" has timed out progressing.',
    },
  ];
  const stored = server.store.put(d);
  server.store.put(makeReplicaSet({ deployment: stored, revision: 1, podTemplateHash: 'old11' }));
  const rs = server.store.put(makeReplicaSet({ deployment: stored, revision: 2, podTemplateHash: 'new22' }));
  const app = { ...jvmContainer(), env: pod.env ?? [] };
  const p = seedPodFor(rs, {
    name: 'checkout-new22-x2',
    ready: pod.ready ?? false,
    containers: [app],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"env":[{"name":"DB_PASSWORD","value":"hunter2"}]}' },
    ...(pod.containerStatuses ? { containerStatuses: pod.containerStatuses } : {}),
  });
  p.metadata.managedFields = [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:spec': {} } }];
  p.status.conditions = p.status.conditions.map((c: Json) =>
    c.type === 'Ready' ? { ...c, lastTransitionTime: new Date(Date.now() - 4 * 60_000 - 5_000).toISOString().replace(/\.\d+Z$/, 'Z') } : c,
  );
  return { deployment: stored, rs, pod: server.store.put(p) };
}

describe('include-context', () => {
  it('writes pod.yaml (redacted), events (pod and owners, oldest first), a bounded log and workload.yaml; the verdict joins rollout, pod and JVM', async () => {
    const server = await start();
    const { deployment, rs, pod } = failedRollout(server, {
      env: [
        { name: 'DB_PASSWORD', value: 'hunter2' },
        { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'api', key: 'key' } } },
      ],
    });
    server.store.put(event(deployment, 'ScalingReplicaSet', 'Scaled up replica set checkout-new22 to 1', '2026-01-01T10:00:00Z'));
    server.store.put(event(rs, 'SuccessfulCreate', 'Created pod: checkout-new22-x2', '2026-01-01T10:00:01Z'));
    server.store.put(
      event(pod, 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', '2026-01-01T10:04:00Z', { count: 25 }),
    );
    server.store.put(event(pod, 'Pulled', 'Container image already present on machine', '2026-01-01T10:00:02Z'));
    // An event of another pod is not this pod's.
    server.store.put({
      ...event(pod, 'Killing', 'someone else', '2026-01-01T10:00:03Z'),
      involvedObject: { kind: 'Pod', name: 'other', uid: 'x' },
    });
    const logLine = 'INFO 2026-01-01 request handled in 12 ms\n';
    server.logs.set(`${NS}/checkout-new22-x2/app`, logLine.repeat(100));

    const r = await run({ target: 'deployment/checkout', 'log-bytes': '1Ki' });
    expect(r.report.outcome).toBe('success');
    const dir = 'checkout-new22-x2';
    expect(filesBelow(r.outputDir)).toEqual(
      expect.arrayContaining([`${dir}/pod.yaml`, `${dir}/events.txt`, `${dir}/logs/app.log`, 'workload.yaml', 'manifest.json']),
    );
    // No previous log asked for a container that never restarted.
    const logCalls = server.requests.filter((q) => q.path.endsWith('/log'));
    expect(logCalls.map((q) => [q.query.container?.[0], q.query.limitBytes?.[0], q.query.previous?.[0]])).toEqual([
      ['app', '1024', undefined],
    ]);
    expect(readFileSync(path.join(r.outputDir, dir, 'logs/app.log')).length).toBe(1024);

    const podYaml = readFileSync(path.join(r.outputDir, dir, 'pod.yaml'), 'utf8');
    expect(podYaml).not.toContain('hunter2');
    expect(podYaml).not.toContain('managedFields');
    expect(podYaml).toContain('DB_PASSWORD');
    expect(podYaml).toContain('secretKeyRef');
    expect(podYaml).toMatch(/^kind: Pod$/m);

    const events = readFileSync(path.join(r.outputDir, dir, 'events.txt'), 'utf8')
      .trim()
      .split('\n');
    expect(events.map((l) => l.split(' ')[2])).toEqual(['ScalingReplicaSet', 'SuccessfulCreate', 'Pulled', 'Unhealthy']);
    expect(events[3]).toContain('(x25): Readiness probe failed: HTTP probe failed with statuscode: 503');

    const workload = readFileSync(path.join(r.outputDir, 'workload.yaml'), 'utf8');
    expect(workload).toContain('ProgressDeadlineExceeded');
    expect(r.manifest.workload).toMatchObject({
      kind: 'deployment',
      name: 'checkout',
      status: 'failed',
      revision: '2',
      file: 'workload.yaml',
    });
    expect(r.manifest.pods[0].context).toMatchObject({
      ready: false,
      probeFailures: [{ probe: 'readiness', message: 'HTTP probe failed with statuscode: 503', count: 25 }],
      errors: [],
    });

    const { jvms: analyses } = await analyseDumps(r.manifest, r.outputDir);
    const verdict = rolloutVerdict(r.manifest, analyses)!;
    expect(verdict.text).toMatch(
      /^Rollout of deployment\/checkout failed \(ProgressDeadlineExceeded\): pod checkout-new22-x2 Running, not Ready for 4m \(readiness probe: HTTP probe failed with statuscode: 503, 25 failures\); JVM: /,
    );
    const html = buildSummaryHtml(r.manifest, analyses);
    expect(html).toContain('<code>workload.yaml</code>');
    expect(html).toContain(`<code>${dir}/events.txt</code>`);
  }, 90_000);

  it('a crash-looping JVM: no attach, yet lastState, restarts and the previous log; the verdict says so', async () => {
    const server = await start();
    server.faults.exec = 'forbidden';
    failedRollout(server, {
      containerStatuses: [
        {
          name: 'app',
          image: 'registry.example.com/seed/simple:1',
          imageID: '',
          ready: false,
          restartCount: 5,
          started: false,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container' } },
          lastState: {
            terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-01-01T10:00:00Z', finishedAt: '2026-01-01T10:01:00Z' },
          },
        },
      ],
    });
    server.logs.set(`${NS}/checkout-new22-x2/app#previous`, 'starting\nTerminating due to java.lang.OutOfMemoryError: Java heap space\n\n');

    const r = await run({ target: 'deployment/checkout' });
    expect(r.report.outcome).toBe('failure');
    const dir = 'checkout-new22-x2';
    expect(readFileSync(path.join(r.outputDir, dir, 'logs/app.previous.log'), 'utf8')).toContain('OutOfMemoryError');
    expect(server.requests.some((q) => q.path.endsWith('/log') && q.query.previous?.[0] === 'true')).toBe(true);
    expect(r.manifest.pods[0].context?.containers[0]).toMatchObject({
      restartCount: 5,
      state: 'waiting: CrashLoopBackOff',
      lastTerminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-01-01T10:01:00.000Z' },
      lastLogLine: 'Terminating due to java.lang.OutOfMemoryError: Java heap space',
    });
    const verdict = rolloutVerdict(r.manifest, []);
    expect(verdict?.text).toContain(
      'pod checkout-new22-x2 crash-looping: exit 137 OOMKilled, 5 restarts; last log line: Terminating due to java.lang.OutOfMemoryError: Java heap space; JVM: not dumped (',
    );
    expect(verdict?.parts[1].file).toBe(`${dir}/logs/app.previous.log`);
  }, 90_000);

  it("the kubelet's 200 'unable to retrieve container logs' is not taken for the log: no file, an error, the current log's last line", async () => {
    const server = await start();
    failedRollout(server, {
      containerStatuses: [
        {
          name: 'app',
          image: 'x',
          imageID: '',
          ready: true,
          restartCount: 2,
          started: true,
          state: { running: { startedAt: '2026-01-01T10:00:00Z' } },
          lastState: { terminated: { exitCode: 3, reason: 'Error' } },
        },
      ],
    });
    server.logs.set(`${NS}/checkout-new22-x2/app#previous`, 'unable to retrieve container logs for containerd://5c4623e508c5\n');
    server.logs.set(`${NS}/checkout-new22-x2/app`, 'up again\n');
    const r = await run({ target: 'deployment/checkout' });
    const ctx = r.manifest.pods[0].context!;
    expect(ctx.files).not.toContain('checkout-new22-x2/logs/app.previous.log');
    expect(ctx.errors).toEqual([
      expect.stringMatching(/^reading the previous log of app failed: the kubelet no longer has it \(unable to retrieve/),
    ]);
    expect(ctx.containers[0].lastLogLine).toBe('up again');
    // Asked twice (a moment apart), then given up.
    expect(server.requests.filter((q) => q.path.endsWith('/log') && q.query.previous?.[0] === 'true')).toHaveLength(2);
  }, 90_000);

  it('include-context: false writes no context and asks nothing of events or logs; redact-env: false keeps the values', async () => {
    const server = await start();
    failedRollout(server, { env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] });
    const off = await run({ target: 'deployment/checkout', 'include-context': 'false' });
    expect(filesBelow(off.outputDir).filter((f) => !f.includes(`/${suite.jvm.pid}/`))).toEqual(['manifest.json']);
    expect(server.requests.some((q) => q.path.endsWith('/events') || q.path.endsWith('/log'))).toBe(false);
    expect(off.manifest.pods[0].context).toBeUndefined();
    // The rollout state is there without the context.
    expect(off.manifest.workload?.status).toBe('failed');

    const kept = await run({ target: 'deployment/checkout', 'redact-env': 'false' });
    expect(readFileSync(path.join(kept.outputDir, 'checkout-new22-x2', 'pod.yaml'), 'utf8')).toContain('hunter2');
  }, 90_000);

  it('no live pod: each stuck pod of the new revision (image not pulled, unschedulable, an init container failing) is explained from the API, and nothing is changed in the cluster', async () => {
    const server = await start();
    const d = server.store.put(
      makeDeployment({ name: 'web', namespace: NS, revision: 2, containers: [jvmContainer()], replicas: 3, readyReplicas: 0 }),
    );
    const old = server.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: 'old11' }));
    const rs = server.store.put(makeReplicaSet({ deployment: d, revision: 2, podTemplateHash: 'new22' }));
    const waiting = (reason: string, message?: string) => ({ waiting: { reason, ...(message ? { message } : {}) } });
    const status = (name: string, state: Json, extra: Json = {}) => ({ name, ready: false, restartCount: 0, image: 'x', state, ...extra });
    const pull = seedPodFor(rs, {
      name: 'web-new22-pull',
      phase: 'Pending',
      creationTimestamp: '2026-01-01T10:00:03Z',
      containerStatuses: [status('app', waiting('ErrImagePull', 'failed to pull "registry.invalid/app:2": <script>not found</script>'))],
    });
    const unscheduled = seedPodFor(rs, { name: 'web-new22-sched', phase: 'Pending', creationTimestamp: '2026-01-01T10:00:02Z' });
    unscheduled.status.conditions = [
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory.' },
    ];
    unscheduled.status.containerStatuses = [];
    const init = seedPodFor(rs, {
      name: 'web-new22-init',
      phase: 'Pending',
      creationTimestamp: '2026-01-01T10:00:01Z',
      initContainers: ['migrate'],
      containerStatuses: [status('app', waiting('PodInitializing'))],
    });
    init.status.initContainerStatuses = [
      status('migrate', waiting('CrashLoopBackOff', 'back-off 40s'), {
        restartCount: 3,
        lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      }),
    ];
    pull.status.conditions = [];
    for (const p of [pull, unscheduled, init]) server.store.put(p);
    // The old revision's pod is Pending too, and is not the rollout's: it is not explained.
    server.store.put(seedPodFor(old, { name: 'web-old11-a', phase: 'Pending', creationTimestamp: '2026-01-01T11:00:00Z' }));
    server.logs.set(`${NS}/web-new22-init/migrate`, 'migrating\nERROR: relation "users" does not exist\n');
    server.logs.set(`${NS}/web-new22-init/migrate#previous`, 'migrating\nERROR: relation "users" does not exist\n');

    const r = await run({ target: 'deployment/web', 'max-pods': '3' });
    expect(r.report.outcome).toBe('failure');
    // Nothing but reads: no debugger, no exec.
    expect(server.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(server.execs).toEqual([]);
    expect(r.manifest.errors[0].message).toMatch(/^No live pod for deployment\/web/);
    expect(r.manifest.pods.map((p) => [p.pod, p.stuck])).toEqual([
      ['web-new22-pull', true],
      ['web-new22-sched', true],
      ['web-new22-init', true],
    ]);
    expect(r.manifest.pods.map((p) => p.errors[0].message)).toEqual([
      `Pod web-new22-pull is Pending (container 'app' is waiting (ErrImagePull: failed to pull "registry.invalid/app:2": <script>not found</script>)): no JVM runs in it.`,
      'Pod web-new22-sched is Pending (Unschedulable: 0/3 nodes are available: 3 Insufficient memory.): no JVM runs in it.',
      "Pod web-new22-init is Pending (init container 'migrate' is waiting (CrashLoopBackOff: back-off 40s)): no JVM runs in it.",
    ]);
    for (const p of r.manifest.pods)
      expect(filesBelow(r.outputDir)).toEqual(expect.arrayContaining([`${p.pod}/pod.yaml`, `${p.pod}/events.txt`]));
    expect(filesBelow(r.outputDir)).toContain('web-new22-init/logs/migrate.previous.log');

    const verdict = rolloutVerdict(r.manifest, (await analyseDumps(r.manifest, r.outputDir)).jvms)!;
    expect(verdict.text).toBe(
      'Rollout of deployment/web in progress (0 of 3 updated replicas are available): ' +
        'pod web-new22-pull Pending, not Ready (app waiting: ErrImagePull (failed to pull "registry.invalid/app:2": <script>not found</script>)); JVM: not started; ' +
        'pod web-new22-sched Pending, not Ready (Unschedulable: 0/3 nodes are available: 3 Insufficient memory.); JVM: not started; ' +
        'pod web-new22-init init container migrate crash-looping: exit 1 Error, 3 restarts; last log line: ERROR: relation "users" does not exist; JVM: not started',
    );
    const html = buildSummaryHtml(r.manifest, []);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;not found&lt;/script&gt;');
    // Not "no JVM found": nothing looked for one.
    expect(html).not.toContain('No JVM found');
  }, 90_000);
});
