// A simulated kubelet: reports status.ephemeralContainerStatuses for ephemeral containers added through the API.
import { randomBytes } from 'node:crypto';
import type { Store } from './store.js';
import type { Json, KubeObject } from './types.js';

export type KubeletStep = { afterMs?: number } & (
  | { state: 'running' }
  | { state: 'waiting'; reason: string; message?: string }
  | { state: 'terminated'; exitCode: number; reason?: string; message?: string }
);

/** What happens to a newly added ephemeral container: one step or a sequence; undefined = default policy. */
export type KubeletPolicy = (container: Json, pod: KubeObject) => KubeletStep | KubeletStep[] | undefined;

export interface KubeletOptions {
  /** Default delay before each status step (ms). Default 20. */
  delayMs?: number;
  policy?: KubeletPolicy;
  /** The user an image runs as when the securityContext sets none (for the runAsNonRoot check). Default 0 (root). */
  imageUser?: (image: string) => number | string | undefined;
}

const nowIso = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const formatPod = (pod: KubeObject): string => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

/** Canned step sequences with the kubelet's/containerd's wording. */
export const kubeletSteps = {
  running: (): KubeletStep[] => [{ state: 'running' }],
  imagePullFailure: (image: string): KubeletStep[] => [
    {
      state: 'waiting',
      reason: 'ErrImagePull',
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
    },
    { state: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` },
  ],
  createConfigError: (message: string): KubeletStep[] => [{ state: 'waiting', reason: 'CreateContainerConfigError', message }],
};

/** A policy choosing steps by image: exact image match, else by substring, else default. */
export function policyByImage(map: Record<string, KubeletStep | KubeletStep[]>): KubeletPolicy {
  return (c) => map[c.image] ?? Object.entries(map).find(([k]) => String(c.image).includes(k))?.[1];
}

export class SimulatedKubelet {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly store: Store,
    public options: KubeletOptions = {},
  ) {}

  /** Called by the server after a new ephemeral container was stored. */
  ephemeralContainerAdded(namespace: string, podName: string, containerName: string): void {
    const pod = this.store.get('Pod', namespace, podName);
    const container = pod?.spec?.ephemeralContainers?.find((c: Json) => c.name === containerName);
    if (!pod || !container) return;
    const chosen = this.options.policy?.(container, pod) ?? this.defaultPolicy(container, pod);
    const steps = Array.isArray(chosen) ? chosen : [chosen];
    let at = 0;
    for (const step of steps) {
      at += step.afterMs ?? this.options.delayMs ?? 20;
      this.schedule(at, () => this.setState(namespace, podName, containerName, step));
    }
  }

  /** Writes a container state now (regular or ephemeral container), emitting a MODIFIED event. */
  setState(namespace: string, podName: string, containerName: string, step: KubeletStep): void {
    if (!this.store.get('Pod', namespace, podName)) return;
    this.store.update('Pod', namespace, podName, (pod) => {
      const isEphemeral = (pod.spec?.ephemeralContainers ?? []).some((c: Json) => c.name === containerName);
      const field = isEphemeral ? 'ephemeralContainerStatuses' : 'containerStatuses';
      const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].find((c: Json) => c.name === containerName);
      pod.status ??= {};
      const list: Json[] = (pod.status[field] ??= []);
      let entry = list.find((s) => s.name === containerName);
      if (!entry) {
        entry = { name: containerName, image: spec?.image ?? '', imageID: '', ready: false, restartCount: 0, state: {}, lastState: {} };
        list.push(entry);
      }
      const containerID = entry.containerID ?? `containerd://${randomBytes(32).toString('hex')}`;
      const startedAt = entry.state?.running?.startedAt ?? nowIso();
      if (step.state === 'running') {
        Object.assign(entry, { containerID, imageID: imageIdOf(entry.image), started: true, state: { running: { startedAt } } });
      } else if (step.state === 'waiting') {
        entry.state = { waiting: { reason: step.reason, ...(step.message ? { message: step.message } : {}) } };
        entry.started = false;
      } else {
        const terminated = {
          exitCode: step.exitCode,
          reason: step.reason ?? (step.exitCode === 0 ? 'Completed' : 'Error'),
          startedAt,
          finishedAt: nowIso(),
          containerID,
        };
        entry.state = { terminated: step.message ? { ...terminated, message: step.message } : terminated };
        Object.assign(entry, { containerID, started: false, ready: false });
      }
    });
  }

  /** Marks a container's process as exited (the container can then no longer be exec'd into). */
  terminate(namespace: string, podName: string, containerName: string, exitCode = 0, reason?: string): void {
    this.setState(namespace, podName, containerName, { state: 'terminated', exitCode, ...(reason ? { reason } : {}) });
  }

  /** Resolves when no status step is pending. */
  idle(): Promise<void> {
    return this.timers.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.idleWaiters.splice(0).forEach((fn) => fn());
  }

  private schedule(ms: number, fn: () => void): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
      if (this.timers.size === 0) this.idleWaiters.splice(0).forEach((w) => w());
    }, ms);
    this.timers.add(t);
  }

  /** kubelet's verifyRunAsNonRoot, then running. */
  private defaultPolicy(container: Json, pod: KubeObject): KubeletStep[] {
    const csc = container.securityContext ?? {};
    const psc = pod.spec?.securityContext ?? {};
    const runAsNonRoot = csc.runAsNonRoot ?? psc.runAsNonRoot;
    if (runAsNonRoot) {
      const explicit = csc.runAsUser ?? psc.runAsUser;
      const where = `(pod: "${formatPod(pod)}", container: ${container.name})`;
      if (explicit === 0) return kubeletSteps.createConfigError(`container's runAsUser breaks non-root policy ${where}`);
      if (explicit === undefined) {
        const user = (this.options.imageUser ?? (() => 0))(container.image);
        if (typeof user === 'string' && !/^\d+$/.test(user))
          return kubeletSteps.createConfigError(
            `container has runAsNonRoot and image has non-numeric user (${user}), cannot verify user is non-root ${where}`,
          );
        if (user === undefined || Number(user) === 0)
          return kubeletSteps.createConfigError(`container has runAsNonRoot and image will run as root ${where}`);
      }
    }
    return kubeletSteps.running();
  }
}

function imageIdOf(image: string): string {
  let repo = image.split('@')[0];
  if (repo.lastIndexOf(':') > repo.lastIndexOf('/')) repo = repo.slice(0, repo.lastIndexOf(':'));
  return `${repo.includes('/') ? repo : `docker.io/library/${repo}`}@sha256:${randomBytes(32).toString('hex')}`;
}
