// Parser for HotSpot thread dumps (jcmd Thread.print [-l], jstack [-l], SIGQUIT output), JDK 6 to 25.
// Lenient by design: any line it does not understand is kept in `unknownLines`, never thrown on.
import { lockRef, parseFrameLine, parseLockLine, parseThreadHeader, readDeadlockWaitLine } from './thread-dump-lines.js';
import type { DeadlockWait, JvmDeadlock, ThreadDump, ThreadInfo } from './thread-dump-types.js';

/** A name with a newline in it makes the header span lines; this many are joined at most. */
const MAX_HEADER_LINES = 4;
const HISTOGRAM_HEAD_RE = /^num\s+#instances\s+#bytes\s+class name/;
const STATE_RE = /^java\.lang\.Thread\.State:\s*([A-Z_]+)(?:\s*\((.*)\))?/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;

/** Parses one thread dump. Never throws; what it cannot place ends up in `unknownLines`. */
export function parseThreadDump(text: string): ThreadDump {
  const dump: ThreadDump = { format: 'thread-print', threads: [], jvmDeadlocks: [], unknownLines: [], headerCount: 0 };
  // Lines end in LF or CRLF; a lone CR is part of the line (a thread name may hold one).
  const lines = text.split(/\r?\n/);
  type Mode = 'top' | 'thread' | 'ownable' | 'smr' | 'deadlock' | 'deadlock-stacks' | 'heap' | 'histogram';
  let mode: Mode = 'top';
  let current: ThreadInfo | undefined;
  let deadlock: JvmDeadlock | undefined;
  let wait: DeadlockWait | undefined;
  let sawHeaderLine = false;
  let histogram: string[] = [];
  /** The carrier whose mounted virtual thread is being read (JDK 25 "Mounted virtual thread #N"). */
  let carrier: ThreadInfo | undefined;

  const unknown = (raw: string) => {
    if (raw.trim() !== '') dump.unknownLines.push(raw);
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();

    // The common case first (a thread has ten frames for each header): a frame or a lock line of a thread.
    if (current && mode === 'thread') {
      if (line.startsWith('at ')) {
        const frame = parseFrameLine(line);
        if (frame) {
          current.frames.push(frame);
          continue;
        }
      } else if (line.startsWith('- ')) {
        const ref = parseLockLine(line.slice(2).trim());
        if (ref) {
          const last = current.frames[current.frames.length - 1];
          (last ? last.locks : current.looseLocks).push(ref);
          continue;
        }
      }
    }

    // A class histogram printed after a SIGQUIT dump (-XX:+PrintClassHistogram): kept whole, ended by its Total.
    if (line.startsWith('num') && HISTOGRAM_HEAD_RE.test(line)) {
      current = undefined;
      histogram = [raw];
      mode = 'histogram';
      continue;
    }
    if (mode === 'histogram') {
      histogram.push(raw);
      if (/^Total\s+\d+\s+\d+/.test(line) || line === '') {
        dump.histogramText = histogram.join('\n') + '\n';
        mode = 'top';
      }
      continue;
    }

    // Lines that switch sections regardless of the current mode.
    if (line === 'Found one Java-level deadlock:') {
      current = undefined;
      deadlock = { waits: [] };
      wait = undefined;
      dump.jvmDeadlocks.push(deadlock);
      mode = 'deadlock';
      continue;
    }
    const found = line.startsWith('Found ') ? /^Found (\d+) deadlocks?\.$/.exec(line) : null;
    if (found) {
      dump.reportedDeadlockCount = Number(found[1]);
      mode = 'top';
      continue;
    }
    const jni = line.startsWith('JNI ') ? /^JNI global (?:refs|references): (\d+)(?:, weak refs: (\d+))?/.exec(line) : null;
    if (jni) {
      dump.jniGlobalRefs = Number(jni[1]);
      if (jni[2] !== undefined) dump.jniWeakRefs = Number(jni[2]);
      current = undefined;
      mode = 'top';
      continue;
    }

    // A SIGQUIT dump (and JDK 8's jstack) ends with the GC's heap summary: keep it, it is not a thread.
    if (line === 'Heap' && current === undefined) {
      dump.heapSummary = [];
      mode = 'heap';
      continue;
    }
    if (mode === 'heap') {
      if (/^\s/.test(raw) || /^(Metaspace|class space)\b/.test(line)) {
        dump.heapSummary!.push(line);
        continue;
      }
      mode = 'top';
    }

    if (mode === 'deadlock' || mode === 'deadlock-stacks') {
      if (line === '' || /^=+$/.test(line)) continue;
      if (line.startsWith('Java stack information for the threads listed above')) {
        mode = 'deadlock-stacks';
        continue;
      }
      if (mode === 'deadlock-stacks') continue; // duplicates the per-thread stacks above
      const who = /^"(.*)":$/s.exec(line);
      if (who && deadlock) {
        wait = { thread: who[1], kind: 'unknown' };
        deadlock.waits.push(wait);
        continue;
      }
      if (wait && readDeadlockWaitLine(line, wait)) continue;
      unknown(raw);
      continue;
    }

    if (mode === 'smr') {
      const len = /^_java_thread_list=.*length=(\d+)/.exec(line);
      if (len) dump.smrThreadCount = Number(len[1]);
      if (line === '}' || line === '') mode = 'top';
      continue;
    }

    if (line.startsWith('Threads class SMR info:')) {
      current = undefined;
      mode = 'smr';
      continue;
    }
    if (line.startsWith('_java_thread_list=') || line.startsWith('_to_delete_list=')) {
      const len = /length=(\d+)/.exec(line);
      if (len && line.startsWith('_java_thread_list=')) dump.smrThreadCount = Number(len[1]);
      if (line.endsWith('{')) mode = 'smr';
      continue;
    }

    let header = line.startsWith('"') ? parseThreadHeader(line) : undefined;
    // A thread name with a newline in it: the header goes on in the next line(s).
    for (let j = i + 1; !header && line.startsWith('"') && j < Math.min(lines.length, i + MAX_HEADER_LINES); j++) {
      header = parseThreadHeader(
        lines
          .slice(i, j + 1)
          .join('\n')
          .trim(),
      );
      if (header) i = j;
    }
    if (header) {
      current = header;
      carrier = undefined;
      dump.threads.push(header);
      dump.headerCount++;
      mode = 'thread';
      continue;
    }

    // Seen in a real JDK 25 capture: the header gained a "JDK version:" line.
    const jdk = dump.threads.length === 0 ? /^JDK version:\s*(.*)$/.exec(line) : null;
    if (jdk) {
      dump.jdkVersion = jdk[1];
      continue;
    }
    if (!sawHeaderLine && dump.threads.length === 0) {
      const pid = /^(\d+):$/.exec(line);
      if (pid && dump.pid === undefined) {
        dump.pid = Number(pid[1]);
        continue;
      }
      if (TIMESTAMP_RE.test(line) && dump.timestamp === undefined) {
        dump.timestamp = line;
        continue;
      }
      const full = /^Full thread dump (.*?):?$/.exec(line);
      if (full) {
        dump.vm = full[1];
        sawHeaderLine = true;
        continue;
      }
    }

    if (line === '') {
      // A blank line ends the ownable-synchronizer list, not the thread.
      if (mode === 'ownable') mode = 'thread';
      continue;
    }

    if (current && (mode === 'thread' || mode === 'ownable')) {
      if (line === 'Locked ownable synchronizers:') {
        current.ownableSynchronizers = [];
        mode = 'ownable';
        continue;
      }
      if (mode === 'ownable' && line.startsWith('- ')) {
        const body = line.slice(2).trim();
        if (body === 'None') continue;
        const ref = lockRef('ownable', body);
        current.ownableSynchronizers!.push(ref);
        continue;
      }
      const st = STATE_RE.exec(line);
      if (st) {
        current.state = st[1];
        if (st[2]) current.stateDetail = st[2].trim();
        current.isJavaThread = true;
        continue;
      }
      const carrying = /^Carrying virtual thread #(\d+)/.exec(line);
      if (carrying) {
        current.carryingVirtualThread = Number(carrying[1]);
        current.isJavaThread = true;
        continue;
      }
      // JDK 25: the carrier's frames, then the mounted virtual thread's own: a thread of its own, not more frames.
      const mounted = /^Mounted virtual thread #(\d+)/.exec(line);
      if (mounted) {
        carrier ??= current;
        current = mountedVirtualThread(Number(mounted[1]), carrier);
        dump.threads.push(current);
        continue;
      }
      const frame = parseFrameLine(line);
      if (frame) {
        current.frames.push(frame);
        continue;
      }
      if (line.startsWith('- ')) {
        const ref = parseLockLine(line.slice(2).trim());
        if (ref) {
          const last = current.frames[current.frames.length - 1];
          (last ? last.locks : current.looseLocks).push(ref);
          continue;
        }
      }
      current.extraLines.push(line);
      continue;
    }

    unknown(raw);
  }
  if (mode === 'histogram') dump.histogramText = histogram.join('\n') + '\n';
  for (const t of dump.threads) if (t.virtual && t.carrier !== undefined) t.state ??= mountedState(t);
  return dump;
}

/** The JVM prints no CPU figures for a virtual thread: while mounted, its carrier's are its own. */
function mountedVirtualThread(id: number, carrier: ThreadInfo): ThreadInfo {
  return {
    name: `virtual thread #${id}`,
    number: id,
    cpuMs: carrier.cpuMs,
    elapsedS: carrier.elapsedS,
    daemon: true,
    description: `mounted on ${carrier.name}`,
    isJavaThread: true,
    virtual: true,
    carrier: carrier.name,
    frames: [],
    looseLocks: [],
    extraLines: [],
  };
}

/** A mounted virtual thread prints no state: it runs, unless its top frame shows it blocked or waiting while pinned. */
function mountedState(t: ThreadInfo): string {
  const locks = t.frames[0]?.locks ?? [];
  if (locks.some((l) => l.action === 'waiting-to-lock')) return 'BLOCKED';
  if (locks.some((l) => l.action === 'waiting-on' || l.action === 'parking')) return 'WAITING';
  return 'RUNNABLE';
}
