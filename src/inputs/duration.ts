/** Parses "90", "90s", "5m", "1h30m", "500ms" into milliseconds; a bare number means seconds. */
export function parseDuration(raw: string, inputName: string): number {
  const text = raw.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(part)) {
    if (match.index !== consumed) break;
    total += Number(match[1]) * unitMs[match[2]];
    consumed += match[0].length;
  }
  if (text.length === 0 || consumed !== text.length) {
    throw new Error(`Input '${inputName}' has an invalid duration '${raw}': use a number of seconds or units like 30s, 5m, 1h30m.`);
  }
  return Math.round(total);
}
