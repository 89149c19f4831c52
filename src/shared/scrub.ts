// Known secrets cut out of text before it is logged or written: the runner masks its log, but never the
// artifact (manifest.json), and the CLI has no runner at all.
import type { ErrorRecord, RunManifest } from './model.js';

export const REDACTED = '***';

export class Scrubber {
  /** Longest first, so a secret that contains another is cut whole. */
  private secrets: string[] = [];

  constructor(secrets: Iterable<string> = []) {
    this.add(secrets);
  }

  add(secrets: Iterable<string>): void {
    const all = new Set([...this.secrets, ...[...secrets].filter((s) => s.length > 0)]);
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }
}

/** Scrubs, in place, the manifest's text that can quote an API or a plugin: error messages, notes, command lines. */
export function scrubManifest(manifest: RunManifest, scrubber: Scrubber): void {
  const errors = (list: ErrorRecord[]) => list.forEach((e) => (e.message = scrubber.scrub(e.message)));
  errors(manifest.errors);
  for (const pod of manifest.pods) {
    errors(pod.errors);
    for (const jvm of pod.jvms) {
      errors(jvm.errors);
      jvm.commandLine = scrubber.scrub(jvm.commandLine);
      if (jvm.notes) jvm.notes = jvm.notes.map((n) => scrubber.scrub(n));
    }
  }
}
