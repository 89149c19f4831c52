// One pod's context beside its dumps: pod.yaml, events.txt, each container's current and previous log, and the
// facts the verdict needs. Read through the API (no exec): it works when no JVM can be attached at all.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { dumpYaml, type CoreV1Event, type V1Pod } from '@kubernetes/client-node';
import type { Cluster } from '../kube/client.js';
import { apiErrorMessage } from '../kube/status.js';
import { absolute, FileNames, podDir } from '../shared/layout.js';
import type { PodContext } from '../shared/model.js';
import {
  containerFacts,
  formatEvents,
  lastLogLine,
  notReadySince,
  podForFile,
  probeFailures,
  sortEvents,
  unscheduled,
} from './pod-facts.js';

/** What the kubelet sends, with status 200, for a container whose log it no longer has. */
const KUBELET_LOG_GONE = /^unable to retrieve container logs for \S+\s*$/;

export interface PodContextOptions {
  cluster: Cluster;
  outputDir: string;
  redactEnv: boolean;
  logBytes: number;
  /** Objects whose events belong with the pod's: its owners (ReplicaSet) and the target workload. */
  ownerUids: string[];
  /** Cuts known secrets out of every file written (an API echo or a log could carry a token). */
  scrub: (text: string) => string;
}

/** Never throws: what cannot be read is named in `errors`; what was read is written. */
export async function collectPodContext(pod: V1Pod, o: PodContextOptions): Promise<PodContext> {
  const name = pod.metadata?.name ?? '?';
  const dir = podDir(name);
  const context: PodContext = {
    phase: pod.status?.phase,
    ready: pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    ...(notReadySince(pod) ? { notReadySince: notReadySince(pod) } : {}),
    containers: containerFacts(pod).map((c) => (c.message ? { ...c, message: o.scrub(c.message) } : c)),
    ...(unscheduled(pod) ? { unscheduled: o.scrub(unscheduled(pod)!) } : {}),
    probeFailures: [],
    files: [],
    errors: [],
  };
  const write = async (relative: string, text: string) => {
    const file = absolute(o.outputDir, `${dir}/${relative}`);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, o.scrub(text));
      context.files.push(`${dir}/${relative}`);
    } catch (err) {
      context.errors.push(`writing ${dir}/${relative} failed: ${(err as Error).message}`);
    }
  };
  await write(FileNames.podYaml, dumpYaml(podForFile(pod, o.redactEnv)));

  const uids = [...new Set([pod.metadata?.uid, ...(pod.metadata?.ownerReferences ?? []).map((r) => r.uid), ...o.ownerUids])].filter(
    (u): u is string => !!u,
  );
  const events: CoreV1Event[] = [];
  for (const uid of uids) {
    try {
      const list = await o.cluster.core.listNamespacedEvent({ namespace: o.cluster.namespace, fieldSelector: `involvedObject.uid=${uid}` });
      events.push(...list.items);
    } catch (err) {
      context.errors.push(`reading events failed: ${apiErrorMessage(err)} (needs 'list' on events: see the README's Role)`);
      break;
    }
  }
  const sorted = sortEvents(events);
  context.probeFailures = probeFailures(sorted);
  await write(FileNames.events, formatEvents(sorted));

  for (const facts of context.containers) {
    const restarted = facts.restartCount > 0 || !!facts.lastTerminated;
    let current: string | undefined;
    let previous: string | undefined;
    for (const prev of restarted ? [false, true] : [false]) {
      try {
        const read = () =>
          o.cluster.core.readNamespacedPodLog({
            name,
            namespace: o.cluster.namespace,
            container: facts.name,
            limitBytes: o.logBytes,
            ...(prev ? { previous: true } : {}),
          });
        let text = await read();
        // The kubelet answers 200 with this text when the container it names is already gone (a crash loop
        // restarting under us): once more after a moment, then it is a fact, not the log.
        if (KUBELET_LOG_GONE.test(text)) {
          await new Promise((r) => setTimeout(r, 1000));
          text = await read();
          if (KUBELET_LOG_GONE.test(text)) throw new Error(`the kubelet no longer has it (${text.trim()})`);
        }
        // limitBytes is the API's bound; a server that ignores it is held to it here.
        const bounded = Buffer.byteLength(text) > o.logBytes ? Buffer.from(text).subarray(0, o.logBytes).toString() : text;
        await write(FileNames.log(facts.name, prev), bounded);
        if (prev) previous = bounded;
        else current = bounded;
      } catch (err) {
        // A container still waiting for its first start has no log yet: that is a fact, not a failure.
        if (!prev && facts.state.startsWith('waiting') && facts.restartCount === 0) continue;
        context.errors.push(`reading the ${prev ? 'previous ' : ''}log of ${facts.name} failed: ${apiErrorMessage(err)}`);
      }
    }
    const line = lastLogLine(o.scrub(previous ?? current ?? ''));
    if (line) facts.lastLogLine = line;
  }
  return context;
}

/** workload.yaml: the target's status and conditions (the spec is the user's own; the status is the evidence). */
export async function writeWorkloadStatus(
  outputDir: string,
  object: { kind?: string; metadata?: { name?: string; generation?: number }; status?: unknown },
  kind: string,
  scrub: (text: string) => string,
): Promise<string> {
  const doc = {
    kind,
    name: object.metadata?.name,
    generation: object.metadata?.generation,
    status: JSON.parse(JSON.stringify(object.status ?? {})) as unknown,
  };
  await mkdir(outputDir, { recursive: true });
  await writeFile(absolute(outputDir, FileNames.workload), scrub(dumpYaml(doc)));
  return FileNames.workload;
}
