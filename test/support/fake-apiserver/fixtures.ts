// Builders for realistic wire-format objects (what a real apiserver would return for them).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Json, KubeObject, OwnerReference } from './types.js';

const iso = (t: string | Date | undefined, fallback?: string): string | undefined =>
  t === undefined ? fallback : (typeof t === 'string' ? t : t.toISOString()).replace(/\.\d+Z$/, 'Z');
const nowIso = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const HASH_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
const randomSuffix = (n: number): string => [...randomBytes(n)].map((b) => HASH_CHARS[b % HASH_CHARS.length]).join('');

/** An ownerReference pointing at `owner` (controller: true, like the built-in controllers set). */
export function ownerRef(owner: KubeObject): OwnerReference {
  if (!owner.metadata.uid) throw new Error(`ownerRef: ${owner.kind} ${owner.metadata.name} has no uid`);
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export type ContainerInput = string | ({ name: string; image?: string } & Record<string, Json>);

function container(c: ContainerInput): Json {
  const base = typeof c === 'string' ? { name: c } : c;
  return {
    image: 'registry.example.com/shop/app:1.4.2',
    imagePullPolicy: 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...base,
  };
}

export interface MakePodOptions {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Names or container specs; default one container "app". */
  containers?: ContainerInput[];
  initContainers?: ContainerInput[];
  ephemeralContainers?: Json[];
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  /** Default: true when Running. */
  ready?: boolean;
  /** Owner objects (converted with ownerRef) or ready-made references. */
  ownerRefs?: (OwnerReference | KubeObject)[];
  volumes?: Json[];
  securityContext?: Json;
  deletionTimestamp?: string | Date;
  creationTimestamp?: string | Date;
  nodeName?: string;
  podIP?: string;
  /** Override the generated status.containerStatuses. */
  containerStatuses?: Json[];
}

export function makePod(o: MakePodOptions): KubeObject {
  const phase = o.phase ?? 'Running';
  const ready = o.ready ?? phase === 'Running';
  const created = iso(o.creationTimestamp, nowIso())!;
  const containers = (o.containers ?? ['app']).map(container);
  const ownerReferences = o.ownerRefs?.map((r) => ('metadata' in r ? ownerRef(r) : r));
  const condition = (type: string, status: boolean): Json => ({
    type,
    status: status ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: created,
  });
  const state = (c: Json): Json => {
    if (phase === 'Running') return { running: { startedAt: created } };
    if (phase === 'Pending') return { waiting: { reason: 'ContainerCreating' } };
    if (phase === 'Succeeded' || phase === 'Failed')
      return {
        terminated: {
          exitCode: phase === 'Succeeded' ? 0 : 1,
          reason: phase === 'Succeeded' ? 'Completed' : 'Error',
          startedAt: created,
          finishedAt: created,
          containerID: `containerd://${c.name}`,
        },
      };
    return {};
  };
  const statuses =
    o.containerStatuses ??
    containers.map((c: Json) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: ready && phase === 'Running',
      restartCount: 0,
      started: phase === 'Running',
      state: state(c),
      lastState: {},
      ...(phase === 'Pending' ? {} : { containerID: `containerd://${randomBytes(32).toString('hex')}` }),
    }));
  const running = phase === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      uid: o.uid ?? randomUUID(),
      creationTimestamp: created,
      ...(o.labels ? { labels: { ...o.labels } } : {}),
      ...(o.annotations ? { annotations: { ...o.annotations } } : {}),
      ...(ownerReferences ? { ownerReferences } : {}),
      ...(o.deletionTimestamp ? { deletionTimestamp: iso(o.deletionTimestamp), deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: {
      ...(o.volumes ? { volumes: o.volumes } : {}),
      ...(o.initContainers ? { initContainers: o.initContainers.map(container) } : {}),
      containers,
      ...(o.ephemeralContainers ? { ephemeralContainers: o.ephemeralContainers } : {}),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: o.nodeName ?? 'node-1',
      securityContext: o.securityContext ?? {},
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase,
      conditions: [
        condition('PodReadyToStartContainers', running),
        condition('Initialized', phase !== 'Pending'),
        condition('Ready', ready),
        condition('ContainersReady', ready),
        condition('PodScheduled', true),
      ],
      hostIP: '10.0.0.10',
      hostIPs: [{ ip: '10.0.0.10' }],
      ...(phase === 'Pending' ? {} : { podIP: o.podIP ?? '10.244.0.12', podIPs: [{ ip: o.podIP ?? '10.244.0.12' }] }),
      startTime: created,
      containerStatuses: statuses,
      qosClass: 'BestEffort',
    },
  };
}

interface WorkloadCommon {
  name: string;
  namespace?: string;
  uid?: string;
  /** Pod template labels; also the selector unless `selector` is given. Default {app: name}. */
  labels?: Record<string, string>;
  selector?: Json;
  replicas?: number;
  containers?: ContainerInput[];
  annotations?: Record<string, string>;
  generation?: number;
  creationTimestamp?: string | Date;
}

function template(labels: Record<string, string>, containers: ContainerInput[] | undefined): Json {
  return {
    metadata: { labels: { ...labels } },
    spec: {
      containers: (containers ?? ['app']).map(container),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  };
}

function meta(o: WorkloadCommon, extra: Json = {}): Json {
  return {
    name: o.name,
    namespace: o.namespace ?? 'default',
    uid: o.uid ?? randomUUID(),
    generation: o.generation ?? 1,
    creationTimestamp: iso(o.creationTimestamp, nowIso()),
    ...(o.annotations ? { annotations: { ...o.annotations } } : {}),
    ...extra,
  };
}

export interface MakeDeploymentOptions extends WorkloadCommon {
  /** Current revision (annotation deployment.kubernetes.io/revision). Default 1. */
  revision?: number;
  readyReplicas?: number;
  updatedReplicas?: number;
}

export function makeDeployment(o: MakeDeploymentOptions): KubeObject {
  const labels = o.labels ?? { app: o.name };
  const replicas = o.replicas ?? 1;
  const ready = o.readyReplicas ?? replicas;
  const m = meta(o);
  m.annotations = { 'deployment.kubernetes.io/revision': String(o.revision ?? 1), ...(m.annotations ?? {}) };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: m,
    spec: {
      replicas,
      selector: o.selector ?? { matchLabels: { ...labels } },
      template: template(labels, o.containers),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: m.generation,
      replicas,
      updatedReplicas: o.updatedReplicas ?? replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < replicas ? { unavailableReplicas: replicas - ready } : {}),
    },
  };
}

export interface MakeReplicaSetOptions extends Omit<WorkloadCommon, 'name'> {
  name?: string;
  /** Owning Deployment: supplies name prefix, labels, namespace and the ownerReference. */
  deployment?: KubeObject;
  revision?: number;
  /** pod-template-hash label value. Default random. */
  podTemplateHash?: string;
  readyReplicas?: number;
}

export function makeReplicaSet(o: MakeReplicaSetOptions): KubeObject {
  const hash = o.podTemplateHash ?? randomSuffix(10);
  const d = o.deployment;
  const baseLabels = o.labels ?? d?.spec?.template?.metadata?.labels ?? { app: o.name ?? 'app' };
  const labels = { ...baseLabels, 'pod-template-hash': hash };
  const name = o.name ?? `${d?.metadata.name ?? 'app'}-${hash}`;
  const replicas = o.replicas ?? 1;
  const ready = o.readyReplicas ?? replicas;
  const m = meta({ ...o, name, namespace: o.namespace ?? d?.metadata.namespace }, { labels: { ...labels } });
  m.annotations = {
    'deployment.kubernetes.io/desired-replicas': String(replicas),
    'deployment.kubernetes.io/max-replicas': String(replicas + 1),
    'deployment.kubernetes.io/revision': String(o.revision ?? 1),
    ...(m.annotations ?? {}),
  };
  if (d) m.ownerReferences = [ownerRef(d)];
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: m,
    spec: {
      replicas,
      selector: o.selector ?? { matchLabels: { ...labels } },
      template: template(labels, o.containers ?? d?.spec?.template?.spec?.containers),
    },
    status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: ready, availableReplicas: ready, observedGeneration: m.generation },
  };
}

export interface MakeStatefulSetOptions extends WorkloadCommon {
  serviceName?: string;
  currentRevision?: string;
  updateRevision?: string;
  readyReplicas?: number;
}

export function makeStatefulSet(o: MakeStatefulSetOptions): KubeObject {
  const labels = o.labels ?? { app: o.name };
  const replicas = o.replicas ?? 1;
  const rev = `${o.name}-${randomSuffix(10)}`;
  const m = meta(o);
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: m,
    spec: {
      replicas,
      serviceName: o.serviceName ?? o.name,
      selector: o.selector ?? { matchLabels: { ...labels } },
      template: template(labels, o.containers),
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
    },
    status: {
      observedGeneration: m.generation,
      replicas,
      readyReplicas: o.readyReplicas ?? replicas,
      availableReplicas: o.readyReplicas ?? replicas,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      currentRevision: o.currentRevision ?? o.updateRevision ?? rev,
      updateRevision: o.updateRevision ?? rev,
      collisionCount: 0,
    },
  };
}

export function makeDaemonSet(o: WorkloadCommon & { numberReady?: number }): KubeObject {
  const labels = o.labels ?? { app: o.name };
  const scheduled = o.replicas ?? 1;
  const m = meta(o);
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: m,
    spec: {
      selector: o.selector ?? { matchLabels: { ...labels } },
      template: template(labels, o.containers),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
    status: {
      currentNumberScheduled: scheduled,
      desiredNumberScheduled: scheduled,
      numberAvailable: o.numberReady ?? scheduled,
      numberMisscheduled: 0,
      numberReady: o.numberReady ?? scheduled,
      observedGeneration: m.generation,
      updatedNumberScheduled: scheduled,
    },
  };
}

/** A pod owned by a workload's controller object (ReplicaSet, StatefulSet, DaemonSet), with its template labels. */
export function makePodFor(owner: KubeObject, o: Omit<MakePodOptions, 'name'> & { name?: string } = {}): KubeObject {
  const labels = { ...(owner.spec?.template?.metadata?.labels ?? {}), ...(o.labels ?? {}) };
  return makePod({
    ...o,
    name: o.name ?? `${owner.metadata.name}-${randomSuffix(5)}`,
    namespace: o.namespace ?? owner.metadata.namespace,
    labels,
    ownerRefs: o.ownerRefs ?? [owner],
    containers: o.containers ?? owner.spec?.template?.spec?.containers,
  });
}
