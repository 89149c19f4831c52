// Trust on the real cluster: the action never harms the JVM, works with kind-style credentials, says what
// blocks it on hardened pods, needs exactly the README's Role (and names what is missing), is admitted by
// Pod Security, and loses nothing it collected when the cluster misbehaves mid-run.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { V1Pod, V1PodSpec } from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import { runAction, type ActionRun } from '../support/run-action.js';
import { runnerCommands } from '../support/workflow-commands.js';
import { HOSTILE_PIECES } from '../integration/support/hostile-jvm.js';
import {
  bindGroup,
  classesConfigMap,
  clientCertificateKubeconfig,
  createNamespace,
  labelNamespace,
  README_ROLE_RULES,
  rulesWithout,
  serviceAccountWithRole,
  setRoleRules,
  watchUntil,
} from './support/access.js';
import { downloadArtifact, startArtifactService, type ArtifactService } from './support/artifacts.js';
import { fileCleanup, testCleanup } from './support/cleanup.js';
import {
  actionKubeconfig,
  admin,
  ADMIN_KUBECONFIG,
  createApp,
  DEBUGGER_IMAGE,
  isRunning,
  NS,
  podSpec,
  readPod,
  requireCluster,
  STATE_DIR,
  type AppOptions,
} from './support/cluster.js';

let service: ArtifactService;
beforeAll(async () => {
  requireCluster();
  service = await startArtifactService();
  fileCleanup.add('artifact service', () => service.stop());
}, 60_000);
afterEach(() => testCleanup.drain());
afterAll(() => fileCleanup.drain());

let runNo = 0;
async function dump(
  inputs: Record<string, string>,
  onStdout?: (soFar: string, pid: number) => void,
): Promise<ActionRun & { artifactName: string }> {
  const artifactName = `trust-${++runNo}-${Date.now()}`;
  const run = await runAction(
    {
      kubeconfig: actionKubeconfig(),
      namespace: NS,
      'jdk-image': DEBUGGER_IMAGE,
      'image-pull-policy': 'Never',
      'thread-dump-count': '2',
      'thread-dump-interval': '1s',
      timeout: '3m',
      'artifact-name': artifactName,
      ...inputs,
    },
    service.env,
    600_000,
    onStdout,
  );
  testCleanup.add(`runner temp ${run.runnerTemp}`, () => rm(run.runnerTemp, { recursive: true, force: true }));
  process.stderr.write(`--- action (${inputs.target}) exit ${run.code} in ${run.durationMs} ms\n${run.stdout}\n${run.stderr}\n`);
  return { ...run, artifactName };
}

/** kubectl exec as the admin: to look at a pod from outside the action. */
function execOut(pod: string, container: string, command: string[], namespace = NS): string {
  const kubectl = path.join(STATE_DIR, 'bin', 'kubectl');
  return execFileSync(kubectl, ['--kubeconfig', ADMIN_KUBECONFIG, '-n', namespace, 'exec', pod, '-c', container, '--', ...command], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Every process's command line in a container, read from its /proc (the JRE image has sh and tr). */
function commandLines(pod: string, container: string): string[] {
  return execOut(pod, container, ['sh', '-c', 'for p in /proc/[0-9]*; do tr "\\0" " " < $p/cmdline; echo; done'])
    .split('\n')
    .filter(Boolean);
}

/** A bare pod in any namespace (deleted after the test), running. */
async function createPodIn(namespace: string, name: string, spec: V1PodSpec): Promise<V1Pod> {
  const { core } = admin();
  testCleanup.add(`pod ${namespace}/${name}`, () =>
    core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0 }).catch(() => undefined),
  );
  await core.createNamespacedPod({ namespace, body: { metadata: { name, labels: { app: name, e2e: 'kube-jvm-dump' } }, spec } });
  const pod = await watchUntil(
    `/api/v1/namespaces/${namespace}/pods`,
    name,
    () => core.readNamespacedPod({ name, namespace }),
    (p) => !!p && isRunning(p),
    120_000,
  );
  return pod!;
}

const restrictedContainer = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};
const nonRootApp: AppOptions = {
  name: 'psa-app',
  jre: 17,
  podSecurityContext: { runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containerSecurityContext: restrictedContainer,
};

describe('a hostile pod', () => {
  it('thread names and a command line full of workflow commands and terminal escapes steer nothing', async () => {
    await classesConfigMap('hostile', NS, [path.resolve('test/integration/support/Hostile.java')]);
    const spec = podSpec({ name: 'hostile', jre: 17 });
    spec.containers[0].command = ['/usr/bin/tini', '--', 'java', '-cp', '/classes/app.jar', 'Hostile', ...HOSTILE_PIECES];
    spec.containers[0].volumeMounts!.push({ name: 'classes', mountPath: '/classes' });
    spec.volumes!.push({ name: 'classes', configMap: { name: 'hostile' } });
    await createPodIn(NS, 'hostile', spec);
    const run = await dump({ target: 'pod/hostile', dumps: 'threads,histogram' });
    // The runner acts only on the action's own commands: masks first, no annotation or output from the pod.
    const commands = runnerCommands(run.stdout);
    expect(commands.filter((c) => !['add-mask', 'debug'].includes(c.name))).toEqual([]);
    for (const c of commands) for (const piece of HOSTILE_PIECES) expect(c.line).not.toContain(piece);
    expect(run.stdout).not.toMatch(/[\r\u001b\u0007]/);
    expect(run.outputs.deadlock).toBe('true');
    expect(run.outputs.outcome).toBe('success');
    // The verdict still names the threads, visibly escaped.
    expect(run.stdout).toMatch(/deadlock.*##\\x5bwarning]x/);
    expect(run.summary).not.toMatch(/[\r\u001b\u0007]/);
  });
});

describe('never harm the JVM', () => {
  it('-Xrs and attach disabled, behind tini: no SIGQUIT is sent, the JVM keeps running, and the error says why', async () => {
    const name = 'xrs';
    const [pod] = await createApp({ name, jre: 17, extraJavaArgs: ['-Xrs', '-XX:+DisableAttachMechanism'] });
    const run = await dump({ target: `deployment/${name}`, dumps: 'threads' });
    expect(run.outputs.outcome).toBe('failure');
    const a = await downloadArtifact(service, run.artifactName);
    const [error] = a.manifest.pods[0].jvms[0].errors;
    expect(error.message).toMatch(/Cannot attach.*no SIGQUIT fallback was tried.*does not handle SIGQUIT/);
    // The JVM is still there, in the same container, never restarted.
    const after = await readPod(pod.metadata!.name!);
    const status = after.status!.containerStatuses!.find((c) => c.name === 'simple-java')!;
    expect(status.restartCount).toBe(0);
    expect(status.state?.running).toBeDefined();
    expect(commandLines(pod.metadata!.name!, 'simple-java').some((l) => l.includes('java -Xrs'))).toBe(true);
  });
});

describe('credentials as kind writes them', () => {
  it('a client-certificate kubeconfig, raw and as base64: dumped, and the key is masked and never in the artifact', async () => {
    await bindGroup('kjd-cert-dumpers', NS, 'kjd-action', 'kjd-dumpers');
    const cert = clientCertificateKubeconfig('kjd-cert-user', 'kjd-dumpers', NS);
    await createApp({ name: 'cert-app', jre: 17 });
    for (const kubeconfig of [cert.kubeconfig, Buffer.from(cert.kubeconfig).toString('base64')]) {
      const run = await dump({ target: 'deployment/cert-app', kubeconfig, dumps: 'threads,histogram' });
      expect(run.outputs.outcome).toBe('success');
      // The runner hides a value from the log once ::add-mask:: registered it.
      expect(run.stdout.split('\n')).toContain(`::add-mask::${cert.keyData}`);
      const a = await downloadArtifact(service, run.artifactName);
      for (const [file, entry] of a.entries) {
        expect({
          file,
          hasKey: entry.data.includes(cert.keyData) || entry.data.includes(Buffer.from(cert.keyData, 'base64').toString().split('\n')[1]),
        }).toEqual({
          file,
          hasKey: false,
        });
      }
      expect(run.summary).not.toContain(cert.keyData);
    }
  });
});

describe('hardened workloads', () => {
  it('readOnlyRootFilesystem with a /tmp emptyDir: everything is dumped', async () => {
    await createApp({ name: 'ro-tmp', jre: 17, containerSecurityContext: { readOnlyRootFilesystem: true } });
    const run = await dump({ target: 'deployment/ro-tmp' });
    expect(run.outputs.outcome).toBe('success');
  });

  it('readOnlyRootFilesystem without /tmp: thread dumps by SIGQUIT, and the error names the hardening and the fix', async () => {
    await createApp({ name: 'ro-notmp', jre: 17, tmpVolume: false, containerSecurityContext: { readOnlyRootFilesystem: true } });
    const run = await dump({ target: 'deployment/ro-notmp' });
    expect(run.outputs.outcome).toBe('partial');
    const a = await downloadArtifact(service, run.artifactName);
    const jvm = a.manifest.pods[0].jvms[0];
    expect(jvm.files.filter((f) => f.kind === 'threads')).toHaveLength(2);
    expect(jvm.errors.map((e) => e.dump).sort()).toEqual(['heap', 'histogram']);
    expect(jvm.errors[0].message).toMatch(/readOnlyRootFilesystem and nothing mounted at \/tmp.*mount an emptyDir at \/tmp/);
  });

  it('no privilege escalation and every capability dropped, as a non-root user: everything is dumped', async () => {
    await createApp({
      name: 'nocaps',
      jre: 17,
      runAsUser: 1000,
      runAsNonRoot: true,
      containerSecurityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    });
    const run = await dump({ target: 'deployment/nocaps' });
    expect(run.outputs.outcome).toBe('success');
  });

  it('a distroless-like JRE (no shell, no coreutils): everything is dumped', async () => {
    const [pod] = await createApp({ name: 'distroless', image: 'kjd.local/simple-java:jre17-distroless-1' });
    // The target really has no shell: kubectl exec of sh fails.
    expect(() => commandLines(pod.metadata!.name!, 'simple-java')).toThrow();
    const run = await dump({ target: 'deployment/distroless' });
    expect(run.outputs.outcome).toBe('success');
  });
});

describe("least privilege: the README's Role, rule by rule", () => {
  it('each permission removed in turn: the action names the missing verb, resource and namespace, and points at the Role', async () => {
    const sa = 'kjd-rbac';
    const user = `system:serviceaccount:${NS}:${sa}`;
    const kubeconfig = await serviceAccountWithRole(sa, NS, README_ROLE_RULES);
    const [pod] = await createApp({ name: 'rbac-app', jre: 17 });
    const [noAttach] = await createApp({ name: 'rbac-noattach', jre: 17, extraJavaArgs: ['-XX:+DisableAttachMechanism'] });
    const podName = pod.metadata!.name!;
    const cases: { resource: string; verb: string; target: string; expect: RegExp }[] = [
      // First, while the pod has no debugger yet (a running one would be reused without a patch).
      {
        resource: 'pods/ephemeralcontainers',
        verb: 'patch',
        target: `pod/${podName}`,
        expect: /cannot patch resource "pods\/ephemeralcontainers"/,
      },
      { resource: 'pods', verb: 'get', target: `pod/${podName}`, expect: /cannot get resource "pods"/ },
      { resource: 'pods', verb: 'list', target: 'deployment/rbac-app', expect: /cannot list resource "pods"/ },
      { resource: 'deployments', verb: 'get', target: 'deployment/rbac-app', expect: /cannot get resource "deployments"/ },
      { resource: 'replicasets', verb: 'list', target: 'deployment/rbac-app', expect: /cannot list resource "replicasets"/ },
      { resource: 'pods/exec', verb: 'get', target: 'deployment/rbac-app', expect: /cannot get resource "pods\/exec"/ },
      // The API's message leaves out what is missing here: the action asks the API which permission it lacks.
      { resource: 'pods/exec', verb: 'create', target: 'deployment/rbac-app', expect: /missing 'create' on pods\/exec/ },
      { resource: 'pods/log', verb: 'get', target: `pod/${noAttach.metadata!.name!}`, expect: /cannot get resource "pods\/log"/ },
    ];
    for (const c of cases) {
      await setRoleRules(sa, NS, rulesWithout(c.resource, c.verb), user);
      const run = await dump({ target: c.target, kubeconfig, dumps: 'threads', 'thread-dump-count': '1' });
      const a = await downloadArtifact(service, run.artifactName);
      const errors = [...a.manifest.errors, ...a.manifest.pods.flatMap((p) => [...p.errors, ...p.jvms.flatMap((j) => j.errors)])];
      const named = errors.find((e) => c.expect.test(e.message));
      expect({ removed: `${c.verb} ${c.resource}`, outcome: run.outputs.outcome, message: named?.message }).toEqual({
        removed: `${c.verb} ${c.resource}`,
        outcome: 'failure',
        message: expect.stringMatching(new RegExp(`${c.expect.source}[\\s\\S]*namespace "${NS}"[\\s\\S]*RBAC`)),
      });
    }
    // Without 'watch' the action still works (it reads the pod instead) and says what is missing.
    await setRoleRules(sa, NS, rulesWithout('pods', 'watch'), user);
    const [fresh] = await createApp({ name: 'rbac-watch', jre: 17 });
    const noWatch = await dump({ target: `pod/${fresh.metadata!.name!}`, kubeconfig, dumps: 'threads', 'thread-dump-count': '1' });
    expect(noWatch.outputs.outcome).toBe('success');
    expect(noWatch.stdout).toMatch(/Not allowed to watch pods in namespace 'default'.*Grant 'watch' on pods/);
    // The full Role: success.
    await setRoleRules(sa, NS, README_ROLE_RULES, user);
    const full = await dump({ target: 'deployment/rbac-app', kubeconfig, dumps: 'threads', 'thread-dump-count': '1' });
    expect(full.outputs.outcome).toBe('success');
  });

  it('a ServiceAccount bound only in its own namespace gets a clear "forbidden" anywhere else', async () => {
    await createNamespace('kjd-elsewhere');
    await createPodIn('kjd-elsewhere', 'other-app', podSpec({ name: 'other-app', jre: 17 }));
    const run = await dump({ target: 'pod/other-app', namespace: 'kjd-elsewhere' });
    expect(run.outputs.outcome).toBe('failure');
    expect(run.stdout + run.stderr).toMatch(
      /Not allowed to read pod 'other-app' in namespace 'kjd-elsewhere'.*cannot get resource "pods".*RBAC/,
    );
  });
});

describe('Pod Security admission', () => {
  for (const level of ['restricted', 'baseline']) {
    it(`a non-root JVM in a namespace enforcing "${level}": the debugger is admitted, restricted-compliant`, async () => {
      const ns = `kjd-psa-${level}`;
      await createNamespace(ns, { 'pod-security.kubernetes.io/enforce': level, 'pod-security.kubernetes.io/enforce-version': 'latest' });
      await createPodIn(ns, 'psa-app', podSpec(nonRootApp));
      const run = await dump({ target: 'pod/psa-app', namespace: ns, kubeconfig: readFileSync(ADMIN_KUBECONFIG, 'utf8') });
      expect(run.outputs.outcome).toBe('success');
      const pod = await admin().core.readNamespacedPod({ name: 'psa-app', namespace: ns });
      expect(pod.spec!.ephemeralContainers![0].securityContext).toMatchObject({
        runAsUser: 1000,
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
    });
  }

  it('a root JVM in a namespace that now enforces "restricted": refused, and the error says why and what to do', async () => {
    const ns = 'kjd-psa-late';
    await createNamespace(ns);
    await createPodIn(ns, 'root-app', podSpec({ name: 'root-app', jre: 17 }));
    // Enforcement set after the pod exists (as when a namespace is tightened): new containers are checked.
    await labelNamespace(ns, { 'pod-security.kubernetes.io/enforce': 'restricted' });
    const run = await dump({ target: 'pod/root-app', namespace: ns, kubeconfig: readFileSync(ADMIN_KUBECONFIG, 'utf8') });
    expect(run.outputs.outcome).toBe('failure');
    expect(run.stdout).toMatch(/Pod Security.*restricted.*root/);
  });
});

describe('faults on the real cluster', () => {
  it('a target pod deleted during a run of three: the other two are uploaded, the deleted one is an error naming it', async () => {
    const pods = await createApp({ name: 'three', jre: 17, replicas: 3 });
    const victim = pods[0].metadata!.name!;
    let deleted = false;
    const run = await dump(
      // A series long enough (12 s) that the victim cannot finish it before the kubelet kills it.
      { target: 'deployment/three', 'max-pods': '3', dumps: 'threads', 'thread-dump-count': '4', 'thread-dump-interval': '4s' },
      (out) => {
        if (!deleted && out.includes(`${victim}: added`)) {
          deleted = true;
          void admin().core.deleteNamespacedPod({ name: victim, namespace: NS, gracePeriodSeconds: 0 });
        }
      },
    );
    expect(deleted).toBe(true);
    expect(run.outputs.outcome).toBe('partial');
    const a = await downloadArtifact(service, run.artifactName);
    const byName = new Map(a.manifest.pods.map((p) => [p.pod, p]));
    for (const p of pods.map((x) => x.metadata!.name!).filter((n) => n !== victim)) {
      expect(byName.get(p)!.jvms[0].files.filter((f) => f.kind === 'threads')).toHaveLength(4);
    }
    const lost = byName.get(victim)!;
    const messages = [...lost.errors, ...lost.jvms.flatMap((j) => j.errors)].map((e) => e.message).join('\n');
    expect(messages).toContain(victim);
  });

  it('the API server restarts during a run: the run completes within its timeout, and what it says is true', async () => {
    await createApp({ name: 'restart', jre: 17 });
    let restarted: Promise<void> | undefined;
    const started = Date.now();
    const run = await dump(
      { target: 'deployment/restart', dumps: 'threads,histogram', 'thread-dump-count': '5', 'thread-dump-interval': '2s', timeout: '2m' },
      (out) => {
        if (restarted || !out.includes('thread dump')) return;
        // After the first dumps: stop the API server, then start it again (kjd-cluster up waits until it serves).
        restarted = restartApiServer();
      },
    );
    await restarted;
    expect(restarted).toBeDefined();
    expect(Date.now() - started).toBeLessThan(2 * 60_000 + 30_000);
    expect(['success', 'partial']).toContain(run.outputs.outcome);
    const a = await downloadArtifact(service, run.artifactName);
    const jvm = a.manifest.pods[0].jvms[0];
    const threadDumps = jvm.files.filter((f) => f.kind === 'threads').length;
    // Whatever the outcome says must match the files: 'success' only with every dump there.
    if (run.outputs.outcome === 'success') expect(threadDumps).toBe(5);
    else expect(jvm.errors.length + a.manifest.pods[0].errors.length).toBeGreaterThan(0);
  });

  it('the exec stream cut in the middle of a heap-dump transfer: retried, and the copy is verified whole', async () => {
    await classesConfigMap('ballast', NS, [path.resolve('test/e2e/java/Ballast.java')]);
    const spec = podSpec({ name: 'ballast', jre: 17 });
    spec.containers[0].command = ['/usr/bin/tini', '--', 'java', '-Xmx600m', '-cp', '/classes/app.jar', 'Ballast', '200'];
    spec.containers[0].volumeMounts!.push({ name: 'classes', mountPath: '/classes' });
    spec.volumes!.push({ name: 'classes', configMap: { name: 'ballast' } });
    await createPodIn(NS, 'ballast', spec);
    let cut = false;
    let poller: NodeJS.Timeout | undefined;
    const run = await dump({ target: 'pod/ballast', dumps: 'heap' }, (out, pid) => {
      if (poller || !out.includes('; streaming')) return;
      // Once the stream carries data, abort the action's connections to the API server: the exec stream breaks.
      poller = setInterval(() => {
        if (cut) return;
        // ss -i prints each socket's counters on the line after it: join them per socket.
        const flowing = execFileSync('ss', ['-tnpiH', 'dport', '=', ':6443'], { encoding: 'utf8' })
          .replace(/\n\s+/g, ' ')
          .split('\n')
          .filter((l) => l.includes(`pid=${pid},`) && Number(/bytes_received:(\d+)/.exec(l)?.[1] ?? 0) > 20 * 1024 * 1024);
        for (const line of flowing) {
          const port = /:(\d+)\s+\S+:6443/.exec(line)?.[1];
          if (!port) continue;
          execFileSync('ss', ['-K', 'dport', '=', ':6443', 'sport', '=', `:${port}`]);
          cut = true;
        }
      }, 50);
    });
    clearInterval(poller);
    expect(cut).toBe(true);
    expect(run.stdout).toMatch(/heap dump transfer 1 failed/);
    expect(run.outputs.outcome).toBe('success');
    const a = await downloadArtifact(service, run.artifactName);
    const heap = a.manifest.pods[0].jvms[0].files.find((f) => f.kind === 'heap')!;
    expect(heap.size).toBeGreaterThan(150 * 1024 * 1024);
    expect(a.entries.get(heap.path)!.data.length).toBe(heap.size);
    // Nothing is left in the pod's /tmp.
    expect(
      execOut('ballast', 'simple-java', ['ls', '-A', '/tmp'])
        .split('\n')
        .filter((f) => f.startsWith('kjd-')),
    ).toEqual([]);
  });
});

/** Stops kube-apiserver and starts it again (kjd-cluster restart-apiserver waits until it serves). */
async function restartApiServer(): Promise<void> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  await promisify(execFile)('bash', [path.resolve('cluster/bin/kjd-cluster'), 'restart-apiserver']);
}
