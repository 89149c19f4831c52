import { readFileSync } from 'node:fs';
import { Defaults, Inputs, TOOL_NAME, TOOL_VERSION } from './shared/constants.js';
import { getSettings } from './inputs/input-helper.js';
import { runEngine } from './engine.js';
import { errorMessage } from './shared/errors.js';
import { neutralise } from './shared/untrusted.js';

/** Text from the pod or the cluster, line by line, with no terminal escape and no workflow command (a `run:` step may call the CLI). */
const inert = (text: string) => text.split('\n').map(neutralise).join('\n');

const SHORT: Record<string, string> = {
  n: Inputs.Namespace,
  c: Inputs.Container,
  o: Inputs.OutputDir,
  l: Inputs.Selector,
  out: Inputs.OutputDir,
};
const KNOWN = new Set<string>(Object.values(Inputs));

export const HELP = `${TOOL_NAME} ${TOOL_VERSION}: thread dumps, class histogram and heap dump from a JVM in Kubernetes,
through a JDK ephemeral container. Uses your kubeconfig (--kubeconfig FILE, else KUBECONFIG, ~/.kube/config).

Usage: ${TOOL_NAME} [deployment/]NAME | statefulset/NAME | daemonset/NAME | pod/NAME  [options]
       ${TOOL_NAME} -l app=my-app [options]
       ${TOOL_NAME} analyse FILE|DIR ... [--json] [--html FILE] [--flame FILE]   (dumps you already have; see analyse --help)

Options (each is the action input of the same name):
  -n, --namespace NS          namespace (default: the context's, else default)
  -l, --selector SELECTOR     label selector instead of a target
  -c, --container NAME        target container (default: annotation, else the only one)
  -o, --out, --output-dir DIR where to write the dumps (default ./jvm-dumps/<name>)
      --kubeconfig FILE       kubeconfig file;  --context NAME
      --max-pods N            pods to dump concurrently (default ${Defaults.MaxPods})
      --dumps LIST            threads,threads-json,histogram,jfr,heap,vm-info (default ${Defaults.Dumps})
      --jfr-duration D        JFR recording length (default ${Defaults.JfrDuration});  --jfr-settings profile|default (default ${Defaults.JfrSettings})
      --thread-dump-count N   (default ${Defaults.ThreadDumpCount});  --thread-dump-interval D (default ${Defaults.ThreadDumpInterval})
      --jdk-image IMAGE       debugger image with jcmd (default ${Defaults.JdkImage})
      --image-pull-policy P   Always | IfNotPresent | Never (default ${Defaults.ImagePullPolicy})
      --heap-dump-live BOOL   --tmp-volume auto|none|NAME  --run-as-user UID  --run-as-group GID
      --jvm-pid PID           --debugger-name-prefix P  --debugger-ttl D (default ${Defaults.DebuggerTtl})  --timeout D (default ${Defaults.Timeout})
      --include-context BOOL  pod.yaml, events, logs next to the dumps (default ${Defaults.IncludeContext});  --redact-env BOOL  --log-bytes N
      --wait-for-rollout BOOL watch the rollout first;  --rollout-timeout D (default ${Defaults.RolloutTimeout});  --dump-on-success BOOL
      --remove-oom-dumps BOOL remove the OOM heap dumps collected from the pod (default ${Defaults.RemoveOomDumps})
  -h, --help                  this text

Progress goes to stderr; the verdicts to stdout. Exit status: 0 all dumps, 3 some, 1 none, 2 bad usage.`;

export function parseArgs(argv: string[]): Map<string, string> {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      values.set('help', 'true');
      continue;
    }
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawKey = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const key = SHORT[rawKey] ?? rawKey;
    if (!KNOWN.has(key)) throw new Error(`unknown option ${arg} (see --help)`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Error(`option ${arg} needs a value`);
    values.set(key, value);
  }
  if (positional.length > 1) throw new Error(`one target expected, got ${positional.join(' ')}`);
  if (positional.length === 1) values.set(Inputs.Target, positional[0]);
  return values;
}

export async function runCli(argv: string[], stdout = process.stdout, stderr = process.stderr): Promise<number> {
  if (argv[0] === 'analyse' || argv[0] === 'analyze')
    return (await import('./analyse-command.js')).runAnalyseCommand(argv.slice(1), stdout, stderr);
  let values: Map<string, string>;
  let settings;
  try {
    values = parseArgs(argv);
    if (values.has('help') || argv.length === 0) {
      stdout.write(HELP + '\n');
      return values.has('help') ? 0 : 2;
    }
    // A named kubeconfig is that file or an error: never a silent fall-back to ~/.kube/config (another cluster, maybe).
    const kubeconfigFile = values.get(Inputs.Kubeconfig);
    if (kubeconfigFile !== undefined) {
      if (kubeconfigFile.trim() === '')
        throw new Error('--kubeconfig needs a file name (leave the option out to use KUBECONFIG or ~/.kube/config)');
      let content: string;
      try {
        content = readFileSync(kubeconfigFile, 'utf8');
      } catch (err) {
        throw new Error(`cannot read the kubeconfig file ${kubeconfigFile}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}`, {
          cause: err,
        });
      }
      if (content.trim() === '') throw new Error(`the kubeconfig file ${kubeconfigFile} is empty`);
      values.set(Inputs.Kubeconfig, content);
    }
    // Local runs have no RUNNER_TEMP: default to ./jvm-dumps/<artifact name>.
    settings = getSettings((name) => values.get(name) ?? '', { ...process.env, RUNNER_TEMP: '' });
  } catch (err) {
    stderr.write(`${TOOL_NAME}: ${inert(errorMessage(err))}\n`);
    return 2;
  }
  // Ctrl-C stops collecting but still writes what was collected (and removes a heap dump from the pod).
  const cancel = new AbortController();
  process.once('SIGINT', () => {
    stderr.write('interrupted: stopping, keeping what was collected\n');
    cancel.abort();
  });
  const report = await runEngine(settings, {
    progress: (m) => stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${neutralise(m)}\n`),
    signal: cancel.signal,
  });
  // Loaded once the dumps are in: the start-up (to the first API request) stays short.
  const [{ analyseDumps }, { renderTerminalReport }] = await Promise.all([
    import('./analyse/analyse-dumps.js'),
    import('./publish/terminal-report.js'),
  ]);
  const analysed = await analyseDumps(report.manifest, settings.outputDir).catch((err) => {
    stderr.write(`analysis failed: ${neutralise(errorMessage(err))}\n`);
    return { jvms: [], replicas: [] };
  });
  // The report carries the errors too, next to the pod they belong to.
  stdout.write(inert(renderTerminalReport(report.manifest, analysed.jvms, analysed.replicas)) + '\n');
  stdout.write(inert(`Dumps in ${settings.outputDir} (manifest.json, analysis.json)`) + '\n');
  return report.outcome === 'success' ? 0 : report.outcome === 'partial' ? 3 : 1;
}
