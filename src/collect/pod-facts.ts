// Pure: what the pod's spec, status and events say, as facts for the verdict and as text for the artifact.
import type { CoreV1Event, V1Container, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { ContainerFacts, ProbeFailure } from '../shared/model.js';
import { cut, oneLine } from '../shared/text.js';

export const REDACTED_ENV = '<redacted by kube-jvm-dump: redact-env is true>';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const LAST_LINE_MAX = 300;

type Json = Record<string, unknown>;

/**
 * The pod as plain JSON for pod.yaml: managedFields dropped (noise), and unless `redactEnv` is false every env
 * value written literally in the spec replaced (valueFrom references stay: they name a secret, not its value).
 * kubectl's last-applied annotation repeats the spec with its values, so it goes too.
 */
export function podForFile(pod: V1Pod, redactEnv: boolean): Json {
  const plain = JSON.parse(JSON.stringify(pod)) as {
    metadata?: { managedFields?: unknown; annotations?: Record<string, string> };
    spec?: Record<string, unknown>;
  };
  if (plain.metadata) delete plain.metadata.managedFields;
  if (redactEnv) {
    const annotations = plain.metadata?.annotations;
    if (annotations?.[LAST_APPLIED] !== undefined) annotations[LAST_APPLIED] = REDACTED_ENV;
    for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
      for (const c of (plain.spec?.[list] as V1Container[] | undefined) ?? []) {
        for (const e of c.env ?? []) if (e.value !== undefined) e.value = REDACTED_ENV;
      }
    }
  }
  return { apiVersion: 'v1', kind: 'Pod', ...plain };
}

function stateOf(s: V1ContainerStatus): string {
  if (s.state?.running) return 'running';
  if (s.state?.waiting) return `waiting${s.state.waiting.reason ? `: ${s.state.waiting.reason}` : ''}`;
  if (s.state?.terminated) return `terminated${s.state.terminated.reason ? `: ${s.state.terminated.reason}` : ''}`;
  return 'unknown';
}

const time = (t: Date | string | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

/** Waiting reasons that are a step on the way, whose message adds nothing (a crash loop has its own facts). */
const ROUTINE_WAITING = new Set(['ContainerCreating', 'PodInitializing', 'CrashLoopBackOff']);

function waitingMessage(s: V1ContainerStatus): string | undefined {
  const w = s.state?.waiting;
  if (!w?.message || ROUTINE_WAITING.has(w.reason ?? '')) return undefined;
  return oneLine(w.message, LAST_LINE_MAX);
}

const completed = (s: V1ContainerStatus) => s.state?.terminated?.exitCode === 0;

/**
 * Each app container's state, readiness, restarts and previous end (not the debuggers: they are ours), after the
 * init containers that have not completed: while one runs or fails, it is why the app's containers do not start.
 */
export function containerFacts(pod: V1Pod): ContainerFacts[] {
  const init = (pod.status?.initContainerStatuses ?? []).filter((s) => !completed(s)).map((s) => ({ s, init: true as const }));
  const app = (pod.status?.containerStatuses ?? []).map((s) => ({ s, init: undefined }));
  return [...init, ...app].map(({ s, init }) => {
    const t = s.lastState?.terminated;
    const message = waitingMessage(s);
    return {
      name: s.name,
      ready: s.ready,
      restartCount: s.restartCount,
      state: stateOf(s),
      ...(message ? { message } : {}),
      ...(init ? { init } : {}),
      ...(t
        ? {
            lastTerminated: {
              ...(t.reason ? { reason: t.reason } : {}),
              exitCode: t.exitCode,
              ...(t.signal !== undefined ? { signal: t.signal } : {}),
              ...(t.finishedAt ? { finishedAt: time(t.finishedAt) } : {}),
            },
          }
        : {}),
    };
  });
}

/** "Unschedulable: 0/3 nodes are available: 3 Insufficient memory." while the scheduler cannot place the pod. */
export function unscheduled(pod: V1Pod): string | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
  if (!c || c.status !== 'False') return undefined;
  return oneLine(`${c.reason ?? 'not scheduled'}${c.message ? `: ${c.message}` : ''}`, LAST_LINE_MAX);
}

/** The Ready condition's last change to False, while the pod is not Ready. */
export function notReadySince(pod: V1Pod): string | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return ready && ready.status !== 'True' ? time(ready.lastTransitionTime) : undefined;
}

function eventTime(e: CoreV1Event): number {
  const t = e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
  return t ? new Date(t).getTime() : 0;
}

const eventCount = (e: CoreV1Event): number => Math.max(e.count ?? 0, e.series?.count ?? 0, 1);

/** Oldest first, each event once (the pod's and its owners' lists may overlap). */
export function sortEvents(events: CoreV1Event[]): CoreV1Event[] {
  const seen = new Set<string>();
  return events
    .filter((e) => {
      const key = e.metadata?.uid ?? `${e.metadata?.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => eventTime(a) - eventTime(b));
}

/** events.txt: one line per event, `kubectl get events` style. Pod-controlled text stays text: written, not run. */
export function formatEvents(events: CoreV1Event[]): string {
  if (events.length === 0) return 'No events (events expire after an hour by default).\n';
  return (
    events
      .map((e) => {
        const when = eventTime(e) ? new Date(eventTime(e)).toISOString() : '-';
        const obj = `${e.involvedObject.kind ?? '?'}/${e.involvedObject.name ?? '?'}`;
        const count = eventCount(e) > 1 ? ` (x${eventCount(e)})` : '';
        return `${when} ${e.type ?? '-'} ${e.reason ?? '-'} ${obj}${count}: ${(e.message ?? '').replace(/\s*\n\s*/g, ' ')}`;
      })
      .join('\n') + '\n'
  );
}

/** "Readiness probe failed: HTTP probe failed with statuscode: 503" -> readiness, with the count of its events. */
export function probeFailures(events: CoreV1Event[]): ProbeFailure[] {
  const byProbe = new Map<string, ProbeFailure>();
  for (const e of sortEvents(events)) {
    if (e.reason !== 'Unhealthy' || e.involvedObject.kind !== 'Pod') continue;
    const m = /^(\w+) probe failed:\s*([\s\S]*)$/i.exec((e.message ?? '').trim());
    if (!m) continue;
    const probe = m[1].toLowerCase();
    const prior = byProbe.get(probe);
    const message = m[2].trim().split('\n')[0].slice(0, LAST_LINE_MAX);
    byProbe.set(probe, { probe, message, count: (prior?.count ?? 0) + eventCount(e) });
  }
  return [...byProbe.values()];
}

/** The last line with something on it, cut to a sane length. */
export function lastLogLine(log: string): string | undefined {
  const lines = log.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (line) return cut(line, LAST_LINE_MAX);
  }
  return undefined;
}
