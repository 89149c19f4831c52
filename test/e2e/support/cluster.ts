// The real cluster started by cluster/bin/kjd-cluster: admin access for setting up workloads.
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  Watch,
  type CoreV1Event,
  type V1Deployment,
  type V1Pod,
  type V1PodSecurityContext,
  type V1PodSpec,
  type V1SecurityContext,
} from '@kubernetes/client-node';
import { existsSync, readFileSync } from 'node:fs';
import { testCleanup, type CleanupRegistry } from './cleanup.js';

export const STATE_DIR = process.env.KJD_STATE_DIR ?? '/var/lib/kube-jvm-dump/cluster';
export const ADMIN_KUBECONFIG = `${STATE_DIR}/kubeconfig`;
/** The ServiceAccount with the README's minimal Role: the action runs with this, proving the RBAC suffices. */
export const ACTION_KUBECONFIG = `${STATE_DIR}/action.kubeconfig`;
export const NS = 'default';
export const DEBUGGER_IMAGE = 'kjd.local/jdk:25-1';
export const appImage = (jre: number) => `kjd.local/simple-java:jre${jre}-1`;

export function requireCluster(): void {
  if (!existsSync(ADMIN_KUBECONFIG)) {
    throw new Error(
      `No cluster kubeconfig at ${ADMIN_KUBECONFIG}: start the cluster with 'npm run cluster:up' (scripts/test-all.sh does).`,
    );
  }
}

export function admin() {
  const kc = new KubeConfig();
  kc.loadFromFile(ADMIN_KUBECONFIG);
  return { kc, core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) };
}

export function actionKubeconfig(): string {
  return readFileSync(ACTION_KUBECONFIG, 'utf8');
}

export interface AppOptions {
  name: string;
  /** Default: the shared namespace NS. */
  namespace?: string;
  jre?: number;
  replicas?: number;
  tmpVolume?: boolean;
  /** Java as PID 1 (no tini). */
  noTini?: boolean;
  runAsUser?: number;
  runAsNonRoot?: boolean;
  readinessFails?: boolean;
  extraJavaArgs?: string[];
  labels?: Record<string, string>;
  image?: string;
  /** The JVM container's own securityContext (hardening: read-only root, no privilege escalation, caps). */
  containerSecurityContext?: V1SecurityContext;
  /** Replaces the pod securityContext built from runAsUser/runAsNonRoot. */
  podSecurityContext?: V1PodSecurityContext;
}

export function podSpec(o: AppOptions): V1PodSpec {
  const command =
    o.noTini || o.extraJavaArgs ? [...(o.noTini ? [] : ['/usr/bin/tini', '--']), 'java', ...(o.extraJavaArgs ?? []), 'Simple'] : undefined;
  return {
    terminationGracePeriodSeconds: 1,
    securityContext:
      o.podSecurityContext ??
      (o.runAsUser !== undefined || o.runAsNonRoot !== undefined
        ? { runAsUser: o.runAsUser, runAsGroup: o.runAsUser, runAsNonRoot: o.runAsNonRoot }
        : undefined),
    containers: [
      {
        name: 'simple-java',
        image: o.image ?? appImage(o.jre ?? 8),
        imagePullPolicy: 'Never',
        command,
        securityContext: o.containerSecurityContext,
        volumeMounts: o.tmpVolume === false ? undefined : [{ name: 'tmp-dir', mountPath: '/tmp' }],
        readinessProbe: o.readinessFails ? { exec: { command: ['false'] }, periodSeconds: 2 } : undefined,
      },
    ],
    volumes: o.tmpVolume === false ? undefined : [{ name: 'tmp-dir', emptyDir: {} }],
  };
}

export function deployment(o: AppOptions): V1Deployment {
  return {
    metadata: { name: o.name, namespace: o.namespace ?? NS, labels: { app: o.name, e2e: 'kube-jvm-dump' } },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { app: o.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: { metadata: { labels: { app: o.name, e2e: 'kube-jvm-dump', ...o.labels } }, spec: podSpec(o) },
    },
  };
}

/**
 * Lists, then watches from the list's resourceVersion until `done` holds for the objects seen; re-lists on each
 * watch end (or a watch ERROR, which has no object to apply). Returns the objects, or throws at the deadline.
 */
async function listThenWatch<T extends { metadata?: { name?: string } }>(
  what: string,
  watchPath: string,
  query: Record<string, string>,
  list: () => Promise<{ items: T[]; metadata?: { resourceVersion?: string } }>,
  done: (items: T[]) => boolean,
  timeoutMs: number,
): Promise<T[]> {
  const { kc } = admin();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listed = await list();
    if (done(listed.items)) return listed.items;
    const seen = new Map(listed.items.map((o) => [o.metadata!.name!, o]));
    const met = await new Promise<boolean>((resolve) => {
      let controller: AbortController | undefined;
      let ended = false;
      const end = (ok: boolean) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        controller?.abort();
        resolve(ok);
      };
      const timer = setTimeout(() => end(false), Math.min(30_000, Math.max(0, deadline - Date.now())));
      new Watch(kc)
        .watch(
          watchPath,
          { ...query, resourceVersion: listed.metadata?.resourceVersion },
          (type, obj: T) => {
            if (type === 'ERROR' || !obj.metadata?.name) return end(false);
            if (type === 'DELETED') seen.delete(obj.metadata.name);
            else seen.set(obj.metadata.name, obj);
            if (done([...seen.values()])) end(true);
          },
          () => end(false),
        )
        .then((c) => {
          controller = c;
          if (ended) c.abort();
        })
        // A watch that cannot start ends the wait like one that ended: the caller reads afresh.
        .catch(() => end(false));
    });
    if (met) return [...seen.values()];
  }
  throw new Error(`${what} not as awaited in time`);
}

/** Resolves when `count` pods matching the selector satisfy `ok`; watches, re-reading on each watch end. */
export async function waitForPods(
  selector: string,
  count: number,
  ok: (p: V1Pod) => boolean,
  timeoutMs = 180_000,
  namespace = NS,
): Promise<V1Pod[]> {
  const good = (pods: V1Pod[]) => pods.filter((p) => !p.metadata?.deletionTimestamp && ok(p));
  const pods = await listThenWatch(
    `pods '${selector}'`,
    `/api/v1/namespaces/${namespace}/pods`,
    { labelSelector: selector },
    () => admin().core.listNamespacedPod({ namespace, labelSelector: selector }),
    (items) => good(items).length >= count,
    timeoutMs,
  );
  return good(pods);
}

/** Resolves when the events about pod `podName` with `reason` add up to `count` (an event's count included). */
export async function waitForPodEvents(podName: string, reason: string, count: number, timeoutMs = 60_000): Promise<CoreV1Event[]> {
  const fieldSelector = `involvedObject.kind=Pod,involvedObject.name=${podName},reason=${reason}`;
  const total = (events: CoreV1Event[]) => events.reduce((n, e) => n + Math.max(e.count ?? 1, e.series?.count ?? 1), 0);
  return listThenWatch(
    `${reason} events of ${podName}`,
    `/api/v1/namespaces/${NS}/events`,
    { fieldSelector },
    () => admin().core.listNamespacedEvent({ namespace: NS, fieldSelector }),
    (items) => total(items) >= count,
    timeoutMs,
  );
}

export const isRunning = (p: V1Pod) => p.status?.phase === 'Running' && (p.status.containerStatuses ?? []).every((c) => !!c.state?.running);
export const isReady = (p: V1Pod) => isRunning(p) && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** Creates the app (deleted after the test) and waits for its pods. */
export async function createApp(o: AppOptions, waitFor: (p: V1Pod) => boolean = isRunning): Promise<V1Pod[]> {
  await startApp(o);
  return waitForPods(`app=${o.name}`, o.replicas ?? 1, waitFor);
}

/**
 * Creates the app's Deployment, first registering its awaited deletion with `cleanup` (by default: after this
 * test), so a failing test cannot leak it. A leftover of an earlier run is deleted first.
 */
export async function startApp(o: AppOptions, cleanup: CleanupRegistry = testCleanup): Promise<void> {
  await deleteApp(o.name);
  cleanup.add(`deployment ${o.name}`, () => deleteApp(o.name));
  await admin().apps.createNamespacedDeployment({ namespace: NS, body: deployment(o) });
}

/** Deletes the app and resolves once the Deployment is gone (Foreground: its pods are gone first). */
export async function deleteApp(name: string): Promise<void> {
  const { kc, apps } = admin();
  await apps
    .deleteNamespacedDeployment({ name, namespace: NS, propagationPolicy: 'Foreground', gracePeriodSeconds: 0 })
    .catch(() => undefined);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    let rv: string | undefined;
    try {
      rv = (await apps.readNamespacedDeployment({ name, namespace: NS })).metadata?.resourceVersion;
    } catch (err) {
      if ((err as { code?: number }).code === 404) return;
      throw err;
    }
    await new Promise<void>((resolve) => {
      let controller: AbortController | undefined;
      const timer = setTimeout(() => {
        controller?.abort();
        resolve();
      }, 30_000);
      new Watch(kc)
        .watch(
          `/apis/apps/v1/namespaces/${NS}/deployments`,
          { fieldSelector: `metadata.name=${name}`, resourceVersion: rv },
          (type) => {
            if (type === 'DELETED') {
              clearTimeout(timer);
              controller?.abort();
              resolve();
            }
          },
          () => {
            clearTimeout(timer);
            resolve();
          },
        )
        .then((c) => {
          controller = c;
        })
        // A watch that cannot start ends the wait like one that ended: the caller reads afresh.
        .catch(() => {
          clearTimeout(timer);
          resolve();
        });
    });
  }
  throw new Error(`deployment ${name} was not deleted in time`);
}

export async function readPod(name: string): Promise<V1Pod> {
  return admin().core.readNamespacedPod({ name, namespace: NS });
}

/** Runs a command in a container with the admin credentials (to look at the pod from outside the action). */
export async function execIn(pod: string, container: string, command: string[], namespace = NS): Promise<string> {
  const { execInContainer } = await import('../../../src/kube/exec.js');
  const r = await execInContainer(admin().kc, namespace, pod, container, command, { timeoutMs: 60_000 });
  if (r.exitCode !== 0) throw new Error(`${command.join(' ')} exited ${r.exitCode}: ${r.stderr}`);
  return r.stdout;
}
