import { PatchStrategy, setHeaderOptions, Watch, type V1Pod } from '@kubernetes/client-node';
import type { Cluster } from '../kube/client.js';
import { apiErrorMessage, apiStatus, isNotFoundOf } from '../kube/status.js';
import {
  buildDebuggerContainer,
  debuggerState,
  ephemeralContainerPatch,
  findReusableDebugger,
  type DebuggerRequest,
} from './debugger-spec.js';

export class InjectError extends Error {}

export interface InjectedDebugger {
  name: string;
  reused: boolean;
  pod: V1Pod;
}

/** Adds the debugger (or reuses a running one of ours) and waits until it runs. */
export async function injectDebugger(
  cluster: Cluster,
  pod: V1Pod,
  req: DebuggerRequest,
  neededSeconds: number,
  deadline: number,
  signal?: AbortSignal,
  note?: (message: string) => void,
): Promise<InjectedDebugger> {
  const podName = pod.metadata!.name!;
  const reusable = findReusableDebugger(pod, req, Math.floor(Date.now() / 1000), neededSeconds);
  if (reusable) return { name: reusable.name, reused: true, pod };

  let patched: V1Pod;
  try {
    patched = await cluster.core.patchNamespacedPodEphemeralcontainers(
      { name: podName, namespace: cluster.namespace, body: ephemeralContainerPatch(buildDebuggerContainer(req)) },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
  } catch (err) {
    throw new InjectError(explainPatchFailure(err, podName, cluster.namespace));
  }
  const ready = await waitForDebugger(cluster, patched, req.name, deadline, signal, note);
  return { name: req.name, reused: false, pod: ready };
}

/** What a refused ephemeral-container patch means, told apart by the API's Status. */
export function explainPatchFailure(err: unknown, pod: string, ns: string): string {
  const status = apiStatus(err);
  const detail = apiErrorMessage(err);
  switch (status?.code) {
    case 404:
      // The pod itself gone names it in details; a route the server does not have names nothing.
      return isNotFoundOf(status, 'pods', pod)
        ? `Pod ${ns}/${pod} disappeared before the debugger could be added (${detail}).`
        : `The cluster does not serve the pods/ephemeralcontainers subresource (${detail}). Ephemeral containers need Kubernetes 1.23+ (GA in 1.25).`;
    case 403: {
      // Pod Security admission and RBAC both answer 403 Forbidden with no other structured difference;
      // only the message says which (the API gives nothing else to tell them apart).
      const policy = /violates PodSecurity "([a-z]+)/.exec(status.message ?? '')?.[1];
      if (policy) {
        return (
          `The namespace enforces Pod Security "${policy}", which refuses this debugger for ${ns}/${pod} (${detail}). ` +
          (policy === 'restricted'
            ? 'A restricted debugger runs as the JVM\'s non-root user; this JVM runs as root (or its uid is unknown), so no debugger can attach to it under "restricted": ' +
              'run the JVM as a non-root user (runAsUser/runAsNonRoot), or set run-as-user if it already is, or relax the namespace to baseline.'
            : "Set run-as-user and run-as-group to the JVM's ids so the debugger needs no privileges, or relax the namespace's policy.")
        );
      }
      return `Not allowed to add an ephemeral container to ${ns}/${pod} (${detail}). Grant 'patch' on pods/ephemeralcontainers (see the Role in the README's RBAC section).`;
    }
    case 422:
      return `The API server rejected the debugger container for ${ns}/${pod}: ${detail}`;
    default:
      return `Adding the debugger to ${ns}/${pod} failed: ${detail}`;
  }
}

/**
 * Waits for the debugger to run, by watch (re-watching from the last resourceVersion when the client's
 * 30 s inactivity timeout ends a watch). Image pull and config errors fail at once, with the kubelet's words.
 */
export async function waitForDebugger(
  cluster: Cluster,
  pod: V1Pod,
  name: string,
  deadline: number,
  signal?: AbortSignal,
  note?: (message: string) => void,
): Promise<V1Pod> {
  const ns = cluster.namespace;
  const podName = pod.metadata!.name!;
  let current = pod;
  let lastPending: string | undefined;
  const verdict = (p: V1Pod): V1Pod | undefined => {
    const state = debuggerState(p, name);
    if (state.phase === 'running') return p;
    if (state.phase === 'failed') {
      throw new InjectError(
        `The debugger container ${name} in ${ns}/${podName} cannot start: ${state.reason}${state.message ? ` - ${state.message}` : ''}. ` +
          'Check jdk-image (it must exist and be pullable by the node) and image-pull-policy.',
      );
    }
    lastPending = state.reason;
    return undefined;
  };
  const done = verdict(current);
  if (done) return done;

  const watch = new Watch(cluster.kc);
  let quickEnds = 0;
  let forbiddenNoted = false;
  while (Date.now() < deadline) {
    if (signal?.aborted) throw new InjectError('cancelled');
    const watchStarted = Date.now();
    const outcome = await new Promise<{ pod?: V1Pod; error?: unknown }>((resolve) => {
      let settled = false;
      let controller: AbortController | undefined;
      const finish = (r: { pod?: V1Pod; error?: unknown }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        controller?.abort();
        resolve(r);
      };
      const timer = setTimeout(() => finish({}), Math.max(0, deadline - Date.now()));
      watch
        .watch(
          `/api/v1/namespaces/${ns}/pods`,
          { fieldSelector: `metadata.name=${podName}`, resourceVersion: current.metadata?.resourceVersion, allowWatchBookmarks: true },
          (type, obj: V1Pod) => {
            if (type === 'BOOKMARK') return;
            if (type === 'DELETED')
              return finish({ error: new InjectError(`Pod ${ns}/${podName} was deleted while the debugger was starting.`) });
            if (type === 'ERROR') return finish({ error: new Error((obj as unknown as { message?: string }).message ?? 'watch error') });
            current = obj;
            try {
              const ok = verdict(obj);
              if (ok) finish({ pod: ok });
            } catch (err) {
              finish({ error: err });
            }
          },
          // A refused watch (403, say) ends here, not in the promise: keep its error.
          (err: unknown) => finish(err ? { error: err } : {}),
        )
        .then(
          (c) => {
            controller = c;
            if (settled) c.abort();
          },
          (err) => finish({ error: err }),
        );
    });
    if (outcome.pod) return outcome.pod;
    if (outcome.error instanceof InjectError) throw outcome.error;
    if (!forbiddenNoted && watchRefusedCode(outcome.error) === 403) {
      // Without 'watch' the wait still works, by reading the pod again: say what is missing, once.
      forbiddenNoted = true;
      note?.(
        `Not allowed to watch pods in namespace '${ns}' (HTTP 403): waiting for the debugger by reading the pod instead. ` +
          "Grant 'watch' on pods (see the Role in the README's RBAC section) to wait by watch.",
      );
    }
    // The watch ended (timeout, expired resourceVersion or error): read the pod afresh and watch again.
    try {
      current = await cluster.core.readNamespacedPod({ name: podName, namespace: ns });
    } catch (err) {
      throw new InjectError(`Reading pod ${ns}/${podName} while waiting for the debugger failed: ${apiErrorMessage(err)}`);
    }
    const ok = verdict(current);
    if (ok) return ok;
    // A watch that keeps failing at once (no 'watch' permission, a proxy cutting streams) must not spin:
    // back off, and the re-read above becomes a poll.
    quickEnds = Date.now() - watchStarted < 1000 ? quickEnds + 1 : 0;
    if (quickEnds > 0) await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** quickEnds, Math.max(0, deadline - Date.now()))));
  }
  throw new InjectError(
    `The debugger container ${name} in ${ns}/${podName} did not start before the timeout${lastPending ? ` (last state: ${lastPending})` : ''}.`,
  );
}

/** client-node's Watch refuses with an Error carrying the HTTP status (the body is not read). */
function watchRefusedCode(err: unknown): number | undefined {
  const code = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}
