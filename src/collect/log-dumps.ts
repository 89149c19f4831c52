// Cuts HotSpot thread dumps out of a container log, where SIGQUIT makes the JVM print them.

const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;

/**
 * Finds thread dumps inside a container log (SIGQUIT makes the JVM print its dump to stdout,
 * interleaved with the application's own lines). Returns each dump's text, in log order.
 */
export function extractThreadDumps(log: string): string[] {
  const lines = log.replace(/\r\n?/g, '\n').split('\n');
  const dumps: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!/^Full thread dump /.test(lines[i].trim())) {
      i++;
      continue;
    }
    const start = i > 0 && TIMESTAMP_RE.test(lines[i - 1].trim()) ? i - 1 : i;
    let j = i + 1;
    let end = lines.length;
    let inTail = false;
    let inHeap = false;
    for (; j < lines.length; j++) {
      const l = lines[j];
      const t = l.trim();
      if (/^Full thread dump /.test(t)) {
        end = TIMESTAMP_RE.test(lines[j - 1]?.trim() ?? '') ? j - 1 : j;
        break;
      }
      if (!inTail) {
        if (/^JNI global (refs|references):/.test(t)) inTail = true;
        continue;
      }
      // After the JNI line: only deadlock reports and the heap summary belong to the dump.
      if (t === '' || /^=+$/.test(t) || /^Found (one Java-level deadlock:|\d+ deadlocks?\.)/.test(t)) continue;
      if (t.startsWith('Java stack information for the threads')) continue;
      if (/^".*":$/.test(t) || /^\s/.test(l)) continue;
      if (t === 'Heap') {
        inHeap = true;
        continue;
      }
      if (inHeap && /^\s/.test(l)) continue;
      end = j;
      break;
    }
    dumps.push(lines.slice(start, end).join('\n').replace(/\n+$/, '\n'));
    i = Math.max(end, i + 1);
  }
  return dumps;
}
