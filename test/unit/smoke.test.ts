// Smoke test of the product without a cluster: the seed article's step (`target: deployment/simple-java`, every
// other input at its default) and its Deployment, through input parsing, pod and container choice, /tmp sharing
// and identity (the pure pod plan collectPod runs), to the exact patch body that adds the debugger.
import { describe, expect, it } from '@jest/globals';
import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { getSettings } from '../../src/inputs/input-helper.js';
import { choosePodsForDeployment } from '../../src/select/choose-pods.js';
import { chooseTmpStrategy } from '../../src/inject/tmp-mount.js';
import { buildDebuggerContainer, ephemeralContainerPatch } from '../../src/inject/debugger-spec.js';
import { chooseTarget, debuggerIdentityFor, debuggerRequest, planPod } from '../../src/collect/plan.js';

const NOW = 2_000_000_000;

// As cluster/manifests/simple-java.yaml runs it: one container, an emptyDir at /tmp, no securityContext.
const replicaSet: V1ReplicaSet = {
  metadata: {
    name: 'simple-java-5d8f7c9b6',
    uid: 'uid-rs',
    annotations: { 'deployment.kubernetes.io/revision': '1' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'simple-java', uid: 'uid-deploy', controller: true }],
  },
};
const seedPod: V1Pod = {
  metadata: {
    name: 'simple-java-5d8f7c9b6-q7x2k',
    namespace: 'default',
    labels: { app: 'simple-java' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'simple-java-5d8f7c9b6', uid: 'uid-rs', controller: true }],
  },
  spec: {
    containers: [{ name: 'simple-java', image: 'kjd.local/simple-java:jre8-1', volumeMounts: [{ name: 'tmp-dir', mountPath: '/tmp' }] }],
    volumes: [{ name: 'tmp-dir', emptyDir: {} }],
  },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [
      {
        name: 'simple-java',
        image: 'kjd.local/simple-java:jre8-1',
        imageID: '',
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: new Date() } },
      },
    ],
  },
};

describe('the seed article, from inputs to the debugger patch', () => {
  it('adds one root debugger targeting simple-java, sharing its /tmp emptyDir, sleeping the default 10 minutes', () => {
    const settings = getSettings((name) => (name === 'target' ? 'deployment/simple-java' : ''), {});

    const [pod, ...others] = choosePodsForDeployment([seedPod], [replicaSet], 'uid-deploy', settings.maxPods);
    expect(others).toEqual([]);
    const plan = planPod(pod, settings, chooseTarget(pod, settings));
    expect(plan).toMatchObject({ container: 'simple-java', needsScout: false, tmp: { volume: 'tmp-dir' } });
    const identity = debuggerIdentityFor(plan);
    const dbg = buildDebuggerContainer(debuggerRequest(plan, pod, settings, identity, settings.debuggerTtlSeconds, NOW, () => 0));

    // The body as it goes on the wire.
    expect(JSON.parse(JSON.stringify(ephemeralContainerPatch(dbg)))).toEqual({
      spec: {
        ephemeralContainers: [
          {
            name: 'jvm-debugger-bbbbb',
            image: 'eclipse-temurin:25-jdk',
            imagePullPolicy: 'IfNotPresent',
            targetContainerName: 'simple-java',
            command: ['sleep', '900'],
            env: [
              { name: 'KUBE_JVM_DUMP_DEBUGGER', value: 'kube-jvm-dump' },
              { name: 'KUBE_JVM_DUMP_EXPIRES_AT', value: String(NOW + 900) },
            ],
            stdin: false,
            tty: false,
            terminationMessagePolicy: 'FallbackToLogsOnError',
            volumeMounts: [{ name: 'tmp-dir', mountPath: '/tmp' }],
            securityContext: { runAsUser: 0, runAsGroup: 0, runAsNonRoot: false },
          },
        ],
      },
    });
    // With the shared volume, jcmd reaches the JVM's attach socket and heap dump in its own /tmp.
    expect(chooseTmpStrategy(plan.tmp.volume !== undefined, 25, identity.root)).toBe('shared-volume');
  });
});
