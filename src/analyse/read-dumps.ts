// From a file's text to HotSpot thread dumps: which format it is, several dumps in one file apart, and what a
// text that is no HotSpot thread dump looks like instead. Only what is recognised is analysed: a dump of another
// VM or tool parsed as if it were HotSpot's would give confident wrong verdicts.
import { extractThreadDumps } from '../collect/log-dumps.js';
import { isDumpToFileText, parseDumpToFileText, parseJsonThreadDump } from './thread-dump-jdk21.js';
import { parseThreadDump } from './thread-dump.js';
import type { ThreadDump } from './thread-dump-types.js';

export interface ReadDumps {
  /** The dumps found, in the order of the text. */
  dumps: ThreadDump[];
  /** Set when the text is no HotSpot thread dump: what it looks like instead. */
  rejected?: string;
}

const FULL_DUMP_RE = /^\s*Full thread dump /;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;

/** Formats that are not HotSpot's, by a line only they print. First match wins. */
const LOOKALIKES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(0SECTION|1TISIGINFO|1CIJAVAVERSION|3XMTHREADINFO)\b/m, 'an OpenJ9 / IBM javacore'],
  [/^(----- pid \d+ at |DALVIK THREADS|Cmd line: .*\n[\s\S]*\| group=")/m, 'an Android ART / Dalvik trace'],
  [/^\s*\| group="/m, 'an Android ART / Dalvik trace'],
  [/^={3,} FULL THREAD DUMP =+/m, 'a JRockit thread dump'],
  [/^"[^"\n]*"@\d+ in group "[^"\n]*": [A-Z]+/m, 'an IntelliJ IDEA thread dump export'],
  [
    /^"[^"\n]*"(?: daemon)?(?: prio=\d+)? Id=\d+ (NEW|RUNNABLE|BLOCKED|WAITING|TIMED_WAITING|TERMINATED)\b/m,
    'ThreadInfo.toString() output (java.lang.management)',
  ],
  [/^(Attaching to process ID \d+|Debugger attached successfully)|@bci=\d+/m, 'jhsdb jstack output (the serviceability agent)'],
  [/^JAVA PROFILE 1\.0\./, 'a heap dump (HPROF)'],
  [/^FLR\0/, 'a JFR recording'],
];

/** Splits and parses `text`; never throws. */
export function readThreadDumps(text: string): ReadDumps {
  if (text.trim() === '') return { dumps: [], rejected: 'an empty file' };
  if (/^\s*[{[]/.test(text)) {
    const json = parseJsonThreadDump(text);
    return json ? { dumps: [json] } : { dumps: [], rejected: 'JSON that is not a Thread.dump_to_file thread dump' };
  }
  if (isDumpToFileText(text)) return { dumps: [parseDumpToFileText(text)] };
  const head = text.slice(0, 200_000);
  for (const [re, what] of LOOKALIKES) if (re.test(head)) return { dumps: [], rejected: what };

  const dumps = splitDumps(text)
    .map(parseThreadDump)
    .filter((d) => d.threads.length > 0 || d.jvmDeadlocks.length > 0);
  // HotSpot prints "#N" (JDK 8+) or a java.lang.Thread.State line (JDK 6+) for every Java thread.
  if (dumps.some((d) => d.threads.some((t) => t.number !== undefined || t.state !== undefined))) return { dumps };
  if (dumps.length > 0 || /^\s*Full thread dump /m.test(head))
    return { dumps: [], rejected: 'a thread dump whose threads have neither "#N" ids nor java.lang.Thread.State lines (JDK 5 or older)' };
  if (/^\s*num\s+#instances\s+#bytes/m.test(head)) return { dumps: [], rejected: 'a class histogram' };
  return { dumps: [], rejected: 'text without a single thread header' };
}

/**
 * One text per dump. jcmd/jstack output and dumps appended to one file are cut at each "Full thread dump" line
 * (with the pid and time lines above it); a container log, with the application's lines around the dumps, is
 * cut the way the SIGQUIT path cuts it.
 */
export function splitDumps(text: string): string[] {
  // The common case without splitting lines: one dump, nothing but its pid and time lines before it.
  const heads = text.match(/^[ \t]*Full thread dump /gm);
  if (!heads) return [text];
  if (heads.length === 1) {
    const before = text.slice(0, text.search(/^[ \t]*Full thread dump /m)).split('\n');
    if (before.every((l) => l.trim() === '' || /^\d+:$/.test(l.trim()) || TIMESTAMP_RE.test(l.trim()))) return [text];
  }
  // Lines end in LF or CRLF; a lone CR is part of the line (a thread name may hold one).
  const lines = text.split(/\r?\n/);
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (!FULL_DUMP_RE.test(l)) return;
    let s = i;
    if (s > 0 && TIMESTAMP_RE.test(lines[s - 1].trim())) s--;
    if (s > 0 && /^\d+:$/.test(lines[s - 1].trim())) s--;
    starts.push(s);
  });
  const before = lines.slice(0, starts[0] ?? 0).filter((l) => l.trim() !== '');
  if (starts.length === 0 || (starts.length === 1 && before.length === 0)) return [text];
  // Lines of something else before the first dump: a log, not a dump file.
  if (before.length > 0) {
    const cut = extractThreadDumps(text);
    if (cut.length === 0) return [text];
    // -XX:+PrintClassHistogram prints a histogram after the SIGQUIT dump: it goes with the dump before it.
    const hist = /^\s*num\s+#instances\s+#bytes[^\n]*\n(?:.*\n)*?Total\s+\d+\s+\d+[^\n]*$/m.exec(text.replace(/\r\n?/g, '\n'));
    if (hist && !cut.some((d) => d.includes(hist[0]))) cut[cut.length - 1] += `\n${hist[0]}\n`;
    return cut;
  }
  return starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length).join('\n'));
}
