// Text from the cluster made fit for one line of a report: bounded, and its line breaks gone.

/** `text` cut to `max` characters, with an ellipsis where it was cut. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `text` on one line (every run of whitespace, line breaks included, one space), cut to `max` characters. */
export function oneLine(text: string, max: number): string {
  return cut(text.replace(/\s+/g, ' ').trim(), max);
}
