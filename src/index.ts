// One bundle serves the action and the CLI (bin/kube-jvm-dump.js sets KUBE_JVM_DUMP_CLI).
import { run } from './main.js';
import { runCli } from './cli.js';

if (process.env.KUBE_JVM_DUMP_CLI === '1') {
  delete process.env.KUBE_JVM_DUMP_CLI;
  process.exitCode = await runCli(process.argv.slice(2));
} else {
  await run();
}
