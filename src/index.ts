// One bundle serves the action and the CLI (bin/kube-jvm-dump.js sets KUBE_JVM_DUMP_CLI).
// The one catch at the edge: anything thrown outside the engine still ends as a clear failure.
import * as core from '@actions/core';
import { run } from './main.js';
import { runCli } from './cli.js';
import { TOOL_NAME } from './shared/constants.js';
import { errorMessage } from './shared/errors.js';
import { neutralise } from './shared/untrusted.js';

if (process.env.KUBE_JVM_DUMP_CLI === '1') {
  delete process.env.KUBE_JVM_DUMP_CLI;
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${TOOL_NAME}: ${neutralise(errorMessage(err))}\n`);
      process.exitCode = 1;
    },
  );
} else {
  run().catch((err: unknown) => core.setFailed(neutralise(errorMessage(err))));
}
