// Small questions about one thread, shared by the analyses.
import type { MainThreadInfo } from './analysis-types.js';
import { TOP_FRAMES } from './limits.js';
import type { StackFrame, ThreadInfo } from './thread-dump-types.js';

const JDK_PREFIX = /^(java|javax|jdk|sun|com\.sun)\./;
const JVM_THREAD_NAMES =
  /^(Reference Handler|Finalizer|Signal Dispatcher|Attach Listener|Service Thread|Common-Cleaner|Notification Thread|Monitor Deflation Thread|Sweeper thread|C[12] CompilerThread\d+|JVMCI.*CompilerThread\d+|process reaper|DestroyJavaVM|Monitor Ctrl-Break|Java2D Disposer|Surrogate Locker Thread.*)$/;
// Native waits for outside events: a thread here is idle, not busy, even when RUNNABLE.
const IDLE_TOP_FRAMES: readonly RegExp[] = [
  /EPoll(ArrayWrapper)?\.(epoll)?[wW]ait/,
  /KQueue(ArrayWrapper)?\.(kevent|keventPoll|poll)/,
  /\.(socketAccept|accept0|accept)$/,
  /Net\.(poll|accept)/,
  /PollArrayWrapper\.poll0/,
  /WindowsSelectorImpl.*poll0/,
  /Reference\.waitForReferencePendingList/,
  /Signal\.wait/,
  /waitForProcessExit/,
  /LinuxWatchService\.poll/,
  /FileInputStream\.readBytes/,
  /Console\.read/,
];

export function frameText(f: StackFrame): string {
  return `${f.method}(${f.location})`;
}

/** First frame outside the JDK: where the application's own code is. */
export function firstAppFrame(t: ThreadInfo): StackFrame | undefined {
  return t.frames.find((f) => !JDK_PREFIX.test(f.method));
}

/** The frame to show for a thread: the application's, or the top one when the stack is all JDK code. */
export function appOrTopFrame(t: ThreadInfo): StackFrame | undefined {
  return firstAppFrame(t) ?? t.frames[0];
}

export function topFrames(t: ThreadInfo): string[] {
  return t.frames.slice(0, TOP_FRAMES).map(frameText);
}

/** VM-internal, or a thread the JVM itself starts: neither is the application's doing. */
export function isJvmThread(t: ThreadInfo): boolean {
  return !t.isJavaThread || JVM_THREAD_NAMES.test(t.name);
}

export function idleTop(t: ThreadInfo): boolean {
  const top = t.frames[0];
  return top !== undefined && IDLE_TOP_FRAMES.some((re) => re.test(top.method));
}

/** Identifies a thread across samples. */
export function threadKey(t: ThreadInfo): string {
  // tid (the JavaThread address) tells apart threads that share a name.
  return `${t.name}\u0000${t.tid ?? ''}`;
}

/** Equal for two threads in the same state at the same place. */
export function stackSignature(t: ThreadInfo): string {
  return `${t.state ?? ''}\n${t.frames.map(frameText).join('\n')}`;
}

/** State in words for the verdict, e.g. "sleeping (TIMED_WAITING)". */
export function describeState(t: { state?: string; stateDetail?: string }): string {
  const d = t.stateDetail ?? '';
  let words: string;
  if (d === 'sleeping') words = 'sleeping';
  else if (d === 'parking') words = 'parked';
  else if (d.includes('object monitor') && t.state !== 'BLOCKED') words = 'waiting in Object.wait';
  else if (t.state === 'BLOCKED') words = 'blocked on a monitor';
  else if (t.state === 'RUNNABLE') words = 'running';
  else words = (t.state ?? 'unknown state').toLowerCase();
  return t.state ? `${words} (${t.state})` : words;
}

export function stateCounts(threads: ThreadInfo[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of threads) {
    // A carrier of a virtual thread prints no state line.
    const k = t.state ?? (t.carryingVirtualThread !== undefined ? 'CARRYING_VIRTUAL_THREAD' : 'UNKNOWN');
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/** Where "main" is: for a batch job or a stuck start-up, the first thing to look at. */
export function mainThreadInfo(javaThreads: ThreadInfo[]): MainThreadInfo | undefined {
  const main = javaThreads.find((t) => t.name === 'main');
  if (!main) return undefined;
  const f = appOrTopFrame(main);
  return { state: main.state, stateDetail: main.stateDetail, frame: f ? frameText(f) : undefined };
}
