// Small questions about one thread, shared by the analyses.
import type { MainThreadInfo } from './analysis-types.js';
import { TOP_FRAMES } from './limits.js';
import type { StackFrame, ThreadInfo } from './thread-dump-types.js';

const JDK_PREFIX = /^(java|javax|jdk|sun|com\.sun)\./;
const JVM_THREAD_NAMES =
  /^(Reference Handler|Finalizer|Signal Dispatcher|Attach Listener|Service Thread|Common-Cleaner|Notification Thread|Monitor Deflation Thread|Sweeper thread|C[12] CompilerThread\d+|JVMCI.*CompilerThread\d+|process reaper|DestroyJavaVM|VirtualThread-unblocker|Read-Poller|Write-Poller|Monitor Ctrl-Break|Java2D Disposer|Surrogate Locker Thread.*)$/;
// Waits for something outside the JVM or for work (a socket read, accept, epoll/poll/select, a pipe, a file-system
// watch, a child process, a signal, park, Object.wait, sleep): a thread whose top frame is one of these is idle,
// even when its state says RUNNABLE (a native read is RUNNABLE to Java), unless cpu deltas say it used CPU.
const IDLE_TOP_FRAMES: readonly RegExp[] = [
  /EPoll(ArrayWrapper)?\.(epoll)?[wW]ait/,
  /KQueue(ArrayWrapper)?\.(kevent|keventPoll|poll)/,
  /\.(socketAccept|accept0|accept)$/,
  /\.(socketRead0|socketRead|socketAvailable|read0|readv0|recv0|receive0|peekData|readBytes|readBytes0)$/,
  /\bNet\.(poll|accept|connect0)/,
  /PollArrayWrapper\.poll0|PollSelectorImpl\.poll0|DevPollArrayWrapper/,
  /WindowsSelectorImpl.*poll0/,
  /NioSocketImpl\.(park|timedRead|read|accept)/,
  /Reference\.waitForReferencePendingList/,
  /\bSignal\.wait/,
  /waitForProcessExit0?$/,
  /LinuxWatchService.*\.poll|InotifyWatchService|\.inotifyWait/,
  /Console\.(read|readline)/,
  /\bUnsafe\.park$/,
  /\bLockSupport\.park/,
  /\bObject\.wait0?$/,
  /\bThread\.(sleep|sleep0|sleepNanos0|yield)$/,
  /\bVirtualThread\.park/,
];
/** The VM's own word for what the OS thread does; "runnable" is the only one that may use CPU. */
const NOT_RUNNING_DESCRIPTION = /^(in Object\.wait\(\)|waiting on condition|waiting for monitor entry|sleeping)/;

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

/** Says that the OS thread waits although Java calls it RUNNABLE (a class initialiser waiting for another). */
export function notRunning(t: ThreadInfo): boolean {
  return NOT_RUNNING_DESCRIPTION.test(t.description);
}

/**
 * Identifies each thread of a sample across samples: its Java id "#N" (unique for the JVM's life), else the
 * JavaThread address (tid), else its name and how many threads of that name came before it in the dump.
 */
export function threadKeys(threads: readonly ThreadInfo[]): string[] {
  const seen = new Map<string, number>();
  return threads.map((t) => {
    if (t.number !== undefined) return `#${t.number}${t.virtual ? 'v' : ''}`;
    if (t.tid !== undefined) return `tid ${t.tid}`;
    const n = seen.get(t.name) ?? 0;
    seen.set(t.name, n + 1);
    return `name ${t.name}\u0000${n}`;
  });
}

/** Equal for two threads in the same state at the same place (module versions left out: formats differ there). */
export function stackSignature(t: ThreadInfo): string {
  return `${t.state ?? ''}\n${t.frames.map((f) => `${f.method}(${f.location.replace(/^[^/()]*\//, '')})`).join('\n')}`;
}

/** "1 thread", "2 threads". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
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
  else words = (t.state ?? 'in no Java state').toLowerCase().replace(/_/g, ' ');
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
