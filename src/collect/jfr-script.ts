// The JFR summariser's execs: toolbox.sh's prelude (fail, find_jcmd, as_user: one copy of the id-dropping logic) and
// jfr-summary.sh; the one that compiles carries JfrSummary.java gzipped and base64-encoded. Exec arguments travel in the
// request URL; the whole toolbox with the source would not fit in one (16 KiB in the tests' fake API server).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Ids } from './toolbox-types.js';
import { compact, TOOLBOX_SCRIPT } from './toolbox-script.js';

const PRELUDE_END = '# end of prelude';

/** toolbox.sh up to its prelude's end marker. */
export function toolboxPrelude(toolbox: string): string {
  const end = toolbox.indexOf(PRELUDE_END);
  if (end < 0) throw new Error('toolbox.sh has no prelude end marker');
  return toolbox.slice(0, end);
}

const SCRIPT = compact(toolboxPrelude(TOOLBOX_SCRIPT) + readFileSync(new URL('./jfr-summary.sh', import.meta.url), 'utf8'));

/** JfrSummary.java as it travels: gzip (level 9) and base64, about 4.5 KB. */
export const JFR_SUMMARY_SOURCE = gzipSync(readFileSync(new URL('./JfrSummary.java', import.meta.url)), { level: 9 }).toString('base64');

const argv = (...args: string[]) => ['sh', '-c', SCRIPT, 'kjd', ...args];

/** argv: unpack and compile the summariser into a new folder, whose path comes on stdout (runs while the recording does). */
export function jfrPrepareCommand(): string[] {
  return argv('jfrprepare', JFR_SUMMARY_SOURCE);
}

/**
 * argv: summarise `recording` (a path as the debugger sees it; `name` is our recording's) as the JVM's user; the JSON
 * on stdout; `dir` is removed.
 */
export function jfrSummaryCommand(ids: Ids, dir: string, recording: string, name: string): string[] {
  return argv('jfrsummary', String(ids.uid), String(ids.gid), dir, recording, name);
}

/** argv: copy `recording` to `output` without `events` (jfr scrub), as the JVM's user (who can read and write there). */
export function jfrScrubCommand(ids: Ids, recording: string, output: string, events: readonly string[]): string[] {
  return argv('jfrscrub', String(ids.uid), String(ids.gid), recording, output, events.join(','));
}

/** argv: remove the summariser's folder (a run that ended before the summary). */
export function jfrCleanCommand(dir: string): string[] {
  return argv('jfrclean', dir);
}

/** The folder `jfrprepare` printed, or undefined when its output is not one. */
export function preparedDir(stdout: string): string | undefined {
  const dir = stdout.trim();
  return /^\/[^\n]*\/kjd-jfr\.[A-Za-z0-9]+$/.test(dir) ? dir : undefined;
}
