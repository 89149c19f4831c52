import * as core from '@actions/core';
import { Inputs, Outputs } from './shared/constants.js';
import { getSettings } from './inputs/input-helper.js';
import { applyHeapDumpPolicy, readEventPayload, repositoryVisibility } from './inputs/heap-policy.js';
import { allErrors, runEngine } from './engine.js';
import type { AnalysedJvm } from './analyse/analyse-dumps.js';
import type { ReplicaComparison } from './analyse/replicas.js';
import { rolloutVerdict } from './analyse/rollout-verdict.js';
import { arm, phase } from './arm.js';
import { artifactServiceAvailable } from './publish/artifact.js';
import { uploadUnderFreeName } from './publish/unique-upload.js';
import { errorMessage } from './shared/errors.js';
import { neutralise } from './shared/untrusted.js';
import { claimOutputDir } from './shared/output-dir.js';

/**
 * Everything the action prints goes through here: thread names, command lines, jcmd output and API errors
 * come from the pod and the cluster, and must never become a workflow command (see untrusted.ts).
 */
const log = {
  info: (m: string) => core.info(neutralise(m)),
  notice: (m: string) => core.notice(neutralise(m)),
  warning: (m: string) => core.warning(neutralise(m)),
  error: (m: string) => core.error(neutralise(m)),
  failed: (m: string) => core.setFailed(neutralise(m)),
  /** Shown with step debug logging (ACTIONS_STEP_DEBUG). */
  debug: (m: string) => core.debug(neutralise(m)),
};

/** "inject 310 ms, probe 140 ms, ...": where a pod's or a JVM's time went. */
const timings = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([step, ms]) => `${step} ${ms} ms`)
    .join(', ');

/** The runner's own tokens: the runner masks them in its log, but an exec plugin's stderr could carry them into the artifact. */
const RUNNER_SECRETS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

/** The action: inputs -> target -> inject -> collect -> analyse -> publish. */
export async function run(): Promise<void> {
  // when: job-failure is two steps of this bundle: the main step arms, the post step dumps if the job failed.
  const step = phase();
  if (step === 'post-idle') return;
  // Bad input throws here, before anything touches the cluster; the entry point's catch reports it.
  const settings = applyHeapDumpPolicy(
    getSettings((name) => core.getInput(name)),
    repositoryVisibility(readEventPayload(process.env)),
  );
  // Read once: child processes (an exec credential plugin) need not inherit the whole kubeconfig.
  delete process.env[`INPUT_${Inputs.Kubeconfig.toUpperCase()}`];
  for (const skipped of settings.skipped ?? []) log.warning(skipped.reason);
  if (step === 'main' && settings.when === 'job-failure') return arm(settings, (m) => log.info(m));
  if (step === 'post-armed') log.info('The job failed: dumping now (armed earlier with when: job-failure).');
  // The output dir is uploaded whole: a named one must start empty, the default one moves aside if filled.
  const outputDir = await claimOutputDir(settings.outputDir, core.getInput(Inputs.OutputDir).trim() !== '');
  if (outputDir !== settings.outputDir) log.info(`${settings.outputDir} holds an earlier step's files: writing to ${outputDir}`);
  settings.outputDir = outputDir;
  // A cancelled job gets SIGINT, then SIGTERM: stop collecting, keep and upload what is there.
  const cancel = new AbortController();
  const onSignal = (name: string) => {
    log.warning(`${name} received: stopping, keeping what was collected`);
    cancel.abort();
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  const report = await runEngine(settings, {
    progress: (m) => log.info(m),
    mask: (s) => core.setSecret(s),
    secrets: RUNNER_SECRETS.map((name) => process.env[name] ?? '').filter(Boolean),
    signal: cancel.signal,
  });
  const { manifest } = report;
  if (manifest.rollout) {
    core.setOutput(Outputs.RolloutStatus, manifest.rollout.status);
    core.setOutput(Outputs.RolloutReason, manifest.rollout.reason ?? '');
    if (manifest.rollout.status === 'complete' && !settings.dumpOnSuccess) {
      log.info(
        `Rollout of ${manifest.target} complete after ${Math.round(manifest.rollout.waitedMs / 1000)}s: nothing dumped (dump-on-success is false).`,
      );
      core.setOutput(Outputs.Outcome, 'skipped');
      return;
    }
  }
  // Stuck pods were only explained (nothing injected, nothing dumped): no timings, not among the pods dumped.
  const dumped = manifest.pods.filter((p) => !p.stuck);
  for (const p of dumped) {
    log.debug(`timings ${p.pod}: ${timings(p.timingsMs)}`);
    for (const j of p.jvms) log.debug(`timings ${p.pod}/${j.pid}: ${timings(j.timingsMs)}`);
  }
  core.setOutput(Outputs.OutputDir, settings.outputDir);
  core.setOutput(Outputs.Pods, JSON.stringify(dumped.map((p) => p.pod)));

  let analyses: AnalysedJvm[] = [];
  let replicas: ReplicaComparison[] = [];
  try {
    // The analysis loads when there are dumps to read: the start-up (to the first API request) stays short.
    const [{ analyseDumps }, { aggregateOutputs }] = await Promise.all([
      import('./analyse/analyse-dumps.js'),
      import('./analyse/analysis.js'),
    ]);
    ({ jvms: analyses, replicas } = await analyseDumps(manifest, settings.outputDir));
    const agg = aggregateOutputs(analyses.map((a) => a.analysis));
    core.setOutput(Outputs.Deadlock, String(agg.deadlock));
    core.setOutput(Outputs.BlockedThreads, String(agg.blockedThreads));
    for (const a of analyses) log.info(`${a.pod}/${a.container}/${a.pid}: ${a.analysis.verdict}`);
    // The recording's verdict too, unless it is already the JVM's (dumps: jfr alone).
    for (const { pod, container, pid, analysis: x } of analyses)
      if (x.jfr && !x.verdict.startsWith('JFR: ')) log.info(`${pod}/${container}/${pid}: JFR: ${x.jfr.verdict}`);
    for (const c of replicas) log.info(`Replicas of ${c.workload}: ${c.verdict}`);
  } catch (err) {
    log.warning(`Analysing the dumps failed (the files are kept): ${errorMessage(err)}`);
  }

  const verdict = rolloutVerdict(manifest, analyses);
  if (verdict) log.info(verdict.text);

  // Upload whatever was collected, even after errors: partial evidence is still evidence.
  let artifact: { name: string; url?: string; id?: number } | undefined;
  if (!artifactServiceAvailable()) {
    log.notice(`No artifact service in this environment (not a GitHub Actions job): the dumps stay in ${settings.outputDir}.`);
  } else {
    try {
      const uploadStart = Date.now();
      const uploaded = await uploadUnderFreeName(
        {
          name: settings.artifactName,
          rootDir: settings.outputDir,
          retentionDays: settings.retentionDays,
          compressionLevel: settings.compressionLevel,
        },
        (taken, next) =>
          log.warning(`An artifact named '${taken}' already exists in this run (another matrix leg?): uploading as '${next}'.`),
      );
      artifact = { name: uploaded.name, url: uploaded.url, id: uploaded.id };
      core.setOutput(Outputs.ArtifactName, uploaded.name);
      log.debug(`timings upload: ${Date.now() - uploadStart} ms`);
      core.setOutput(Outputs.ArtifactId, String(uploaded.id));
      if (uploaded.url) core.setOutput(Outputs.ArtifactUrl, uploaded.url);
      log.info(`Uploaded artifact '${uploaded.name}' (${uploaded.fileCount} files, ${uploaded.size} bytes)`);
    } catch (err) {
      log.error(`Uploading the artifact failed; the dumps stay in ${settings.outputDir}: ${errorMessage(err)}`);
      manifest.errors.push({ stage: 'publish', message: errorMessage(err) });
    }
  }

  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      const { writeJobSummary } = await import('./publish/summary.js');
      await writeJobSummary(manifest, analyses, { artifact: artifact ?? { name: settings.artifactName }, replicas, rollout: { verdict } });
    } catch (err) {
      log.warning(`Writing the job summary failed: ${errorMessage(err)}`);
    }
  }

  const errors = allErrors(manifest);
  for (const e of errors) log.warning(`[${e.stage}${e.dump ? `/${e.dump}` : ''}] ${e.message}`);
  const outcome = errors.some((e) => e.stage === 'publish') && report.outcome === 'success' ? 'partial' : report.outcome;
  core.setOutput(Outputs.Outcome, outcome);
  if (outcome === 'failure') {
    const message = `No dump was collected (${errors.length} error(s); first: ${errors[0]?.message ?? 'none recorded'}).`;
    if (settings.failOnError) log.failed(message);
    else log.warning(`${message} fail-on-error is false, so the step succeeds.`);
  } else if (outcome === 'partial') {
    log.warning(`Some requested dumps were not collected (${errors.length} error(s)); what was collected is kept.`);
  }
  // wait-for-rollout is a gate: a failed rollout fails the step, whatever the dumps' outcome.
  if (manifest.rollout?.status === 'failed')
    log.failed(`Rollout of ${manifest.target} failed: ${manifest.rollout.reason ?? 'no reason given'}`);
}
