// Issue 9 on the real cluster: JFR recordings, the "where the time went" summary, flame graphs, and the replica
// that is the odd one out. The JVMs run workloads with known answers (test/e2e/java): HotAndContended spends
// its CPU in HotPath.crunch while four threads fight over one ContendedLedger; PileUpOnTrigger idles until the
// test tells exactly one replica to pile 12 threads up on a PileUpGate. The host's JDK judges the recording and
// the SVG. One action run covers the JDK 8, 17 and 21 JVMs together; one more covers the three replicas.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { V1Deployment } from '@kubernetes/client-node';
import { createHash, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { classesConfigMap, createNamespace, README_ROLE_RULES, runClassesFrom, serviceAccountWithRole } from './support/access.js';
import { e2eActionFile, type DumpRun } from './support/action.js';
import { checkManifestAgainstFiles, downloadArtifact, type Artifact } from './support/artifacts.js';
import { fileCleanup } from './support/cleanup.js';
import { admin, deployment, execIn, isRunning, waitForPods } from './support/cluster.js';
import { jfrSummaryOnHost, parseXmlOnHost } from './support/host-jdk.js';
import type { JfrSummary } from '../../src/shared/jfr-summary.js';
import type { JvmResult, PodResult } from '../../src/shared/model.js';

const NAMESPACE = 'kjd-jfr';
const CLASSES = 'jfr-apps';
const HOT_JRES = [8, 17, 21] as const;
const hotApp = (jre: number) => `hot${jre}`;
/** A recording of the app's own, which the action must leave running (JDK 21 only: JDK 8 needs no such proof). */
const APP_RECORDING = 'app-own';
/**
 * In every hot JVM's environment: it must be in no file of the artifact. A JVM before 17 records its environment
 * in every recording whatever JFR.start asks, and a recording of the app's own (JDK 21 here) turns those events on.
 */
const SECRET = `kjd-e2e-secret-${randomBytes(8).toString('hex')}`;
const TRIGGER = '/control/pile-up';
const PILED_UP = '/control/piled-up';

const file = e2eActionFile('jfr');
let kubeconfig: string;
let replicaPods: string[];
let piledUpPod: string;

function app(name: string, jre: number, javaArgs: string[], replicas = 1, group = name): V1Deployment {
  const d = deployment({ name, jre, replicas, namespace: NAMESPACE, labels: { group } });
  // No CPU limit: a throttled thread misses JFR's sampling signal (tried here: 1 sample in 10 s at 300m); the
  // hot thread keeps itself to half a core instead.
  runClassesFrom(d.spec!.template.spec!, CLASSES, javaArgs);
  return d;
}

function withSecret(d: V1Deployment): V1Deployment {
  d.spec!.template.spec!.containers[0].env = [{ name: 'KJD_E2E_DB_PASSWORD', value: SECRET }];
  return d;
}

beforeAll(async () => {
  const started = Date.now();
  await createNamespace(NAMESPACE, {}, fileCleanup);
  // The README's Role in this namespace: the runs prove it suffices for JFR too.
  const [kc] = await Promise.all([
    serviceAccountWithRole('kjd-action', NAMESPACE, README_ROLE_RULES, fileCleanup),
    classesConfigMap(
      CLASSES,
      NAMESPACE,
      ['HotAndContended.java', 'PileUpOnTrigger.java'].map((f) => path.resolve('test/e2e/java', f)),
      fileCleanup,
    ),
  ]);
  kubeconfig = kc;
  const replicas = app('replicas', 17, ['PileUpOnTrigger', TRIGGER, PILED_UP], 3);
  replicas.spec!.template.spec!.containers[0].volumeMounts!.push({ name: 'control', mountPath: '/control' });
  replicas.spec!.template.spec!.volumes!.push({ name: 'control', emptyDir: {} });
  const hot = HOT_JRES.map((jre) =>
    withSecret(
      app(
        hotApp(jre),
        jre,
        [...(jre === 21 ? [`-XX:StartFlightRecording=name=${APP_RECORDING},settings=default`] : []), 'HotAndContended'],
        1,
        'hot',
      ),
    ),
  );
  await Promise.all([...hot, replicas].map((body) => admin().apps.createNamespacedDeployment({ namespace: NAMESPACE, body })));
  const pods = await waitForPods('e2e=kube-jvm-dump', 6, isRunning, 240_000, NAMESPACE);
  replicaPods = pods
    .filter((p) => p.metadata!.labels!.group === 'replicas')
    .map((p) => p.metadata!.name!)
    .sort();
  expect(replicaPods).toHaveLength(3);
  // Exactly one replica piles up: the test creates its trigger file and waits for the app's acknowledgement,
  // which it writes only once all 12 threads are BLOCKED.
  piledUpPod = replicaPods[1];
  await execIn(
    piledUpPod,
    'simple-java',
    ['sh', '-c', `touch ${TRIGGER}; i=0; until [ -e ${PILED_UP} ]; do i=$((i+1)); [ $i -lt 600 ] || exit 7; sleep 0.05; done`],
    NAMESPACE,
  );
  process.stderr.write(`--- set-up (namespace, 6 pods, pile-up) ${Date.now() - started} ms\n`);
}, 300_000);

/** Each shared run starts once, when the first test needs it; a failure surfaces in the tests that await it. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    if (!p) {
      p = make();
      p.catch(() => undefined);
    }
    return p;
  };
}

/** The replicas run, started beside the JFR run: the file's wall time is the longer of the two, not their sum. */
const replicasRun = once(() =>
  file.dump({ kubeconfig, namespace: NAMESPACE, target: 'deployment/replicas', 'max-pods': '3', dumps: 'threads' }),
);

const hotRun = once(async () => {
  void replicasRun();
  const run = await file.dump({
    kubeconfig,
    namespace: NAMESPACE,
    selector: 'group=hot',
    'max-pods': '3',
    dumps: 'jfr,threads',
    'jfr-duration': '10s',
  });
  return { run, artifact: await downloadArtifact(file.service(), run.artifactName) };
});

function podOf(a: Artifact, name: string): PodResult {
  const pod = a.manifest.pods.find((p) => p.pod.startsWith(`${name}-`));
  if (!pod) throw new Error(`no pod of ${name} in the manifest: ${a.manifest.pods.map((p) => p.pod).join(', ')}`);
  return pod;
}

/** The summary's section for one pod (from its heading to the next pod's). */
function summaryOf(run: DumpRun, pod: string): string {
  const sections = run.summary.split('<h3>Pod ').slice(1);
  const mine = sections.filter((s) => s.startsWith(`<code>${pod}</code>`));
  expect(mine).toHaveLength(1);
  return mine[0];
}

function jfrFiles(a: Artifact, pod: PodResult, jvm: JvmResult) {
  const dir = `${pod.pod}/${pod.container}/${jvm.pid}`;
  const get = (name: string) => a.entries.get(`${dir}/${name}`)?.data;
  return { dir, recording: get('recording.jfr'), summary: get('jfr-summary.json'), flame: get('flame.svg') };
}

/** The recordings JFR.check lists in the JVM, asked from the debugger the run left in the pod. */
async function recordingsIn(pod: PodResult, jvm: JvmResult): Promise<string> {
  return execIn(pod.pod, pod.debugger!.name, ['jcmd', String(jvm.pid), 'JFR.check'], NAMESPACE);
}

/** What the JVM itself says about JFR: `jcmd <pid> help` lists JFR.start only where the JVM has JFR. */
async function jvmHasJfr(pod: PodResult, jvm: JvmResult): Promise<boolean> {
  return /^JFR\.start$/m.test(await execIn(pod.pod, pod.debugger!.name, ['jcmd', String(jvm.pid), 'help'], NAMESPACE));
}

/** Everything a JFR run must leave behind and nothing more: the checks shared by every JVM that has JFR. */
async function expectRecordingOfHotApp(jre: number): Promise<void> {
  const { run, artifact: a } = await hotRun();
  expect(run.code).toBe(0);
  const pod = podOf(a, hotApp(jre));
  const jvm = pod.jvms[0];
  expect(jvm.errors).toEqual([]);
  const f = jfrFiles(a, pod, jvm);

  // The in-pod summary names the workload's known answers.
  const summary = JSON.parse(f.summary!.toString('utf8')) as JfrSummary;
  process.stderr.write(
    `--- JDK ${jre}: ${summary.executionSamples} execution samples, top ${JSON.stringify(summary.hotMethods[0])}; ` +
      `monitor ${JSON.stringify(summary.monitors[0])}; run ${run.durationMs} ms\n`,
  );
  // 180 to 240 seen here (half a core, 10 ms sampling, a loaded node); 50 is where the verdict starts to give shares.
  expect(summary.executionSamples).toBeGreaterThanOrEqual(50);
  expect(summary.hotMethods[0]).toMatchObject({ method: 'HotPath.crunch' });
  expect(summary.hotMethods[0].self / summary.executionSamples).toBeGreaterThan(0.5);
  expect(summary.monitors[0]).toMatchObject({ monitorClass: 'ContendedLedger' });
  expect(summary.monitors[0].site).toMatch(/^ContendedLedger\.post/);

  // The recording is a real one: the host's jfr reads it and finds the same kinds of events.
  const events = jfrSummaryOnHost(f.recording!);
  // The JVM's environment is not in the recording, nor anywhere else in the artifact.
  expect(events.get('jdk.InitialEnvironmentVariable') ?? 0).toBe(0);
  const leaks = [...a.entries].filter(([, e]) => e.data.includes(SECRET)).map(([name]) => name);
  expect(leaks).toEqual([]);
  expect([run.stdout.includes(SECRET), run.summary.includes(SECRET)]).toEqual([false, false]);
  expect(events.get('jdk.ExecutionSample')).toBe(summary.executionSamples);
  // Every contended entry the summary counted (one site here, far under its 20); how many there are is the JVM's:
  // JDK 8's unfair monitor gave 8 to 31 long waits in 10 s, JDK 17 and 21 80 to 90.
  expect(events.get('jdk.JavaMonitorEnter')).toBe(summary.monitors.reduce((n, m) => n + m.count, 0));
  // Listed in the manifest with the size and sha256 of what arrived (every listed file is checked).
  const listed = jvm.files.find((x) => x.path === `${f.dir}/recording.jfr`);
  expect(listed).toMatchObject({ size: f.recording!.length, sha256: createHash('sha256').update(f.recording!).digest('hex') });
  expect(checkManifestAgainstFiles(a)).toBeGreaterThan(0);

  // The flame graph is XML the JDK's parser accepts, an SVG with no script, handler or outside reference,
  // and the hot method is in its text.
  const svg = parseXmlOnHost({ [`flame-${jre}.svg`]: f.flame! }).get(`flame-${jre}.svg`)!;
  expect(svg).toMatchObject({
    rootNamespace: 'http://www.w3.org/2000/svg',
    root: 'svg',
    scripts: 0,
    eventHandlers: 0,
    externalReferences: 0,
  });
  expect(svg.text).toContain('HotPath.crunch');

  // The job summary, in this JVM's section: the JFR verdict line names the hot method and the contended monitor;
  // "where the time went" has the hot method first by self samples; the JFR monitor table names the monitor
  // (the thread dumps' own "Contended locks" table would name it too, so the JFR one is the one looked at).
  const section = summaryOf(run, pod.pod);
  const verdict = /<strong>JFR<\/strong> \([^)]*\d+ execution samples\): <strong>([^<]*)<\/strong>/.exec(section)?.[1];
  // A majority, written as the verdict writes shares (">99%", escaped, when all but a few samples).
  expect(verdict).toMatch(/^(&gt;99|100|[5-9]\d)% of samples in HotPath\.crunch/);
  expect(verdict).toMatch(/threads blocked [^;]+ on ContendedLedger at ContendedLedger\.post/);
  expect(section).toMatch(
    /<summary>Where the time went \(JFR execution samples\)<\/summary>\n<p>Top methods by self samples[^\n]*\n<table>\n<tr>[^\n]*\n<tr><td>1<\/td><td><code>HotPath\.crunch<\/code>/,
  );
  expect(section).toMatch(
    /<summary>Contended monitors \(\d+, by time blocked\)<\/summary>\n<table>\n<tr>[^\n]*\n<tr><td><code>ContendedLedger<\/code>/,
  );
  expect(section).toContain(`Flame graph: <code>${f.dir}/flame.svg</code> in the artifact, made from `);
  expect(section).toMatch(/flame\.svg<\/code> in the artifact, made from [\d,]+ JFR execution samples/);

  // Nothing of ours is left in the JVM's /tmp, and our recording is stopped (only the app's own may run).
  const tmp = (await execIn(pod.pod, pod.container, ['ls', '-A', '/tmp'], NAMESPACE)).split('\n').filter(Boolean);
  expect(tmp.filter((n) => /kube-jvm-dump|kjd|\.jfr$/i.test(n))).toEqual([]);
  const recordings = await recordingsIn(pod, jvm);
  expect(recordings).not.toMatch(/kube-jvm-dump/);
  if (jre === 21) expect(recordings).toMatch(new RegExp(`name=${APP_RECORDING}\\b.*running`));
}

describe('JFR on the real cluster', () => {
  it('JDK 17: the recording, its summary and flame graph name HotPath.crunch and ContendedLedger; nothing left behind', async () => {
    await expectRecordingOfHotApp(17);
  });

  it('JDK 21 with a recording of its own: the same, and the app recording is left running', async () => {
    await expectRecordingOfHotApp(21);
  });

  it('JDK 8: a recording where the JVM has JFR, otherwise a clear error for jfr alone; thread dumps either way', async () => {
    const { run, artifact: a } = await hotRun();
    const pod = podOf(a, hotApp(8));
    const jvm = pod.jvms[0];
    expect(jvm.feature).toBe(8);
    expect(jvm.files.filter((f) => f.kind === 'threads')).toHaveLength(2);
    const hasJfr = await jvmHasJfr(pod, jvm);
    process.stderr.write(`--- JDK ${jvm.version}: JFR ${hasJfr ? 'available' : 'not available'} (jcmd help)\n`);
    expect(run.outputs.outcome).toBe(hasJfr ? 'success' : 'partial');
    if (hasJfr) {
      await expectRecordingOfHotApp(8);
    } else {
      expect(jvm.errors).toEqual([expect.objectContaining({ dump: 'jfr', message: expect.stringMatching(/JFR|Flight Recorder/) })]);
      expect(jfrFiles(a, pod, jvm).recording).toBeUndefined();
    }
  });

  it('a JDK 17 debugger (no jfr scrub) sends the recording as written, except beside an app recording; summaries either way', async () => {
    // Both at once: the JDK 17 app records alone; the JDK 21 app runs a recording of its own, whose settings would
    // bring the environment into ours, so that recording must stay in the pod.
    const runs = await Promise.all(
      [17, 21].map((jre) =>
        file.dump({
          kubeconfig,
          namespace: NAMESPACE,
          target: `deployment/${hotApp(jre)}`,
          'jdk-image': 'kjd.local/jdk:17-1',
          dumps: 'jfr,threads',
          'jfr-duration': '5s',
        }),
      ),
    );
    for (const [i, run] of runs.entries()) {
      const a = await downloadArtifact(file.service(), run.artifactName);
      const pod = a.manifest.pods[0];
      const jvm = pod.jvms[0];
      expect(pod.debugger).toMatchObject({ image: 'kjd.local/jdk:17-1', tmpStrategy: 'shared-volume' });
      const f = jfrFiles(a, pod, jvm);
      const summary = JSON.parse(f.summary!.toString('utf8')) as JfrSummary;
      expect(summary.hotMethods[0]).toMatchObject({ method: 'HotPath.crunch' });
      expect(summary.monitors[0]).toMatchObject({ monitorClass: 'ContendedLedger' });
      expect(checkManifestAgainstFiles(a)).toBeGreaterThan(0);
      expect([...a.entries].filter(([, e]) => e.data.includes(SECRET)).map(([name]) => name)).toEqual([]);
      expect(run.code).toBe(0);
      if (i === 0) {
        expect(run.outputs.outcome).toBe('success');
        expect(jfrSummaryOnHost(f.recording!).get('jdk.ExecutionSample')).toBe(summary.executionSamples);
      } else {
        expect(f.recording).toBeUndefined();
        expect(jvm.errors).toEqual([
          expect.objectContaining({
            dump: 'jfr',
            message: expect.stringMatching(
              new RegExp(`recording\\.jfr not sent: another recording runs in this JVM \\(${APP_RECORDING}\\b`),
            ),
          }),
        ]);
      }
    }
  });

  it('a run cancelled while recording (SIGINT, as a cancelled job gets) stops its recording; the app recording runs on', async () => {
    // After the shared run, on its JDK 21 pod: the pod and pid are known from it, and its debugger is reused.
    const { artifact } = await hotRun();
    const pod = podOf(artifact, hotApp(21));
    const jvm = pod.jvms[0];
    let cancelledAt = 0;
    const run = await file.dump(
      { kubeconfig, namespace: NAMESPACE, target: `deployment/${hotApp(21)}`, dumps: 'jfr,threads', 'jfr-duration': '60s' },
      (out, pid) => {
        if (cancelledAt || !/JFR recording kube-jvm-dump-\S+ started/.test(out)) return;
        cancelledAt = Date.now();
        process.kill(pid, 'SIGINT');
      },
    );
    expect(cancelledAt).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/SIGINT received: stopping, keeping what was collected/);
    // It stopped, rather than waiting the minute out.
    expect(Date.now() - cancelledAt).toBeLessThan(40_000);
    const ours = /JFR recording (kube-jvm-dump-\S+) started/.exec(run.stdout)![1];
    const recordings = await recordingsIn(pod, jvm);
    expect(recordings).not.toContain(ours);
    expect(recordings).not.toMatch(/kube-jvm-dump/);
    expect(recordings).toMatch(new RegExp(`name=${APP_RECORDING}\\b.*running`));
    const tmp = (await execIn(pod.pod, pod.container, ['ls', '-A', '/tmp'], NAMESPACE)).split('\n').filter(Boolean);
    expect(tmp.filter((n) => /kube-jvm-dump|kjd|\.jfr$/i.test(n))).toEqual([]);
  });
});

describe('which replica is the odd one out', () => {
  it('three replicas, one with 12 threads piled up on a PileUpGate: the replicas table and the outlier line name it', async () => {
    const run = await replicasRun();
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.pods).sort()).toEqual(replicaPods);
    // The replicas section: from its heading to the first pod's.
    const start = run.summary.search(/<h3>Replicas \(3\) of /);
    expect(start).toBeGreaterThanOrEqual(0);
    const section = run.summary.slice(start, run.summary.indexOf('<h3>Pod ', start));
    const others = replicaPods.filter((p) => p !== piledUpPod);
    // The verdict names the piled-up replica and its lock, and none of the others.
    const verdict = /<strong>(Odd one out[^<]*)<\/strong>/.exec(section)?.[1] ?? '';
    expect(verdict).toContain(`pod ${piledUpPod}`);
    expect(verdict).toMatch(/12 threads BLOCKED on one lock \(PileUpGate\)/);
    for (const pod of others) expect(verdict).not.toContain(pod);
    // One row per replica: the piled-up one marked, with its 12 waiters on the PileUpGate; the others with none.
    const rows = section.split('<tr>').slice(1);
    const rowOf = (pod: string) => rows.filter((r) => r.includes(`<code>pod ${pod}</code>`));
    expect(rowOf(piledUpPod)).toEqual([
      expect.stringMatching(new RegExp(`<strong><code>pod ${piledUpPod}</code></strong>.*12 on <code>PileUpGate</code>`, 's')),
    ]);
    for (const pod of others) {
      expect(rowOf(pod)).toHaveLength(1);
      expect(rowOf(pod)[0]).not.toContain('PileUpGate');
      expect(rowOf(pod)[0]).not.toContain('<strong>');
    }
  });
});
