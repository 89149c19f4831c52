// Parsers for the JDK 21+ `Thread.dump_to_file` formats: plain text and JSON. Both list every thread, the
// unmounted virtual threads that Thread.print leaves out included; neither prints cpu=, VM threads or a
// deadlock report. Objects are named by class and identity hash ("java.lang.Object@1b6d3586"), not by address.
import { lockRef, parseLockLine } from './thread-dump-lines.js';
import type { LockRef, StackFrame, ThreadDump, ThreadInfo } from './thread-dump-types.js';

/** `#12 "name" virtual WAITING 2026-11-27T07:38:52.866323506Z`; JDK 21 prints no state and no time. */
const TEXT_HEADER_RE = /^#(\d+)\s+"(.*)"(\s+virtual)?(?:\s+([A-Z_]+))?(?:\s+\S+)?\s*$/s;
/** "java.base/java.lang.Object.wait0(Native Method)": the module comes first, then the frame. */
const JSON_FRAME_RE = /^(?:([\w.]+(?:@[^/]*)?)\/(?!0x))?(.+)\(([^()]*)\)$/;

export function isDumpToFileText(text: string): boolean {
  const head = text.slice(0, 4000).replace(/\r\n?/g, '\n').split('\n', 8);
  return (
    /^\d+$/.test(head[0]?.trim() ?? '') && /^\d{4}-\d{2}-\d{2}T/.test(head[1]?.trim() ?? '') && head.some((l) => TEXT_HEADER_RE.test(l))
  );
}

function newThread(id: number, name: string, virtual: boolean, state?: string): ThreadInfo {
  const t: ThreadInfo = {
    name,
    number: id,
    daemon: false,
    description: '',
    isJavaThread: true,
    frames: [],
    looseLocks: [],
    extraLines: [],
  };
  if (virtual) t.virtual = true;
  if (state) t.state = state;
  return t;
}

/** `Thread.dump_to_file <file>` (text). Never throws. */
export function parseDumpToFileText(text: string): ThreadDump {
  const dump: ThreadDump = { format: 'dump-to-file', threads: [], jvmDeadlocks: [], unknownLines: [], headerCount: 0 };
  // Lines end in LF or CRLF; a lone CR is part of the line (a thread name may hold one).
  const lines = text.split(/\r?\n/);
  let current: ThreadInfo | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (i === 0 && /^\d+$/.test(line)) {
      dump.pid = Number(line);
      return;
    }
    if (i === 1 && /^\d{4}-\d{2}-\d{2}T/.test(line)) {
      dump.timestamp = line;
      return;
    }
    if (i === 2 && dump.threads.length === 0 && !line.startsWith('#')) {
      dump.jdkVersion = line;
      return;
    }
    const h = TEXT_HEADER_RE.exec(line);
    if (h) {
      current = newThread(Number(h[1]), h[2], h[3] !== undefined, h[4]);
      dump.threads.push(current);
      dump.headerCount++;
      return;
    }
    const frame = /^at\s+(.+)$/.exec(line);
    if (current && frame) {
      const f = jsonFrame(frame[1]);
      if (f) {
        current.frames.push(f);
        return;
      }
    }
    if (current && line.startsWith('- ')) {
      const ref = parseLockLine(line.slice(2).trim());
      if (ref) {
        const last = current.frames[current.frames.length - 1];
        (last ? last.locks : current.looseLocks).push(ref);
        return;
      }
    }
    if (current) current.extraLines.push(line);
    else dump.unknownLines.push(raw);
  });
  for (const t of dump.threads) inferVirtual(t);
  return dump;
}

/** A frame as the JSON dump (and the text one after "at ") prints it. */
function jsonFrame(text: string): StackFrame | undefined {
  const m = JSON_FRAME_RE.exec(text.trim());
  if (!m) return undefined;
  return { method: m[2], location: m[1] ? `${m[1]}/${m[3]}` : m[3], locks: [] };
}

/**
 * JDK 21's formats say neither which threads are virtual (their stacks end in VirtualThread.run) nor their state
 * (a top frame that parks, sleeps or waits tells it; anything else stays unknown rather than guessed RUNNABLE).
 */
function inferVirtual(t: ThreadInfo): void {
  if (!t.virtual && t.frames.length > 0 && /^java\.lang\.VirtualThread\.run$/.test(t.frames[t.frames.length - 1].method)) t.virtual = true;
  if (t.state !== undefined || t.frames.length === 0) return;
  const top = t.frames[0].method;
  if (/(VirtualThread|LockSupport|Unsafe)\.parkNanos|Thread\.sleep/.test(top)) t.state = 'TIMED_WAITING';
  else if (/(VirtualThread|LockSupport|Unsafe)\.park|Object\.wait/.test(top)) t.state = 'WAITING';
}

interface JsonThread {
  tid?: string | number;
  name?: string;
  state?: string;
  virtual?: boolean;
  carrier?: string | number;
  stack?: unknown[];
  parkBlocker?: { object?: string; owner?: string | number; exclusiveOwnerThreadId?: string | number };
  blockedOn?: string;
  waitingOn?: string;
  monitorsOwned?: { depth?: number; locks?: unknown[] }[];
}

/** `Thread.dump_to_file -format=json <file>`; undefined when the text is not such a JSON document. Never throws. */
export function parseJsonThreadDump(text: string): ThreadDump | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const td = (doc as { threadDump?: Record<string, unknown> } | null)?.threadDump;
  if (!td || typeof td !== 'object' || !Array.isArray(td.threadContainers)) return undefined;
  const dump: ThreadDump = { format: 'json', threads: [], jvmDeadlocks: [], unknownLines: [], headerCount: 0 };
  if (td.processId !== undefined) dump.pid = Number(td.processId);
  if (typeof td.time === 'string') dump.timestamp = td.time;
  if (typeof td.runtimeVersion === 'string') dump.jdkVersion = td.runtimeVersion;
  const byTid = new Map<string, ThreadInfo>();
  const owners: [string, LockRef][] = [];
  for (const container of td.threadContainers as { threads?: unknown[] }[]) {
    for (const raw of Array.isArray(container?.threads) ? (container.threads as JsonThread[]) : []) {
      if (!raw || typeof raw !== 'object') continue;
      const t = newThread(
        Number(raw.tid),
        String(raw.name ?? ''),
        raw.virtual === true,
        typeof raw.state === 'string' ? raw.state : undefined,
      );
      dump.headerCount++;
      for (const f of raw.stack ?? []) {
        const frame = typeof f === 'string' ? jsonFrame(f) : undefined;
        if (frame) t.frames.push(frame);
        else t.extraLines.push(String(f));
      }
      const top = t.frames[0] ? t.frames[0].locks : t.looseLocks;
      if (raw.blockedOn) top.push(lockRef('waiting-to-lock', `<${raw.blockedOn}>`));
      if (raw.waitingOn) top.push(lockRef('waiting-on', `<${raw.waitingOn}>`));
      if (raw.parkBlocker?.object) {
        const park = lockRef('parking', `<${raw.parkBlocker.object}>`);
        top.push(park);
        const owner = raw.parkBlocker.owner ?? raw.parkBlocker.exclusiveOwnerThreadId;
        if (owner !== undefined) owners.push([String(owner), { ...park, action: 'ownable' }]);
      }
      for (const m of raw.monitorsOwned ?? []) {
        const frame = t.frames[m.depth ?? 0];
        for (const l of m.locks ?? []) if (typeof l === 'string') (frame ? frame.locks : t.looseLocks).push(lockRef('locked', `<${l}>`));
      }
      if (raw.carrier !== undefined) t.description = `mounted on #${String(raw.carrier)}`;
      inferVirtual(t);
      dump.threads.push(t);
      byTid.set(String(raw.tid), t);
    }
  }
  // The owner of a lock a thread parks on (when the JVM tells it): that thread's ownable synchronizer.
  for (const [tid, ref] of owners) {
    const owner = byTid.get(tid);
    if (owner) (owner.ownableSynchronizers ??= []).push(ref);
  }
  for (const t of dump.threads)
    if (t.description.startsWith('mounted on #')) t.carrier = byTid.get(t.description.slice(12))?.name ?? t.description.slice(11);
  return dump;
}
