import { describe, expect, it } from '@jest/globals';
import type { V1Pod } from '@kubernetes/client-node';
import {
  buildDebuggerContainer,
  debuggerName,
  debuggerState,
  ephemeralContainerPatch,
  findReusableDebugger,
  findScoutStandIn,
  type DebuggerRequest,
} from '../../src/inject/debugger-spec.js';
import { chooseRunAs, debuggerIdentity, requiresNonRoot } from '../../src/inject/run-as.js';
import { chooseTmpMount, chooseTmpStrategy, debuggerPathFor } from '../../src/inject/tmp-mount.js';
import { pod } from '../support/pods.js';

const request: DebuggerRequest = {
  name: 'jvm-debugger-abcde',
  image: 'eclipse-temurin:25-jdk',
  pullPolicy: 'IfNotPresent',
  targetContainer: 'app',
  ttlSeconds: 600,
  expiresAt: 2_000_000_000,
  tmpVolume: 'tmp-dir',
  runAsUser: 1000,
  runAsGroup: 1000,
  root: false,
};

// Fields the API server accepts in an ephemeral container (validation.go); anything else is rejected.
const ALLOWED = new Set([
  'name',
  'image',
  'command',
  'args',
  'workingDir',
  'env',
  'envFrom',
  'volumeMounts',
  'volumeDevices',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'securityContext',
  'stdin',
  'stdinOnce',
  'tty',
  'targetContainerName',
]);

describe('buildDebuggerContainer', () => {
  it('targets the container, sleeps for the TTL, shares /tmp, runs as the target user', () => {
    const c = buildDebuggerContainer(request);
    expect(c).toMatchObject({
      name: 'jvm-debugger-abcde',
      image: 'eclipse-temurin:25-jdk',
      targetContainerName: 'app',
      command: ['sleep', '600'],
      imagePullPolicy: 'IfNotPresent',
    });
    expect(c.volumeMounts).toEqual([{ name: 'tmp-dir', mountPath: '/tmp' }]);
    expect(c.securityContext).toMatchObject({
      runAsUser: 1000,
      runAsGroup: 1000,
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
  });
  it('uses only fields allowed for ephemeral containers, and no subPath', () => {
    for (const c of [
      buildDebuggerContainer(request),
      buildDebuggerContainer({ ...request, tmpVolume: undefined, runAsUser: 0, runAsGroup: 0, root: true }),
    ]) {
      for (const [key, value] of Object.entries(c)) if (value !== undefined) expect(ALLOWED).toContain(key);
      for (const m of c.volumeMounts ?? []) expect(Object.keys(m).sort()).toEqual(['mountPath', 'name']);
    }
  });
  it("a root debugger keeps the default capabilities (a root JVM's /proc/<pid>/root needs a superset) and never adds SYS_PTRACE", () => {
    const c = buildDebuggerContainer({ ...request, runAsUser: 0, runAsGroup: 0, root: true });
    expect(c.securityContext).toEqual({ runAsUser: 0, runAsGroup: 0, runAsNonRoot: false });
  });
  it('is added with a patch holding only the new container (strategic merge appends by name)', () => {
    const c = buildDebuggerContainer(request);
    // On the wire: spec.ephemeralContainers with exactly this container, unchanged and named (the merge key);
    // no other field, no existing containers (they would be re-sent), no $-directives.
    const wire = (v: unknown) => JSON.parse(JSON.stringify(v));
    expect(wire(ephemeralContainerPatch(c))).toEqual({ spec: { ephemeralContainers: [wire(c)] } });
    expect(c.name).toBe('jvm-debugger-abcde');
  });
});

describe('debuggerName', () => {
  it("is prefix plus a short suffix, unique among the pod's containers", () => {
    const p = pod({ name: 'p' });
    p.spec!.ephemeralContainers = [{ name: 'jvm-debugger-bbbbb' }];
    let calls = 0;
    const name = debuggerName('jvm-debugger', p, () => (calls++ < 5 ? 0 : 0.5));
    expect(name).toMatch(/^jvm-debugger-[a-z0-9]{5}$/);
    expect(name).not.toBe('jvm-debugger-bbbbb');
  });
});

function withDebugger(p: V1Pod, overrides: Partial<DebuggerRequest>, state: 'running' | 'terminated'): V1Pod {
  const c = buildDebuggerContainer({ ...request, ...overrides });
  p.spec!.ephemeralContainers = [...(p.spec!.ephemeralContainers ?? []), c];
  p.status!.ephemeralContainerStatuses = [
    ...(p.status!.ephemeralContainerStatuses ?? []),
    {
      name: c.name,
      image: c.image!,
      imageID: '',
      ready: false,
      restartCount: 0,
      state: state === 'running' ? { running: { startedAt: new Date() } } : { terminated: { exitCode: 0, reason: 'Completed' } },
    },
  ];
  return p;
}

describe('findReusableDebugger', () => {
  const now = 2_000_000_000 - 300;
  it('reuses a running debugger of ours with the same image, target, user, mount and enough time left', () => {
    const p = withDebugger(pod({ name: 'p' }), { name: 'jvm-debugger-old11' }, 'running');
    expect(findReusableDebugger(p, request, now, 120)?.name).toBe('jvm-debugger-old11');
  });
  it('does not reuse an exited one, one about to expire, or one that differs', () => {
    expect(findReusableDebugger(withDebugger(pod({ name: 'p' }), { name: 'd1' }, 'terminated'), request, now, 120)).toBeUndefined();
    expect(findReusableDebugger(withDebugger(pod({ name: 'p' }), { name: 'd2' }, 'running'), request, now, 600)).toBeUndefined();
    expect(
      findReusableDebugger(withDebugger(pod({ name: 'p' }), { name: 'd3', image: 'other:1' }, 'running'), request, now, 60),
    ).toBeUndefined();
    expect(
      findReusableDebugger(withDebugger(pod({ name: 'p' }), { name: 'd4', runAsUser: 0 }, 'running'), request, now, 60),
    ).toBeUndefined();
    expect(
      findReusableDebugger(withDebugger(pod({ name: 'p' }), { name: 'd5', tmpVolume: undefined }, 'running'), request, now, 60),
    ).toBeUndefined();
  });
  it('ignores ephemeral containers that are not ours', () => {
    const p = withDebugger(pod({ name: 'p' }), { name: 'debugger' }, 'running');
    p.spec!.ephemeralContainers![0].env = [];
    expect(findReusableDebugger(p, request, now, 60)).toBeUndefined();
  });
});

describe('findScoutStandIn', () => {
  const now = 2_000_000_000 - 300;
  const standIn = (p: V1Pod, minSeconds = 30) => findScoutStandIn(p, request.image, 'app', now, minSeconds, 65534)?.name;
  it('borrows any running debugger of ours to read /proc, whatever its identity or mount', () => {
    expect(standIn(withDebugger(pod({ name: 'p' }), { name: 'd1', runAsUser: 4242, runAsGroup: 7, tmpVolume: undefined }, 'running'))).toBe(
      'd1',
    );
  });
  it("prefers a debugger given a JVM's ids over an earlier scout (nobody)", () => {
    const p = withDebugger(pod({ name: 'p' }), { name: 'scout', runAsUser: 65534, runAsGroup: 65534, expiresAt: 2_000_000_100 }, 'running');
    expect(standIn(p)).toBe('scout');
    expect(standIn(withDebugger(p, { name: 'real', runAsUser: 1000 }, 'running'))).toBe('real');
  });
  it('not an exited one, one about to end, another image or target, or one that is not ours', () => {
    expect(standIn(withDebugger(pod({ name: 'p' }), { name: 'd1' }, 'terminated'))).toBeUndefined();
    expect(standIn(withDebugger(pod({ name: 'p' }), { name: 'd2', expiresAt: now + 10 }, 'running'))).toBeUndefined();
    expect(standIn(withDebugger(pod({ name: 'p' }), { name: 'd3', image: 'other:1' }, 'running'))).toBeUndefined();
    expect(standIn(withDebugger(pod({ name: 'p' }), { name: 'd4', targetContainer: 'sidecar' }, 'running'))).toBeUndefined();
    const foreign = withDebugger(pod({ name: 'p' }), { name: 'd5' }, 'running');
    foreign.spec!.ephemeralContainers![0].env = [];
    expect(standIn(foreign)).toBeUndefined();
  });
});

describe('debuggerState', () => {
  it('fails fast on image and config errors, quoting the kubelet', () => {
    const p = pod({ name: 'p' });
    p.status!.ephemeralContainerStatuses = [
      {
        name: 'd',
        image: 'x',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: { waiting: { reason: 'ErrImageNeverPull', message: 'image not present with pull policy of Never' } },
      },
    ];
    expect(debuggerState(p, 'd')).toEqual({
      phase: 'failed',
      reason: 'ErrImageNeverPull',
      message: 'image not present with pull policy of Never',
    });
    p.status!.ephemeralContainerStatuses[0].state = { waiting: { reason: 'ContainerCreating' } };
    expect(debuggerState(p, 'd')).toEqual({ phase: 'pending', reason: 'ContainerCreating' });
    expect(debuggerState(p, 'missing')).toEqual({ phase: 'pending' });
  });
});

describe('chooseRunAs', () => {
  const base = () => pod({ name: 'p' });
  it("takes the container securityContext first, then the pod's, then the reported user", () => {
    const p = base();
    p.spec!.securityContext = { runAsUser: 2000, runAsGroup: 3000 };
    expect(chooseRunAs(p, 'app', {})).toEqual({ uid: 2000, gid: 3000, source: 'pod securityContext' });
    p.spec!.containers[0].securityContext = { runAsUser: 1000 };
    expect(chooseRunAs(p, 'app', {})).toEqual({ uid: 1000, gid: 3000, source: 'container securityContext' });
    const q = base();
    q.status!.containerStatuses![0].user = { linux: { uid: 1001, gid: 1002, supplementalGroups: [] } };
    expect(chooseRunAs(q, 'app', {})).toEqual({ uid: 1001, gid: 1002, source: 'container status' });
  });
  it('an explicit input wins; nothing known means detect', () => {
    expect(chooseRunAs(base(), 'app', { uid: 5, gid: 6 })).toEqual({ uid: 5, gid: 6, source: 'input' });
    expect(chooseRunAs(base(), 'app', {})).toEqual({ uid: undefined, gid: undefined, source: 'detect' });
  });
  it('detect means a root debugger, unless the pod forbids root: then a clear error', () => {
    expect(debuggerIdentity({ source: 'detect' }, false)).toEqual({ runAsUser: 0, runAsGroup: 0, root: true });
    expect(() => debuggerIdentity({ source: 'detect' }, true)).toThrow(/Set 'run-as-user' and 'run-as-group'/);
    const p = base();
    // The debugger inherits the pod's securityContext, not the target container's.
    p.spec!.containers[0].securityContext = { runAsNonRoot: true };
    expect(requiresNonRoot(p)).toBe(false);
    p.spec!.securityContext = { runAsNonRoot: true };
    expect(requiresNonRoot(p)).toBe(true);
  });
});

describe('tmp', () => {
  it('auto shares the volume the target mounts at /tmp, if any, never a subPath', () => {
    const p = pod({ name: 'p' });
    p.spec!.volumes = [{ name: 'tmp-dir', emptyDir: {} }];
    expect(chooseTmpMount(p, 'app', 'auto').volume).toBeUndefined();
    p.spec!.containers[0].volumeMounts = [{ name: 'tmp-dir', mountPath: '/tmp/' }];
    expect(chooseTmpMount(p, 'app', 'auto').volume).toBe('tmp-dir');
    expect(chooseTmpMount(p, 'app', 'none').volume).toBeUndefined();
    p.spec!.containers[0].volumeMounts = [{ name: 'tmp-dir', mountPath: '/tmp', subPath: 'x' }];
    expect(chooseTmpMount(p, 'app', 'auto').volume).toBeUndefined();
    expect(() => chooseTmpMount(p, 'app', 'scratch')).toThrow(/not a volume of pod p; its volumes: tmp-dir/);
  });
  it('strategy: shared volume, else /proc/<pid>/root for jcmd 21+, else a root /tmp link, else the fix', () => {
    expect(chooseTmpStrategy(true, 17, false)).toBe('shared-volume');
    expect(chooseTmpStrategy(false, 21, false)).toBe('proc-root');
    expect(chooseTmpStrategy(false, 17, true)).toBe('tmp-symlink');
    expect(() => chooseTmpStrategy(false, 17, false)).toThrow(/JDK 21\+ image.*or mount an emptyDir at \/tmp/);
    expect(debuggerPathFor('proc-root', 42, '/tmp/h.hprof')).toBe('/proc/42/root/tmp/h.hprof');
    expect(debuggerPathFor('shared-volume', 42, '/tmp/h.hprof')).toBe('/tmp/h.hprof');
  });
});
