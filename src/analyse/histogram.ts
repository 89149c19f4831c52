// Parser for `jcmd <pid> GC.class_histogram` / `jmap -histo` output (JDK 8: no module column).

export interface HistogramEntry {
  rank: number;
  instances: number;
  bytes: number;
  /** As printed by the JVM, e.g. "[B" or "java.lang.String". */
  className: string;
  /** E.g. "java.base@17.0.15"; absent on JDK 8 and for classes in the unnamed module. */
  module?: string;
}

export interface ClassHistogram {
  entries: HistogramEntry[];
  totalInstances?: number;
  totalBytes?: number;
  unknownLines: string[];
}

const ROW_RE = /^\s*(\d+):\s+(\d+)\s+(\d+)\s+(\S+)(?:\s+\((.*)\))?\s*$/;
const TOTAL_RE = /^\s*Total\s+(\d+)\s+(\d+)\s*$/;

export function parseClassHistogram(text: string): ClassHistogram {
  const h: ClassHistogram = { entries: [], unknownLines: [] };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '' || /^\d+:$/.test(line.trim()) || /^-+$/.test(line.trim()) || /^\s*num\s+#instances/.test(line)) continue;
    const row = ROW_RE.exec(line);
    if (row) {
      const e: HistogramEntry = { rank: Number(row[1]), instances: Number(row[2]), bytes: Number(row[3]), className: row[4] };
      if (row[5]) e.module = row[5];
      h.entries.push(e);
      continue;
    }
    const total = TOTAL_RE.exec(line);
    if (total) {
      h.totalInstances = Number(total[1]);
      h.totalBytes = Number(total[2]);
      continue;
    }
    h.unknownLines.push(raw);
  }
  return h;
}

export function topByBytes(h: ClassHistogram, n: number): HistogramEntry[] {
  return [...h.entries].sort((a, b) => b.bytes - a.bytes || a.rank - b.rank).slice(0, n);
}

export function topByInstances(h: ClassHistogram, n: number): HistogramEntry[] {
  return [...h.entries].sort((a, b) => b.instances - a.instances || a.rank - b.rank).slice(0, n);
}

/** JVM type descriptors ("[B", "[Ljava.lang.Object;") as Java source names ("byte[]", "java.lang.Object[]"). */
export function readableClassName(name: string): string {
  let dims = 0;
  while (name[dims] === '[') dims++;
  if (dims === 0) return name;
  const rest = name.slice(dims);
  const prim: Record<string, string> = { B: 'byte', C: 'char', D: 'double', F: 'float', I: 'int', J: 'long', S: 'short', Z: 'boolean' };
  let base: string;
  if (rest.startsWith('L') && rest.endsWith(';')) base = rest.slice(1, -1);
  else if (prim[rest]) base = prim[rest];
  else return name;
  return base + '[]'.repeat(dims);
}
