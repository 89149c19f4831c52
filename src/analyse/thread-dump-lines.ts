// Parsers for single lines of a thread dump: thread headers, lock lines, and the lines of the JVM's deadlock report.
import type { DeadlockWait, LockAction, LockRef, ThreadInfo } from './thread-dump-types.js';

const HEADER_RE = /^"(.*)"(?:\s+(.*))?$/;
const ADDR_CLASS_RE = /<([^>]*)>(?:\s*\(a\s+([^)]+)\))?/;
// Longest first where one prefix starts another ("waiting to re-lock" before "waiting to lock").
const LOCK_PREFIXES: ReadonlyArray<readonly [string, LockAction]> = [
  ['waiting to re-lock in wait()', 'waiting-to-relock'],
  ['waiting to lock', 'waiting-to-lock'],
  ['waiting on', 'waiting-on'],
  ['parking to wait for', 'parking'],
  ['locked', 'locked'],
  ['eliminated', 'eliminated'],
];

/** `body` is the text after "- " under a frame; undefined when it is no lock line. */
export function parseLockLine(body: string): LockRef | undefined {
  for (const [prefix, action] of LOCK_PREFIXES) {
    if (body.startsWith(prefix)) return lockRef(action, body.slice(prefix.length));
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
  }
  return ref;
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
  const cpu = /cpu=([\d.]+)ms/.exec(rest);
  if (cpu) t.cpuMs = Number(cpu[1]);
  const elapsed = /elapsed=([\d.]+)s/.exec(rest);
  if (elapsed) t.elapsedS = Number(elapsed[1]);
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
  const held = /^which is held by "(.*)"$/.exec(line) ?? /^which is held by (.*)$/.exec(line);
  if (held) {
    wait.heldBy = held[1];
    return true;
  }
  return false;
}
