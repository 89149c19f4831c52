// The rollout verdict line and each pod's context (containers, restarts, probes, files) as summary HTML.
// Everything here came from the cluster or the pod: escaped, every piece.
import type { PodContext } from '../shared/model.js';
import { describeTermination, type RolloutVerdict } from '../analyse/rollout-verdict.js';
import { details, esc, table } from './html.js';

const MAX_FILES_LISTED = 20;

/** The line that opens the summary; each layer names its file in the artifact. */
export function rolloutVerdictHtml(v: RolloutVerdict, hasWorkload: boolean): string {
  const html = v.parts
    .map((p, i) => {
      const sep = i === 0 ? '' : hasWorkload && i === 1 ? ': ' : '; ';
      return `${sep}${esc(p.text, 800)}${p.file ? ` (<code>${esc(p.file, 300)}</code>)` : ''}`;
    })
    .join('');
  return `<p>🧭 <strong>${html}</strong></p>`;
}

export function podContextHtml(ctx: PodContext): string {
  const out: string[] = [];
  const rows = ctx.containers.map((c) => [
    `<code>${esc(c.name, 120)}</code>`,
    esc(c.state, 200),
    c.ready ? 'yes' : '<strong>no</strong>',
    String(c.restartCount),
    c.lastTerminated
      ? esc(`${describeTermination(c.lastTerminated)}${c.lastTerminated.finishedAt ? ` at ${c.lastTerminated.finishedAt}` : ''}`)
      : '',
    c.lastLogLine ? `<code>${esc(c.lastLogLine, 300)}</code>` : '',
  ]);
  if (rows.length > 0) out.push(table(['Container', 'State', 'Ready', 'Restarts', 'Previous run ended', 'Last log line'], rows));
  for (const p of ctx.probeFailures) {
    const message = p.message ? `: <code>${esc(p.message, 300)}</code>` : ' (no output)';
    out.push(`<p>${esc(p.probe)} probe failed ${p.count} time${p.count === 1 ? '' : 's'}${message}</p>`);
  }
  if (ctx.files.length > 0) {
    const listed = ctx.files.slice(0, MAX_FILES_LISTED).map((f) => `<code>${esc(f, 300)}</code>`);
    const more = ctx.files.length > MAX_FILES_LISTED ? `, and ${ctx.files.length - MAX_FILES_LISTED} more` : '';
    out.push(`<p>Pod context in the artifact: ${listed.join(', ')}${more}.</p>`);
  }
  if (ctx.errors.length > 0) {
    const items = ctx.errors.slice(0, 10).map((e) => `<li>${esc(e, 600)}</li>`);
    out.push(details(`Context not collected (${ctx.errors.length})`, `<ul>\n${items.join('\n')}\n</ul>`));
  }
  return out.join('\n');
}
