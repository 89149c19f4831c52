export const id = 578;
export const ids = [578];
export const modules = {

/***/ 73964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RR: () => (/* binding */ contendedInMost),
/* harmony export */   i6: () => (/* binding */ contentionAcrossSamples)
/* harmony export */ });
/* unused harmony exports CONTENTION_WAITERS, contendedLocks */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21673);
/* harmony import */ var _threads_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17960);


/** One waiter is ordinary locking; from two on, threads queue behind the holder. */
const CONTENTION_WAITERS = 2;
/** Contended locks of one sample, most waiters first; `contendedInSamples` is 1 or 0 here. */
function contendedLocks(dump, g) {
    const byLock = new Map();
    for (const [i, w] of g.waits) {
        let c = byLock.get(w.address);
        if (!c) {
            const o = g.owner.get(w.address);
            const holder = o ? dump.threads[o.thread] : undefined;
            const hf = holder ? (0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .appOrTopFrame */ .jn)(holder) : undefined;
            c = {
                address: w.address,
                className: w.className,
                kind: w.kind,
                holder: holder?.name,
                holderState: holder ? (0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .describeState */ .Jw)(holder) : undefined,
                holderFrame: hf ? (0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .frameText */ .R_)(hf) : undefined,
                waiters: 0,
                waiterNames: [],
                contendedInSamples: 0,
                ofSamples: 1,
            };
            if (!holder)
                c.holderUnknown = holderUnknown(w.kind, w.className, g);
            byLock.set(w.address, c);
        }
        c.waiters++;
        if (dump.threads[i].virtual)
            c.virtualWaiters = (c.virtualWaiters ?? 0) + 1;
        if (c.waiterNames.length < _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_NAMES */ .oA)
            c.waiterNames.push(dump.threads[i].name);
    }
    for (const c of byLock.values())
        c.contendedInSamples = c.waiters >= CONTENTION_WAITERS ? 1 : 0;
    return [...byLock.values()].sort((a, b) => b.waiters - a.waiters);
}
function holderUnknown(kind, className, g) {
    if (kind !== 'ownable')
        return 'not-in-dump';
    if (!g.knowsOwnable)
        return 'no-ownable-info';
    // Read locks and semaphore permits have no single owner; -l lists only exclusive owners.
    return /ReentrantReadWriteLock|Semaphore/.test(className ?? '') ? 'shared' : 'not-in-dump';
}
/**
 * Locks contended across the samples: per lock (by its identity), the sample with the most waiters stands for
 * it, and `contendedInSamples` counts the samples with two or more waiters. Most often contended first.
 */
function contentionAcrossSamples(samples, graphs) {
    const byLock = new Map();
    samples.forEach((d, i) => {
        for (const c of contendedLocks(d, graphs[i])) {
            const prev = byLock.get(c.address);
            const inSamples = (prev?.contendedInSamples ?? 0) + c.contendedInSamples;
            const best = !prev || c.waiters >= prev.waiters ? c : prev;
            byLock.set(c.address, { ...best, contendedInSamples: inSamples, ofSamples: samples.length });
        }
    });
    return [...byLock.values()].sort((a, b) => b.contendedInSamples - a.contendedInSamples || b.waiters - a.waiters);
}
/** Contended in most samples (more than half): what a verdict may call contention. */
function contendedInMost(c) {
    return c.waiters >= CONTENTION_WAITERS && c.contendedInSamples * 2 > c.ofSamples;
}


/***/ }),

/***/ 72643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ jfrVerdict),
/* harmony export */   Lt: () => (/* binding */ isJdkFrame),
/* harmony export */   Oe: () => (/* binding */ pct),
/* harmony export */   _V: () => (/* binding */ formatMs)
/* harmony export */ });
/* unused harmony exports MIN_SAMPLES_FOR_SHARES, HOT_METHOD_SHARE, HOT_TOTAL_SHARE, CALLER_SHARE, CONTENDED_MONITOR_SHARE, CONTENDED_MONITOR_MIN_MS, LONG_GC_PAUSE_MS, GC_OVERHEAD_SHARE, CPU_BUSY */
/** Below this many execution samples, shares are noise: about one busy thread for a second at the profile setting's 20 ms. */
const MIN_SAMPLES_FOR_SHARES = 50;
/** A method on top of a fifth of all samples is where the time goes: with tens of threads and methods, flat profiles stay far below. */
const HOT_METHOD_SHARE = 0.2;
/**
 * With no hot top frame: an application method on the stack in half the samples or more is where the time goes
 * underneath; the narrowest such method is named. One on every stack (main, a worker's run loop) says nothing.
 */
const HOT_TOTAL_SHARE = 0.5;
/** A JDK method on top is named with the application method that called it when that caller has most of its samples. */
const CALLER_SHARE = 0.5;
/** Threads blocked on one monitor for a tenth of the recording in total: on average a tenth of a thread stood still there. */
const CONTENDED_MONITOR_SHARE = 0.1;
/** ...and at least half a second, so that a short recording does not make a few ordinary waits a finding. */
const CONTENDED_MONITOR_MIN_MS = 500;
/** A pause a user notices: a request or a test step stalls this long (and far above a healthy G1 young pause). */
const LONG_GC_PAUSE_MS = 200;
/** GC pauses adding up to a tenth of the recording: the JVM spends a noticeable part of its time stopped. */
const GC_OVERHEAD_SHARE = 0.1;
/** The machine's CPU this busy on average: the JVM is CPU-bound or competes for CPU; either slows everything. */
const CPU_BUSY = 0.9;
const STARVED = 'or a container CPU limit starved the sampler';
const JDK_FRAME = /^(java|javax|jdk|sun|com\.sun)\./;
/** Whether a frame is the JDK's own code rather than the application's (or a library's). */
function isJdkFrame(method) {
    return JDK_FRAME.test(method);
}
/** A share in whole percent; 99.6 % is not "100%" (one thread elsewhere is worth knowing), 0.4 % not "0%". */
function pct(share) {
    const p = Math.round(share * 100);
    return p === 100 && share < 1 ? '>99%' : p === 0 && share > 0 ? '<1%' : `${p}%`;
}
function formatMs(ms) {
    return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
function hotMethodWords(a, e) {
    const top = a.bySelf[0];
    if (top && top.share >= HOT_METHOD_SHARE) {
        const caller = a.hotCaller && a.hotCaller.share >= CALLER_SHARE ? `, called mostly from ${a.hotCaller.method}` : '';
        return `${pct(top.share)} of samples in ${top.method}${caller}`;
    }
    // The narrowest application method still under most samples: a caller's total is at least its callee's.
    const under = [...e.totals]
        .filter(([m, n]) => !isJdkFrame(m) && n / a.executionSamples >= HOT_TOTAL_SHARE && n < e.keptSamples)
        .sort(([ma, a1], [mb, b1]) => a1 - b1 || (ma < mb ? -1 : ma > mb ? 1 : 0))[0];
    if (under)
        return `${pct(under[1] / a.executionSamples)} of samples under ${under[0]} (no single hot top frame)`;
    return undefined;
}
function monitorWords(a) {
    const m = a.monitors[0];
    if (!m)
        return undefined;
    const bar = Math.max(CONTENDED_MONITOR_MIN_MS, a.durationMs * CONTENDED_MONITOR_SHARE);
    if (m.totalMs < bar)
        return undefined;
    return `threads blocked ${formatMs(m.totalMs)} on ${m.monitorClass} at ${m.site} (${m.count} times, longest ${formatMs(m.longestMs)})`;
}
function gcWords(a, pauses) {
    const out = [];
    const long = pauses.filter((p) => p.ms > LONG_GC_PAUSE_MS).length;
    if (long > 0) {
        // The file keeps the ten longest: all ten over the bar with more collections means there may be more.
        const atLeast = long === pauses.length && a.gc.count > pauses.length ? 'at least ' : '';
        out.push(`${atLeast}${long} GC pause${long === 1 ? '' : 's'} over ${LONG_GC_PAUSE_MS} ms (longest ${formatMs(a.gc.longestPauseMs)})`);
    }
    if (a.durationMs > 0 && a.gc.totalPauseMs / a.durationMs >= GC_OVERHEAD_SHARE)
        out.push(`GC paused the JVM ${pct(a.gc.totalPauseMs / a.durationMs)} of the time`);
    return out;
}
/** The verdict line for one JVM's recording. */
function jfrVerdict(a, e) {
    const parts = [];
    // Few samples do not prove an idle JVM: a container CPU limit throttles JFR's sampler too (1 sample in 10 s at 300m).
    if (a.executionSamples === 0)
        parts.push(`no execution samples (no thread ran Java code while sampled, ${STARVED})`);
    else if (a.executionSamples < MIN_SAMPLES_FOR_SHARES)
        parts.push(`only ${a.executionSamples} execution samples, too few to tell where the time went (little Java code ran, ${STARVED})`);
    else {
        const hot = hotMethodWords(a, e);
        if (hot)
            parts.push(hot);
    }
    const monitor = monitorWords(a);
    if (monitor)
        parts.push(monitor);
    parts.push(...gcWords(a, e.pauses));
    if (a.cpu && a.cpu.machineTotalAvg >= CPU_BUSY)
        parts.push(`machine CPU ${pct(a.cpu.machineTotalAvg)} busy (this JVM ${pct(a.cpu.jvmUserAvg + a.cpu.jvmSystemAvg)})`);
    if (parts.length > 0)
        return parts.join('; ');
    const top = a.bySelf[0];
    const longest = a.gc.count > 0 ? `, longest GC pause ${formatMs(a.gc.longestPauseMs)}` : '';
    return `nothing stands out: no hot method or contended monitor${top ? ` (top method ${top.method}, ${pct(top.share)} of samples)` : ''}${longest}`;
}


/***/ }),

/***/ 21673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ TOP_FRAMES),
/* harmony export */   a3: () => (/* binding */ MAX_LIST),
/* harmony export */   oA: () => (/* binding */ MAX_NAMES)
/* harmony export */ });
// Caps that keep analysis.json and the job summary readable for a JVM with thousands of threads.
/** Thread names listed per finding; the full count is kept beside the list. */
const MAX_NAMES = 50;
/** Entries in the busy-thread and CPU-delta lists. */
const MAX_LIST = 20;
/** Frames shown per thread: enough to see where it is without the whole stack. */
const TOP_FRAMES = 5;


/***/ }),

/***/ 17960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EL: () => (/* binding */ mainThreadInfo),
/* harmony export */   IJ: () => (/* binding */ isJvmThread),
/* harmony export */   Jw: () => (/* binding */ describeState),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Lw: () => (/* binding */ stackSignature),
/* harmony export */   R_: () => (/* binding */ frameText),
/* harmony export */   UG: () => (/* binding */ idleTop),
/* harmony export */   XJ: () => (/* binding */ threadKeys),
/* harmony export */   _d: () => (/* binding */ stateCounts),
/* harmony export */   fd: () => (/* binding */ firstAppFrame),
/* harmony export */   jn: () => (/* binding */ appOrTopFrame),
/* harmony export */   pQ: () => (/* binding */ notRunning),
/* harmony export */   wE: () => (/* binding */ topFrames)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21673);

const JDK_PREFIX = /^(java|javax|jdk|sun|com\.sun)\./;
const JVM_THREAD_NAMES = /^(Reference Handler|Finalizer|Signal Dispatcher|Attach Listener|Service Thread|Common-Cleaner|Notification Thread|Monitor Deflation Thread|Sweeper thread|C[12] CompilerThread\d+|JVMCI.*CompilerThread\d+|process reaper|DestroyJavaVM|VirtualThread-unblocker|Read-Poller|Write-Poller|Monitor Ctrl-Break|Java2D Disposer|Surrogate Locker Thread.*)$/;
// Waits for something outside the JVM or for work (a socket read, accept, epoll/poll/select, a pipe, a file-system
// watch, a child process, a signal, park, Object.wait, sleep): a thread whose top frame is one of these is idle,
// even when its state says RUNNABLE (a native read is RUNNABLE to Java), unless cpu deltas say it used CPU.
const IDLE_TOP_FRAMES = [
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
function frameText(f) {
    return `${f.method}(${f.location})`;
}
/** First frame outside the JDK: where the application's own code is. */
function firstAppFrame(t) {
    return t.frames.find((f) => !JDK_PREFIX.test(f.method));
}
/** The frame to show for a thread: the application's, or the top one when the stack is all JDK code. */
function appOrTopFrame(t) {
    return firstAppFrame(t) ?? t.frames[0];
}
function topFrames(t) {
    return t.frames.slice(0, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .TOP_FRAMES */ .FB).map(frameText);
}
/** VM-internal, or a thread the JVM itself starts: neither is the application's doing. */
function isJvmThread(t) {
    return !t.isJavaThread || JVM_THREAD_NAMES.test(t.name);
}
function idleTop(t) {
    const top = t.frames[0];
    return top !== undefined && IDLE_TOP_FRAMES.some((re) => re.test(top.method));
}
/** Says that the OS thread waits although Java calls it RUNNABLE (a class initialiser waiting for another). */
function notRunning(t) {
    return NOT_RUNNING_DESCRIPTION.test(t.description);
}
/**
 * Identifies each thread of a sample across samples: its Java id "#N" (unique for the JVM's life), else the
 * JavaThread address (tid), else its name and how many threads of that name came before it in the dump.
 */
function threadKeys(threads) {
    const seen = new Map();
    return threads.map((t) => {
        if (t.number !== undefined)
            return `#${t.number}${t.virtual ? 'v' : ''}`;
        if (t.tid !== undefined)
            return `tid ${t.tid}`;
        const n = seen.get(t.name) ?? 0;
        seen.set(t.name, n + 1);
        return `name ${t.name}\u0000${n}`;
    });
}
/** Equal for two threads in the same state at the same place (module versions left out: formats differ there). */
function stackSignature(t) {
    return `${t.state ?? ''}\n${t.frames.map((f) => `${f.method}(${f.location.replace(/^[^/()]*\//, '')})`).join('\n')}`;
}
/** "1 thread", "2 threads". */
function plural(n, word, many = `${word}s`) {
    return `${n} ${n === 1 ? word : many}`;
}
/** State in words for the verdict, e.g. "sleeping (TIMED_WAITING)". */
function describeState(t) {
    const d = t.stateDetail ?? '';
    let words;
    if (d === 'sleeping')
        words = 'sleeping';
    else if (d === 'parking')
        words = 'parked';
    else if (d.includes('object monitor') && t.state !== 'BLOCKED')
        words = 'waiting in Object.wait';
    else if (t.state === 'BLOCKED')
        words = 'blocked on a monitor';
    else if (t.state === 'RUNNABLE')
        words = 'running';
    else
        words = (t.state ?? 'in no Java state').toLowerCase().replace(/_/g, ' ');
    return t.state ? `${words} (${t.state})` : words;
}
function stateCounts(threads) {
    const counts = {};
    for (const t of threads) {
        // A carrier of a virtual thread prints no state line.
        const k = t.state ?? (t.carryingVirtualThread !== undefined ? 'CARRYING_VIRTUAL_THREAD' : 'UNKNOWN');
        counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts;
}
/** Where "main" is: for a batch job or a stuck start-up, the first thing to look at. */
function mainThreadInfo(javaThreads) {
    const main = javaThreads.find((t) => t.name === 'main');
    if (!main)
        return undefined;
    const f = appOrTopFrame(main);
    return { state: main.state, stateDetail: main.stateDetail, frame: f ? frameText(f) : undefined };
}


/***/ }),

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   l2: () => (/* binding */ coreShare),
/* harmony export */   mz: () => (/* binding */ shortFrame)
/* harmony export */ });
/* harmony import */ var _contention_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73964);
/* harmony import */ var _threads_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17960);


/** Checks deadlock, contention, a virtual-thread pile-up, CPU, stuck threads in that order; the first that applies is the verdict. */
function verdictOf(a, parse = { unknownLines: 0 }) {
    if (a.deadlocks.length > 0) {
        const d = a.deadlocks[0];
        const head = a.deadlocks.length > 1 ? `${a.deadlocks.length} deadlocks; first: ${deadlockWords(d)}` : deadlockWords(d);
        return {
            severity: 'deadlock',
            verdict: `${head} between ${(0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(d.threads.length, 'thread')} (${quoteList(d.threads, 4)})${deadlockOn(d)}`,
        };
    }
    const top = a.contendedLocks.find(_contention_js__WEBPACK_IMPORTED_MODULE_1__/* .contendedInMost */ .RR);
    const pile = a.virtualThreads?.pileUp;
    // Thousands of virtual threads queued on one lock: the pile-up is the finding, the lock its cause.
    if (pile && (!top || pile.count >= top.waiters)) {
        const where = pile.frames.find((f) => !/^(java|jdk|sun)\./.test(f)) ?? pile.frames[0];
        const lock = pile.parkedOn ? a.contendedLocks.find((c) => c.address === pile.parkedOn) : undefined;
        let holder = lock ? holderWords(lock) : '';
        if (!lock?.holder && pile.parkedOnHolder !== undefined)
            holder = ` held by "${pile.parkedOnHolder}"`;
        const on = pile.parkedOn ? `, parked on ${lockName(pile.parkedOn, lock?.className)}${holder}` : '';
        return {
            severity: 'virtual-pileup',
            verdict: `virtual-thread pile-up: ${pile.count} of ${a.virtualThreads.total} virtual threads ${pile.state ?? 'waiting'} in ${shortFrame(where)}${on}`,
        };
    }
    if (top)
        return { severity: 'contention', verdict: contentionWords(top) };
    const hot = a.busyThreads.filter((b) => b.hot);
    if (hot.length > 0) {
        const parts = hot.slice(0, 3).map((b) => {
            const share = b.cpuShare !== undefined ? `${coreShare(b.cpuShare)} of a CPU` : undefined;
            const most = b.measuredIntervals !== undefined && b.hotIntervals < b.measuredIntervals
                ? `busy in ${b.hotIntervals} of ${b.measuredIntervals} intervals`
                : undefined;
            const noCpu = b.cpuShare === undefined && b.runnableInSamples < a.samples
                ? `RUNNABLE in ${b.runnableInSamples} of ${a.samples} samples`
                : undefined;
            const extra = [share, most, noCpu].filter(Boolean).join(', ');
            return `"${b.name}" in ${shortFrame(b.appFrame ?? b.topFrames[0])}${extra ? ` (${extra})` : ''}`;
        });
        const more = hot.length > 3 ? ` and ${hot.length - 3} more` : '';
        return { severity: 'cpu', verdict: `${(0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(hot.length, 'thread')} busy in application code: ${parts.join(', ')}${more}` };
    }
    const stuckOnes = a.stuckThreads.filter((s) => !s.idle && !s.explainedBy);
    if (stuckOnes.length > 0) {
        const s = stuckOnes[0];
        const state = s.state ? ` ${s.state}` : '';
        return {
            severity: 'stuck',
            verdict: `${(0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(stuckOnes.length, 'thread')} did not move across ${s.samples} samples: "${s.name}"${state} in ${shortFrame(s.topFrames[0])}`,
        };
    }
    if (a.rejected)
        return {
            severity: 'no-data',
            verdict: `no finding in what was understood, but an input is not a HotSpot thread dump (looks like: ${a.rejected})`,
        };
    if (parse.unknownLines > 0)
        return {
            severity: 'no-data',
            verdict: `no finding, but ${(0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(parse.unknownLines, 'line')} of the dump were not understood (see the notes): not judged fine`,
        };
    const blocked = a.blockedThreads > 0 ? `, ${a.blockedThreads} waiting for a lock` : '';
    const vts = a.virtualThreads ? `, ${(0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(a.virtualThreads.total, 'virtual thread')}` : '';
    let verdict = `no problem found: ${(0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(a.threadCount, 'Java thread')}${vts}${blocked}`;
    if (a.main)
        verdict += `; main is ${(0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .describeState */ .Jw)(a.main)}${a.main.frame ? ` in ${shortFrame(a.main.frame)}` : ''}`;
    return { severity: 'ok', verdict };
}
function deadlockWords(d) {
    if (d.locks.every((l) => l.kind === 'class-init'))
        return d.inferred ? 'class-initialisation deadlock (inferred)' : 'class-initialisation deadlock';
    return 'deadlock';
}
function deadlockOn(d) {
    const classes = [...new Set(d.locks.map((l) => l.className).filter((c) => !!c))];
    return classes.length > 0 ? ` on ${classes.join(', ')}` : '';
}
/** "java.lang.Object <0x...>" for an address; "java.lang.Object@1b6d3586" as Thread.dump_to_file names it. */
function lockName(address, className) {
    return address.includes('@') ? address : `${className ?? 'lock'} <${address}>`;
}
function holderWords(c) {
    if (c.holder)
        return ` held by "${c.holder}", ${c.holderState}${c.holderFrame ? ` in ${shortFrame(c.holderFrame)}` : ''}`;
    if (c.holderUnknown === 'no-ownable-info')
        return c.address.includes('@')
            ? ', holder unknown (this dump format names no lock owner)'
            : ', holder unknown (the dump was taken without -l)';
    if (c.holderUnknown === 'shared')
        return ', held shared (read lock or permits: no single owner)';
    return ' (holder not in the dump)';
}
function contentionWords(c) {
    const who = c.virtualWaiters === c.waiters ? (0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(c.waiters, 'virtual thread') : (0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(c.waiters, 'thread');
    const how = c.kind === 'ownable' ? 'parked on' : 'blocked on';
    const samples = c.ofSamples > 1 ? ` in ${c.contendedInSamples} of ${c.ofSamples} samples` : '';
    return `${who} ${how} one lock (${lockName(c.address, c.className)})${holderWords(c)}${samples}`;
}
function quoteList(names, max = 3) {
    const shown = names.slice(0, max).map((n) => `"${n}"`);
    return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}
/** A share of one core (CPU time over wall time) in whole percent; a thread spread over cores can pass 100%. */
function coreShare(share) {
    return `${Math.round(share * 100)}%`;
}
/** The method without its location ("a.B.m(B.java:42)" -> "a.B.m"): the verdict is one line. */
function shortFrame(frame) {
    return frame?.replace(/\(.*\)$/, '');
}


/***/ })

};
