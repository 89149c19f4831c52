// Parser for HotSpot thread dumps (jcmd Thread.print [-l], jstack [-l], SIGQUIT output), JDK 8 to 21+.
// Lenient by design: any line it does not understand is kept in `unknownLines`, never thrown on.

export type LockAction =
  | 'locked'
  | 'waiting-to-lock'
  | 'waiting-to-relock'
  | 'waiting-on'
  | 'parking'
  | 'eliminated'
  | 'ownable';

export interface LockRef {
  action: LockAction;
  /** Object address as printed ("0x000000069ec19388"), absent for e.g. "<no object reference available>". */
  address?: string;
  /** Class of the lock object, e.g. "java.lang.Object" or "java.util.concurrent.locks.ReentrantLock$NonfairSync". */
  className?: string;
}

export interface StackFrame {
  /** Fully qualified method, e.g. "java.lang.Thread.sleep". */
  method: string;
  /** Text inside the parentheses, e.g. "java.base@17.0.15/Native Method" or "Simple.java:5". */
  location: string;
  /** Lock lines printed under this frame. */
  locks: LockRef[];
}

export interface ThreadInfo {
  name: string;
  /** Java thread id ("#12"); absent for VM-internal threads. */
  number?: number;
  daemon: boolean;
  priority?: number;
  osPriority?: number;
  cpuMs?: number;
  elapsedS?: number;
  tid?: string;
  /** As printed: hex ("0x3256", JDK <= 18) or decimal (JDK 19+). */
  nid?: string;
  /** OS thread id from "[1234]" (JDK 19+) or from nid. */
  osThreadId?: number;
  /** The VM's description after nid, e.g. "waiting on condition", "runnable", "in Object.wait()". */
  description: string;
  /** java.lang.Thread.State, e.g. "TIMED_WAITING"; absent for VM threads and carriers of virtual threads. */
  state?: string;
  /** Text in parentheses after the state, e.g. "sleeping", "parking", "on object monitor". */
  stateDetail?: string;
  /** True for threads that have a java.lang.Thread object (a "#N" id or a state line). */
  isJavaThread: boolean;
  /** Id of the virtual thread mounted on this carrier (JDK 21+ "Carrying virtual thread #N"). */
  carryingVirtualThread?: number;
  frames: StackFrame[];
  /** Lock lines seen before any frame (rare; kept rather than dropped). */
  looseLocks: LockRef[];
  /** "Locked ownable synchronizers" (only with -l); undefined when the section was not printed. */
  ownableSynchronizers?: LockRef[];
  /** Lines inside this thread's block that were not understood, e.g. "No compile task". */
  extraLines: string[];
}

export interface DeadlockWait {
  thread: string;
  kind: 'monitor' | 'ownable' | 'unknown';
  /** Address of the object (monitor) or synchronizer waited for. */
  address?: string;
  className?: string;
  heldBy?: string;
}

/** One "Found one Java-level deadlock:" section as printed by the JVM. */
export interface JvmDeadlock {
  waits: DeadlockWait[];
}

export interface ThreadDump {
  pid?: number;
  timestamp?: string;
  /** E.g. "OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing)". */
  vm?: string;
  /** JDK 25+ prints a "JDK version:" line under the header, e.g. "OpenJDK Runtime Environment (25.0.5+1) (build ...)". */
  jdkVersion?: string;
  threads: ThreadInfo[];
  jvmDeadlocks: JvmDeadlock[];
  /** N from the "Found N deadlock(s)." line. */
  reportedDeadlockCount?: number;
  jniGlobalRefs?: number;
  jniWeakRefs?: number;
  /** The GC's heap summary that a SIGQUIT dump prints after the threads ("Heap" and its indented lines). */
  heapSummary?: string[];
  /** length= from "Threads class SMR info". */
  smrThreadCount?: number;
  unknownLines: string[];
}

const HEADER_RE = /^"(.*)"(?:\s+(.*))?$/;
const FRAME_RE = /^at\s+(\S+?)\((.*)\)\s*$/;
const STATE_RE = /^java\.lang\.Thread\.State:\s*([A-Z_]+)(?:\s*\((.*)\))?/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;
const ADDR_CLASS_RE = /<([^>]*)>(?:\s*\(a\s+([^)]+)\))?/;

function parseLockLine(body: string): LockRef | undefined {
  // body is the text after "- "
  const prefixes: Array<[string, LockAction]> = [
    ['waiting to re-lock in wait()', 'waiting-to-relock'],
    ['waiting to lock', 'waiting-to-lock'],
    ['waiting on', 'waiting-on'],
    ['parking to wait for', 'parking'],
    ['locked', 'locked'],
    ['eliminated', 'eliminated'],
  ];
  for (const [prefix, action] of prefixes) {
    if (body.startsWith(prefix)) return lockRef(action, body.slice(prefix.length));
  }
  if (body.startsWith('<')) return lockRef('ownable', body);
  return undefined;
}

function lockRef(action: LockAction, rest: string): LockRef {
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
  let after = rest;
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

/** Parses one thread dump. Never throws; what it cannot place ends up in `unknownLines`. */
export function parseThreadDump(text: string): ThreadDump {
  const dump: ThreadDump = { threads: [], jvmDeadlocks: [], unknownLines: [] };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  type Mode = 'top' | 'thread' | 'ownable' | 'smr' | 'deadlock' | 'deadlock-stacks' | 'heap';
  let mode: Mode = 'top';
  let current: ThreadInfo | undefined;
  let deadlock: JvmDeadlock | undefined;
  let wait: DeadlockWait | undefined;
  let sawHeaderLine = false;

  const unknown = (raw: string) => {
    if (raw.trim() !== '') dump.unknownLines.push(raw);
  };

  for (const raw of lines) {
    const line = raw.trim();

    // Lines that switch sections regardless of the current mode.
    if (line === 'Found one Java-level deadlock:') {
      current = undefined;
      deadlock = { waits: [] };
      wait = undefined;
      dump.jvmDeadlocks.push(deadlock);
      mode = 'deadlock';
      continue;
    }
    const found = /^Found (\d+) deadlocks?\.$/.exec(line);
    if (found) {
      dump.reportedDeadlockCount = Number(found[1]);
      mode = 'top';
      continue;
    }
    const jni = /^JNI global (?:refs|references): (\d+)(?:, weak refs: (\d+))?/.exec(line);
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
      const who = /^"(.*)":$/.exec(line);
      if (who && deadlock) {
        wait = { thread: who[1], kind: 'unknown' };
        deadlock.waits.push(wait);
        continue;
      }
      if (wait) {
        const mon = /^waiting to lock monitor (0x[0-9a-fA-F]+)\s*,?\s*\(object (0x[0-9a-fA-F]+), a ([^)]+)\)/.exec(line);
        if (mon) {
          wait.kind = 'monitor';
          wait.address = mon[2].toLowerCase();
          wait.className = mon[3].trim();
          continue;
        }
        const own = /^waiting for ownable synchronizer (0x[0-9a-fA-F]+),?\s*\(a ([^)]+)\)/.exec(line);
        if (own) {
          wait.kind = 'ownable';
          wait.address = own[1].toLowerCase();
          wait.className = own[2].trim();
          continue;
        }
        const held = /^which is held by "(.*)"$/.exec(line) ?? /^which is held by (.*)$/.exec(line);
        if (held) {
          wait.heldBy = held[1];
          continue;
        }
      }
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

    const header = line.startsWith('"') ? parseThreadHeader(line) : undefined;
    if (header) {
      current = header;
      dump.threads.push(header);
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
      const frame = FRAME_RE.exec(line);
      if (frame) {
        current.frames.push({ method: frame[1], location: frame[2], locks: [] });
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
  return dump;
}
