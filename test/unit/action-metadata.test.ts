import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Defaults, Inputs, Outputs, TOOL_VERSION } from '../../src/shared/constants.js';

const root = path.resolve(import.meta.dirname, '../..');
const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
};

// action.yml is what the runner reads; the constants are what the code reads: they must agree.
describe('action.yml', () => {
  it('declares exactly the inputs and outputs the code uses', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort());
  });
  it('documents the same defaults as the code applies', () => {
    const documented = (name: string) => action.inputs[name].default;
    expect(documented(Inputs.MaxPods)).toBe(String(Defaults.MaxPods));
    expect(documented(Inputs.JdkImage)).toBe(Defaults.JdkImage);
    expect(documented(Inputs.ImagePullPolicy)).toBe(Defaults.ImagePullPolicy);
    expect(documented(Inputs.Dumps)).toBe(Defaults.Dumps);
    expect(documented(Inputs.ThreadDumpCount)).toBe(String(Defaults.ThreadDumpCount));
    expect(documented(Inputs.ThreadDumpInterval)).toBe(Defaults.ThreadDumpInterval);
    expect(documented(Inputs.HeapDumpLive)).toBe(String(Defaults.HeapDumpLive));
    expect(documented(Inputs.JfrDuration)).toBe(Defaults.JfrDuration);
    expect(documented(Inputs.JfrSettings)).toBe(Defaults.JfrSettings);
    expect(documented(Inputs.AllowHeapDumpInPublicRepo)).toBe(String(Defaults.AllowHeapDumpInPublicRepo));
    expect(documented(Inputs.TmpVolume)).toBe(Defaults.TmpVolume);
    expect(documented(Inputs.DebuggerNamePrefix)).toBe(Defaults.DebuggerNamePrefix);
    expect(documented(Inputs.DebuggerTtl)).toBe(Defaults.DebuggerTtl);
    expect(documented(Inputs.Timeout)).toBe(Defaults.Timeout);
    expect(documented(Inputs.FailOnError)).toBe(String(Defaults.FailOnError));
  });
  it('runs the bundle on node24', () => {
    // The post step (when: job-failure) runs only when the job failed.
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'failure()' });
  });
  it('README lists every input and output', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const name of [...Object.values(Inputs), ...Object.values(Outputs)]) expect(readme).toContain(`\`${name}\``);
  });
  it('reports the package version', () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
});
