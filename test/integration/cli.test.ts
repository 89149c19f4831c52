// The local CLI (bin/kube-jvm-dump.js, the same bundle as the action) against the fake API server, whose exec
// runs the real toolbox here against a real local JVM. The pod mounts an emptyDir at /tmp and the exec guard
// refuses `tmplink`, so nothing touches this machine's /tmp.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeDeployment, makeReplicaSet, startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver/index.js';
import { ROOT } from '../support/run-action.js';
import { startSimpleJvm, type LocalJvm } from './support/local-jvm.js';
import { type ExecGuard, installGuardedShell, jvmContainer, seedPodFor, stopFakeCluster } from './support/engine-fixtures.js';

let jvm: LocalJvm;
let api: FakeApiServer;
let guard: ExecGuard;
let work: string;

beforeAll(async () => {
  jvm = await startSimpleJvm();
  api = await startFakeApiServer({ kubelet: { delayMs: 20 } });
  guard = installGuardedShell(api);
  const d = api.store.put(makeDeployment({ name: 'simple-java', namespace: 'default', containers: [jvmContainer()] }));
  const rs = api.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: '5d8f7c9b6' }));
  api.store.put(seedPodFor(rs, { name: 'simple-java-5d8f7c9b6-q7x2k' }));
  work = await mkdtemp(path.join(tmpdir(), 'kjd-cli-'));
  await writeFile(path.join(work, 'kubeconfig'), api.kubeconfigYaml());
}, 90_000);

afterAll(async () => {
  await stopFakeCluster(api, guard);
  await jvm?.stop();
  await rm(work, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const violationsBefore = guard.violations.length;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/kube-jvm-dump.js'), ...args], {
    cwd: work,
    env: { PATH: process.env.PATH ?? '', HOME: work },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
  // Never, in any test: it would have run `rm -rf /tmp` on this machine.
  expect(guard.violations.slice(violationsBefore)).toEqual([]);
  return result;
}

describe('kube-jvm-dump CLI', () => {
  it('dumps a deployment with your kubeconfig: progress on stderr, verdicts on stdout, files in --out', async () => {
    const r = await cli([
      'deployment/simple-java',
      '-n',
      'default',
      '--kubeconfig',
      'kubeconfig',
      '--out',
      'dumps',
      '--jvm-pid',
      String(jvm.pid),
      '--thread-dump-count',
      '2',
      '--thread-dump-interval',
      '200ms',
      '--timeout',
      '60s',
    ]);
    if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stdout}\n${r.stderr}`);
    expect(r.stderr).toMatch(/^\[\d\d:\d\d:\d\d\] .*added jvm-debugger-/m);
    expect(r.stdout).toMatch(/main is sleeping \(TIMED_WAITING\) in Simple\.main/);
    expect(r.stdout).toContain(`Dumps in ${path.join(work, 'dumps')}`);
    const manifest = JSON.parse(await readFile(path.join(work, 'dumps', 'manifest.json'), 'utf8'));
    expect(manifest.pods[0].jvms[0].files.map((f: { kind: string }) => f.kind).sort()).toEqual(['heap', 'histogram', 'threads', 'threads']);
    // The CLI never uploads and never needs the runner's environment.
    expect(r.stdout + r.stderr).not.toMatch(/::(add-mask|set-output|notice)/);
  });

  it('answers --help, and bad usage with exit 2 and what to do', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: kube-jvm-dump/);
    const bad = await cli(['deployment/a', '--no-such-flag', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --no-such-flag/);
    const both = await cli(['deployment/a', '-l', 'app=a']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either 'target' or 'selector'/);
  });
});
