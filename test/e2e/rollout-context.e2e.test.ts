// Issue 12 on the real cluster: the pod's context in the artifact and the verdict that joins rollout, pod and
// JVM, for a new revision that never becomes Ready and for a container that crash-loops (no JVM to attach).
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { runAction, type ActionRun } from '../support/run-action.js';
import {
  actionKubeconfig,
  admin,
  createApp,
  DEBUGGER_IMAGE,
  deleteApp,
  deployment,
  isReady,
  NS,
  requireCluster,
  waitForPodEvents,
  waitForPods,
} from './support/cluster.js';
import { downloadArtifact, hprofHeader, startArtifactService, type ArtifactService } from './support/artifacts.js';
import { classesConfigMap } from './support/access.js';
import { fileCleanup, testCleanup } from './support/cleanup.js';

let service: ArtifactService;
beforeAll(async () => {
  requireCluster();
  service = await startArtifactService();
  fileCleanup.add('artifact service', () => service.stop());
}, 60_000);
afterEach(() => testCleanup.drain());
afterAll(() => fileCleanup.drain());

async function dump(inputs: Record<string, string>): Promise<ActionRun & { artifactName: string }> {
  const artifactName = `ro-e2e-${Date.now()}`;
  const run = await runAction(
    {
      kubeconfig: actionKubeconfig(),
      namespace: NS,
      'jdk-image': DEBUGGER_IMAGE,
      'image-pull-policy': 'Never',
      dumps: 'threads',
      'thread-dump-count': '1',
      timeout: '3m',
      'artifact-name': artifactName,
      ...inputs,
    },
    service.env,
  );
  testCleanup.add(`runner temp ${run.runnerTemp}`, () => rm(run.runnerTemp, { recursive: true, force: true }));
  process.stderr.write(`--- action (${inputs.target}) exit ${run.code} in ${run.durationMs} ms\n${run.stdout}\n${run.stderr}\n`);
  return { ...run, artifactName };
}

describe('rollout and pod context on the real cluster', () => {
  it('a JVM whose readiness always fails: the pod context in the artifact, and the probe failures in the verdict', async () => {
    const name = `ro-notready-${Date.now().toString(36)}`;
    const [pod] = await createApp({ name, jre: 17, readinessFails: true });
    const podName = pod.metadata!.name!;
    // The kubelet has recorded a few failed probes (period 2 s).
    await waitForPodEvents(podName, 'Unhealthy', 3, 90_000);
    const run = await dump({ target: `deployment/${name}`, 'log-bytes': '4Ki' });
    expect(run.code).toBe(0);
    const a = await downloadArtifact(service, run.artifactName);
    for (const f of [`${podName}/pod.yaml`, `${podName}/events.txt`, `${podName}/logs/simple-java.log`, 'workload.yaml']) {
      expect([f, a.entries.has(f)]).toEqual([f, true]);
    }
    expect(a.text(`${podName}/pod.yaml`)).not.toContain('managedFields');
    expect(a.text(`${podName}/events.txt`)).toMatch(
      /Unhealthy Pod\/\S+ (\(x\d+\) )?: ?Readiness probe failed|Unhealthy Pod\/\S+.*Readiness probe failed/,
    );
    expect(a.text(`${podName}/events.txt`)).toContain(`ReplicaSet/${name}-`);
    expect(a.entries.get(`${podName}/logs/simple-java.log`)!.data.length).toBeLessThanOrEqual(4096);
    expect(a.manifest.workload).toMatchObject({ kind: 'deployment', name, status: 'progressing' });
    expect(a.manifest.pods[0].context?.probeFailures[0]).toMatchObject({ probe: 'readiness' });
    // The log line (no file names in it): rollout, pod and probe, then the JVM.
    expect(run.stdout).toMatch(
      new RegExp(
        `Rollout of deployment/${name} in progress \\([^)]*\\): pod ${podName} Running, not Ready for \\d+[sm] \\(readiness probe: \\d+ failures\\); JVM: no problem found`,
      ),
    );
    expect(run.summary).toContain(`(<code>${podName}/events.txt</code>)`);
    expect(run.stdout).toContain(`Rollout of deployment/${name} in progress`);
  }, 300_000);

  it('a crash-looping container: no attach, yet exit code, restarts and the previous log; the verdict says crash-looping', async () => {
    const name = `ro-crash-${Date.now().toString(36)}`;
    // The seed image with a command that dies at once, after a last line.
    const d = deployment({ name, jre: 17 });
    d.spec!.template.spec!.containers[0].command = ['sh', '-c', 'echo starting; echo "fatal: no config"; exit 3'];
    await deleteApp(name);
    testCleanup.add(`deployment ${name}`, () => deleteApp(name));
    await admin().apps.createNamespacedDeployment({ namespace: NS, body: d });
    // In back-off (not restarting this very moment): the kubelet still has the previous container's log.
    const crashing = (p: V1Pod) =>
      (p.status?.containerStatuses ?? []).some(
        (c) => c.restartCount >= 2 && c.lastState?.terminated?.exitCode === 3 && c.state?.waiting?.reason === 'CrashLoopBackOff',
      ) && p.status?.phase === 'Running';
    const [pod] = await waitForPods(`app=${name}`, 1, crashing, 120_000);
    const podName = pod.metadata!.name!;
    const run = await dump({ target: `pod/${podName}`, timeout: '90s' });
    // No JVM could be dumped: the step fails, and says why.
    expect(run.code).not.toBe(0);
    const a = await downloadArtifact(service, run.artifactName);
    // The previous run's log; in a tight loop the runtime may already have dropped that container (the kubelet
    // then answers 'unable to retrieve container logs', recorded as a context error): the current log, of the
    // container that just crashed and waits in back-off, holds the same run's output.
    // When it is gone, the summary must cite the log it did collect, not the missing one.
    const logs = [`${podName}/logs/simple-java.previous.log`, `${podName}/logs/simple-java.log`];
    const cited = logs.filter((f) => run.summary.includes(`(<code>${f}</code>)`));
    expect(cited).toHaveLength(1);
    expect(a.entries.get(cited[0])?.data.toString('utf8')).toContain('fatal: no config');
    if (!a.entries.has(logs[0])) expect(run.summary).toContain('reading the previous log of simple-java failed');
    const facts = a.manifest.pods[0].context!.containers[0];
    expect(facts).toMatchObject({ lastTerminated: { exitCode: 3, reason: 'Error' }, lastLogLine: 'fatal: no config' });
    expect(facts.restartCount).toBeGreaterThanOrEqual(2);
    // Backing off or caught running between two crashes: 2+ failing exits are a crash loop either way.
    expect(run.stdout).toMatch(
      new RegExp(`pod ${podName} crash-looping: exit 3 Error, \\d+ restarts; last log line: fatal: no config; JVM: not dumped`),
    );
  }, 300_000);

  it('wait-for-rollout on a healthy rollout: success, nothing dumped, rollout-status=complete', async () => {
    const name = `ro-healthy-${Date.now().toString(36)}`;
    await createApp({ name, jre: 17 }, isReady);
    const run = await dump({ target: `deployment/${name}`, 'wait-for-rollout': 'true', 'rollout-timeout': '60s' });
    expect(run.code).toBe(0);
    expect(run.outputs['rollout-status']).toBe('complete');
    expect(run.outputs.outcome).toBe('skipped');
    expect(run.outputs['artifact-id']).toBeUndefined();
  }, 300_000);

  it('wait-for-rollout on a new revision that never becomes Ready: the step fails with the reason; the new pod is dumped, not the old one', async () => {
    const name = `ro-gate-${Date.now().toString(36)}`;
    const [old] = await createApp({ name, jre: 17 }, isReady);
    // Revision 2: the same JVM, a readiness probe that always fails (maxUnavailable 0 keeps the old pod serving).
    const d = await admin().apps.readNamespacedDeployment({ name, namespace: NS });
    // Unconditional: the controller may update the status between the read and the replace.
    d.metadata!.resourceVersion = undefined;
    d.spec!.template.spec!.containers[0].readinessProbe = { exec: { command: ['false'] }, periodSeconds: 2 };
    await admin().apps.replaceNamespacedDeployment({ name, namespace: NS, body: d });
    const run = await dump({ target: `deployment/${name}`, 'wait-for-rollout': 'true', 'rollout-timeout': '25s' });
    expect(run.code).not.toBe(0);
    expect(run.outputs['rollout-status']).toBe('failed');
    expect(run.outputs['rollout-reason']).toMatch(/^timed out after 25s: /);
    expect(run.stdout).toMatch(/::error::Rollout of deployment\/\S+ failed: timed out after 25s/);
    const dumped = JSON.parse(run.outputs.pods) as string[];
    expect(dumped).toHaveLength(1);
    expect(dumped[0]).not.toBe(old.metadata!.name);
    const a = await downloadArtifact(service, run.artifactName);
    expect(a.manifest.pods[0].jvms[0]?.files.length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `Rollout of deployment/${name} failed \\(timed out after 25s\\): new pod ${dumped[0]} Running, not Ready for \\d+s \\(readiness probe: \\d+ failures\\); JVM: no problem found`,
      ),
    );
  }, 300_000);

  it('wait-for-rollout on a new revision that never starts (its image is not on the node): the step fails early; the new pod is explained from the API, nothing injected, the old pod untouched', async () => {
    const name = `ro-never-${Date.now().toString(36)}`;
    const [old] = await createApp({ name, jre: 17 }, isReady);
    const d = await admin().apps.readNamespacedDeployment({ name, namespace: NS });
    d.metadata!.resourceVersion = undefined;
    d.spec!.template.spec!.containers[0].image = 'kjd.local/no-such-image:1';
    await admin().apps.replaceNamespacedDeployment({ name, namespace: NS, body: d });
    const run = await dump({ target: `deployment/${name}`, 'wait-for-rollout': 'true', 'rollout-timeout': '4m' });
    expect(run.code).not.toBe(0);
    expect(run.outputs['rollout-status']).toBe('failed');
    // Early: the image will not appear by waiting out the 4 minutes.
    expect(run.durationMs).toBeLessThan(90_000);
    expect(run.outputs['rollout-reason']).toMatch(
      new RegExp(
        `^new pod ${name}-\\S+ container simple-java ErrImageNeverPull: Container image "kjd.local/no-such-image:1" is not present`,
      ),
    );
    // Nothing was dumped: the stuck pod is explained, not listed as dumped.
    expect(JSON.parse(run.outputs.pods)).toEqual([]);
    const a = await downloadArtifact(service, run.artifactName);
    const stuck = a.manifest.pods[0];
    expect(stuck).toMatchObject({ stuck: true, jvms: [] });
    expect(stuck.pod).not.toBe(old.metadata!.name);
    expect(stuck.pod.startsWith(`${name}-`)).toBe(true);
    expect(stuck.debugger).toBeUndefined();
    expect(a.text(`${stuck.pod}/events.txt`)).toContain('ErrImageNeverPull');
    expect(stuck.errors[0].message).toMatch(
      /is Pending \(container 'simple-java' is waiting \(ErrImageNeverPull: Container image "kjd.local\/no-such-image:1" is not present/,
    );
    expect(run.stdout).toMatch(
      new RegExp(
        `Rollout of deployment/${name} failed \\(new pod ${stuck.pod} container simple-java ErrImageNeverPull\\): new pod ${stuck.pod} Pending, not Ready( for \\d+s)? \\(simple-java waiting: ErrImageNeverPull \\(Container image "kjd.local/no-such-image:1" is not present with pull policy of Never\\)\\); JVM: not started`,
      ),
    );
    // The old pod, still serving, got no debugger.
    const oldNow = await admin().core.readNamespacedPod({ name: old.metadata!.name!, namespace: NS });
    expect(oldNow.spec?.ephemeralContainers ?? []).toEqual([]);
  }, 300_000);

  it('a JVM that ran out of heap once: after the restart, the OOM heap dump it left on its emptyDir is collected (valid HPROF), with the previous log; the verdict names the OOM', async () => {
    const name = `ro-oom-${Date.now().toString(36)}`;
    await classesConfigMap(name, NS, [path.resolve('test/e2e/java/OomOnce.java')]);
    const d = deployment({ name, jre: 17 });
    const c = d.spec!.template.spec!.containers[0];
    c.command = [
      '/usr/bin/tini',
      '--',
      'java',
      '-Xmx32m',
      '-XX:+HeapDumpOnOutOfMemoryError',
      '-XX:HeapDumpPath=/dumps',
      '-XX:+ExitOnOutOfMemoryError',
    ];
    c.command.push('-cp', '/classes/app.jar', 'OomOnce', '/dumps');
    c.volumeMounts!.push({ name: 'dumps', mountPath: '/dumps' }, { name: 'classes', mountPath: '/classes' });
    d.spec!.template.spec!.volumes!.push({ name: 'dumps', emptyDir: {} }, { name: 'classes', configMap: { name } });
    await deleteApp(name);
    testCleanup.add(`deployment ${name}`, () => deleteApp(name));
    await admin().apps.createNamespacedDeployment({ namespace: NS, body: d });
    const restarted = (p: V1Pod) =>
      (p.status?.containerStatuses ?? []).some((s) => s.restartCount >= 1 && !!s.state?.running && s.lastState?.terminated?.exitCode === 3);
    const [pod] = await waitForPods(`app=${name}`, 1, restarted, 180_000);
    const podName = pod.metadata!.name!;
    const run = await dump({ target: `deployment/${name}`, dumps: 'threads,heap' });
    expect(run.code).toBe(0);
    const a = await downloadArtifact(service, run.artifactName);
    const oom = a.manifest.pods[0].jvms[0].files.find((f) => f.oom);
    expect(oom?.oom?.podPath).toMatch(/^\/dumps\/java_pid\d+\.hprof$/);
    expect(hprofHeader(a.entries.get(oom!.path)!.data)).toMatch(/^JAVA PROFILE 1\.0\.[12]/);
    expect(a.text(`${podName}/logs/simple-java.previous.log`)).toMatch(/OutOfMemoryError|allocating until the heap is gone/);
    expect(run.stdout).toMatch(
      new RegExp(`pod ${podName} restarted: exit 3 Error, 1 restart; last log line: [^;]*; JVM: ran out of memory \\(OOM heap dump of `),
    );
  }, 300_000);
});
