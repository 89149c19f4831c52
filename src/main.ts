import * as core from '@actions/core';
import { Outputs } from './shared/constants.js';
import { getSettings } from './inputs/input-helper.js';
import { allErrors, runEngine } from './engine.js';
import { analyseDumps, type AnalysedJvm } from './analyse/analyse-dumps.js';
import { aggregateOutputs } from './analyse/analysis.js';
import { artifactServiceAvailable, uploadOutputDir } from './publish/artifact.js';
import { writeJobSummary } from './publish/summary.js';
import { errorMessage } from './shared/errors.js';

/** The action: inputs -> target -> inject -> collect -> analyse -> publish. */
export async function run(): Promise<void> {
  // Bad input throws here, before anything touches the cluster; the entry point's catch reports it.
  const settings = getSettings((name) => core.getInput(name));
  // A cancelled job gets SIGINT, then SIGTERM: stop collecting, keep and upload what is there.
  const cancel = new AbortController();
  const onSignal = (name: string) => {
    core.warning(`${name} received: stopping, keeping what was collected`);
    cancel.abort();
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  const report = await runEngine(settings, { progress: (m) => core.info(m), mask: (s) => core.setSecret(s), signal: cancel.signal });
  const { manifest } = report;
  core.setOutput(Outputs.OutputDir, settings.outputDir);
  core.setOutput(Outputs.Pods, JSON.stringify(manifest.pods.map((p) => p.pod)));

  let analyses: AnalysedJvm[] = [];
  try {
    analyses = await analyseDumps(manifest, settings.outputDir);
    const agg = aggregateOutputs(analyses.map((a) => a.analysis));
    core.setOutput(Outputs.Deadlock, String(agg.deadlock));
    core.setOutput(Outputs.BlockedThreads, String(agg.blockedThreads));
    for (const a of analyses) core.info(`${a.pod}/${a.container}/${a.pid}: ${a.analysis.verdict}`);
  } catch (err) {
    core.warning(`Analysing the dumps failed (the files are kept): ${errorMessage(err)}`);
  }

  // Upload whatever was collected, even after errors: partial evidence is still evidence.
  let artifact: { name: string; url?: string; id?: number } | undefined;
  if (!artifactServiceAvailable()) {
    core.notice(`No artifact service in this environment (not a GitHub Actions job): the dumps stay in ${settings.outputDir}.`);
  } else {
    try {
      const uploaded = await uploadOutputDir({
        name: settings.artifactName,
        rootDir: settings.outputDir,
        retentionDays: settings.retentionDays,
        compressionLevel: settings.compressionLevel,
      });
      artifact = { name: settings.artifactName, url: uploaded.url, id: uploaded.id };
      core.setOutput(Outputs.ArtifactId, String(uploaded.id));
      if (uploaded.url) core.setOutput(Outputs.ArtifactUrl, uploaded.url);
      core.info(`Uploaded artifact '${settings.artifactName}' (${uploaded.fileCount} files, ${uploaded.size} bytes)`);
    } catch (err) {
      core.error(`Uploading the artifact failed; the dumps stay in ${settings.outputDir}: ${errorMessage(err)}`);
      manifest.errors.push({ stage: 'publish', message: errorMessage(err) });
    }
  }

  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await writeJobSummary(manifest, analyses, artifact ?? { name: settings.artifactName });
    } catch (err) {
      core.warning(`Writing the job summary failed: ${errorMessage(err)}`);
    }
  }

  const errors = allErrors(manifest);
  for (const e of errors) core.warning(`[${e.stage}${e.dump ? `/${e.dump}` : ''}] ${e.message}`);
  const outcome = errors.some((e) => e.stage === 'publish') && report.outcome === 'success' ? 'partial' : report.outcome;
  core.setOutput(Outputs.Outcome, outcome);
  if (outcome === 'failure') {
    const message = `No dump was collected (${errors.length} error(s); first: ${errors[0]?.message ?? 'none recorded'}).`;
    if (settings.failOnError) core.setFailed(message);
    else core.warning(`${message} fail-on-error is false, so the step succeeds.`);
  } else if (outcome === 'partial') {
    core.warning(`Some requested dumps were not collected (${errors.length} error(s)); what was collected is kept.`);
  }
}
