// The CLI's --help names every option that changes what a local run does, so it cannot fall behind the inputs.
import { describe, expect, it } from '@jest/globals';
import { HELP } from '../../src/cli.js';
import { Inputs } from '../../src/shared/constants.js';

/** Inputs that only mean something inside a workflow run (artifact upload, step outcome, post step). */
const ACTION_ONLY = new Set<string>([
  Inputs.ArtifactName,
  Inputs.RetentionDays,
  Inputs.CompressionLevel,
  Inputs.FailOnError,
  Inputs.When,
  Inputs.AllowHeapDumpInPublicRepo,
]);

describe('CLI --help', () => {
  it('lists every input a local run uses', () => {
    // The target is the positional argument (`deployment/NAME`), shown in the usage lines.
    const missing = Object.values(Inputs).filter((name) => name !== Inputs.Target && !ACTION_ONLY.has(name) && !HELP.includes(`--${name}`));
    expect(missing).toEqual([]);
  });
});
