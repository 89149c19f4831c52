// Parsers for single lines of a thread dump: thread headers, lock lines, and the lines of the JVM's deadlock report.
import type { DeadlockWait, LockAction, LockRef, StackFrame, ThreadInfo } from './thread-dump-types.js';

const HEADER_RE = /^"(.*)"(?:\s+(.*))?$/s;
const ADDR_CLASS_RE = /<([^>]*)>(?:\s*\(a\s+([^)]+)\))?/;
/** "cpu=58.33ms" or, from a JVM with a German or French C locale, "cpu=58,33ms". */
const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const CPU_RE = new RegExp(`(?:^|\\s)cpu=${NUMBER}ms`);
const ELAPSED_RE = new RegExp(`(?:^|\\s)elapsed=${NUMBER}s`);
/** Thread.print's "at method(location)", with a JNI signature after the method on some tools: "readBytes([BII)I(Native Method)". */
const FRAME_RE = /^at\s+(.+)\(([^()]*)\)\s*$/;
// Longest first where one prefix starts another ("waiting to re-lock" before "waiting to lock").
const LOCK_PREFIXES: ReadonlyArray<readonly [string, LockAction]> = [
  ['waiting to re-lock in wait()', 'waiting-to-relock'],
  ['waiting to lock', 'waiting-to-lock'],
  ['waiting on the Class initialization monitor for', 'class-init'],
  ['waiting on', 'waiting-on'],
  ['parking to wait for', 'parking'],
  ['locked', 'locked'],
  ['eliminated', 'eliminated'],
];

/** `body` is the text after "- " under a frame; undefined when it is no lock line. */
export function parseLockLine(body: string): LockRef | undefined {
  for (const [prefix, action] of LOCK_PREFIXES) {
    if (!body.startsWith(prefix)) continue;
    if (action === 'class-init') return { action, className: body.slice(prefix.length).trim() };
    return lockRef(action, body.slice(prefix.length));
  }
  if (body.startsWith('<')) return lockRef('ownable', body);
  return undefined;
}

/** Reads "<0x...> (a some.Class)" from `rest`. */
export function lockRef(action: LockAction, rest: string): LockRef {
  const m = ADDR_CLASS_RE.exec(rest);
  const ref: LockRef = { action };
  if (m) {
    if (/^0x[0-9a-fA-F]+$/.test(m[1])) ref.address = m[1].toLowerCase();
    if (m[2]) ref.className = m[2].trim();
    // Thread.dump_to_file names an object by class and identity hash: "java.lang.Object@1b6d3586".
    const byHash = /^(\S+)@([0-9a-f]+)$/.exec(m[1]);
    if (byHash) {
      ref.address = m[1];
      ref.className ??= byHash[1];
    }
  }
  return ref;
}

/** A frame line of Thread.print ("at ..." without the leading tab); undefined when it is none. */
export function parseFrameLine(line: string): StackFrame | undefined {
  const m = FRAME_RE.exec(line);
  if (!m) return undefined;
  // Drop a JNI signature ("readBytes([BII)I") from the method; the class and method name stay.
  const paren = m[1].indexOf('(');
  const method = paren < 0 ? m[1] : m[1].slice(0, paren).trim();
  return { method, location: m[2], locks: [] };
}

/** Reads a number printed with either decimal separator. */
function decimal(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Parses a thread header line; undefined when the line is not one. */
export function parseThreadHeader(line: string): ThreadInfo | undefined {
  const m = HEADER_RE.exec(line);
  if (!m) return undefined;
  const rest = m[2] ?? '';
  // A header always carries at least one of these; guards against quoted text in log lines.
  if (!/(^|\s)(tid=|nid=|prio=|os_prio=|#\d+)/.test(rest)) return undefined;
  const t: ThreadInfo = {
    name: m[1],
    daemon: /(^|\s)daemon(\s|$)/.test(rest),
    description: '',
    isJavaThread: false,
    frames: [],
    looseLocks: [],
    extraLines: [],
  };
  const num = /(?:^|\s)#(\d+)(?=\s|$)/.exec(rest);
  if (num) {
    t.number = Number(num[1]);
    t.isJavaThread = true;
  }
  const os = /(?:^|\s)\[(\d+)\](?=\s)/.exec(rest);
  if (os) t.osThreadId = Number(os[1]);
  const prio = /(?:^|\s)prio=(-?\d+)/.exec(rest);
  if (prio) t.priority = Number(prio[1]);
  const osPrio = /os_prio=(-?\d+)/.exec(rest);
  if (osPrio) t.osPriority = Number(osPrio[1]);
  const cpu = CPU_RE.exec(rest);
  if (cpu) t.cpuMs = decimal(cpu[1]);
  const elapsed = ELAPSED_RE.exec(rest);
  if (elapsed) t.elapsedS = decimal(elapsed[1]);
  const tid = /tid=(0x[0-9a-fA-F]+)/.exec(rest);
  if (tid) t.tid = tid[1].toLowerCase();
  const nid = /nid=(0x[0-9a-fA-F]+|\d+)/.exec(rest);
  let after: string;
  if (nid) {
    t.nid = nid[1];
    if (t.osThreadId === undefined) t.osThreadId = nid[1].startsWith('0x') ? parseInt(nid[1], 16) : Number(nid[1]);
    after = rest.slice(nid.index + nid[0].length);
  } else if (tid) {
    after = rest.slice(tid.index + tid[0].length);
  } else {
    after = '';
  }
  t.description = after.replace(/\[0x[0-9a-fA-F]+\]\s*$/, '').trim();
  return t;
}

/** Fills `wait` from one line under a thread of the JVM's deadlock report; false when the line says nothing about it. */
export function readDeadlockWaitLine(line: string, wait: DeadlockWait): boolean {
  const mon = /^waiting to lock monitor (0x[0-9a-fA-F]+)\s*,?\s*\(object (0x[0-9a-fA-F]+), a ([^)]+)\)/.exec(line);
  if (mon) {
    wait.kind = 'monitor';
    // The object's address, as the stacks print it, not the monitor's.
    wait.address = mon[2].toLowerCase();
    wait.className = mon[3].trim();
    return true;
  }
  const own = /^waiting for ownable synchronizer (0x[0-9a-fA-F]+),?\s*\(a ([^)]+)\)/.exec(line);
  if (own) {
    wait.kind = 'ownable';
    wait.address = own[1].toLowerCase();
    wait.className = own[2].trim();
    return true;
  }
  const held = /^which is held by "(.*)"$/s.exec(line) ?? /^which is held by (.*)$/s.exec(line);
  if (held) {
    wait.heldBy = held[1];
    return true;
  }
  return false;
}
