// Text from the pod, the cluster or an API error is untrusted: printed raw, it could steer the workflow log
// (`::error::`, `::add-mask::`, `::stop-commands::`, V1 `##[...]`), split a line with a lone CR, or drive a
// terminal with escape sequences. Everything untrusted is made inert here, at the point it is printed.
//
// Why escaping and not `::stop-commands::<token>` blocks: every line we print is one message, so escaping
// makes it inert on its own; it works inside warnings and errors too (a stopped block would silence the
// action's own annotations and add-mask), it is the same for the CLI (no runner there, but a `run:` step
// may call it), and a pure function can be tested against the runner's parsing rules.

/** C0, DEL, C1 (incl. U+0085), format characters (bidi, zero-width, BOM), lone surrogates, U+2028/U+2029. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (NAMED[ch]) return NAMED[ch];
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Control, format and line-separator characters as visible escapes (`\r`, `\x1b`, `\u2028`); `keep` stays raw. */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(UNSAFE, (ch) => (keep.includes(ch) ? ch : visible(ch)));
}

/**
 * Text for HTML or XML content or an attribute value: markup characters as entities; control, bidi, line-separator
 * characters and the non-characters U+FFFE/U+FFFF (not allowed in XML) as visible escapes (raw, they could hide or
 * reorder what the reader sees); `keep` stays raw (the job summary keeps tabs and newlines).
 */
export function escapeMarkup(text: string, keep = ''): string {
  return escapeControls(text, keep)
    .replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * One line that cannot be a workflow command, whatever `text` holds: no raw control or line-breaking
 * character (so no new line can start inside it), no `##[` anywhere (the runner's V1 commands are found
 * anywhere in a line), and no `::` at its start after leading whitespace (V2 commands). ESC sequences
 * (CSI, OSC) lose their ESC and show as text.
 */
export function neutralise(text: string): string {
  return escapeControls(text)
    .replace(/##\[/g, '##\\x5b')
    .replace(/^(\s*):(?=:)/u, '$1\\x3a');
}

/**
 * JSON for a terminal or a step log (e.g. `--json` output): the same data once parsed, but every character
 * neutralise() escapes is written as `\uXXXX` and `##[` as `##\u005b`. Structural newlines stay; no line can
 * start with `::` (pretty JSON lines start with whitespace, a quote or a bracket).
 */
export function inertJson(value: unknown, space = 2): string {
  const units = (ch: string) => [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  return (JSON.stringify(value, null, space) ?? 'null')
    .replace(UNSAFE, (ch) => (ch === '\n' ? ch : units(ch)))
    .replace(/##\[/g, '##\\u005b');
}
