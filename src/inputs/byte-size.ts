// Sizes as the user writes them: 1048576, 512Ki, 1Mi, 1MiB, 1M (binary units: a log bound need not be exact).

const UNITS: Record<string, number> = {
  '': 1,
  k: 1024,
  ki: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
};

/** Bytes, or undefined when the text is not a size; bounds are the caller's. */
export function parseByteSize(raw: string): number | undefined {
  const m = /^(\d+)\s*([a-z]*)$/i.exec(raw.trim());
  if (!m) return undefined;
  const unit = UNITS[m[2].toLowerCase().replace(/^b$/, '')];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}
