// toolbox.sh, read once: the bundle carries it as one asset, whatever module needs it (the toolbox, the JFR execs).
import { readFileSync } from 'node:fs';

export const TOOLBOX_SCRIPT = readFileSync(new URL('./toolbox.sh', import.meta.url), 'utf8');

/**
 * A script without comment lines (shellcheck's directives kept), blank lines and indentation: exec arguments travel
 * in the request URL, where every byte counts and a space three times. Safe for toolbox.sh and jfr-summary.sh: no
 * here-document, and the one quoted string that spans lines is sh code, where indentation and comment lines mean
 * nothing either.
 */
export function compact(script: string): string {
  return script
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line !== '' && (!line.startsWith('#') || line.startsWith('# shellcheck ')))
    .join('\n');
}

/** toolbox.sh as it travels in argv. */
export const TOOLBOX_ARGV_SCRIPT = compact(TOOLBOX_SCRIPT);
