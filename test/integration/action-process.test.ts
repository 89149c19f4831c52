// The BUNDLED action (dist/index.js) as the runner runs it: a Node process with INPUT_* variables, against the
// in-process fake apiserver (its exec runs the real toolbox here, attaching to a real local JVM) and the local
// artifact service (real @actions/artifact client -> Twirp fake -> Azurite). Every pod mounts an emptyDir at
// /tmp and the exec guard refuses `tmplink`, so nothing can touch this machine's /tmp.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeDeployment, makeReplicaSet, startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver/index.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service/service.mjs';
import { readZip, type ZipEntry } from '../support/artifact-service/zip.mjs';
import type { RunManifest } from '../../src/shared/model.js';
import { startSimpleJvm, unusedPid, type LocalJvm } from './support/local-jvm.js';
import {
  type ExecGuard,
  hprofHeader,
  installGuardedShell,
  jvmContainer,
  leftoverHeapDumps,
  seedPodFor,
  stopFakeCluster,
  toolboxSub,
} from './support/engine-fixtures.js';

const NS = 'prod';
// A distinctive credential, so any leak of it is found by a plain substring search.
const TOKEN = `kjd-it-${randomBytes(16).toString('hex')}`;
const POD = 'simple-java-7c9d8f6b5-x2k4q';

let jvm: LocalJvm;
let service: ArtifactService;
let api: FakeApiServer | undefined;
let guard: ExecGuard;
const runnerTemps: string[] = [];

beforeAll(async () => {
  [jvm, service] = await Promise.all([startSimpleJvm(), startArtifactService()]);
}, 90_000);

afterAll(async () => {
  await Promise.all([jvm?.stop(), service?.stop()]);
  await Promise.all(runnerTemps.map((d) => rm(d, { recursive: true, force: true })));
});

afterEach(async () => {
  await stopFakeCluster(api, guard);
  api = undefined;
});

async function startCluster(): Promise<FakeApiServer> {
  const server = await startFakeApiServer({ token: TOKEN, kubelet: { delayMs: 20 } });
  api = server;
  guard = installGuardedShell(server);
  // The seed: deployment/simple-java, one pod running Simple, /tmp on an emptyDir.
  const d = server.store.put(
    makeDeployment({ name: 'simple-java', namespace: NS, containers: [jvmContainer('app', 'kjd/simple-java:1')] }),
  );
  const rs = server.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: '7c9d8f6b5' }));
  server.store.put(seedPodFor(rs, { name: POD, containers: [jvmContainer('app', 'kjd/simple-java:1')] }));
  return server;
}

async function action(inputs: Record<string, string>): Promise<ActionRun> {
  const run = await runAction(
    {
      kubeconfig: api!.kubeconfigYaml({ namespace: NS }),
      target: 'deployment/simple-java',
      'jvm-pid': String(jvm.pid),
      'jdk-image': 'eclipse-temurin:17-jdk',
      'thread-dump-count': '2',
      'thread-dump-interval': '200ms',
      timeout: '60s',
      ...inputs,
    },
    { ...service.env },
    120_000,
  );
  runnerTemps.push(run.runnerTemp);
  // Never, in any test: it would have run `rm -rf /tmp` on this machine.
  expect(guard.violations).toEqual([]);
  return run;
}

const log = (r: ActionRun) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
function expectExit(r: ActionRun, code: number): void {
  if (r.code !== code) throw new Error(`expected exit ${code}; ${log(r)}`);
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const byName = (zip: ZipEntry[]) => new Map(zip.filter((e) => !e.isDirectory).map((e) => [e.name, e.data]));

describe('dist/index.js as a process', () => {
  it('dumps the seed-like pod, uploads the artifact, writes outputs and summary, never prints the token', async () => {
    await startCluster();
    const r = await action({ 'artifact-name': 'dumps-success' });
    expectExit(r, 0);
    const dir = `${POD}/app/${jvm.pid}`;

    // Outputs.
    expect(r.outputs.outcome).toBe('success');
    expect(r.outputs.deadlock).toBe('false');
    expect(JSON.parse(r.outputs.pods)).toEqual([POD]);
    expect(r.outputs['output-dir']).toBe(path.join(r.runnerTemp, 'kube-jvm-dump', 'dumps-success'));
    expect(r.outputs['artifact-id']).toMatch(/^[1-9]\d*$/);
    const id = Number(r.outputs['artifact-id']);
    expect(r.outputs['artifact-url']).toBe(`https://github.com/octo/app/actions/runs/4242/artifacts/${id}`);
    expect(r.stdout).not.toMatch(/^::(warning|error)::/m);
    expect(r.stderr).toBe('');

    // The artifact, as stored in blob storage.
    const upload = service.uploads().find((u) => u.id === id);
    expect(upload).toMatchObject({ name: 'dumps-success', finalized: true });
    const files = byName(readZip(await service.downloadBlob(id)));
    expect([...files.keys()].sort()).toEqual(
      [
        'manifest.json',
        'analysis.json',
        `${dir}/threads-1.txt`,
        `${dir}/threads-2.txt`,
        `${dir}/histogram.txt`,
        `${dir}/heap.hprof.gz`,
        // include-context (default on): the pod's context and the deployment's status.
        `${POD}/pod.yaml`,
        `${POD}/events.txt`,
        `${POD}/logs/app.log`,
        'workload.yaml',
      ].sort(),
    );
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as RunManifest;
    expect(manifest).toMatchObject({ namespace: NS, target: 'deployment/simple-java', errors: [] });
    expect(manifest.pods.map((p) => p.pod)).toEqual([POD]);
    const jvmResult = manifest.pods[0].jvms[0];
    expect(jvmResult.files.map((f) => f.kind)).toEqual(['threads', 'threads', 'histogram', 'heap']);
    for (const f of jvmResult.files) {
      const data = files.get(f.path)!;
      expect([f.path, data.length, sha256(data)]).toEqual([f.path, f.size, f.sha256]);
    }
    expect(hprofHeader(files.get(`${dir}/heap.hprof.gz`)!)).toMatch(/^JAVA PROFILE 1\.0\./);
    expect(leftoverHeapDumps(manifest.pods[0].debugger!.name)).toEqual([]);
    const analysis = JSON.parse(files.get('analysis.json')!.toString('utf8'));
    expect(analysis.jvms.map((j: { pod: string; pid: number }) => [j.pod, j.pid])).toEqual([[POD, jvm.pid]]);

    // The job summary opens with the rollout verdict, and tells where main is.
    expect(r.summary).toMatch(
      /🧭 <strong>Rollout of deployment\/simple-java complete \(1\/1 updated, 1 available\) \(<code>workload.yaml<\/code>\): pod [^;]+ Running, Ready/,
    );
    expect(r.summary).toContain('<code>main</code>');
    expect(r.summary).toContain('Simple.main');
    expect(r.summary).toContain(POD);

    // The token: masked first, then never printed, summarised or uploaded.
    const tokenLines = r.stdout.split('\n').filter((l) => l.includes(TOKEN));
    expect(tokenLines.length).toBeGreaterThan(0);
    expect(new Set(tokenLines)).toEqual(new Set([`::add-mask::${TOKEN}`]));
    expect(r.stdout.indexOf(`::add-mask::${TOKEN}`)).toBeLessThan(r.stdout.indexOf(POD));
    expect(r.stderr).not.toContain(TOKEN);
    expect(r.summary).not.toContain(TOKEN);
    for (const [name, data] of files) expect([name, data.includes(TOKEN)]).toEqual([name, false]);
    // The cluster was called with it, so it really was in play.
    expect(api!.requests.some((q) => q.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('bad input (target and selector): exit 1 with the clear error, no cluster request', async () => {
    const server = await startCluster();
    const uploadsBefore = service.uploads().length;
    const r = await action({ selector: 'app=simple-java', 'artifact-name': 'dumps-bad-input' });
    expectExit(r, 1);
    expect(r.stdout).toContain("::error::Set either 'target' or 'selector', not both");
    expect(server.requests).toEqual([]);
    expect(server.execs).toEqual([]);
    expect(service.uploads()).toHaveLength(uploadsBefore);
    expect(r.outputs.outcome).toBeUndefined();
  });

  it('an output-dir that already holds files (a workspace): refused before any cluster request, nothing uploaded', async () => {
    const server = await startCluster();
    const workspace = mkdtempSync(path.join(tmpdir(), 'kjd-workspace-'));
    try {
      mkdirSync(path.join(workspace, '.git'));
      writeFileSync(path.join(workspace, '.git', 'config'), '[http] extraheader = AUTHORIZATION: basic c2VjcmV0');
      const uploadsBefore = service.uploads().length;
      const r = await action({ 'output-dir': workspace, 'artifact-name': 'dumps-workspace' });
      expectExit(r, 1);
      expect(r.stdout).toMatch(/::error::The output directory .* already holds files \(\.git\).*must start empty/);
      expect(server.requests).toEqual([]);
      expect(service.uploads()).toHaveLength(uploadsBefore);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('no JVM with that pid, fail-on-error false: exit 0, a warning, outcome failure, the manifest still uploaded', async () => {
    await startCluster();
    const pid = unusedPid();
    const r = await action({ 'jvm-pid': String(pid), 'fail-on-error': 'false', 'artifact-name': 'dumps-no-jvm' });
    expectExit(r, 0);
    expect(r.outputs.outcome).toBe('failure');
    expect(r.stdout).toMatch(/^::warning::No dump was collected .*fail-on-error is false/m);
    expect(r.stdout).toContain(`No JVM with pid ${pid}`);
    expect(r.stdout).not.toMatch(/^::error::/m);
    expect(r.outputs['artifact-id']).toMatch(/^[1-9]\d*$/);
    const files = byName(readZip(await service.downloadBlob(Number(r.outputs['artifact-id']))));
    expect(files.has('manifest.json')).toBe(true);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as RunManifest;
    expect(manifest.pods.map((p) => p.pod)).toEqual([POD]);
    expect(manifest.pods[0].errors).toEqual([{ stage: 'discover', message: expect.stringContaining(`No JVM with pid ${pid}`) }]);
    expect(manifest.pods[0].jvms).toEqual([]);
  });

  it('a heap dump stream that breaks once does not break the action: retried, verified, exit 0', async () => {
    const server = await startCluster();
    let streams = 0;
    server.faults.execCut = { afterBytes: 100_000, when: (req) => toolboxSub(req.command) === 'stream' && ++streams === 1 };
    const r = await action({ dumps: 'heap', 'artifact-name': 'dumps-stream-cut' });
    expectExit(r, 0);
    expect(r.outputs.outcome).toBe('success');
    expect(server.execs.filter((e) => toolboxSub(e.command) === 'stream').map((e) => e.outcome)).toEqual(['cut', 'status']);
    const files = byName(readZip(await service.downloadBlob(Number(r.outputs['artifact-id']))));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as RunManifest;
    const heap = manifest.pods[0].jvms[0].files.find((f) => f.kind === 'heap')!;
    expect(sha256(files.get(heap.path)!)).toBe(heap.sha256);
    expect(leftoverHeapDumps(manifest.pods[0].debugger!.name)).toEqual([]);
  });
});
