export const id = 164;
export const ids = [164,880];
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

/***/ 24164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLEAR_FACTOR: () => (/* binding */ CLEAR_FACTOR),
  HEAP_FACTOR: () => (/* binding */ HEAP_FACTOR),
  HEAP_MIN_GAP_BYTES: () => (/* binding */ HEAP_MIN_GAP_BYTES),
  JFR_HOT_MIN_SAMPLES: () => (/* binding */ JFR_HOT_MIN_SAMPLES),
  JFR_HOT_SHARE: () => (/* binding */ JFR_HOT_SHARE),
  MIN_FOR_NUMBERS: () => (/* binding */ MIN_FOR_NUMBERS),
  PILEUP_MIN: () => (/* binding */ PILEUP_MIN),
  THREADS_GAP_SHARE: () => (/* binding */ THREADS_GAP_SHARE),
  THREADS_MIN_GAP: () => (/* binding */ THREADS_MIN_GAP),
  compareReplicas: () => (/* binding */ compareReplicas),
  findingText: () => (/* binding */ findingText)
});

// EXTERNAL MODULE: ./src/analyse/contention.ts
var contention = __webpack_require__(73964);
// EXTERNAL MODULE: ./src/analyse/verdict.ts
var verdict = __webpack_require__(9880);
;// CONCATENATED MODULE: ./src/analyse/replica-rows.ts


/** JFR methods shown per row. */
const JFR_METHODS_KEPT = 5;
/**
 * What program a JVM runs, from its command line: the jar after -jar, the module after -m, else the main class
 * (the first word that is neither an option nor an option's value). Two JVMs in one pod (a launcher and its
 * child, an app and an agent) are then not compared with each other's replicas.
 */
function programOf(commandLine) {
    const words = commandLine.split(/\s+/).filter(Boolean).slice(1);
    /** Options whose value is the next word. */
    const withValue = new Set(['-cp', '-classpath', '--class-path', '-p', '--module-path', '--add-modules', '--add-opens', '--add-exports']);
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (w === '-jar')
            return `jar ${(words[i + 1] ?? '').split('/').pop()}`;
        if (w === '-m' || w === '--module')
            return `module ${(words[i + 1] ?? '').split('/')[0]}`;
        if (withValue.has(w))
            i++;
        else if (!w.startsWith('-'))
            return w;
    }
    return '';
}
function rowOf(jvm, label) {
    const a = jvm.analysis;
    const pile = a.contendedLocks.filter(contention/* contendedInMost */.RR).sort((x, y) => y.waiters - x.waiters)[0];
    const frameOf = (b) => b.appFrame ?? b.topFrames[0];
    const methods = (list) => [
        ...new Set(list
            .map(frameOf)
            .map(verdict/* shortFrame */.m)
            .filter((f) => !!f)),
    ];
    const row = {
        label,
        pod: jvm.pod,
        container: jvm.container,
        pid: jvm.pid,
        ...(a.samples > 0 ? { threads: a.threadCount } : {}),
        states: a.states,
        deadlock: a.deadlock,
        pileUp: pile?.waiters ?? 0,
        hotMethods: methods(a.busyThreads.filter((b) => b.hot)),
        runnableMethods: methods(a.busyThreads),
        verdict: a.verdict,
    };
    if (pile)
        row.pileUpLock = { className: pile.className, kind: pile.kind };
    if (a.histogram?.totalBytes !== undefined)
        row.heapBytes = a.histogram.totalBytes;
    const jfr = a.jfr;
    if (jfr && jfr.executionSamples > 0) {
        // bySelf is sorted already, most samples first.
        row.jfrHotMethods = jfr.bySelf.slice(0, JFR_METHODS_KEPT);
    }
    return row;
}
/**
 * The replica sets of a run, each with two JVMs or more. "One workload" is what the manifest can tell: the same
 * controller (a Deployment's pods have their ReplicaSet, so two revisions of a rollout are two sets: a new
 * version may rightly differ), the same target container and image, and the same program in it (see
 * `programOf`). Pods without a controller (a selector over bare pods) count as one workload when container,
 * image and program agree. A JVM with nothing to compare (no thread dump, histogram or recording read) has no row.
 */
function replicaSets(manifest, analyses) {
    const sets = new Map();
    for (const pod of manifest.pods) {
        const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
        // Any evidence to compare: thread dumps, a histogram (heap), a JFR recording (hot methods).
        for (const jvm of mine.filter(({ analysis: a }) => a.samples > 0 || a.histogram?.totalBytes !== undefined || a.jfr)) {
            const program = programOf(pod.jvms.find((j) => j.pid === jvm.pid)?.commandLine ?? '');
            const key = JSON.stringify([pod.owner ?? '', pod.container, pod.targetImage ?? '', program]);
            const workload = [
                pod.owner,
                `container ${pod.container}`,
                pod.targetImage && `image ${pod.targetImage}`,
                program && `running ${program}`,
            ]
                .filter(Boolean)
                .join(', ');
            const set = sets.get(key) ?? { workload, jvms: [] };
            set.jvms.push(jvm);
            sets.set(key, set);
        }
    }
    return [...sets.values()]
        .filter((s) => s.jvms.length >= 2)
        .map((s) => {
        const perPod = (pod) => s.jvms.filter((j) => j.pod === pod).length;
        return { workload: s.workload, rows: s.jvms.map((j) => rowOf(j, `pod ${j.pod}${perPod(j.pod) > 1 ? ` pid ${j.pid}` : ''}`)) };
    });
}

// EXTERNAL MODULE: ./src/analyse/threads.ts
var threads = __webpack_require__(17960);
;// CONCATENATED MODULE: ./src/analyse/replicas.ts


/**
 * Threads queued on one lock from which a replica has a pile-up: a worker pool stuck behind one holder, not two
 * threads brushing past each other (the analysis calls a lock contended from 2 waiters; between replicas under the
 * same load, 2 to 4 waiters caught by a sample is ordinary locking).
 */
const PILEUP_MIN = 5;
/**
 * How much the odd replica must exceed every other one, as a factor: sampling catches a few waiters on a busy but
 * healthy lock in any replica, so a replica stands out only when the others have a quarter of its queue or less.
 */
const CLEAR_FACTOR = 4;
/** A JFR method is hot in a replica from this share of all its execution samples (self time)... */
const JFR_HOT_SHARE = 0.2;
/**
 * ...and this many samples: an idle replica's recording has a handful, of which one method easily holds half.
 * At the profile settings' 10 ms (default: 20 ms) per sample, 50 are half a second or more of one thread's CPU.
 */
const JFR_HOT_MIN_SAMPLES = 50;
/**
 * Thread counts: replicas of one workload grow and shrink their pools with the load they get (a balancer is never
 * even), so half the others' median, and at least this many threads, is still normal variation.
 */
const THREADS_MIN_GAP = 20;
const THREADS_GAP_SHARE = 0.5;
/**
 * Live heap (the class histogram counts live objects after a full GC): caches warm at different rates, so a replica
 * stands out from twice the others' median and at least this many bytes more.
 */
const HEAP_MIN_GAP_BYTES = 64 * 1024 * 1024;
const HEAP_FACTOR = 2;
/** Thread counts and heap need three replicas or more: with two, nothing tells which of the two is the odd one. */
const MIN_FOR_NUMBERS = 3;
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** "17 to 25 MiB", "39 to 46", "40". */
const range = (xs, unit = String, suffix = '') => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return `${lo === hi ? unit(lo) : `${unit(lo)} to ${unit(hi)}`}${suffix}`;
};
const mib = (bytes) => String(Math.round(bytes / (1024 * 1024)));
const theOthers = (n) => (n === 1 ? 'the other pod' : `the other ${n} pods`);
/** "38 threads BLOCKED on one lock (X)": BLOCKED for a monitor, parked for a java.util.concurrent lock. */
function queued(counts, lock) {
    const how = lock?.kind === 'ownable'
        ? 'parked on one lock'
        : lock?.kind === 'class-init'
            ? 'waiting for one class initialisation'
            : 'BLOCKED on one lock';
    const n = counts.length === 1 ? (0,threads/* plural */.LS)(counts[0], 'thread') : `${counts.join(', ')} threads`;
    return `${n} ${how}${lock?.className ? ` (${lock.className})` : ''}`;
}
/**
 * A yes/no trouble: one replica with it among replicas without is the odd one; all with it is the workload's
 * problem; some with it are named, none of them as the odd one.
 */
function split(rows, has) {
    const inIt = rows.filter(has);
    const rest = rows.filter((r) => !has(r));
    if (inIt.length === 0)
        return undefined;
    return { kind: rest.length === 0 ? 'all' : inIt.length === 1 ? 'outlier' : 'some', inIt, rest };
}
function deadlockFinding(rows) {
    const s = split(rows, (r) => r.deadlock);
    if (!s)
        return [];
    return [
        {
            kind: s.kind,
            measure: 'deadlock',
            replicas: s.inIt.map((r) => r.label),
            what: 'a deadlock',
            ...(s.rest.length ? { others: `${theOthers(s.rest.length)}: none` } : {}),
        },
    ];
}
function pileUpFinding(rows) {
    const s = split(rows, (r) => r.pileUp >= PILEUP_MIN);
    if (!s)
        return [];
    const lock = s.inIt[0].pileUpLock;
    const counts = s.inIt.map((r) => r.pileUp);
    const most = Math.max(0, ...s.rest.map((r) => r.pileUp));
    // One replica with a queue and the others at a quarter of it or less: clearly that one. Otherwise it is named, not singled out.
    const kind = s.kind === 'outlier' && most * CLEAR_FACTOR > counts[0] ? 'some' : s.kind;
    const what = queued(counts, lock);
    const others = s.rest.length ? { others: `${theOthers(s.rest.length)}: ${most === 0 ? 'none' : `at most ${most} on one lock`}` } : {};
    return [{ kind, measure: 'lock-pileup', replicas: s.inIt.map((r) => r.label), what, ...others }];
}
/**
 * A method hot in one replica is that replica's own when no other replica was even seen running it and none of
 * them is busy at all: a thread-dump sample shows a busy thread wherever it happens to be (a request thread under
 * load is in a different method each time), so between replicas that all work, which methods are caught is chance.
 * JFR's thousands of samples (above) can tell a hot method among busy replicas; a handful of dumps cannot.
 */
function hotMethodFindings(rows) {
    const out = [];
    for (const m of [...new Set(rows.flatMap((r) => r.hotMethods))]) {
        const s = split(rows, (r) => r.hotMethods.includes(m));
        const seen = s.rest.filter((r) => r.runnableMethods.includes(m)).length;
        const busy = s.rest.filter((r) => r.hotMethods.length > 0).length;
        const kind = s.kind === 'outlier' && (seen > 0 || busy > 0) ? 'some' : s.kind;
        const rest = [seen > 0 ? `${seen} running it, not hot` : 'not running it', busy > 0 ? `${busy} busy in other methods` : ''];
        const others = s.rest.length ? { others: `${theOthers(s.rest.length)}: ${rest.filter(Boolean).join(', ')}` } : {};
        out.push({ kind, measure: 'hot-method', replicas: s.inIt.map((r) => r.label), what: `threads busy in ${m}`, ...others });
    }
    return out;
}
/**
 * JFR self time: hot from JFR_HOT_SHARE and JFR_HOT_MIN_SAMPLES; the odd one when every other recording has a
 * quarter of its samples in that method or less (the recordings of one run last equally long).
 */
function jfrFindings(rows) {
    const recorded = rows.filter((r) => r.jfrHotMethods);
    if (recorded.length < 2)
        return [];
    const of = (r, m) => r.jfrHotMethods.find((h) => h.method === m) ?? { samples: 0, share: 0 };
    const isHot = (h) => h.share >= JFR_HOT_SHARE && h.samples >= JFR_HOT_MIN_SAMPLES;
    const out = [];
    for (const m of [...new Set(recorded.flatMap((r) => r.jfrHotMethods.filter(isHot).map((h) => h.method)))]) {
        const s = split(recorded, (r) => isHot(of(r, m)));
        const most = Math.max(0, ...s.rest.map((r) => of(r, m).samples));
        const kind = s.kind === 'outlier' && most * CLEAR_FACTOR > of(s.inIt[0], m).samples ? 'some' : s.kind;
        const pct = (x) => `${Math.round(x * 100)}%`;
        const what = `${s.inIt.map((r) => pct(of(r, m).share)).join(', ')} of JFR samples in ${m}`;
        const rest = (r) => `${of(r, m).samples} samples`;
        const others = s.rest.length
            ? {
                others: `${theOthers(s.rest.length)}: ${most === 0 ? 'none' : `at most ${rest(s.rest.find((r) => of(r, m).samples === most))}`}`,
            }
            : {};
        out.push({ kind, measure: 'jfr-hot-method', replicas: s.inIt.map((r) => r.label), what, ...others });
    }
    return out;
}
/**
 * A figure where one replica is far from the others while the others agree among themselves: the one farthest
 * from the median of the rest, when its gap passes `clear` and the rest spread over half that gap at most.
 */
function numberOutlier(rows, value, clear) {
    const known = rows.filter((r) => value(r) !== undefined);
    if (known.length < MIN_FOR_NUMBERS)
        return undefined;
    const scored = known.map((r) => {
        const rest = known.filter((o) => o !== r).map((o) => value(o));
        return { row: r, rest, gap: Math.abs(value(r) - median(rest)) };
    });
    const best = scored.sort((a, b) => b.gap - a.gap)[0];
    const spread = Math.max(...best.rest) - Math.min(...best.rest);
    return clear(value(best.row), median(best.rest)) && spread * 2 <= best.gap ? best : undefined;
}
function numberFindings(rows) {
    const out = [];
    const t = numberOutlier(rows, (r) => r.threads, (x, m) => Math.abs(x - m) >= Math.max(THREADS_MIN_GAP, THREADS_GAP_SHARE * m));
    if (t)
        out.push({
            kind: 'outlier',
            measure: 'threads',
            replicas: [t.row.label],
            what: (0,threads/* plural */.LS)(t.row.threads, 'Java thread'),
            others: `${theOthers(t.rest.length)}: ${range(t.rest, String)}`,
        });
    // Only a larger heap: a smaller one is no trouble.
    const h = numberOutlier(rows, (r) => r.heapBytes, (x, m) => x >= HEAP_FACTOR * m && x - m >= HEAP_MIN_GAP_BYTES);
    if (h)
        out.push({
            kind: 'outlier',
            measure: 'heap',
            replicas: [h.row.label],
            what: `${mib(h.row.heapBytes)} MiB of live objects on the heap`,
            others: `${theOthers(h.rest.length)}: ${range(h.rest, mib, ' MiB')}`,
        });
    return out;
}
/** "pod web-3: 38 threads BLOCKED on one lock (X); the other 4 pods: none". */
function findingText(f) {
    const who = f.kind === 'all' ? `every replica (${f.replicas.length} pods)` : f.replicas.join(', ');
    return `${who}: ${f.what}${f.others ? `; ${f.others}` : ''}`;
}
/** The verdict over the findings: one odd replica, the whole workload, several that differ, or none. */
function verdictOf(rows, findings) {
    const odd = findings.filter((f) => f.kind === 'outlier');
    const named = [...new Set(odd.map((f) => f.replicas[0]))];
    const all = findings.filter((f) => f.kind === 'all');
    const shared = all.length > 0 ? `${all.map(findingText).join('. ')}: the workload's problem, not one replica's` : '';
    if (named.length > 0) {
        const head = named.length === 1 ? 'Odd one out' : 'More than one replica stands out';
        const verdict = `${head}: ${odd.map(findingText).join('. ')}${shared ? `. Besides, ${shared}` : ''}`;
        return named.length === 1 ? { verdict, outlier: named[0] } : { verdict };
    }
    if (all.length > 0)
        return { verdict: `No odd one out: ${shared}` };
    const some = findings.filter((f) => f.kind === 'some');
    if (some.length > 0)
        return { verdict: `No single odd one out: ${some.map(findingText).join('. ')}` };
    const counts = rows.filter((r) => r.threads !== undefined).map((r) => r.threads);
    const heaps = rows.filter((r) => r.heapBytes !== undefined).map((r) => r.heapBytes);
    const alike = [
        counts.length === rows.length ? `${range(counts)} Java threads` : '',
        heaps.length === rows.length ? `${range(heaps, mib, ' MiB')} live heap` : '',
    ].filter(Boolean);
    const none = [
        counts.length >= 2 ? 'lock pile-up, deadlock or hot method' : '',
        rows.filter((r) => r.jfrHotMethods).length >= 2 ? 'JFR hot method' : '',
    ]
        .filter(Boolean)
        .join(' or ');
    const details = [alike.join(', '), none ? `no ${none} in one alone` : ''].filter(Boolean).join('; ');
    return { verdict: `No replica stands out: ${rows.length} pods alike${details ? ` (${details})` : ''}` };
}
/** Compares the replicas of each workload in the run (a workload with one analysed JVM has nothing to compare). */
function compareReplicas(manifest, analyses) {
    return replicaSets(manifest, analyses).map(({ workload, rows }) => {
        // A replica without a thread dump is no evidence for or against what thread dumps show: it takes no part there.
        const dumped = rows.filter((r) => r.threads !== undefined);
        const fromDumps = dumped.length >= 2 ? [...deadlockFinding(dumped), ...pileUpFinding(dumped), ...hotMethodFindings(dumped)] : [];
        const findings = [...fromDumps, ...jfrFindings(rows), ...numberFindings(rows)];
        return { workload, rows, findings, ...verdictOf(rows, findings) };
    });
}


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
/* harmony export */   V: () => (/* binding */ verdictOf),
/* harmony export */   m: () => (/* binding */ shortFrame)
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
            const share = b.cpuShare !== undefined ? percent(b.cpuShare) : undefined;
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
function percent(share) {
    return `${Math.round(share * 100)}% of a CPU`;
}
/** The method without its location ("a.B.m(B.java:42)" -> "a.B.m"): the verdict is one line. */
function shortFrame(frame) {
    return frame?.replace(/\(.*\)$/, '');
}


/***/ })

};
