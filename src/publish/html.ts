// HTML building blocks for the job summary: every text from the cluster or the JVM is escaped here.
import { escapeMarkup } from '../shared/untrusted.js';

const MAX_TEXT = 300;
const MAX_NAMES_SHOWN = 10;

/** Escapes text for HTML (a thread name can hold anything); tabs and newlines stay for <pre> (see escapeMarkup). */
export function escapeHtml(text: string): string {
  return escapeMarkup(text, '\t\n');
}

export function esc(text: string | number | undefined, max = MAX_TEXT): string {
  const s = String(text ?? '');
  return escapeHtml(s.length > max ? `${s.slice(0, max)}…` : s).replace(/\n/g, ' ');
}

/** Only http(s) links; anything else is shown as text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}

export function table(headers: string[], rows: string[][]): string {
  // Cells are already escaped HTML.
  const head = `<tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n${head}\n${body}\n</table>`;
}

export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n${body}\n</details>`;
}

/** A <pre> block; blank lines would end GitHub's HTML block, so there are none. */
export function pre(lines: string[]): string {
  return `<pre>${lines
    .filter((l) => l.trim() !== '')
    .map((l) => esc(l, 500))
    .join('\n')}</pre>`;
}

export function names(list: string[], total: number): string {
  const shown = list
    .slice(0, MAX_NAMES_SHOWN)
    .map((n) => `<code>${esc(n, 80)}</code>`)
    .join(', ');
  return total > MAX_NAMES_SHOWN ? `${shown} and ${total - MAX_NAMES_SHOWN} more` : shown;
}
