// The JFR recording's jcmd commands and what their output means: pure, so each JDK's behaviour is testable without one.
// Checked on HotSpot 17 (and on the cluster's 8, 11, 21, 25): JFR.start/JFR.stop exit 0 even when they fail (the reason is
// in the text); two recordings may share a name; a recording with `duration=` stops by itself and writes to its
// `filename`; `JFR.stop name=N filename=F` writes to F (whatever filename the start had) and ends the recording.
import type { JfrSettings } from '../shared/model.js';

/** Every recording we start is named so; we never stop, dump or touch a recording of another name. */
export const JFR_NAME_PREFIX = 'kube-jvm-dump-';

/** Event settings in JFR.start exist from JDK 17 (a JDK 11 JVM refuses the whole command with them). */
const JFR_EVENT_OPTIONS_FEATURE = 17;

/**
 * Events that copy the process's environment, its system properties and other processes' command lines into the
 * recording: secrets travel that way, and the summary needs none of them. Off where the JVM lets us (JDK 17+).
 */
export const EVENTS_OFF: readonly string[] = ['jdk.InitialEnvironmentVariable', 'jdk.InitialSystemProperty', 'jdk.SystemProcess'];

/** A recording's name, unique per JVM and run: two recordings may share a name, and we must stop only our own. */
export function jfrRecordingName(debuggerName: string, pid: number, now: number): string {
  return `${JFR_NAME_PREFIX}${debuggerName.replace(/[^A-Za-z0-9-]/g, '')}-${pid}-${now.toString(36)}`;
}

/**
 * JFR.start for our recording. `guardMs` bounds it: if nobody stops it (the runner killed hard), the JVM ends it by
 * itself then, and writes it to /dev/null, so nothing keeps running and no file is left in the pod.
 */
export function jfrStartArgs(name: string, settings: JfrSettings, guardMs: number, feature: number | undefined): string[] {
  const args = ['JFR.start', `name=${name}`, `settings=${settings}`];
  if ((feature ?? 0) >= JFR_EVENT_OPTIONS_FEATURE) args.push(...EVENTS_OFF.map((e) => `${e}#enabled=false`));
  args.push(`duration=${Math.ceil(guardMs / 1000)}s`, 'filename=/dev/null');
  return args;
}

/** `jfr scrub`, which copies a recording without some events, came with JDK 19. */
const JFR_SCRUB_FEATURE = 19;

/** How the recording may leave the pod: as written, scrubbed of EVENTS_OFF first (and why), or not at all (and why). */
export type JfrExport = { kind: 'as-is' } | { kind: 'scrub'; why: string } | { kind: 'withhold'; reason: string };

/**
 * A JVM before 17 records EVENTS_OFF whatever JFR.start asks, so its recording carries the process's environment
 * (secrets) unless the debugger's `jfr scrub` removes them; without it the recording stays in the pod. From 17 on,
 * our JFR.start turns them off, yet recordings share their data: another recording in the JVM (the app's own, with
 * the default settings) turns them on for ours too (seen on the cluster: 13 environment variables in a JDK 21
 * recording). So the recording is scrubbed whenever the debugger can; a JDK 17/18 debugger sends it as written only
 * when JFR.check lists no other recording (`others`), else it stays in the pod.
 */
export function jfrExport(jvmFeature: number | undefined, debuggerFeature: number | undefined, others: readonly string[] = []): JfrExport {
  const recordsEnvironment = (jvmFeature ?? 0) < JFR_EVENT_OPTIONS_FEATURE;
  const listed = others.join(', ').slice(0, 200);
  if ((debuggerFeature ?? 0) >= JFR_SCRUB_FEATURE)
    return {
      kind: 'scrub',
      why: recordsEnvironment
        ? 'this JVM records them whatever JFR.start asks'
        : `another recording in the JVM may turn them on${listed ? ` (${listed})` : ''}`,
    };
  // A JDK 17/18 debugger cannot scrub: as written only when JFR.check showed no other recording (see needsCheck).
  if (!recordsEnvironment && others.length === 0) return { kind: 'as-is' };
  const jvm = jvmFeature === undefined ? 'this' : `a JDK ${jvmFeature}`;
  const debuggerJdk = debuggerFeature === undefined ? "debugger's JDK" : `debugger's JDK ${debuggerFeature}`;
  const why = !recordsEnvironment
    ? `another recording runs in this JVM (${listed}) and may record its environment variables and system properties into ours`
    : `${jvm} JVM writes its environment variables and system properties into every recording`;
  return {
    kind: 'withhold',
    reason:
      `recording.jfr not sent: ${why} ` +
      `(secrets travel that way) and the ${debuggerJdk} cannot scrub them (jfr scrub needs JDK 19+); ` +
      'the summary is kept. Use a jdk-image of JDK 21+ to get the recording too',
  };
}

/** Whether JFR.check must tell if another recording runs: only when the recording would otherwise go as written. */
export function needsCheck(jvmFeature: number | undefined, debuggerFeature: number | undefined): boolean {
  return (debuggerFeature ?? 0) < JFR_SCRUB_FEATURE && (jvmFeature ?? 0) >= JFR_EVENT_OPTIONS_FEATURE;
}

/**
 * The other recordings JFR.check lists ("Recording 3: name=app ... (running)"), by what follows "name="; ours left out.
 * Their names are the app's: untrusted text.
 */
export function otherRecordings(checkOutput: string, ours: string): string[] {
  return checkOutput
    .split('\n')
    .map((line) => /^Recording \d+: name=(.*)$/.exec(line.trim())?.[1])
    .filter((rest): rest is string => rest !== undefined && rest !== ours && !rest.startsWith(`${ours} `))
    .map((rest) => rest.slice(0, 80));
}

/** JFR.stop that writes our recording to `jvmPath` (in the JVM's filesystem) and ends it. */
export function jfrStopArgs(name: string, jvmPath: string): string[] {
  return ['JFR.stop', `name=${name}`, `filename=${jvmPath}`];
}

/** JFR.stop with no file: the recording is discarded (a failed or cancelled run). */
export function jfrDiscardArgs(name: string): string[] {
  return ['JFR.stop', `name=${name}`];
}

/** Why JFR.start did not start a recording, in words for the user, or undefined when it did. */
export function jfrStartProblem(output: string): string | undefined {
  if (/^Started recording \d+/m.test(output)) return undefined;
  const said = firstLine(output);
  if (/Flight Recorder is disabled|FlightRecorder.*disabled/i.test(output))
    return `JFR is disabled in this JVM (-XX:-FlightRecorder): ${said}`;
  if (/UnlockCommercialFeatures|commercial feature/i.test(output))
    return `this JVM offers JFR only with -XX:+UnlockCommercialFeatures (Oracle JDK 8): ${said}`;
  if (/Unknown diagnostic command|JFR\.start.*not|is not a valid/i.test(output))
    return `this JVM has no JFR.start (JFR needs JDK 11+ or 8u272+): ${said}`;
  return `JFR.start refused: ${said || 'no output'}`;
}

/** Why JFR.stop did not write our recording, or undefined when it did. */
export function jfrStopProblem(output: string, name: string): string | undefined {
  if (output.includes(`Stopped recording "${name}"`)) return undefined;
  return `JFR.stop failed: ${firstLine(output) || 'no output'}`;
}

/**
 * Why this JVM has no JFR to ask, known from its version alone: JDK 8 before update 272 (the OpenJDK backport).
 * Oracle's own JDK 8 builds had a commercial JFR; JFR.start itself says so (see jfrStartProblem). Unknown: try.
 */
export function jfrUnavailable(version: string | undefined, feature: number | undefined): string | undefined {
  if (feature === undefined || feature > 8) return undefined;
  if (feature < 8) return `JDK ${feature} has no Flight Recorder (JFR needs JDK 11+ or 8u272+)`;
  const update = /^(?:1\.)?8\.0_(\d+)/.exec(version ?? '')?.[1];
  if (update !== undefined && Number(update) < 272)
    return `JDK 8u${update} has no Flight Recorder (OpenJDK 8 has it from 8u272; JDK 11+ always): the other dumps are taken without it`;
  return undefined;
}

/**
 * How long to wait before stopping the recording, so it covers `durationMs` from its start; never into the time
 * the run needs afterwards (`reserveMs` before the deadline). `cutMs` > 0 tells how much shorter it got.
 */
export function jfrWaitMs(
  startedAt: number,
  durationMs: number,
  now: number,
  deadline: number,
  reserveMs: number,
): { waitMs: number; cutMs: number } {
  const wanted = Math.max(0, startedAt + durationMs - now);
  const allowed = Math.max(0, deadline - reserveMs - now);
  const waitMs = Math.min(wanted, allowed);
  return { waitMs, cutMs: wanted - waitMs };
}

/** The first non-empty line of jcmd's answer after its "<pid>:" header. */
function firstLine(output: string): string {
  return (
    output
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !/^\d+:$/.test(l)) ?? ''
  ).slice(0, 300);
}

/** A recording file starts with "FLR\0". */
export function isJfrFile(head: Buffer): boolean {
  return head.length >= 4 && head.subarray(0, 4).equals(Buffer.from('FLR\0', 'latin1'));
}
