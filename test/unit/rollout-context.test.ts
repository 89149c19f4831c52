// Pure parts of rollout mode and pod context: kubectl's rollout judgement, pod.yaml redaction, events, probes,
// the verdict line and its escaping.
import { describe, expect, it } from '@jest/globals';
import type { CoreV1Event, V1DaemonSet, V1Deployment, V1Pod, V1StatefulSet } from '@kubernetes/client-node';
import { daemonSetRollout, deploymentRollout, statefulSetRollout, workloadState } from '../../src/select/rollout.js';
import {
  containerFacts,
  formatEvents,
  lastLogLine,
  notReadySince,
  podForFile,
  probeFailures,
  REDACTED_ENV,
  sortEvents,
  unscheduled,
} from '../../src/collect/pod-facts.js';
import { whyNoJvm } from '../../src/collect/stuck-pod.js';
import { formatAge, rolloutVerdict } from '../../src/analyse/rollout-verdict.js';
import { buildSummaryHtml } from '../../src/publish/summary.js';
import { renderTerminalReport } from '../../src/publish/terminal-report.js';
import { parseByteSize } from '../../src/inputs/byte-size.js';
import { stuckReason } from '../../src/select/rollout-wait.js';
import { getSettings } from '../../src/inputs/input-helper.js';
import type { PodContext, RunManifest } from '../../src/shared/model.js';

const deployment = (status: V1Deployment['status'], generation = 2, replicas = 3): V1Deployment => ({
  metadata: { name: 'web', generation, annotations: { 'deployment.kubernetes.io/revision': '7' } },
  spec: { replicas, selector: {}, template: {} },
  status,
});

describe('rollout state, as kubectl rollout status judges it', () => {
  it("deployment whose ReplicaSet cannot create pods: the ReplicaFailure condition is the reason's detail", () => {
    const d = deployment({
      observedGeneration: 2,
      updatedReplicas: 0,
      conditions: [
        { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-2-x" is forbidden: exceeded quota: compute' },
      ],
    });
    expect(deploymentRollout(d)).toEqual({
      status: 'progressing',
      reason: '0 of 3 new replicas have been updated (ReplicaFailure FailedCreate: pods "web-2-x" is forbidden: exceeded quota: compute)',
    });
  });
  it('deployment: not observed, deadline exceeded, updating, old replicas, unavailable, complete', () => {
    expect(deploymentRollout(deployment({ observedGeneration: 1 })).status).toBe('progressing');
    expect(
      deploymentRollout(
        deployment({
          observedGeneration: 2,
          conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'RS "web-1" has timed out' }],
        }),
      ),
    ).toEqual({ status: 'failed', reason: 'ProgressDeadlineExceeded: RS "web-1" has timed out' });
    expect(deploymentRollout(deployment({ observedGeneration: 2, updatedReplicas: 1, replicas: 3 }))).toEqual({
      status: 'progressing',
      reason: '1 of 3 new replicas have been updated',
    });
    expect(deploymentRollout(deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 4 })).reason).toBe(
      '1 old replicas are pending termination',
    );
    expect(deploymentRollout(deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 })).reason).toBe(
      '2 of 3 updated replicas are available',
    );
    const done = deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3, readyReplicas: 3 });
    expect(deploymentRollout(done)).toEqual({ status: 'complete' });
    expect(workloadState({ kind: 'deployment', object: done })).toMatchObject({
      kind: 'deployment',
      name: 'web',
      status: 'complete',
      revision: '7',
      replicas: { desired: 3, updated: 3, ready: 3, available: 3 },
    });
  });
  it('statefulset: ready replicas, partition, update revision', () => {
    const sts = (status: V1StatefulSet['status'], partition?: number): V1StatefulSet => ({
      metadata: { generation: 1 },
      spec: {
        replicas: 2,
        selector: {},
        serviceName: 's',
        template: {},
        ...(partition ? { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition } } } : {}),
      },
      status,
    });
    expect(statefulSetRollout(sts({ replicas: 2, observedGeneration: 1, readyReplicas: 1 })).reason).toBe('1 of 2 pods are ready');
    expect(
      statefulSetRollout(
        sts({ replicas: 2, observedGeneration: 1, readyReplicas: 2, updateRevision: 'b', currentRevision: 'a', updatedReplicas: 1 }),
      ).status,
    ).toBe('progressing');
    expect(statefulSetRollout(sts({ replicas: 2, observedGeneration: 1, readyReplicas: 2, updatedReplicas: 1 }, 1)).status).toBe(
      'complete',
    );
    expect(
      statefulSetRollout(sts({ replicas: 2, observedGeneration: 1, readyReplicas: 2, updateRevision: 'a', currentRevision: 'a' })),
    ).toEqual({
      status: 'complete',
    });
  });
  it('daemonset: updated and available', () => {
    const ds = (s: Partial<NonNullable<V1DaemonSet['status']>>): V1DaemonSet => ({
      metadata: { generation: 1 },
      status: { observedGeneration: 1, currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2, ...s },
    });
    expect(daemonSetRollout(ds({ updatedNumberScheduled: 1 })).reason).toBe('1 of 2 new pods have been updated');
    expect(daemonSetRollout(ds({ updatedNumberScheduled: 2, numberAvailable: 2 })).status).toBe('complete');
  });
});

const pod: V1Pod = {
  metadata: {
    name: 'web-1',
    managedFields: [{ manager: 'kubectl' }],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"value":"s3cret"}', keep: 'me' },
  },
  spec: {
    containers: [
      {
        name: 'app',
        env: [
          { name: 'PASSWORD', value: 's3cret' },
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
        ],
      },
    ],
    initContainers: [{ name: 'init', env: [{ name: 'TOKEN', value: 'init-secret' }] }],
  },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: new Date('2026-01-01T10:00:00Z') }],
    containerStatuses: [
      {
        name: 'app',
        image: 'i',
        imageID: '',
        ready: false,
        restartCount: 5,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: new Date('2026-01-01T10:01:00Z') } },
      },
    ],
  },
};

describe('pod facts', () => {
  it('pod.yaml: managedFields dropped, literal env values and the last-applied annotation redacted, references kept', () => {
    const out = JSON.stringify(podForFile(pod, true));
    expect(out).not.toContain('s3cret');
    expect(out).not.toContain('init-secret');
    expect(out).not.toContain('managedFields');
    expect(out).toContain('secretKeyRef');
    expect(out).toContain('"keep":"me"');
    expect(out).toContain(REDACTED_ENV);
    expect(JSON.stringify(podForFile(pod, false))).toContain('s3cret');
    // The pod object itself is left as it was.
    expect(pod.spec?.containers[0].env?.[0].value).toBe('s3cret');
  });
  it('container facts: state, restarts, the previous end; notReadySince', () => {
    expect(containerFacts(pod)).toEqual([
      {
        name: 'app',
        ready: false,
        restartCount: 5,
        state: 'waiting: CrashLoopBackOff',
        lastTerminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: '2026-01-01T10:01:00.000Z' },
      },
    ]);
    expect(notReadySince(pod)).toBe('2026-01-01T10:00:00.000Z');
  });
  it('events: oldest first, each once; probes counted; one line each', () => {
    const ev = (uid: string, reason: string, message: string, at: string, count = 1): CoreV1Event => ({
      metadata: { uid },
      involvedObject: { kind: 'Pod', name: 'web-1' },
      reason,
      message,
      count,
      lastTimestamp: new Date(at),
    });
    const events = [
      ev('2', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', '2026-01-01T10:02:00Z', 20),
      ev('1', 'Started', 'Started container app', '2026-01-01T10:00:00Z'),
      ev('2', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', '2026-01-01T10:02:00Z', 20),
      ev('3', 'Unhealthy', 'Liveness probe failed: Get "http://x": dial tcp: connection refused\nmore', '2026-01-01T10:03:00Z', 3),
      ev('4', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 500', '2026-01-01T10:04:00Z', 5),
    ];
    const sorted = sortEvents(events);
    expect(sorted.map((e) => e.metadata?.uid)).toEqual(['1', '2', '3', '4']);
    expect(probeFailures(sorted)).toEqual([
      { probe: 'readiness', message: 'HTTP probe failed with statuscode: 500', count: 25 },
      { probe: 'liveness', message: 'Get "http://x": dial tcp: connection refused', count: 3 },
    ]);
    const text = formatEvents(sorted);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toContain(
      '2026-01-01T10:03:00.000Z - Unhealthy Pod/web-1 (x3): Liveness probe failed: Get "http://x": dial tcp: connection refused more',
    );
  });
  it('last log line: the last with something on it, cut', () => {
    expect(lastLogLine('a\nb\n\n  \n')).toBe('b');
    expect(lastLogLine('')).toBeUndefined();
    expect(lastLogLine('x'.repeat(500))).toHaveLength(301);
  });
});

const context = (extra: Partial<PodContext> = {}): PodContext => ({
  phase: 'Running',
  ready: false,
  containers: [],
  probeFailures: [],
  files: ['web-1/pod.yaml', 'web-1/events.txt', 'web-1/logs/app.log'],
  errors: [],
  ...extra,
});
const manifest = (ctx: PodContext, workload = true): RunManifest => ({
  tool: { name: 'kube-jvm-dump', version: '0' },
  cluster: {},
  namespace: 'shop',
  target: 'deployment/web',
  requested: { dumps: ['threads'], threadDumpCount: 1, threadDumpIntervalMs: 1, heapDumpLive: true },
  startedAt: '',
  finishedAt: '',
  pods: [{ namespace: 'shop', pod: 'web-1', container: 'app', jvms: [], errors: [], timingsMs: {}, context: ctx }],
  errors: [],
  ...(workload
    ? {
        workload: {
          kind: 'deployment' as const,
          name: 'web',
          status: 'failed' as const,
          reason: 'ProgressDeadlineExceeded: RS timed out',
          replicas: { desired: 1, updated: 1, ready: 0, available: 0 },
          file: 'workload.yaml',
        },
      }
    : {}),
});

describe('the rollout verdict', () => {
  it('ages', () => {
    expect([formatAge(35_000), formatAge(4 * 60_000 + 5_000), formatAge(2 * 3600_000), formatAge(130 * 60_000)]).toEqual([
      '35s',
      '4m',
      '2h',
      '2h10m',
    ]);
  });
  it('rollout, not-Ready pod with its probe, JVM', () => {
    const now = Date.parse('2026-01-01T10:04:10Z');
    const ctx = context({
      notReadySince: '2026-01-01T10:00:00Z',
      probeFailures: [{ probe: 'readiness', message: 'HTTP probe failed with statuscode: 503', count: 25 }],
    });
    const v = rolloutVerdict(manifest(ctx), [], now)!;
    expect(v.text).toBe(
      'Rollout of deployment/web failed (ProgressDeadlineExceeded): pod web-1 Running, not Ready for 4m (readiness probe: HTTP probe failed with statuscode: 503, 25 failures); JVM: none found',
    );
    expect(v.parts.map((p) => p.file)).toEqual(['workload.yaml', 'web-1/events.txt', undefined]);
  });
  it('the summary says what the run logged (its verdict, as of its time), not a verdict made again minutes later', () => {
    const ctx = context({ notReadySince: '2026-01-01T10:00:00Z' });
    const logged = rolloutVerdict(manifest(ctx), [], Date.parse('2026-01-01T10:04:10Z'))!;
    expect(logged.text).toContain('not Ready for 4m');
    const html = buildSummaryHtml(manifest(ctx), [], { rollout: { verdict: logged } });
    expect(html).toContain('not Ready for 4m');
    // Made at render time it would name another age; none logged, none shown.
    expect(buildSummaryHtml(manifest(ctx), [])).not.toContain('not Ready for 4m');
    expect(buildSummaryHtml(manifest(ctx), [], { rollout: { verdict: undefined } })).not.toContain('🧭');
  });
  it('an exec probe that fails without output: the count alone', () => {
    const ctx = context({ probeFailures: [{ probe: 'readiness', message: '', count: 5 }] });
    expect(rolloutVerdict(manifest(ctx), [])!.text).toContain('not Ready (readiness probe: 5 failures); JVM:');
    expect(buildSummaryHtml(manifest(ctx), [])).toContain('readiness probe failed 5 times (no output)');
  });
  it('crash loop with OOM, restarts and the last log line; no workload: no rollout part', () => {
    const ctx = context({
      containers: [
        {
          name: 'app',
          ready: false,
          restartCount: 5,
          state: 'waiting: CrashLoopBackOff',
          lastTerminated: { exitCode: 137, reason: 'OOMKilled' },
          lastLogLine: 'java.lang.OutOfMemoryError: Java heap space',
        },
      ],
      files: ['web-1/pod.yaml', 'web-1/logs/app.log', 'web-1/logs/app.previous.log'],
    });
    const v = rolloutVerdict(manifest(ctx, false), [])!;
    expect(v.text).toBe(
      'pod web-1 crash-looping: exit 137 OOMKilled, 5 restarts; last log line: java.lang.OutOfMemoryError: Java heap space; JVM: none found',
    );
    expect(v.parts[0].file).toBe('web-1/logs/app.previous.log');
  });
  it("a crash loop whose previous log is gone cites the crashing container's current log, not another container's", () => {
    const ctx = context({
      containers: [
        { name: 'proxy', ready: true, restartCount: 0, state: 'running' },
        { name: 'app', ready: false, restartCount: 3, state: 'terminated: Error', lastTerminated: { exitCode: 3, reason: 'Error' } },
      ],
      files: ['web-1/pod.yaml', 'web-1/logs/proxy.log', 'web-1/logs/app.log'],
    });
    const v = rolloutVerdict(manifest(ctx, false), [])!;
    expect(v.text).toMatch(/^pod web-1 container app crash-looping: exit 3 Error, 3 restarts/);
    expect(v.parts[0].file).toBe('web-1/logs/app.log');
  });
  it('pod-controlled text is escaped in the summary and neutralised in the terminal', () => {
    const ctx = context({
      containers: [
        {
          name: 'app',
          ready: false,
          restartCount: 1,
          state: 'running',
          lastTerminated: { exitCode: 1 },
          lastLogLine: '<img src=x onerror=alert(1)> \u001b[2J::error::x',
        },
      ],
    });
    const html = buildSummaryHtml(manifest(ctx), []);
    expect(html).toContain('🧭');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const text = renderTerminalReport(manifest(ctx), []);
    expect(text).toContain('pod web-1 restarted: exit 1, 1 restart; last log line: ');
    expect(text).not.toContain('\u001b');
  });
  it('caught running between two crashes, a repeated failing exit is still a crash loop; one restart is a restart', () => {
    const c = (restartCount: number, exitCode: number) =>
      context({
        containers: [{ name: 'app', ready: true, restartCount, state: 'running', lastTerminated: { exitCode, reason: 'Error' } }],
      });
    expect(rolloutVerdict(manifest(c(3, 3), false), [])!.text).toMatch(/^pod web-1 crash-looping: exit 3 Error, 3 restarts; JVM/);
    expect(rolloutVerdict(manifest(c(1, 3), false), [])!.text).toMatch(/^pod web-1 restarted: exit 3 Error, 1 restart; JVM/);
    expect(rolloutVerdict(manifest(c(4, 0), false), [])!.text).toMatch(/^pod web-1 restarted: exit 0 Error, 4 restarts; JVM/);
  });
  it('no workload and no context: no line', () => {
    const m = manifest(context(), false);
    delete m.pods[0].context;
    expect(rolloutVerdict(m, [])).toBeUndefined();
  });
});

describe('inputs', () => {
  it('sizes', () => {
    expect([parseByteSize('1048576'), parseByteSize('512Ki'), parseByteSize('1Mi'), parseByteSize('1MiB'), parseByteSize('2k')]).toEqual([
      1048576, 524288, 1048576, 1048576, 2048,
    ]);
    expect(parseByteSize('1.5Mi')).toBeUndefined();
    expect(parseByteSize('1 parsec')).toBeUndefined();
  });
  it('include-context, redact-env, log-bytes: defaults and bad values', () => {
    const read = (m: Record<string, string>) => (n: string) => m[n] ?? '';
    expect(getSettings(read({ target: 'web' }), {})).toMatchObject({ includeContext: true, redactEnv: true, logBytes: 1048576 });
    expect(getSettings(read({ target: 'web', 'include-context': 'false', 'redact-env': 'no', 'log-bytes': '4Ki' }), {})).toMatchObject({
      includeContext: false,
      redactEnv: false,
      logBytes: 4096,
    });
    expect(() => getSettings(read({ target: 'web', 'log-bytes': '100' }), {})).toThrow(/'log-bytes' must be a size from 1Ki to 64Mi/);
    expect(() => getSettings(read({ target: 'web', 'log-bytes': '1Gi' }), {})).toThrow(/'log-bytes'/);
  });
});

describe('wait-for-rollout', () => {
  const read = (m: Record<string, string>) => (n: string) => m[n] ?? '';
  it('inputs: off by default; a pod or selector target is refused; rollout-timeout bounded', () => {
    expect(getSettings(read({ target: 'web' }), {})).toMatchObject({
      waitForRollout: false,
      rolloutTimeoutMs: 300_000,
      dumpOnSuccess: false,
    });
    expect(getSettings(read({ target: 'sts/db', 'wait-for-rollout': 'true', 'rollout-timeout': '90s' }), {})).toMatchObject({
      waitForRollout: true,
      rolloutTimeoutMs: 90_000,
    });
    expect(() => getSettings(read({ target: 'pod/web-1', 'wait-for-rollout': 'true' }), {})).toThrow(
      /'wait-for-rollout' needs a deployment/,
    );
    expect(() => getSettings(read({ selector: 'app=web', 'wait-for-rollout': 'true' }), {})).toThrow(/a selector has no rollout/);
    expect(() => getSettings(read({ target: 'web', 'rollout-timeout': '1s' }), {})).toThrow(/'rollout-timeout' must be from 10s to 6h/);
  });
  it('a crash loop: CrashLoopBackOff, or restarts after failures between two back-offs; not a clean exit', () => {
    const pod = (restartCount: number, waiting?: string, exitCode = 137): V1Pod => ({
      metadata: { name: 'web-2' },
      status: {
        containerStatuses: [
          {
            name: 'app',
            image: 'i',
            imageID: '',
            ready: false,
            restartCount,
            ...(waiting ? { state: { waiting: { reason: waiting } } } : { state: { running: {} } }),
            lastState: { terminated: { exitCode, reason: exitCode === 137 ? 'OOMKilled' : 'Completed' } },
          },
        ],
      },
    });
    expect(stuckReason([pod(1, 'CrashLoopBackOff')])).toBe('new pod web-2 crash-looping (exit 137 OOMKilled, 1 restarts)');
    expect(stuckReason([pod(2)])).toBe('new pod web-2 crash-looping (exit 137 OOMKilled, 2 restarts)');
    expect(stuckReason([pod(1)])).toBeUndefined();
    expect(stuckReason([pod(3, undefined, 0)])).toBeUndefined();
  });
  it('a new pod that cannot start without a change (image, config) or whose init container crash-loops fails the wait early', () => {
    const waitingPod = (reason: string, message: string, init = false): V1Pod => {
      const status = {
        name: init ? 'migrate' : 'app',
        image: 'x',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: { waiting: { reason, message } },
      };
      return { metadata: { name: 'web-2' }, status: init ? { initContainerStatuses: [status] } : { containerStatuses: [status] } };
    };
    expect(stuckReason([waitingPod('ImagePullBackOff', 'Back-off pulling image "shop:v2"\n')])).toBe(
      'new pod web-2 container app ImagePullBackOff: Back-off pulling image "shop:v2"',
    );
    expect(stuckReason([waitingPod('CreateContainerConfigError', 'secret "db" not found', true)])).toBe(
      'new pod web-2 init container migrate CreateContainerConfigError: secret "db" not found',
    );
    expect(stuckReason([waitingPod('ErrImageNeverPull', 'x'.repeat(500))])).toMatch(/ErrImageNeverPull: x{200}…$/);
    // A first failed pull may be a moment's; starting up is not stuck.
    for (const reason of ['ErrImagePull', 'ContainerCreating', 'PodInitializing'])
      expect(stuckReason([waitingPod(reason, 'm')])).toBeUndefined();
    const initLoop: V1Pod = {
      metadata: { name: 'web-2' },
      status: {
        initContainerStatuses: [
          {
            name: 'migrate',
            image: 'x',
            imageID: '',
            ready: false,
            restartCount: 2,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error' } },
          },
        ],
      },
    };
    expect(stuckReason([initLoop])).toBe('new pod web-2 init container migrate crash-looping (exit 1 Error, 2 restarts)');
  });
  it("the verdict takes the wait's reason over the workload read after it", () => {
    const m = manifest(context());
    m.rollout = { status: 'failed', reason: 'timed out after 300s: 0 of 1 updated replicas are available', waitedMs: 300_000 };
    expect(rolloutVerdict(m, [])!.text).toMatch(/^Rollout of deployment\/web failed \(timed out after 300s\): new pod web-1/);
  });
});

describe('a pod that never started its JVM', () => {
  const stuck = (status: V1Pod['status']): V1Pod => ({ metadata: { name: 'web-1' }, spec: { containers: [{ name: 'app' }] }, status });
  const waitingOn = (reason: string, message: string) => ({
    name: 'app',
    ready: false,
    restartCount: 0,
    image: 'x',
    imageID: '',
    state: { waiting: { reason, message } },
  });
  it('keeps the kubelet message of a waiting state that explains itself, cut and on one line; not of a routine step', () => {
    const facts = containerFacts(
      stuck({ phase: 'Pending', containerStatuses: [waitingOn('ErrImagePull', `pull\n  failed ${'x'.repeat(400)}`)] }),
    );
    expect(facts[0].message).toMatch(/^pull failed x+…$/);
    expect(facts[0].message!.length).toBe(301);
    for (const reason of ['ContainerCreating', 'PodInitializing', 'CrashLoopBackOff']) {
      expect(containerFacts(stuck({ containerStatuses: [waitingOn(reason, 'noise')] }))[0].message).toBeUndefined();
    }
  });
  it('lists the init containers that have not completed first, marked; a completed one not at all', () => {
    const facts = containerFacts(
      stuck({
        initContainerStatuses: [
          { name: 'done', ready: false, restartCount: 0, image: 'x', imageID: '', state: { terminated: { exitCode: 0 } } },
          {
            name: 'migrate',
            ready: false,
            restartCount: 2,
            image: 'x',
            imageID: '',
            state: { terminated: { exitCode: 1, reason: 'Error' } },
          },
        ],
        containerStatuses: [waitingOn('PodInitializing', '')],
      }),
    );
    expect(facts.map((f) => [f.name, f.init, f.state])).toEqual([
      ['migrate', true, 'terminated: Error'],
      ['app', undefined, 'waiting: PodInitializing'],
    ]);
  });
  it("the scheduler's reason while PodScheduled is False, and why no JVM runs: scheduler, then init container, then the container", () => {
    const pending = stuck({
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available:\n 3 Insufficient cpu.' },
      ],
    });
    expect(unscheduled(pending)).toBe('Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.');
    expect(unscheduled(stuck({ conditions: [{ type: 'PodScheduled', status: 'True' }] }))).toBeUndefined();
    expect(whyNoJvm(pending, 'app')).toBe(
      'Pod web-1 is Pending (Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.): no JVM runs in it.',
    );
    const initRunning = stuck({
      phase: 'Pending',
      initContainerStatuses: [{ name: 'wait-db', ready: false, restartCount: 0, image: 'x', imageID: '', state: { running: {} } }],
      containerStatuses: [waitingOn('PodInitializing', '')],
    });
    expect(whyNoJvm(initRunning, 'app')).toBe("Pod web-1 is Pending (init container 'wait-db' is running): no JVM runs in it.");
    expect(
      whyNoJvm(stuck({ phase: 'Failed', containerStatuses: [waitingOn('CreateContainerConfigError', 'secret "db" not found')] }), 'app'),
    ).toBe(`Pod web-1 is Failed (container 'app' is waiting (CreateContainerConfigError: secret "db" not found)): no JVM runs in it.`);
    expect(whyNoJvm(stuck({ phase: 'Pending' }), undefined)).toBe('Pod web-1 is Pending: no JVM runs in it.');
  });
});
