// Runs the bundled action (dist/index.js) as the runner does: a Node process, inputs as INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** What the step saved for its post step (core.saveState); the runner passes it back as STATE_<name>. */
  state: Record<string, string>;
  runnerTemp: string;
  durationMs: number;
}

/** Parses the GITHUB_OUTPUT file format (`name<<delimiter` heredocs, as @actions/core writes them). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=');
      out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
    }
  }
  return out;
}

export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  timeoutMs = 600_000,
  /** Sees stdout as it comes, with the child's pid (to act on the run while it is in progress). */
  onStdout?: (soFar: string, pid: number) => void,
): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(path.join(tmpdir(), 'kjd-runner-'));
  const outputFile = path.join(runnerTemp, 'github_output');
  const summaryFile = path.join(runnerTemp, 'step_summary.md');
  const stateFile = path.join(runnerTemp, 'github_state');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  await writeFile(stateFile, '');
  // The runner always writes the event payload; a private repository's unless the caller passes its own.
  const eventFile = path.join(runnerTemp, 'event.json');
  await writeFile(eventFile, JSON.stringify({ repository: { full_name: 'octo/app', private: true, visibility: 'private' } }));
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    GITHUB_ACTIONS: 'true',
    GITHUB_JOB: 'e2e',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_EVENT_PATH: eventFile,
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) childEnv[`INPUT_${k.toUpperCase()}`] = v;
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/index.js')], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    onStdout?.(stdout, child.pid!);
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    runnerTemp,
    durationMs: Date.now() - started,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    state: parseOutputFile(await readFile(stateFile, 'utf8')),
  };
}
