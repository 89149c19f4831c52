import * as path from 'node:path';
import { Defaults, Inputs } from '../shared/constants.js';
import { DUMP_KINDS, type DumpKind, type JfrSettings } from '../shared/model.js';
import { Bounds, boundedDuration, dumpWindowProblem, jfrWindowProblem } from './bounds.js';
import { imageReferenceProblem } from './image-reference.js';
import { parseByteSize } from './byte-size.js';
import { sanitizeArtifactName } from '../shared/names.js';
import type { KubeconfigSource } from '../kube/client.js';
import { type PullPolicy, type Settings, type TargetSpec, type WorkloadKind } from './settings.js';

/** Reads one raw input by its kebab-case name; '' when unset (as @actions/core does). */
export type InputReader = (name: string) => string;

export class InputError extends Error {}

const KIND_ALIASES: Record<string, WorkloadKind> = {
  deployment: 'deployment',
  deployments: 'deployment',
  deploy: 'deployment',
  statefulset: 'statefulset',
  statefulsets: 'statefulset',
  sts: 'statefulset',
  daemonset: 'daemonset',
  daemonsets: 'daemonset',
  ds: 'daemonset',
  pod: 'pod',
  pods: 'pod',
  po: 'pod',
};

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function parseTarget(rawTarget: string, rawSelector: string): TargetSpec {
  const target = rawTarget.trim();
  const selector = rawSelector.trim();
  if (target && selector) {
    throw new InputError(
      `Set either '${Inputs.Target}' or '${Inputs.Selector}', not both (got target '${target}' and selector '${selector}').`,
    );
  }
  if (!target && !selector) {
    throw new InputError(
      `Set '${Inputs.Target}' (e.g. deployment/my-app, statefulset/db, pod/my-pod) or '${Inputs.Selector}' (e.g. app=my-app).`,
    );
  }
  if (selector) return { kind: 'selector', selector };
  const slash = target.indexOf('/');
  const kindText =
    slash < 0
      ? 'deployment'
      : target
          .slice(0, slash)
          .toLowerCase()
          .replace(/\.apps$/, '');
  const name = slash < 0 ? target : target.slice(slash + 1);
  const kind = KIND_ALIASES[kindText];
  if (!kind) {
    throw new InputError(
      `Input '${Inputs.Target}': unknown kind '${kindText}' in '${target}'. Use deployment/NAME, statefulset/NAME, daemonset/NAME or pod/NAME.`,
    );
  }
  if (!DNS_SUBDOMAIN.test(name)) {
    throw new InputError(
      `Input '${Inputs.Target}': '${name}' is not a valid Kubernetes object name (lower-case letters, digits, '-' and '.').`,
    );
  }
  return { kind, name };
}

/** Accepts the kubeconfig file content as YAML/JSON or base64 of it (a common way to store it as a secret). */
export function parseKubeconfigInput(raw: string): KubeconfigSource {
  const text = raw.trim();
  if (!text) return { from: 'default' };
  if (looksLikeKubeconfig(text)) return { from: 'content', yaml: text };
  const compact = text.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/=_-]+$/.test(compact)) {
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    if (looksLikeKubeconfig(decoded)) return { from: 'content', yaml: decoded };
  }
  throw new InputError(
    `Input '${Inputs.Kubeconfig}' is neither a kubeconfig (YAML with clusters/contexts/users) nor base64 of one. Pass the file's content, e.g. \${{ secrets.KUBECONFIG }}.`,
  );
}

function looksLikeKubeconfig(text: string): boolean {
  return /(^|\n)\s*"?clusters"?\s*:/.test(text) && /(^|\n)\s*"?(contexts|users)"?\s*:/.test(text);
}

export function parseDumps(raw: string): DumpKind[] {
  const items = raw
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 0) throw new InputError(`Input '${Inputs.Dumps}' is empty: list any of ${DUMP_KINDS.join(', ')}.`);
  const aliases: Record<string, DumpKind> = {
    thread: 'threads',
    'thread-dump': 'threads',
    json: 'threads-json',
    'thread-json': 'threads-json',
    'virtual-threads': 'threads-json',
    histo: 'histogram',
    'class-histogram': 'histogram',
    'heap-dump': 'heap',
    vminfo: 'vm-info',
    info: 'vm-info',
    recording: 'jfr',
    'flight-recording': 'jfr',
    'flight-recorder': 'jfr',
  };
  const chosen = new Set<DumpKind>();
  for (const item of items) {
    const kind = (DUMP_KINDS as readonly string[]).includes(item) ? (item as DumpKind) : aliases[item];
    if (!kind) throw new InputError(`Input '${Inputs.Dumps}': unknown dump '${item}'. Use any of ${DUMP_KINDS.join(', ')}.`);
    chosen.add(kind);
  }
  // Fixed order: thread dumps first, they show the hang before anything else disturbs the JVM.
  return DUMP_KINDS.filter((k) => chosen.has(k));
}

function parseInteger(raw: string, name: string, min: number, max: number): number {
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new InputError(`Input '${name}' must be a whole number from ${min} to ${max}, got '${raw}'.`);
  }
  return Number(text);
}

function optionalInteger(raw: string, name: string, min: number, max: number): number | undefined {
  return raw.trim() === '' ? undefined : parseInteger(raw, name, min, max);
}

function parseBoolean(raw: string, name: string, fallback: boolean): boolean {
  const text = raw.trim().toLowerCase();
  if (text === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(text)) return true;
  if (['false', 'no', '0', 'off'].includes(text)) return false;
  throw new InputError(`Input '${name}' must be true or false, got '${raw}'.`);
}

function parsePullPolicy(raw: string): PullPolicy {
  const text = raw.trim() || Defaults.ImagePullPolicy;
  const policy = (['Always', 'IfNotPresent', 'Never'] as const).find((p) => p.toLowerCase() === text.toLowerCase());
  if (!policy) throw new InputError(`Input '${Inputs.ImagePullPolicy}' must be Always, IfNotPresent or Never, got '${raw}'.`);
  return policy;
}

export function defaultArtifactName(target: TargetSpec, env: NodeJS.ProcessEnv): string {
  const what = target.kind === 'selector' ? `selector-${target.selector}` : `${target.kind}-${target.name}`;
  const job = env.GITHUB_JOB ? `${env.GITHUB_JOB}-` : '';
  const attempt = env.GITHUB_RUN_ATTEMPT ? `-attempt${env.GITHUB_RUN_ATTEMPT}` : '';
  return sanitizeArtifactName(`jvm-dumps-${job}${what}${attempt}`.replace(/\s+/g, '-'));
}

export function getSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const target = parseTarget(read(Inputs.Target), read(Inputs.Selector));
  const namespace = read(Inputs.Namespace).trim() || undefined;
  if (namespace && !DNS_LABEL.test(namespace)) {
    throw new InputError(`Input '${Inputs.Namespace}': '${namespace}' is not a valid namespace name.`);
  }
  const container = read(Inputs.Container).trim() || undefined;
  const prefix = read(Inputs.DebuggerNamePrefix).trim() || Defaults.DebuggerNamePrefix;
  // The suffix adds 6 characters; container names are DNS labels (max 63).
  if (!DNS_LABEL.test(prefix) || prefix.length > 56) {
    throw new InputError(
      `Input '${Inputs.DebuggerNamePrefix}': '${prefix}' must be a DNS label of at most 56 characters (lower-case letters, digits, '-').`,
    );
  }
  const ttlMs = boundedDuration(read(Inputs.DebuggerTtl), Inputs.DebuggerTtl, Defaults.DebuggerTtl, Bounds.debuggerTtl);
  const timeoutMs = boundedDuration(read(Inputs.Timeout), Inputs.Timeout, Defaults.Timeout, Bounds.timeout);
  const threadDumpCount = read(Inputs.ThreadDumpCount).trim()
    ? parseInteger(read(Inputs.ThreadDumpCount), Inputs.ThreadDumpCount, 1, 20)
    : Defaults.ThreadDumpCount;
  const threadDumpIntervalMs = boundedDuration(
    read(Inputs.ThreadDumpInterval),
    Inputs.ThreadDumpInterval,
    Defaults.ThreadDumpInterval,
    Bounds.threadDumpInterval,
  );
  const dumpWindow = dumpWindowProblem(threadDumpCount, threadDumpIntervalMs, timeoutMs);
  if (dumpWindow) throw new InputError(dumpWindow);
  const dumps = parseDumps(read(Inputs.Dumps) || Defaults.Dumps);
  const jfr = jfrSettings(read, dumps, timeoutMs);
  const jdkImage = read(Inputs.JdkImage).trim() || Defaults.JdkImage;
  const imageProblem = imageReferenceProblem(jdkImage);
  if (imageProblem) throw new InputError(`Input '${Inputs.JdkImage}': '${jdkImage}' is not a valid image reference: ${imageProblem}.`);
  const tmpVolume = read(Inputs.TmpVolume).trim() || Defaults.TmpVolume;
  if (tmpVolume !== 'auto' && tmpVolume !== 'none' && !DNS_LABEL.test(tmpVolume)) {
    throw new InputError(`Input '${Inputs.TmpVolume}' must be auto, none, or the name of a pod volume, got '${tmpVolume}'.`);
  }
  const rawArtifact = read(Inputs.ArtifactName).trim();
  const artifactName = rawArtifact ? sanitizeArtifactName(rawArtifact) : defaultArtifactName(target, env);
  // The default output dir is <base>/<artifact name>: '.', '..' (or anything resolving elsewhere) would make it
  // the base or its parent, and upload whatever else is there.
  const base = env.RUNNER_TEMP ? path.resolve(env.RUNNER_TEMP, 'kube-jvm-dump') : path.resolve('jvm-dumps');
  const defaultDir = path.resolve(base, artifactName);
  if (/^\.+$/.test(artifactName) || path.dirname(defaultDir) !== base) {
    throw new InputError(
      `Input '${Inputs.ArtifactName}': '${rawArtifact}' is not a usable artifact name: the dumps would be written outside ${base}${path.sep}. Use a name with letters or digits.`,
    );
  }
  const outputDir = path.resolve(read(Inputs.OutputDir).trim() || defaultDir);
  return {
    kubeconfig: parseKubeconfigInput(read(Inputs.Kubeconfig)),
    context: read(Inputs.Context).trim() || undefined,
    namespace,
    target,
    container,
    maxPods: read(Inputs.MaxPods).trim() ? parseInteger(read(Inputs.MaxPods), Inputs.MaxPods, 1, 100) : Defaults.MaxPods,
    jvmPid: optionalInteger(read(Inputs.JvmPid), Inputs.JvmPid, 1, 4_194_304),
    jdkImage,
    imagePullPolicy: parsePullPolicy(read(Inputs.ImagePullPolicy)),
    dumps,
    threadDumpCount,
    threadDumpIntervalMs,
    heapDumpLive: parseBoolean(read(Inputs.HeapDumpLive), Inputs.HeapDumpLive, Defaults.HeapDumpLive),
    ...jfr,
    allowHeapDumpInPublicRepo: parseBoolean(
      read(Inputs.AllowHeapDumpInPublicRepo),
      Inputs.AllowHeapDumpInPublicRepo,
      Defaults.AllowHeapDumpInPublicRepo,
    ),
    tmpVolume,
    runAsUser: optionalInteger(read(Inputs.RunAsUser), Inputs.RunAsUser, 0, 2_147_483_647),
    runAsGroup: optionalInteger(read(Inputs.RunAsGroup), Inputs.RunAsGroup, 0, 2_147_483_647),
    debuggerNamePrefix: prefix,
    debuggerTtlSeconds: Math.ceil(ttlMs / 1000),
    artifactName,
    retentionDays: optionalInteger(read(Inputs.RetentionDays), Inputs.RetentionDays, 1, 90),
    compressionLevel: optionalInteger(read(Inputs.CompressionLevel), Inputs.CompressionLevel, 0, 9),
    outputDir,
    timeoutMs,
    failOnError: parseBoolean(read(Inputs.FailOnError), Inputs.FailOnError, Defaults.FailOnError),
    includeContext: parseBoolean(read(Inputs.IncludeContext), Inputs.IncludeContext, Defaults.IncludeContext),
    redactEnv: parseBoolean(read(Inputs.RedactEnv), Inputs.RedactEnv, Defaults.RedactEnv),
    logBytes: parseLogBytes(read(Inputs.LogBytes)),
    ...rolloutSettings(read, target),
    removeOomDumps: parseBoolean(read(Inputs.RemoveOomDumps), Inputs.RemoveOomDumps, Defaults.RemoveOomDumps),
    when: parseWhen(read(Inputs.When)),
  };
}

/** jfr-duration and jfr-settings; the recording must fit in the timeout when `jfr` is asked for. */
function jfrSettings(read: InputReader, dumps: DumpKind[], timeoutMs: number): Pick<Settings, 'jfrDurationMs' | 'jfrSettings'> {
  const jfrDurationMs = boundedDuration(read(Inputs.JfrDuration), Inputs.JfrDuration, Defaults.JfrDuration, Bounds.jfrDuration);
  const text = read(Inputs.JfrSettings).trim().toLowerCase() || Defaults.JfrSettings;
  if (text !== 'profile' && text !== 'default') {
    throw new InputError(`Input '${Inputs.JfrSettings}' must be profile or default, got '${read(Inputs.JfrSettings)}'.`);
  }
  const window = dumps.includes('jfr') ? jfrWindowProblem(jfrDurationMs, timeoutMs) : undefined;
  if (window) throw new InputError(window);
  return { jfrDurationMs, jfrSettings: text satisfies JfrSettings };
}

/** wait-for-rollout needs a workload with a rollout: not a pod, not a selector. */
function rolloutSettings(read: InputReader, target: TargetSpec): Pick<Settings, 'waitForRollout' | 'rolloutTimeoutMs' | 'dumpOnSuccess'> {
  const waitForRollout = parseBoolean(read(Inputs.WaitForRollout), Inputs.WaitForRollout, Defaults.WaitForRollout);
  if (waitForRollout && !['deployment', 'statefulset', 'daemonset'].includes(target.kind)) {
    throw new InputError(
      `Input '${Inputs.WaitForRollout}' needs a deployment/NAME, statefulset/NAME or daemonset/NAME target (a ${target.kind} has no rollout).`,
    );
  }
  return {
    waitForRollout,
    rolloutTimeoutMs: boundedDuration(read(Inputs.RolloutTimeout), Inputs.RolloutTimeout, Defaults.RolloutTimeout, Bounds.rolloutTimeout),
    dumpOnSuccess: parseBoolean(read(Inputs.DumpOnSuccess), Inputs.DumpOnSuccess, Defaults.DumpOnSuccess),
  };
}

function parseWhen(raw: string): Settings['when'] {
  const text = raw.trim().toLowerCase() || Defaults.When;
  if (text !== 'now' && text !== 'job-failure') throw new InputError(`Input '${Inputs.When}' must be now or job-failure, got '${raw}'.`);
  return text;
}

/** 1 KiB to 64 MiB per log: enough for a stack trace, never a runner's disk. */
function parseLogBytes(raw: string): number {
  const bytes = parseByteSize(raw.trim() || Defaults.LogBytes);
  if (bytes === undefined || bytes < 1024 || bytes > 64 * 1024 ** 2) {
    throw new InputError(`Input '${Inputs.LogBytes}' must be a size from 1Ki to 64Mi (e.g. 1048576, 512Ki, 1Mi), got '${raw}'.`);
  }
  return bytes;
}
