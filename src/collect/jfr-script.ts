// The JFR summariser's exec: toolbox.sh's prelude (fail, find_jcmd, as_user: one copy of the id-dropping logic) and
// jfr-summary.sh, with JfrSummary.java gzipped and base64-encoded as an argument. Exec arguments travel in the
// request URL; the whole toolbox with the source would not fit in one (16 KiB in the tests' fake API server).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Ids } from './toolbox.js';

const PRELUDE_END = '# end of prelude';

/** toolbox.sh up to its prelude's end marker. */
export function toolboxPrelude(toolbox: string): string {
  const end = toolbox.indexOf(PRELUDE_END);
  if (end < 0) throw new Error('toolbox.sh has no prelude end marker');
  return toolbox.slice(0, end);
}

const SCRIPT =
  toolboxPrelude(readFileSync(new URL('./toolbox.sh', import.meta.url), 'utf8')) +
  readFileSync(new URL('./jfr-summary.sh', import.meta.url), 'utf8');

/** JfrSummary.java as it travels: gzip (level 9) and base64, about 4.5 KB. */
export const JFR_SUMMARY_SOURCE = gzipSync(readFileSync(new URL('./JfrSummary.java', import.meta.url)), { level: 9 }).toString('base64');

/** argv: summarise `recording` (a path as the debugger sees it) as the JVM's user; the JSON comes on stdout. */
export function jfrSummaryCommand(ids: Ids, recording: string): string[] {
  return ['sh', '-c', SCRIPT, 'kjd', 'jfrsummary', String(ids.uid), String(ids.gid), JFR_SUMMARY_SOURCE, recording];
}
