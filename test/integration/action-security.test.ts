// The bundled action (and CLI) against hostile pods, chatty credential plugins, echoing API servers and public
// repositories: pod-controlled text never becomes a workflow command or a terminal escape, no kubeconfig
// secret is printed, summarised or uploaded, and a public repository gets no heap dump unless it opts in.
// As in action-process.test.ts, the "pod" is this machine: the fake apiserver's exec runs the real toolbox here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeDeployment, makeReplicaSet, startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver/index.js';
import { ROOT, runAction, type ActionRun } from '../support/run-action.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service/service.mjs';
import { secretKubeconfig } from '../support/secret-kubeconfig.js';
import { runnerCommands } from '../support/workflow-commands.js';
import type { RunManifest } from '../../src/shared/model.js';
import { startSimpleJvm, type LocalJvm } from './support/local-jvm.js';
import { HOSTILE_PIECES, startHostileJvm } from './support/hostile-jvm.js';
import {
  type ExecGuard,
  filesBelow,
  installGuardedShell,
  jvmContainer,
  seedPodFor,
  stopFakeCluster,
  toolboxSub,
} from './support/engine-fixtures.js';

const NS = 'prod';
const TOKEN = `kjd-it-${randomBytes(16).toString('hex')}`;
const POD = 'simple-java-7c9d8f6b5-x2k4q';
const POD2 = 'simple-java-7c9d8f6b5-m8n3p';
/** Any raw control, bidi or line-separator character but the newline that ends each line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let simple: LocalJvm;
let hostile: LocalJvm;
let service: ArtifactService;
let api: FakeApiServer | undefined;
let guard: ExecGuard;
const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

beforeAll(async () => {
  [simple, hostile, service] = await Promise.all([startSimpleJvm(), startHostileJvm(), startArtifactService()]);
}, 90_000);

afterAll(async () => {
  await Promise.all([simple?.stop(), hostile?.stop(), service?.stop()]);
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

afterEach(async () => {
  await stopFakeCluster(api, guard);
  api = undefined;
});

/** deployment/simple-java with its pods, each running "the JVM" (the one the jvm-pid input names). */
async function startCluster(token = TOKEN, pods = [POD]): Promise<FakeApiServer> {
  const server = await startFakeApiServer({ token, kubelet: { delayMs: 20 } });
  api = server;
  guard = installGuardedShell(server);
  const d = server.store.put(
    makeDeployment({ name: 'simple-java', namespace: NS, replicas: pods.length, containers: [jvmContainer('app', 'kjd/simple-java:1')] }),
  );
  const rs = server.store.put(makeReplicaSet({ deployment: d, revision: 1, podTemplateHash: '7c9d8f6b5', replicas: pods.length }));
  for (const name of pods) server.store.put(seedPodFor(rs, { name, containers: [jvmContainer('app', 'kjd/simple-java:1')] }));
  return server;
}

async function action(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction(
    {
      kubeconfig: api!.kubeconfigYaml({ namespace: NS }),
      target: 'deployment/simple-java',
      'jvm-pid': String(simple.pid),
      'jdk-image': 'eclipse-temurin:17-jdk',
      'thread-dump-count': '2',
      'thread-dump-interval': '200ms',
      timeout: '60s',
      ...inputs,
    },
    { ...service.env, ...env },
    120_000,
  );
  temps.push(run.runnerTemp);
  expect(guard.violations).toEqual([]);
  return run;
}

/** The CLI from the same bundle, as bin/kube-jvm-dump.js starts it. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/index.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: tempDir('kjd-cli-home-'), KUBE_JVM_DUMP_CLI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

const log = (r: { code: number; stdout: string; stderr: string }) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
function expectExit(r: { code: number; stdout: string; stderr: string }, code: number): void {
  if (r.code !== code) throw new Error(`expected exit ${code}; ${log(r)}`);
}
const commandsOf = (text: string) => runnerCommands(text).map((c) => `${c.name}:${c.data}`);
const manifestOf = (r: ActionRun) => JSON.parse(readFileSync(path.join(r.outputs['output-dir'], 'manifest.json'), 'utf8')) as RunManifest;

/** Where each secret shows up: stdout outside the runner's add-mask lines, stderr, the summary, any output file. */
function leaks(r: ActionRun, secrets: Record<string, string>): string[] {
  const dir = r.outputs['output-dir'];
  const files = filesBelow(dir).map((name) => [name, readFileSync(path.join(dir, name))] as const);
  const found: string[] = [];
  for (const [what, value] of Object.entries(secrets)) {
    for (const line of r.stdout.split('\n'))
      if (line.includes(value) && !line.startsWith('::add-mask::')) found.push(`${what} in stdout: ${line.slice(0, 300)}`);
    if (r.stderr.includes(value)) found.push(`${what} in stderr`);
    if (r.summary.includes(value)) found.push(`${what} in the summary`);
    for (const [name, data] of files) if (data.includes(Buffer.from(value))) found.push(`${what} in ${name}`);
  }
  return found;
}

describe('pod-controlled text', () => {
  it("never becomes a workflow command: the runner sees only the action's own commands, and the real deadlock output", async () => {
    await startCluster();
    const r = await action({ 'jvm-pid': String(hostile.pid), dumps: 'threads', 'artifact-name': 'dumps-hostile' });
    expectExit(r, 0);
    // Parsed as the runner parses it: the action's own commands only (its mask first; the artifact client's
    // debug lines and the mask of its upload URL's signature), never one the pod wrote.
    const commands = runnerCommands(r.stdout);
    expect(commands[0]).toMatchObject({ name: 'add-mask', data: TOKEN });
    expect(commands.filter((c) => c.name !== 'debug' && c.name !== 'add-mask')).toEqual([]);
    for (const c of commands) for (const piece of HOSTILE_PIECES) expect(c.line).not.toContain(piece);
    // The hostile text did reach the log, inert: the command line in the progress, the thread names in the verdict.
    expect(r.stdout).toContain('(::error::x ##\\x5bwarning]x \\r::set-output name=deadlock::false \\r::add-mask::app \\x1b]0;pwned\\x07');
    expect(r.stdout).toMatch(/^simple-java-7c9d8f6b5-x2k4q\/app\/\d+: .*deadlock.*##\\x5bwarning]x/m);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.outputs.deadlock).toBe('true');
    expect(r.outputs.outcome).toBe('success');
    expect(r.summary).toMatch(/deadlock/);
    expect(r.summary).not.toMatch(RAW_CONTROL);
    // The artifact keeps what the pod said, untouched: it is evidence.
    expect(manifestOf(r).pods[0].jvms[0].commandLine).toContain('::error::x ##[warning]x \r::set-output name=deadlock::false');
  });

  it('never reaches the terminal raw through the CLI, on stdout or stderr', async () => {
    const server = await startCluster();
    const dir = tempDir('kjd-cli-');
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, server.kubeconfigYaml({ namespace: NS }));
    const r = await cli([
      'deployment/simple-java',
      '--kubeconfig',
      kubeconfig,
      '--jvm-pid',
      String(hostile.pid),
      '--dumps',
      'threads',
      '--thread-dump-count',
      '1',
      '--jdk-image',
      'eclipse-temurin:17-jdk',
      '--timeout',
      '60s',
      '-o',
      path.join(dir, 'out'),
    ]);
    expectExit(r, 0);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toMatch(RAW_CONTROL);
      expect(commandsOf(text)).toEqual([]);
      for (const piece of HOSTILE_PIECES.filter((p) => p.includes('\x1b'))) expect(text).not.toContain(piece);
    }
    expect(r.stdout).toMatch(/deadlock.*##\\x5bwarning]x/);
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07');
    expect(r.stderr).toContain('(::error::x ##\\x5bwarning]x \\r::set-output');
  });
});

describe('credentials', () => {
  const execToken = `exec-tok-${randomBytes(12).toString('hex')}`;

  it('every secret of the kubeconfig is masked, and none is printed, summarised or uploaded, even when the API echoes the Authorization header', async () => {
    const server = await startCluster(execToken, [POD, POD2]);
    const k = secretKubeconfig({ server: server.url, namespace: NS, dir: tempDir('kjd-secrets-'), execToken });
    // An API server (or a proxy in front of it) that quotes the request's Authorization header in its error.
    server.faults.intercept = (req) =>
      req.method === 'PATCH' && req.path.endsWith(`/pods/${POD2}/ephemeralcontainers`)
        ? {
            status: 403,
            body: {
              kind: 'Status',
              apiVersion: 'v1',
              status: 'Failure',
              reason: 'Forbidden',
              code: 403,
              message: `pods "${POD2}" is forbidden: request had Authorization: ${String(req.headers.authorization)}`,
            },
          }
        : undefined;
    const r = await action({ kubeconfig: k.yaml, 'max-pods': '2', 'artifact-name': 'dumps-secrets' });
    expectExit(r, 0);
    expect(r.outputs.outcome).toBe('partial');
    // The plugin's token really was in play, and the server really echoed it.
    expect(server.requests.some((q) => q.headers.authorization === `Bearer ${execToken}`)).toBe(true);
    const manifest = manifestOf(r);
    const echoed = manifest.pods.find((p) => p.pod === POD2)!.errors[0].message;
    expect(echoed).toContain('request had Authorization: Bearer ***');
    expect(manifest.pods.find((p) => p.pod === POD)!.jvms[0].files.map((f) => f.kind)).toEqual(['threads', 'threads', 'histogram', 'heap']);
    // Every secret, the plugin's token included, is masked before anything else is printed...
    const masks = runnerCommands(r.stdout).filter((c) => c.name === 'add-mask');
    for (const [what, value] of Object.entries(k.secrets)) expect([what, masks.some((m) => m.data === value)]).toEqual([what, true]);
    expect(r.stdout.indexOf('::add-mask::')).toBe(0);
    // ...and found nowhere but there.
    expect(leaks(r, k.secrets)).toEqual([]);
  });

  it('what a failing exec plugin printed (its environment and arguments) is scrubbed from the log, the summary and the manifest', async () => {
    const server = await startCluster(execToken);
    const k = secretKubeconfig({ server: server.url, namespace: NS, dir: tempDir('kjd-secrets-'), execToken, pluginFails: true });
    const r = await action({ kubeconfig: k.yaml, 'fail-on-error': 'false', 'artifact-name': 'dumps-plugin-fails' });
    expectExit(r, 0);
    expect(r.outputs.outcome).toBe('failure');
    const error = manifestOf(r).errors.find((e) => e.stage === 'target')!.message;
    // The plugin's words are kept, for diagnosis, with every secret cut out.
    expect(error).toContain('plugin environment:');
    expect(error).toContain('PLUGIN_SECRET=***');
    expect(error).toContain('error: could not get a token');
    // The kubeconfig input is not handed down to the plugin at all.
    expect(error).not.toContain('INPUT_KUBECONFIG');
    const { execToken: _never, ...printed } = k.secrets;
    expect(leaks(r, { ...printed, runnerToken: service.env.ACTIONS_RUNTIME_TOKEN })).toEqual([]);
  });
});

describe('heap dumps in a public repository', () => {
  const publicEvent = () => {
    const file = path.join(tempDir('kjd-event-'), 'event.json');
    writeFileSync(file, JSON.stringify({ repository: { full_name: 'octo/app', private: false, visibility: 'public' } }));
    return file;
  };

  it('are skipped unless allowed, and the log, the summary and the manifest say so; the outcome is still success', async () => {
    const server = await startCluster();
    const r = await action({ 'artifact-name': 'dumps-public' }, { GITHUB_EVENT_PATH: publicEvent() });
    expectExit(r, 0);
    expect(r.outputs.outcome).toBe('success');
    expect(r.stdout).toMatch(/^::warning::Heap dump skipped: this repository is public.*allow-heap-dump-in-public-repo: true/m);
    expect(r.summary).toContain('<strong>No heap dump.</strong> Heap dump skipped: this repository is public');
    const manifest = manifestOf(r);
    expect(manifest.skipped).toEqual([{ dump: 'heap', reason: expect.stringContaining('this repository is public') }]);
    expect(manifest.requested.dumps).toEqual(['threads', 'threads-json', 'histogram']);
    expect(manifest.pods[0].jvms[0].files.map((f) => f.kind)).toEqual(['threads', 'threads', 'histogram']);
    // No heap dump was even started in the pod.
    expect(server.execs.filter((e) => toolboxSub(e.command) === 'stream' || e.command.includes('GC.heap_dump'))).toEqual([]);
  });

  it('asking for nothing but the heap dump is refused before any cluster request', async () => {
    const server = await startCluster();
    const r = await action({ dumps: 'heap', 'artifact-name': 'dumps-public-heap' }, { GITHUB_EVENT_PATH: publicEvent() });
    expectExit(r, 1);
    expect(r.stdout).toMatch(/^::error::Nothing to collect: Heap dump skipped: this repository is public/m);
    expect(server.requests).toEqual([]);
  });
});
