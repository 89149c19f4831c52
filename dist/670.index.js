export const id = 670;
export const ids = [670];
export const modules = {

/***/ 13670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aggregateOutputs: () => (/* binding */ aggregateOutputs),
  analyseJvm: () => (/* binding */ analyseJvm),
  analyseJvmEvidence: () => (/* binding */ analyseJvmEvidence)
});

// EXTERNAL MODULE: ./src/analyse/limits.ts
var limits = __webpack_require__(21673);
// EXTERNAL MODULE: ./src/analyse/threads.ts
var analyse_threads = __webpack_require__(17960);
;// CONCATENATED MODULE: ./src/analyse/activity.ts


/**
 * A thread is "hot" from this share of one core on (0.2 = 200 ms of CPU per second). A thread that computes in
 * a loop uses close to 1.0; a busy request thread that also waits on I/O, 0.2 to 0.5; an idle one, under 0.01.
 * 0.2 still catches a spinning thread on a loaded 2-core runner, where it gets half a core or less.
 */
const HOT_SHARE = 0.2;
/** A lifetime share over less than this many seconds is start-up noise, not a trend. */
const MIN_LIFETIME_S = 1;
/**
 * A thread with the same stack in every sample is "not moving" only while it uses less than this share of a core:
 * a loop whose stack text stays the same (one frame spinning) is moving. 0.01 = 10 ms per second, above what a
 * waiting thread's wake-ups cost and far below any work.
 */
const STUCK_MAX_SHARE = 0.01;
/** CPU deltas (JDK 11+ prints cpu= and elapsed=), overall and per interval between consecutive samples. */
function measureActivity(samples) {
    const keys = samples.map((s) => (0,analyse_threads/* threadKeys */.XJ)(s.threads));
    const deltaByKey = new Map();
    const intervals = new Map();
    const firstSeen = new Map();
    samples.forEach((s, k) => {
        const prev = k > 0 ? new Map(samples[k - 1].threads.map((t, i) => [keys[k - 1][i], t])) : undefined;
        s.threads.forEach((t, i) => {
            const key = keys[k][i];
            if (!firstSeen.has(key))
                firstSeen.set(key, t);
            const p = prev?.get(key);
            if (p?.cpuMs === undefined || t.cpuMs === undefined)
                return;
            const iv = intervals.get(key) ?? [0, 0];
            const wall = p.elapsedS !== undefined && t.elapsedS !== undefined ? (t.elapsedS - p.elapsedS) * 1000 : undefined;
            if (wall !== undefined && wall > 0) {
                iv[1]++;
                if ((t.cpuMs - p.cpuMs) / wall >= HOT_SHARE)
                    iv[0]++;
            }
            else if (t.cpuMs - p.cpuMs <= 0) {
                // No wall time between the two (elapsed= did not advance), and no CPU either: idle, not unknown.
                iv[1]++;
            }
            intervals.set(key, iv);
            const f = firstSeen.get(key);
            if (f.cpuMs === undefined)
                return;
            const d = { name: t.name, cpuDeltaMs: round(t.cpuMs - f.cpuMs) };
            if (f.elapsedS !== undefined && t.elapsedS !== undefined && t.elapsedS > f.elapsedS) {
                d.wallMs = round((t.elapsedS - f.elapsedS) * 1000);
                d.share = round(d.cpuDeltaMs / d.wallMs, 3);
            }
            deltaByKey.set(key, d);
        });
    });
    return { deltaByKey, intervals, keys };
}
/** The threads that used most CPU between samples. */
function topCpuDeltas(a) {
    return [...a.deltaByKey.values()]
        .filter((d) => d.cpuDeltaMs > 0)
        .sort((x, y) => y.cpuDeltaMs - x.cpuDeltaMs)
        .slice(0, limits/* MAX_LIST */.a3);
}
function round(n, digits = 2) {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}
/**
 * RUNNABLE in application code and running: not a class initialiser waiting, not a JVM thread. One in a native wait
 * (socket read, epoll...) is a candidate too, but only CPU measured between samples can make it busy: an epoll loop
 * that spins is busy, a reader waiting for its client is not.
 */
function isBusyCandidate(t) {
    return t.state === 'RUNNABLE' && !(0,analyse_threads/* notRunning */.pQ)(t) && !(0,analyse_threads/* isJvmThread */.IJ)(t) && t.frames.length > 0 && (0,analyse_threads/* firstAppFrame */.fd)(t) !== undefined;
}
/**
 * A carrier of a virtual thread whose frames Thread.print leaves out (JDK 21-24: no state line, only the carrier's
 * own frames): only its CPU figures can say that the virtual thread it runs is busy.
 */
function isOpaqueCarrier(t, dump) {
    return t.carryingVirtualThread !== undefined && t.state === undefined && !dump.threads.some((v) => v.virtual && v.carrier === t.name);
}
/**
 * Application threads RUNNABLE in any sample, hot ones first; the latest sample a thread is busy in describes it.
 * `hotKeys` gets the keys of the hot ones.
 */
function busyThreads(samples, a, hotKeys = new Set()) {
    const latest = new Map();
    const runnable = new Map();
    /** Keys of threads seen out of any native wait: for them RUNNABLE counts without CPU figures. */
    const outOfWaits = new Set();
    samples.forEach((s, k) => s.threads.forEach((t, i) => {
        const opaque = isOpaqueCarrier(t, s);
        if (!isBusyCandidate(t) && !opaque)
            return;
        const key = a.keys[k][i];
        latest.set(key, t);
        if (!(0,analyse_threads/* idleTop */.UG)(t) && !opaque) {
            runnable.set(key, (runnable.get(key) ?? 0) + 1);
            outOfWaits.add(key);
        }
    }));
    const out = [];
    for (const [key, t] of latest) {
        const appFrame = (0,analyse_threads/* firstAppFrame */.fd)(t);
        const b = {
            name: t.name,
            topFrames: (0,analyse_threads/* topFrames */.wE)(t),
            appFrame: appFrame
                ? (0,analyse_threads/* frameText */.R_)(appFrame)
                : t.carryingVirtualThread !== undefined
                    ? `virtual thread #${t.carryingVirtualThread}`
                    : undefined,
            runnableInSamples: runnable.get(key) ?? 0,
            hot: false,
        };
        const d = a.deltaByKey.get(key);
        const [hotIv, measured] = a.intervals.get(key) ?? [0, 0];
        if (samples.length > 1 && measured > 0) {
            // Measured between samples: busy in most of the intervals it was seen in.
            if (d?.share !== undefined) {
                b.cpuShare = d.share;
                b.cpuShareOver = 'samples';
            }
            b.hotIntervals = hotIv;
            b.measuredIntervals = measured;
            b.hot = hotIv * 2 > measured;
        }
        else if (!outOfWaits.has(key)) {
            // Only ever seen in a native wait, and no CPU figures between samples: idle.
            continue;
        }
        else if (samples.length === 1 && !t.virtual && t.cpuMs !== undefined && t.elapsedS !== undefined && t.elapsedS >= MIN_LIFETIME_S) {
            // (A virtual thread's figures are its carrier's, whose life spans other virtual threads: no lifetime share.)
            // One sample: the thread's average over its life is all there is.
            b.cpuShare = round(t.cpuMs / (t.elapsedS * 1000), 3);
            b.cpuShareOver = 'lifetime';
            b.hot = b.cpuShare >= HOT_SHARE;
        }
        else if (samples.length > 1 && t.cpuMs === undefined) {
            // No cpu= (JDK 8): RUNNABLE in application code, out of any native wait, in most samples.
            b.hot = b.runnableInSamples * 2 > samples.length;
        }
        if (b.hot)
            hotKeys.add(key);
        // A thread in a native wait is listed only when the CPU figures make it busy.
        if (b.hot || outOfWaits.has(key))
            out.push(b);
    }
    return out.sort((x, y) => Number(y.hot) - Number(x.hot) || (y.cpuShare ?? 0) - (x.cpuShare ?? 0)).slice(0, limits/* MAX_LIST */.a3);
}
/**
 * Java threads with the same state and stack in every sample and no CPU between them, the ones not merely idle
 * first. Hot threads are busy, not stuck; `explain` tells which threads (by index in the last sample) a deadlock
 * or a contended lock already accounts for, and whether one waits for a lock.
 */
function stuckThreads(samples, a, hot, explain) {
    if (samples.length < 2)
        return [];
    const sigs = samples.map((s, k) => new Map(s.threads.map((t, i) => [a.keys[k][i], (0,analyse_threads/* stackSignature */.Lw)(t)])));
    const lastK = samples.length - 1;
    const out = [];
    samples[lastK].threads.forEach((t, i) => {
        const key = a.keys[lastK][i];
        if (!t.isJavaThread || t.frames.length === 0 || hot.has(key))
            return;
        const sig = (0,analyse_threads/* stackSignature */.Lw)(t);
        if (!sigs.every((m) => m.get(key) === sig))
            return;
        const d = a.deltaByKey.get(key);
        if (d?.share !== undefined && d.share > STUCK_MAX_SHARE)
            return;
        // Waiting for a lock someone holds is never idle; waiting for work (or an outside event) is.
        const why = explain(i);
        const idle = !why.waitingForLock &&
            ((0,analyse_threads/* isJvmThread */.IJ)(t) ||
                t.state === 'WAITING' ||
                t.state === 'TIMED_WAITING' ||
                (t.state === 'RUNNABLE' && !(0,analyse_threads/* notRunning */.pQ)(t) && ((0,analyse_threads/* idleTop */.UG)(t) || (0,analyse_threads/* firstAppFrame */.fd)(t) === undefined)));
        const s = { name: t.name, state: t.state, samples: samples.length, topFrames: (0,analyse_threads/* topFrames */.wE)(t), idle };
        if (why.explainedBy)
            s.explainedBy = why.explainedBy;
        out.push(s);
    });
    return out.sort((x, y) => Number(x.idle) - Number(y.idle)).slice(0, limits/* MAX_NAMES */.oA);
}

// EXTERNAL MODULE: ./src/analyse/contention.ts
var contention = __webpack_require__(73964);
;// CONCATENATED MODULE: ./src/analyse/lock-graph.ts
/**
 * The synchronizers of java.util.concurrent locks: a thread parked on one queues for a lock (unlike a Condition,
 * a latch or a pool's idle park, which wait for an event).
 */
const LOCK_SYNC_RE = /(^|\.)(ReentrantLock|ReentrantReadWriteLock|Semaphore)\$(Nonfair|Fair)?Sync(@[0-9a-f]+)?$/;
function isLockSync(className) {
    return className !== undefined && LOCK_SYNC_RE.test(className);
}
function classInitKey(className) {
    return `class-init:${className}`;
}
function allLocks(t) {
    return [...t.looseLocks, ...t.frames.flatMap((f) => f.locks)];
}
function lockGraph(dump) {
    const owner = new Map();
    const waits = new Map();
    const knowsOwnable = dump.threads.some((t) => t.ownableSynchronizers !== undefined);
    dump.threads.forEach((t, i) => {
        // Object.wait() releases the monitor, yet the frame below still prints "- locked" (or, on JDK 11+, "waiting to
        // re-lock in wait()") for it: the thread in wait() holds it no more.
        const released = new Set();
        for (const l of allLocks(t))
            if ((l.action === 'waiting-on' || l.action === 'waiting-to-relock') && l.address)
                released.add(l.address);
        for (const l of allLocks(t))
            if (l.action === 'locked' && l.address && !released.has(l.address) && !owner.has(l.address))
                owner.set(l.address, { thread: i, kind: 'monitor' });
        for (const l of t.ownableSynchronizers ?? [])
            if (l.address && !owner.has(l.address))
                owner.set(l.address, { thread: i, kind: 'ownable' });
        // A thread running a static initialiser holds that class's initialisation until it returns.
        for (const f of t.frames) {
            const clinit = /^(.+)\.<clinit>$/.exec(f.method);
            if (clinit && !owner.has(classInitKey(clinit[1])))
                owner.set(classInitKey(clinit[1]), { thread: i, kind: 'class-init' });
        }
    });
    dump.threads.forEach((t, i) => {
        const locks = allLocks(t);
        // "waiting to re-lock in wait()" is a wait for the monitor only once notified (BLOCKED); in wait() it is none.
        const mon = locks.find((l) => l.address && (l.action === 'waiting-to-lock' || (l.action === 'waiting-to-relock' && t.state === 'BLOCKED')));
        if (mon?.address) {
            waits.set(i, { address: mon.address, className: mon.className, kind: 'monitor' });
            return;
        }
        const init = locks.find((l) => l.action === 'class-init' && l.className);
        if (init?.className) {
            waits.set(i, { address: classInitKey(init.className), className: init.className, kind: 'class-init' });
            return;
        }
        // A park is a lock wait when another thread owns what it parks on, or when it is a j.u.c. lock whose owner
        // the dump does not tell (no -l: the SIGQUIT path; or a read lock, which has no single owner).
        const park = locks.find((l) => l.action === 'parking' && l.address);
        if (park?.address) {
            const o = owner.get(park.address);
            if ((o && o.kind === 'ownable' && o.thread !== i) || (!o && isLockSync(park.className)))
                waits.set(i, { address: park.address, className: park.className, kind: 'ownable' });
        }
    });
    return { owner, waits, knowsOwnable };
}

;// CONCATENATED MODULE: ./src/analyse/deadlocks.ts


/** Every deadlock in any sample, once each; `graphs[i]` is the lock graph of `samples[i]`. */
function findDeadlocks(samples, graphs) {
    const byKey = new Map();
    samples.forEach((d, i) => {
        for (const f of sampleDeadlocks(d, graphs[i])) {
            const key = identity(f);
            const prev = byKey.get(key);
            if (!prev)
                byKey.set(key, f);
            else if (prev.source !== f.source)
                prev.source = 'both';
        }
    });
    return [...byKey.values()];
}
/** The JVM's report and the graph's cycles of one sample, a cycle that both show once. */
function sampleDeadlocks(dump, g) {
    const jvm = jvmDeadlocks(dump);
    const out = [...jvm];
    for (const c of [...graphDeadlocks(dump, g), ...inferredClassInitDeadlock(dump, g)]) {
        const same = jvm.find((j) => identity(j) === identity(c)) ?? jvm.find((j) => !hasAddresses(j) && sameNames(j, c));
        if (same)
            same.source = 'both';
        else
            out.push(c);
    }
    return out;
}
function hasAddresses(d) {
    return d.locks.length > 0 && d.locks.every((l) => l.address !== undefined);
}
function sameNames(a, b) {
    return [...a.threads].sort().join('\u0000') === [...b.threads].sort().join('\u0000');
}
/** The set of locks in the cycle; the threads' names only when the JVM's report gave no address. */
function identity(d) {
    if (hasAddresses(d))
        return `locks ${d.locks
            .map((l) => l.address)
            .sort()
            .join(' ')}`;
    return `threads ${[...d.threads].sort().join('\u0000')}`;
}
function graphDeadlocks(dump, g) {
    // Each thread waits for at most one lock, so following "waits for the owner of" from any thread traces a single path.
    const next = (i) => {
        const w = g.waits.get(i);
        return w ? g.owner.get(w.address)?.thread : undefined;
    };
    const found = [];
    const done = new Set();
    for (const start of g.waits.keys()) {
        if (done.has(start))
            continue;
        const path = [];
        const onPath = new Map();
        let cur = start;
        while (cur !== undefined && !done.has(cur) && !onPath.has(cur)) {
            onPath.set(cur, path.length);
            path.push(cur);
            cur = next(cur);
        }
        for (const i of path)
            done.add(i);
        if (cur === undefined || !onPath.has(cur))
            continue;
        const cycle = path.slice(onPath.get(cur));
        // Monitors and class initialisation are reentrant: a thread never waits for one it holds itself.
        if (cycle.length === 1 && g.waits.get(cycle[0]).kind !== 'ownable')
            continue;
        found.push({
            threads: cycle.map((i) => dump.threads[i].name),
            locks: cycle.map((i) => {
                const w = g.waits.get(i);
                const heldBy = dump.threads[g.owner.get(w.address).thread].name;
                return { thread: dump.threads[i].name, kind: w.kind, address: w.address, className: w.className, heldBy };
            }),
            source: 'graph',
        });
    }
    return found;
}
/**
 * JDK 8 to 17.0.x print no "waiting on the Class initialization monitor" line: a thread waiting for another's
 * static initialiser shows only RUNNABLE "in Object.wait()" in a <clinit> frame. When every thread that runs a
 * static initialiser waits like that, each waits for a class that another of them initialises: a cycle, with
 * threads known but not the exact classes.
 */
function inferredClassInitDeadlock(dump, g) {
    const inClinit = dump.threads.map((t, i) => ({ t, i })).filter(({ t }) => t.frames.some((f) => f.method.endsWith('.<clinit>')));
    const waiting = inClinit.filter(({ t, i }) => !g.waits.has(i) && t.state === 'RUNNABLE' && (0,analyse_threads/* notRunning */.pQ)(t) && t.frames[0]?.method.endsWith('.<clinit>'));
    if (waiting.length < 2 || waiting.length !== inClinit.length)
        return [];
    return [
        {
            threads: waiting.map(({ t }) => t.name),
            // The class each one waits for is not printed: the lock is named by the class the thread itself initialises.
            locks: waiting.map(({ t }) => ({
                thread: t.name,
                kind: 'class-init',
                address: `${classInitKey('?')} held ${t.frames[0].method}`,
            })),
            source: 'graph',
            inferred: true,
        },
    ];
}
function jvmDeadlocks(dump) {
    return dump.jvmDeadlocks
        .filter((d) => d.waits.length > 0)
        .map((d) => {
        const waits = cycleOf(d.waits);
        return {
            threads: waits.map((w) => w.thread),
            locks: waits.map((w) => ({ thread: w.thread, kind: w.kind, address: w.address, className: w.className, heldBy: w.heldBy })),
            source: 'jvm',
        };
    });
}
/**
 * The cycle in one report of the JVM. JDK 8 also lists threads that only wait for a deadlocked one (a chain into
 * the cycle): they are no part of the deadlock's identity. The whole report when no cycle shows (names repeat).
 */
function cycleOf(waits) {
    const byThread = new Map(waits.map((w) => [w.thread, w]));
    if (byThread.size !== waits.length)
        return waits;
    for (const start of waits) {
        const seen = [];
        let cur = start;
        while (cur && !seen.includes(cur)) {
            seen.push(cur);
            cur = cur.heldBy !== undefined ? byThread.get(cur.heldBy) : undefined;
        }
        if (cur)
            return seen.slice(seen.indexOf(cur));
    }
    return waits;
}

// EXTERNAL MODULE: ./src/analyse/jfr-verdict.ts
var jfr_verdict = __webpack_require__(72643);
;// CONCATENATED MODULE: ./src/analyse/jfr-analysis.ts

/** Rows per table in the summary ("top 10 methods"). */
const JFR_TOP_METHODS = 10;
const JFR_TOP_MONITORS = 5;
const JFR_TOP_PAUSES = 5;
const JFR_TOP_ALLOCATIONS = 10;
const JFR_NOTES = 10;
function shareOf(samples, of) {
    return of > 0 ? Math.round((samples / of) * 10_000) / 10_000 : 0;
}
const byCountThenName = (a, b) => b.samples - a.samples || (a.method < b.method ? -1 : a.method > b.method ? 1 : 0);
/**
 * Samples per method anywhere in the stack: counted from the stacks (each method once per stack), raised to the
 * summariser's own total when that is larger (its totals include the stacks left out of the file).
 */
function totals(s) {
    const total = new Map();
    for (const st of s.stacks)
        for (const m of new Set(st.frames))
            total.set(m, (total.get(m) ?? 0) + st.count);
    for (const h of s.hotMethods)
        if (h.total > (total.get(h.method) ?? 0))
            total.set(h.method, h.total);
    return total;
}
/** For a JDK method on top: the application frame nearest the top in the stacks it tops, and the share it has of them. */
function callerOf(s, method) {
    const callers = new Map();
    let topped = 0;
    for (const st of s.stacks) {
        if (st.frames[st.frames.length - 1] !== method)
            continue;
        topped += st.count;
        for (let i = st.frames.length - 2; i >= 0; i--) {
            if ((0,jfr_verdict/* isJdkFrame */.Lt)(st.frames[i]))
                continue;
            callers.set(st.frames[i], (callers.get(st.frames[i]) ?? 0) + st.count);
            break;
        }
    }
    const best = [...callers].map(([m, n]) => ({ method: m, samples: n, share: 0 })).sort(byCountThenName)[0];
    return best ? { method: best.method, share: shareOf(best.samples, topped) } : undefined;
}
function analyseJfr(s) {
    const n = s.executionSamples;
    const bySelf = s.hotMethods
        .filter((h) => h.self > 0)
        .map((h) => ({ method: h.method, samples: h.self, share: shareOf(h.self, n) }))
        .sort(byCountThenName)
        .slice(0, JFR_TOP_METHODS);
    const total = totals(s);
    const byTotal = [...total]
        .map(([method, samples]) => ({ method, samples, share: shareOf(samples, n) }))
        .sort(byCountThenName)
        .slice(0, JFR_TOP_METHODS);
    const top = bySelf[0];
    const caller = top && (0,jfr_verdict/* isJdkFrame */.Lt)(top.method) ? callerOf(s, top.method) : undefined;
    const out = {
        verdict: '',
        durationMs: s.recording.durationMs,
        executionSamples: n,
        bySelf,
        byTotal,
        ...(caller ? { hotCaller: { method: caller.method, of: top.method, share: caller.share } } : {}),
        monitors: [...s.monitors].sort((a, b) => b.totalMs - a.totalMs).slice(0, JFR_TOP_MONITORS),
        gc: { ...s.gc, longest: [...s.gc.longest].sort((a, b) => b.ms - a.ms).slice(0, JFR_TOP_PAUSES) },
        allocations: [...s.allocations].sort((a, b) => b.weightBytes - a.weightBytes).slice(0, JFR_TOP_ALLOCATIONS),
        ...(s.cpu
            ? {
                cpu: {
                    jvmUserAvg: s.cpu.jvmUserAvg,
                    jvmSystemAvg: s.cpu.jvmSystemAvg,
                    machineTotalAvg: s.cpu.machineTotalAvg,
                    jvmPeak: s.cpu.jvmPeak,
                },
            }
            : {}),
        notes: s.notes.slice(0, JFR_NOTES),
    };
    // All GC pauses over the threshold, not only the five kept for the table.
    out.verdict = (0,jfr_verdict/* jfrVerdict */.CV)(out, { pauses: s.gc.longest, totals: total, keptSamples: s.stacks.reduce((k, st) => k + st.count, 0) });
    return out;
}

// EXTERNAL MODULE: ./src/analyse/jfr-read.ts
var jfr_read = __webpack_require__(67944);
;// CONCATENATED MODULE: ./src/analyse/histogram.ts
// Parser for `jcmd <pid> GC.class_histogram` / `jmap -histo` output (JDK 8: no module column).
const ROW_RE = /^\s*(\d+):\s+(\d+)\s+(\d+)\s+(\S+)(?:\s+\((.*)\))?\s*$/;
const TOTAL_RE = /^\s*Total\s+(\d+)\s+(\d+)\s*$/;
function parseClassHistogram(text) {
    const h = { entries: [], unknownLines: [] };
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
        const line = raw.trimEnd();
        if (line.trim() === '' || /^\d+:$/.test(line.trim()) || /^-+$/.test(line.trim()) || /^\s*num\s+#instances/.test(line))
            continue;
        const row = ROW_RE.exec(line);
        if (row) {
            const e = { rank: Number(row[1]), instances: Number(row[2]), bytes: Number(row[3]), className: row[4] };
            if (row[5])
                e.module = row[5];
            h.entries.push(e);
            continue;
        }
        const total = TOTAL_RE.exec(line);
        if (total) {
            h.totalInstances = Number(total[1]);
            h.totalBytes = Number(total[2]);
            continue;
        }
        h.unknownLines.push(raw);
    }
    return h;
}
function topByBytes(h, n) {
    return [...h.entries].sort((a, b) => b.bytes - a.bytes || a.rank - b.rank).slice(0, n);
}
function topByInstances(h, n) {
    return [...h.entries].sort((a, b) => b.instances - a.instances || a.rank - b.rank).slice(0, n);
}
/** JVM type descriptors ("[B", "[Ljava.lang.Object;") as Java source names ("byte[]", "java.lang.Object[]"). */
function readableClassName(name) {
    let dims = 0;
    while (name[dims] === '[')
        dims++;
    if (dims === 0)
        return name;
    const rest = name.slice(dims);
    const prim = { B: 'byte', C: 'char', D: 'double', F: 'float', I: 'int', J: 'long', S: 'short', Z: 'boolean' };
    let base;
    if (rest.startsWith('L') && rest.endsWith(';'))
        base = rest.slice(1, -1);
    else if (prim[rest])
        base = prim[rest];
    else
        return name;
    return base + '[]'.repeat(dims);
}

;// CONCATENATED MODULE: ./src/analyse/histogram-summary.ts

const TOP_CLASSES = 10;
/** Appends to `notes` what the parser did not understand, so a format change is visible. */
function summariseHistogram(text, notes) {
    const h = parseClassHistogram(text);
    if (h.unknownLines.length > 0)
        notes.push(`histogram: ${h.unknownLines.length} unrecognised line(s)`);
    return {
        classes: h.entries.length,
        totalInstances: h.totalInstances,
        totalBytes: h.totalBytes,
        topByBytes: topByBytes(h, TOP_CLASSES).map(histogramRow),
        topByInstances: topByInstances(h, TOP_CLASSES).map(histogramRow),
    };
}
function histogramRow(e) {
    const r = { className: readableClassName(e.className), instances: e.instances, bytes: e.bytes };
    if (e.module)
        r.module = e.module;
    return r;
}

// EXTERNAL MODULE: ./src/analyse/read-dumps.ts + 3 modules
var read_dumps = __webpack_require__(94497);
;// CONCATENATED MODULE: ./src/analyse/stack-groups.ts


const MAX_GROUPS = 10;
/** Deep framework stacks are cut; the top is where the threads are. */
const MAX_GROUP_FRAMES = 30;
/** Groups of two or more threads, largest first. */
function stackGroups(threads) {
    const groups = new Map();
    for (const t of threads) {
        if (t.frames.length === 0)
            continue;
        const key = (0,analyse_threads/* stackSignature */.Lw)(t);
        const g = groups.get(key) ?? { state: t.state, frames: t.frames, names: [] };
        g.names.push(t.name);
        groups.set(key, g);
    }
    return [...groups.values()]
        .filter((g) => g.names.length > 1)
        .sort((a, b) => b.names.length - a.names.length)
        .slice(0, MAX_GROUPS)
        .map((g) => ({
        count: g.names.length,
        state: g.state,
        threadNames: g.names.slice(0, limits/* MAX_NAMES */.oA),
        frames: g.frames.slice(0, MAX_GROUP_FRAMES).map(analyse_threads/* frameText */.R_),
        framesOmitted: Math.max(0, g.frames.length - MAX_GROUP_FRAMES),
    }));
}

// EXTERNAL MODULE: ./src/analyse/verdict.ts
var verdict = __webpack_require__(9880);
;// CONCATENATED MODULE: ./src/analyse/virtual-threads.ts

/**
 * This many virtual threads waiting in the same frame are a pile-up. A virtual thread costs little, so a few
 * dozen parked alike are ordinary (a pool of requests waiting for one answer); from a hundred on they queue for
 * something scarce: a lock, a semaphore, a pinned carrier, a slow downstream.
 */
const VIRTUAL_PILEUP_MIN = 100;
const virtual_threads_MAX_GROUPS = 5;
const GROUP_FRAMES = 12;
/** Virtual threads waiting for I/O (a socket read, accept, a selector) are idle connections, not a pile-up. */
const IO_WAIT_RE = /NioSocketImpl|\bNet\.(poll|accept)|SocketChannelImpl\.(read|accept)|SelectorImpl|Poller\.(poll|park)|DatagramChannelImpl\.receive/;
/** From the most complete dump: a JSON or dump_to_file one when there is one, else the last Thread.print. */
function virtualThreadSummary(dumps) {
    const full = [...dumps].reverse().find((d) => d.format !== 'thread-print');
    const source = full ?? dumps[dumps.length - 1];
    const vts = source?.threads.filter((t) => t.virtual) ?? [];
    if (!source || (vts.length === 0 && !full))
        return undefined;
    const states = {};
    const groups = new Map();
    let mounted = 0;
    for (const t of vts) {
        const state = t.state ?? 'UNKNOWN';
        states[state] = (states[state] ?? 0) + 1;
        if (t.carrier !== undefined)
            mounted++;
        const key = (0,analyse_threads/* stackSignature */.Lw)(t);
        const entry = groups.get(key) ?? {
            g: { count: 0, state: t.state, frames: t.frames.slice(0, GROUP_FRAMES).map(analyse_threads/* frameText */.R_) },
            objects: new Set(),
        };
        entry.g.count++;
        entry.objects.add(t.frames.flatMap((f) => f.locks).find((l) => l.action === 'parking')?.address);
        groups.set(key, entry);
    }
    const holderOf = (address) => source.threads.find((t) => t.ownableSynchronizers?.some((l) => l.address === address))?.name;
    const sorted = [...groups.values()]
        .map(({ g, objects }) => {
        const only = objects.size === 1 ? [...objects][0] : undefined;
        if (!only)
            return g;
        const holder = holderOf(only);
        return holder !== undefined ? { ...g, parkedOn: only, parkedOnHolder: holder } : { ...g, parkedOn: only };
    })
        .sort((a, b) => b.count - a.count);
    const summary = {
        source: source.format,
        total: vts.length,
        mounted,
        states,
        groups: sorted.slice(0, virtual_threads_MAX_GROUPS),
    };
    const top = sorted[0];
    if (top && top.count >= VIRTUAL_PILEUP_MIN && top.state !== 'RUNNABLE' && !top.frames.some((f) => IO_WAIT_RE.test(f)))
        summary.pileUp = top;
    return summary;
}

;// CONCATENATED MODULE: ./src/analyse/analysis.ts
// Diagnosis of one JVM from its spaced thread dumps and class histogram. Pure: text in, JSON-safe object out.












/** Lines of a thread's block that say nothing about its state or locks: what a compiler thread compiles. */
const KNOWN_EXTRA_LINE = /^(No compile task|Compiling:\s.*|JavaThread state: .*)$/;
/** Analyses one JVM. `threadDumps` are its spaced samples, oldest first. */
function analyseJvm(input) {
    return analyseJvmEvidence(input).analysis;
}
function analyseJvmEvidence(input) {
    const notes = [];
    const jfrRead = input.jfrSummary !== undefined ? (0,jfr_read/* readJfrSummary */.Z)(input.jfrSummary) : undefined;
    if (jfrRead?.problem)
        notes.push(`JFR summary left out: ${jfrRead.problem}`);
    const jfr = jfrRead?.summary ? { jfr: analyseJfr(jfrRead.summary) } : {};
    const evidence = (analysis, samples) => ({ analysis, samples, jfrSummary: jfrRead?.summary });
    const rejected = [];
    const all = [];
    input.threadDumps.forEach((text, i) => {
        const r = (0,read_dumps/* readThreadDumps */.W)(text);
        if (r.rejected) {
            rejected.push(r.rejected);
            notes.push(`input ${i + 1}: not a HotSpot thread dump (looks like: ${r.rejected})`);
        }
        all.push(...r.dumps);
    });
    let unknownLines = 0;
    all.forEach((d, i) => {
        // Inside a thread's block too: a line the parser does not know may hide a lock or a state.
        const unknown = [...d.unknownLines, ...d.threads.flatMap((t) => t.extraLines.filter((l) => !KNOWN_EXTRA_LINE.test(l)))];
        unknownLines += unknown.length;
        if (unknown.length > 0)
            notes.push(`sample ${i + 1}: ${unknown.length} unrecognised line(s), e.g. ${JSON.stringify(unknown[0].slice(0, 120))}`);
    });
    // The time series is made of Thread.print samples; a JSON or dump_to_file dump (no cpu=, objects named
    // differently) stands in only when there is nothing else, and serves the virtual-thread view.
    const printed = all.filter((d) => d.format === 'thread-print' && d.threads.length > 0);
    const samples = printed.length > 0 ? printed : all.filter((d) => d.threads.length > 0);
    const histogramText = input.histogram ?? samples.find((d) => d.histogramText)?.histogramText;
    const histogram = histogramText !== undefined ? summariseHistogram(histogramText, notes) : undefined;
    const last = samples[samples.length - 1];
    const formats = [...new Set(all.map((d) => d.format))];
    if (!last) {
        // Only a recording (dumps: jfr): its verdict is the JVM's.
        const onlyJfr = input.threadDumps.length === 0 && jfr.jfr ? `JFR: ${jfr.jfr.verdict}` : undefined;
        const empty = {
            verdict: onlyJfr ?? (rejected.length > 0 ? `not a HotSpot thread dump (looks like: ${rejected[0]})` : 'no thread dump could be parsed'),
            severity: 'no-data',
            deadlock: false,
            blockedThreads: 0,
            samplesGiven: input.threadDumps.length,
            samples: 0,
            threadCount: 0,
            vmThreadCount: 0,
            states: {},
            deadlocks: [],
            contendedLocks: [],
            identicalStacks: [],
            busyThreads: [],
            stuckThreads: [],
            cpuDeltas: [],
            histogram,
            notes,
            ...(rejected.length > 0 ? { rejected: rejected[0] } : {}),
            formats,
            ...jfr,
        };
        return evidence(empty, []);
    }
    const graphs = samples.map(lockGraph);
    const lastGraph = graphs[graphs.length - 1];
    const deadlocks = findDeadlocks(samples, graphs);
    const contended = (0,contention/* contentionAcrossSamples */.i6)(samples, graphs);
    const activity = measureActivity(samples);
    const hotKeys = new Set();
    const busy = busyThreads(samples, activity, hotKeys);
    // What the findings above already account for, so that "not moving" does not repeat it.
    const deadlockLocks = new Set(deadlocks.flatMap((d) => d.locks.map((l) => l.address)));
    const contendedLocks = new Set(contended.filter(contention/* contendedInMost */.RR).map((c) => c.address));
    const holdsContended = new Set([...lastGraph.owner].filter(([address]) => contendedLocks.has(address)).map(([, o]) => o.thread));
    const explain = (i) => {
        const w = lastGraph.waits.get(i);
        if (w && deadlockLocks.has(w.address))
            return { waitingForLock: true, explainedBy: 'deadlock' };
        if (w && contendedLocks.has(w.address))
            return { waitingForLock: true, explainedBy: 'contention' };
        if (holdsContended.has(i))
            return { waitingForLock: !!w, explainedBy: 'contention' };
        return { waitingForLock: !!w };
    };
    const platform = last.threads.filter((t) => t.isJavaThread && !t.virtual);
    const reported = Math.max(...samples.map((d) => d.reportedDeadlockCount ?? 0));
    const analysis = {
        verdict: '',
        severity: 'ok',
        deadlock: deadlocks.length > 0,
        blockedThreads: lastGraph.waits.size,
        samplesGiven: input.threadDumps.length,
        samples: samples.length,
        vm: last.vm ?? last.jdkVersion,
        timestamp: last.timestamp,
        threadCount: platform.length,
        vmThreadCount: last.threads.filter((t) => !t.isJavaThread).length,
        states: (0,analyse_threads/* stateCounts */._d)(platform),
        main: (0,analyse_threads/* mainThreadInfo */.EL)(platform),
        deadlocks,
        contendedLocks: contended,
        identicalStacks: stackGroups(platform),
        busyThreads: busy,
        stuckThreads: stuckThreads(samples, activity, hotKeys, explain),
        cpuDeltas: topCpuDeltas(activity),
        histogram,
        notes,
        formats,
    };
    if (reported > 0)
        analysis.jvmReportedDeadlocks = reported;
    if (rejected.length > 0)
        analysis.rejected = rejected[0];
    const vts = virtualThreadSummary(all.filter((d) => d.threads.length > 0));
    if (vts)
        analysis.virtualThreads = vts;
    if (vts?.source === 'thread-print')
        notes.push('Thread.print shows only virtual threads mounted on a carrier; a JSON thread dump (threads-json) lists all of them');
    // The verdict reads the findings above, so it comes last; the keys keep their place at the top of the JSON.
    return evidence({ ...analysis, ...(0,verdict/* verdictOf */.Vj)(analysis, { unknownLines }), ...jfr }, samples);
}
/** Values for the action outputs `deadlock` and `blocked-threads` over all analysed JVMs. */
function aggregateOutputs(analyses) {
    return {
        deadlock: analyses.some((a) => a.deadlock),
        blockedThreads: analyses.reduce((n, a) => n + a.blockedThreads, 0),
    };
}


/***/ }),

/***/ 67944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ MAX_JFR_SUMMARY_CHARS),
/* harmony export */   Z: () => (/* binding */ readJfrSummary)
/* harmony export */ });
/* harmony import */ var _shared_jfr_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30454);
// Reads jfr-summary.json through a validator: the file comes from the pod, so its shape, types and sizes are checked
// and a fresh object is built from the known fields only. Anything wrong gives a problem in words, never a throw
// and never a half-read summary (a table built from a wrong file would be confidently misleading).

/** The summariser writes at most 2000 stacks of at most 2048 frames; names of a few hundred characters fit in this. */
const MAX_JFR_SUMMARY_CHARS = 16 * 1024 * 1024;
/** A Java frame name (package, class, method) or a GC cause; hidden classes and lambdas stay far below it. */
const MAX_STRING = 2000;
/** JFR's own limit on stack depth (-XX:FlightRecorderOptions:stackdepth is capped at 2048). */
const MAX_FRAMES = 2048;
/** More events or samples than a JVM can produce in a recording that fits the run's timeout. */
const MAX_COUNT = 1e10;
/** A week: longer pauses, waits or recordings are not real. */
const MAX_MS = 7 * 24 * 3600 * 1000;
/** A petabyte of allocation estimate. */
const MAX_BYTES = 1e15;
/** Rounding slack between a total and its largest part (both in ms, rounded apart by the summariser). */
const MS_SLACK = 1;
class Invalid extends Error {
}
function obj(v, at) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new Invalid(`${at} is not an object`);
    return v;
}
function arr(v, at, max) {
    if (!Array.isArray(v))
        throw new Invalid(`${at} is not an array`);
    if (v.length > max)
        throw new Invalid(`${at} has ${v.length} entries (at most ${max} expected)`);
    return v;
}
function str(v, at) {
    if (typeof v !== 'string')
        throw new Invalid(`${at} is not a string`);
    if (v.length > MAX_STRING)
        throw new Invalid(`${at} is ${v.length} characters long (at most ${MAX_STRING})`);
    return v;
}
function num(v, at, max, integer) {
    if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Invalid(`${at} is not a number`);
    if (v < 0 || v > max)
        throw new Invalid(`${at} is ${v}, outside 0..${max}`);
    if (integer && !Number.isInteger(v))
        throw new Invalid(`${at} is ${v}, not a whole number`);
    return v;
}
const count = (v, at) => num(v, at, MAX_COUNT, true);
const ms = (v, at) => num(v, at, MAX_MS, false);
/** JFR's CPU loads are floats that can land a hair above 1 (a sum of rounded parts); more than that is not a load. */
const FRACTION_SLACK = 0.01;
const fraction = (v, at) => Math.min(1, num(v, at, 1 + FRACTION_SLACK, false));
function check(ok, what) {
    if (!ok)
        throw new Invalid(what);
}
/** Parses and validates the text of a jfr-summary.json. */
function readJfrSummary(text) {
    if (text.length > MAX_JFR_SUMMARY_CHARS)
        return { problem: `jfr-summary.json is ${text.length} characters long (at most ${MAX_JFR_SUMMARY_CHARS} read)` };
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return { problem: 'jfr-summary.json is not valid JSON' };
    }
    try {
        return { summary: validate(raw) };
    }
    catch (err) {
        if (err instanceof Invalid)
            return { problem: `jfr-summary.json is not in the expected shape: ${err.message}` };
        throw err;
    }
}
function validate(raw) {
    const o = obj(raw, 'the file');
    if (o.schema !== _shared_jfr_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .JFR_SUMMARY_SCHEMA */ .M)
        throw new Invalid(`schema is ${JSON.stringify(o.schema)?.slice(0, 40)}, this version reads schema ${_shared_jfr_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .JFR_SUMMARY_SCHEMA */ .M}`);
    const rec = obj(o.recording, 'recording');
    const executionSamples = count(o.executionSamples, 'executionSamples');
    const hotMethods = arr(o.hotMethods, 'hotMethods', 50).map((h, i) => {
        const m = obj(h, `hotMethods[${i}]`);
        const r = {
            method: str(m.method, `hotMethods[${i}].method`),
            self: count(m.self, `hotMethods[${i}].self`),
            total: count(m.total, `hotMethods[${i}].total`),
        };
        check(r.self <= r.total && r.total <= executionSamples, `hotMethods[${i}] counts ${r.self} self / ${r.total} total of ${executionSamples} samples`);
        return r;
    });
    let inStacks = 0;
    const stacks = arr(o.stacks, 'stacks', 2000).map((s, i) => {
        const st = obj(s, `stacks[${i}]`);
        const frames = arr(st.frames, `stacks[${i}].frames`, MAX_FRAMES).map((f, k) => str(f, `stacks[${i}].frames[${k}]`));
        const n = count(st.count, `stacks[${i}].count`);
        check(n >= 1 && frames.length >= 1, `stacks[${i}] is empty`);
        inStacks += n;
        return { frames, count: n };
    });
    const otherStacks = count(o.otherStacks, 'otherStacks');
    check(inStacks + otherStacks <= executionSamples, `stacks hold ${inStacks + otherStacks} samples of ${executionSamples}`);
    const monitors = arr(o.monitors, 'monitors', 20).map((x, i) => {
        const m = obj(x, `monitors[${i}]`);
        const r = {
            monitorClass: str(m.monitorClass, `monitors[${i}].monitorClass`),
            site: str(m.site, `monitors[${i}].site`),
            count: count(m.count, `monitors[${i}].count`),
            totalMs: ms(m.totalMs, `monitors[${i}].totalMs`),
            longestMs: ms(m.longestMs, `monitors[${i}].longestMs`),
        };
        check(r.count >= 1 && r.longestMs <= r.totalMs + MS_SLACK, `monitors[${i}] has ${r.count} events, longest ${r.longestMs} ms of ${r.totalMs} ms`);
        return r;
    });
    const allocations = arr(o.allocations, 'allocations', 20).map((x, i) => {
        const a = obj(x, `allocations[${i}]`);
        return {
            objectClass: str(a.objectClass, `allocations[${i}].objectClass`),
            weightBytes: num(a.weightBytes, `allocations[${i}].weightBytes`, MAX_BYTES, false),
            samples: count(a.samples, `allocations[${i}].samples`),
        };
    });
    const g = obj(o.gc, 'gc');
    const gc = {
        count: count(g.count, 'gc.count'),
        totalPauseMs: ms(g.totalPauseMs, 'gc.totalPauseMs'),
        longestPauseMs: ms(g.longestPauseMs, 'gc.longestPauseMs'),
        longest: arr(g.longest, 'gc.longest', 10).map((x, i) => {
            const p = obj(x, `gc.longest[${i}]`);
            return {
                name: str(p.name, `gc.longest[${i}].name`),
                cause: str(p.cause, `gc.longest[${i}].cause`),
                ms: ms(p.ms, `gc.longest[${i}].ms`),
                start: str(p.start, `gc.longest[${i}].start`),
            };
        }),
    };
    check(gc.longestPauseMs <= gc.totalPauseMs + MS_SLACK, `gc.longestPauseMs ${gc.longestPauseMs} exceeds gc.totalPauseMs ${gc.totalPauseMs}`);
    check(gc.longest.length <= gc.count, `gc.longest lists ${gc.longest.length} pauses of ${gc.count} collections`);
    const summary = {
        schema: _shared_jfr_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .JFR_SUMMARY_SCHEMA */ .M,
        recording: {
            ...(rec.start !== undefined ? { start: str(rec.start, 'recording.start') } : {}),
            durationMs: ms(rec.durationMs, 'recording.durationMs'),
            events: count(rec.events, 'recording.events'),
        },
        executionSamples,
        hotMethods,
        stacks,
        otherStacks,
        monitors,
        allocations,
        gc,
        notes: arr(o.notes, 'notes', 50).map((n, i) => str(n, `notes[${i}]`)),
    };
    if (o.cpu !== undefined) {
        const c = obj(o.cpu, 'cpu');
        summary.cpu = {
            samples: count(c.samples, 'cpu.samples'),
            jvmUserAvg: fraction(c.jvmUserAvg, 'cpu.jvmUserAvg'),
            jvmSystemAvg: fraction(c.jvmSystemAvg, 'cpu.jvmSystemAvg'),
            machineTotalAvg: fraction(c.machineTotalAvg, 'cpu.machineTotalAvg'),
            jvmPeak: fraction(c.jvmPeak, 'cpu.jvmPeak'),
        };
    }
    return summary;
}


/***/ }),

/***/ 94497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ readThreadDumps)
});

// UNUSED EXPORTS: splitDumps

// EXTERNAL MODULE: ./src/collect/log-dumps.ts
var log_dumps = __webpack_require__(43718);
;// CONCATENATED MODULE: ./src/analyse/thread-dump-lines.ts
const HEADER_RE = /^"(.*)"(?:\s+(.*))?$/s;
const ADDR_CLASS_RE = /<([^>]*)>(?:\s*\(a\s+([^)]+)\))?/;
/** "cpu=58.33ms" or, from a JVM with a German or French C locale, "cpu=58,33ms". */
const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const CPU_RE = new RegExp(`(?:^|\\s)cpu=${NUMBER}ms`);
const ELAPSED_RE = new RegExp(`(?:^|\\s)elapsed=${NUMBER}s`);
/** Thread.print's "at method(location)", with a JNI signature after the method on some tools: "readBytes([BII)I(Native Method)". */
const FRAME_RE = /^at\s+(.+)\(([^()]*)\)\s*$/;
// Longest first where one prefix starts another ("waiting to re-lock" before "waiting to lock").
const LOCK_PREFIXES = [
    ['waiting to re-lock in wait()', 'waiting-to-relock'],
    ['waiting to lock', 'waiting-to-lock'],
    ['waiting on the Class initialization monitor for', 'class-init'],
    ['waiting on', 'waiting-on'],
    ['parking to wait for', 'parking'],
    ['locked', 'locked'],
    ['eliminated', 'eliminated'],
];
/** `body` is the text after "- " under a frame; undefined when it is no lock line. */
function parseLockLine(body) {
    for (const [prefix, action] of LOCK_PREFIXES) {
        if (!body.startsWith(prefix))
            continue;
        if (action === 'class-init')
            return { action, className: body.slice(prefix.length).trim() };
        return lockRef(action, body.slice(prefix.length));
    }
    if (body.startsWith('<'))
        return lockRef('ownable', body);
    return undefined;
}
/** Reads "<0x...> (a some.Class)" from `rest`. */
function lockRef(action, rest) {
    const m = ADDR_CLASS_RE.exec(rest);
    const ref = { action };
    if (m) {
        if (/^0x[0-9a-fA-F]+$/.test(m[1]))
            ref.address = m[1].toLowerCase();
        if (m[2])
            ref.className = m[2].trim();
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
function parseFrameLine(line) {
    const m = FRAME_RE.exec(line);
    if (!m)
        return undefined;
    // Drop a JNI signature ("readBytes([BII)I") from the method; the class and method name stay.
    const paren = m[1].indexOf('(');
    const method = paren < 0 ? m[1] : m[1].slice(0, paren).trim();
    return { method, location: m[2], locks: [] };
}
/** Reads a number printed with either decimal separator. */
function decimal(text) {
    return Number(text.replace(',', '.'));
}
/** Parses a thread header line; undefined when the line is not one. */
function parseThreadHeader(line) {
    const m = HEADER_RE.exec(line);
    if (!m)
        return undefined;
    const rest = m[2] ?? '';
    // A header always carries at least one of these; guards against quoted text in log lines.
    if (!/(^|\s)(tid=|nid=|prio=|os_prio=|#\d+)/.test(rest))
        return undefined;
    const t = {
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
    if (os)
        t.osThreadId = Number(os[1]);
    const prio = /(?:^|\s)prio=(-?\d+)/.exec(rest);
    if (prio)
        t.priority = Number(prio[1]);
    const osPrio = /os_prio=(-?\d+)/.exec(rest);
    if (osPrio)
        t.osPriority = Number(osPrio[1]);
    const cpu = CPU_RE.exec(rest);
    if (cpu)
        t.cpuMs = decimal(cpu[1]);
    const elapsed = ELAPSED_RE.exec(rest);
    if (elapsed)
        t.elapsedS = decimal(elapsed[1]);
    const tid = /tid=(0x[0-9a-fA-F]+)/.exec(rest);
    if (tid)
        t.tid = tid[1].toLowerCase();
    const nid = /nid=(0x[0-9a-fA-F]+|\d+)/.exec(rest);
    let after;
    if (nid) {
        t.nid = nid[1];
        if (t.osThreadId === undefined)
            t.osThreadId = nid[1].startsWith('0x') ? parseInt(nid[1], 16) : Number(nid[1]);
        after = rest.slice(nid.index + nid[0].length);
    }
    else if (tid) {
        after = rest.slice(tid.index + tid[0].length);
    }
    else {
        after = '';
    }
    t.description = after.replace(/\[0x[0-9a-fA-F]+\]\s*$/, '').trim();
    return t;
}
/** Fills `wait` from one line under a thread of the JVM's deadlock report; false when the line says nothing about it. */
function readDeadlockWaitLine(line, wait) {
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

;// CONCATENATED MODULE: ./src/analyse/thread-dump-jdk21.ts
// Parsers for the JDK 21+ `Thread.dump_to_file` formats: plain text and JSON. Both list every thread, the
// unmounted virtual threads that Thread.print leaves out included; neither prints cpu=, VM threads or a
// deadlock report. Objects are named by class and identity hash ("java.lang.Object@1b6d3586"), not by address.

/** `#12 "name" virtual WAITING 2026-11-27T07:38:52.866323506Z`; JDK 21 prints no state and no time. */
const TEXT_HEADER_RE = /^#(\d+)\s+"(.*)"(\s+virtual)?(?:\s+([A-Z_]+))?(?:\s+\S+)?\s*$/s;
/** "java.base/java.lang.Object.wait0(Native Method)": the module comes first, then the frame. */
const JSON_FRAME_RE = /^(?:([\w.]+(?:@[^/]*)?)\/(?!0x))?(.+)\(([^()]*)\)$/;
function isDumpToFileText(text) {
    const head = text.slice(0, 4000).replace(/\r\n?/g, '\n').split('\n', 8);
    return (/^\d+$/.test(head[0]?.trim() ?? '') && /^\d{4}-\d{2}-\d{2}T/.test(head[1]?.trim() ?? '') && head.some((l) => TEXT_HEADER_RE.test(l)));
}
function newThread(id, name, virtual, state) {
    const t = {
        name,
        number: id,
        daemon: false,
        description: '',
        isJavaThread: true,
        frames: [],
        looseLocks: [],
        extraLines: [],
    };
    if (virtual)
        t.virtual = true;
    if (state)
        t.state = state;
    return t;
}
/** `Thread.dump_to_file <file>` (text). Never throws. */
function parseDumpToFileText(text) {
    const dump = { format: 'dump-to-file', threads: [], jvmDeadlocks: [], unknownLines: [], headerCount: 0 };
    // Lines end in LF or CRLF; a lone CR is part of the line (a thread name may hold one).
    const lines = text.split(/\r?\n/);
    let current;
    lines.forEach((raw, i) => {
        const line = raw.trim();
        if (line === '')
            return;
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
        if (current)
            current.extraLines.push(line);
        else
            dump.unknownLines.push(raw);
    });
    for (const t of dump.threads)
        inferVirtual(t);
    return dump;
}
/** A frame as the JSON dump (and the text one after "at ") prints it. */
function jsonFrame(text) {
    const m = JSON_FRAME_RE.exec(text.trim());
    if (!m)
        return undefined;
    return { method: m[2], location: m[1] ? `${m[1]}/${m[3]}` : m[3], locks: [] };
}
/**
 * JDK 21's formats say neither which threads are virtual (their stacks end in VirtualThread.run) nor their state
 * (a top frame that parks, sleeps or waits tells it; anything else stays unknown rather than guessed RUNNABLE).
 */
function inferVirtual(t) {
    if (!t.virtual && t.frames.length > 0 && /^java\.lang\.VirtualThread\.run$/.test(t.frames[t.frames.length - 1].method))
        t.virtual = true;
    if (t.state !== undefined || t.frames.length === 0)
        return;
    const top = t.frames[0].method;
    if (/(VirtualThread|LockSupport|Unsafe)\.parkNanos|Thread\.sleep/.test(top))
        t.state = 'TIMED_WAITING';
    else if (/(VirtualThread|LockSupport|Unsafe)\.park|Object\.wait/.test(top))
        t.state = 'WAITING';
}
/** `Thread.dump_to_file -format=json <file>`; undefined when the text is not such a JSON document. Never throws. */
function parseJsonThreadDump(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const td = doc?.threadDump;
    if (!td || typeof td !== 'object' || !Array.isArray(td.threadContainers))
        return undefined;
    const dump = { format: 'json', threads: [], jvmDeadlocks: [], unknownLines: [], headerCount: 0 };
    if (td.processId !== undefined)
        dump.pid = Number(td.processId);
    if (typeof td.time === 'string')
        dump.timestamp = td.time;
    if (typeof td.runtimeVersion === 'string')
        dump.jdkVersion = td.runtimeVersion;
    const byTid = new Map();
    const owners = [];
    for (const container of td.threadContainers) {
        for (const raw of Array.isArray(container?.threads) ? container.threads : []) {
            if (!raw || typeof raw !== 'object')
                continue;
            const t = newThread(Number(raw.tid), String(raw.name ?? ''), raw.virtual === true, typeof raw.state === 'string' ? raw.state : undefined);
            dump.headerCount++;
            for (const f of raw.stack ?? []) {
                const frame = typeof f === 'string' ? jsonFrame(f) : undefined;
                if (frame)
                    t.frames.push(frame);
                else
                    t.extraLines.push(String(f));
            }
            const top = t.frames[0] ? t.frames[0].locks : t.looseLocks;
            if (raw.blockedOn)
                top.push(lockRef('waiting-to-lock', `<${raw.blockedOn}>`));
            if (raw.waitingOn)
                top.push(lockRef('waiting-on', `<${raw.waitingOn}>`));
            if (raw.parkBlocker?.object) {
                const park = lockRef('parking', `<${raw.parkBlocker.object}>`);
                top.push(park);
                const owner = raw.parkBlocker.owner ?? raw.parkBlocker.exclusiveOwnerThreadId;
                if (owner !== undefined)
                    owners.push([String(owner), { ...park, action: 'ownable' }]);
            }
            for (const m of raw.monitorsOwned ?? []) {
                const frame = t.frames[m.depth ?? 0];
                for (const l of m.locks ?? [])
                    if (typeof l === 'string')
                        (frame ? frame.locks : t.looseLocks).push(lockRef('locked', `<${l}>`));
            }
            if (raw.carrier !== undefined)
                t.description = `mounted on #${String(raw.carrier)}`;
            inferVirtual(t);
            dump.threads.push(t);
            byTid.set(String(raw.tid), t);
        }
    }
    // The owner of a lock a thread parks on (when the JVM tells it): that thread's ownable synchronizer.
    for (const [tid, ref] of owners) {
        const owner = byTid.get(tid);
        if (owner)
            (owner.ownableSynchronizers ??= []).push(ref);
    }
    for (const t of dump.threads)
        if (t.description.startsWith('mounted on #'))
            t.carrier = byTid.get(t.description.slice(12))?.name ?? t.description.slice(11);
    return dump;
}

;// CONCATENATED MODULE: ./src/analyse/thread-dump.ts
// Parser for HotSpot thread dumps (jcmd Thread.print [-l], jstack [-l], SIGQUIT output), JDK 6 to 25.
// Lenient by design: any line it does not understand is kept in `unknownLines`, never thrown on.

/** A name with a newline in it makes the header span lines; this many are joined at most. */
const MAX_HEADER_LINES = 4;
const HISTOGRAM_HEAD_RE = /^num\s+#instances\s+#bytes\s+class name/;
const STATE_RE = /^java\.lang\.Thread\.State:\s*([A-Z_]+)(?:\s*\((.*)\))?/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;
/** Parses one thread dump. Never throws; what it cannot place ends up in `unknownLines`. */
function parseThreadDump(text) {
    const dump = { format: 'thread-print', threads: [], jvmDeadlocks: [], unknownLines: [], headerCount: 0 };
    // Lines end in LF or CRLF; a lone CR is part of the line (a thread name may hold one).
    const lines = text.split(/\r?\n/);
    let mode = 'top';
    let current;
    let deadlock;
    let wait;
    let sawHeaderLine = false;
    let histogram = [];
    /** The carrier whose mounted virtual thread is being read (JDK 25 "Mounted virtual thread #N"). */
    let carrier;
    const unknown = (raw) => {
        if (raw.trim() !== '')
            dump.unknownLines.push(raw);
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
            }
            else if (line.startsWith('- ')) {
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
            if (jni[2] !== undefined)
                dump.jniWeakRefs = Number(jni[2]);
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
                dump.heapSummary.push(line);
                continue;
            }
            mode = 'top';
        }
        if (mode === 'deadlock' || mode === 'deadlock-stacks') {
            if (line === '' || /^=+$/.test(line))
                continue;
            if (line.startsWith('Java stack information for the threads listed above')) {
                mode = 'deadlock-stacks';
                continue;
            }
            if (mode === 'deadlock-stacks')
                continue; // duplicates the per-thread stacks above
            const who = /^"(.*)":$/s.exec(line);
            if (who && deadlock) {
                wait = { thread: who[1], kind: 'unknown' };
                deadlock.waits.push(wait);
                continue;
            }
            if (wait && readDeadlockWaitLine(line, wait))
                continue;
            unknown(raw);
            continue;
        }
        if (mode === 'smr') {
            const len = /^_java_thread_list=.*length=(\d+)/.exec(line);
            if (len)
                dump.smrThreadCount = Number(len[1]);
            if (line === '}' || line === '')
                mode = 'top';
            continue;
        }
        if (line.startsWith('Threads class SMR info:')) {
            current = undefined;
            mode = 'smr';
            continue;
        }
        if (line.startsWith('_java_thread_list=') || line.startsWith('_to_delete_list=')) {
            const len = /length=(\d+)/.exec(line);
            if (len && line.startsWith('_java_thread_list='))
                dump.smrThreadCount = Number(len[1]);
            if (line.endsWith('{'))
                mode = 'smr';
            continue;
        }
        let header = line.startsWith('"') ? parseThreadHeader(line) : undefined;
        // A thread name with a newline in it: the header goes on in the next line(s).
        for (let j = i + 1; !header && line.startsWith('"') && j < Math.min(lines.length, i + MAX_HEADER_LINES); j++) {
            header = parseThreadHeader(lines
                .slice(i, j + 1)
                .join('\n')
                .trim());
            if (header)
                i = j;
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
            if (mode === 'ownable')
                mode = 'thread';
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
                if (body === 'None')
                    continue;
                const ref = lockRef('ownable', body);
                current.ownableSynchronizers.push(ref);
                continue;
            }
            const st = STATE_RE.exec(line);
            if (st) {
                current.state = st[1];
                if (st[2])
                    current.stateDetail = st[2].trim();
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
    if (mode === 'histogram')
        dump.histogramText = histogram.join('\n') + '\n';
    for (const t of dump.threads)
        if (t.virtual && t.carrier !== undefined)
            t.state ??= mountedState(t);
    return dump;
}
/** The JVM prints no CPU figures for a virtual thread: while mounted, its carrier's are its own. */
function mountedVirtualThread(id, carrier) {
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
function mountedState(t) {
    const locks = t.frames[0]?.locks ?? [];
    if (locks.some((l) => l.action === 'waiting-to-lock'))
        return 'BLOCKED';
    if (locks.some((l) => l.action === 'waiting-on' || l.action === 'parking'))
        return 'WAITING';
    return 'RUNNABLE';
}

;// CONCATENATED MODULE: ./src/analyse/read-dumps.ts
// From a file's text to HotSpot thread dumps: which format it is, several dumps in one file apart, and what a
// text that is no HotSpot thread dump looks like instead. Only what is recognised is analysed: a dump of another
// VM or tool parsed as if it were HotSpot's would give confident wrong verdicts.



const FULL_DUMP_RE = /^\s*Full thread dump /;
const read_dumps_TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;
/** Formats that are not HotSpot's, by a line only they print. First match wins. */
const LOOKALIKES = [
    [/^(0SECTION|1TISIGINFO|1CIJAVAVERSION|3XMTHREADINFO)\b/m, 'an OpenJ9 / IBM javacore'],
    [/^(----- pid \d+ at |DALVIK THREADS|Cmd line: .*\n[\s\S]*\| group=")/m, 'an Android ART / Dalvik trace'],
    [/^\s*\| group="/m, 'an Android ART / Dalvik trace'],
    [/^={3,} FULL THREAD DUMP =+/m, 'a JRockit thread dump'],
    [/^"[^"\n]*"@\d+ in group "[^"\n]*": [A-Z]+/m, 'an IntelliJ IDEA thread dump export'],
    [
        /^"[^"\n]*"(?: daemon)?(?: prio=\d+)? Id=\d+ (NEW|RUNNABLE|BLOCKED|WAITING|TIMED_WAITING|TERMINATED)\b/m,
        'ThreadInfo.toString() output (java.lang.management)',
    ],
    [/^(Attaching to process ID \d+|Debugger attached successfully)|@bci=\d+/m, 'jhsdb jstack output (the serviceability agent)'],
    [/^JAVA PROFILE 1\.0\./, 'a heap dump (HPROF)'],
    [/^FLR\0/, 'a JFR recording'],
];
/** Splits and parses `text`; never throws. */
function readThreadDumps(text) {
    if (text.trim() === '')
        return { dumps: [], rejected: 'an empty file' };
    if (/^\s*[{[]/.test(text)) {
        const json = parseJsonThreadDump(text);
        return json ? { dumps: [json] } : { dumps: [], rejected: 'JSON that is not a Thread.dump_to_file thread dump' };
    }
    if (isDumpToFileText(text))
        return { dumps: [parseDumpToFileText(text)] };
    const head = text.slice(0, 200_000);
    for (const [re, what] of LOOKALIKES)
        if (re.test(head))
            return { dumps: [], rejected: what };
    const dumps = splitDumps(text)
        .map(parseThreadDump)
        .filter((d) => d.threads.length > 0 || d.jvmDeadlocks.length > 0);
    // HotSpot prints "#N" (JDK 8+) or a java.lang.Thread.State line (JDK 6+) for every Java thread.
    if (dumps.some((d) => d.threads.some((t) => t.number !== undefined || t.state !== undefined)))
        return { dumps };
    if (dumps.length > 0 || /^\s*Full thread dump /m.test(head))
        return { dumps: [], rejected: 'a thread dump whose threads have neither "#N" ids nor java.lang.Thread.State lines (JDK 5 or older)' };
    if (/^\s*num\s+#instances\s+#bytes/m.test(head))
        return { dumps: [], rejected: 'a class histogram' };
    return { dumps: [], rejected: 'text without a single thread header' };
}
/**
 * One text per dump. jcmd/jstack output and dumps appended to one file are cut at each "Full thread dump" line
 * (with the pid and time lines above it); a container log, with the application's lines around the dumps, is
 * cut the way the SIGQUIT path cuts it.
 */
function splitDumps(text) {
    // The common case without splitting lines: one dump, nothing but its pid and time lines before it.
    const heads = text.match(/^[ \t]*Full thread dump /gm);
    if (!heads)
        return [text];
    if (heads.length === 1) {
        const before = text.slice(0, text.search(/^[ \t]*Full thread dump /m)).split('\n');
        if (before.every((l) => l.trim() === '' || /^\d+:$/.test(l.trim()) || read_dumps_TIMESTAMP_RE.test(l.trim())))
            return [text];
    }
    // Lines end in LF or CRLF; a lone CR is part of the line (a thread name may hold one).
    const lines = text.split(/\r?\n/);
    const starts = [];
    lines.forEach((l, i) => {
        if (!FULL_DUMP_RE.test(l))
            return;
        let s = i;
        if (s > 0 && read_dumps_TIMESTAMP_RE.test(lines[s - 1].trim()))
            s--;
        if (s > 0 && /^\d+:$/.test(lines[s - 1].trim()))
            s--;
        starts.push(s);
    });
    const before = lines.slice(0, starts[0] ?? 0).filter((l) => l.trim() !== '');
    if (starts.length === 0 || (starts.length === 1 && before.length === 0))
        return [text];
    // Lines of something else before the first dump: a log, not a dump file.
    if (before.length > 0) {
        const cut = (0,log_dumps/* extractThreadDumps */.v)(text);
        if (cut.length === 0)
            return [text];
        // -XX:+PrintClassHistogram prints a histogram after the SIGQUIT dump: it goes with the dump before it.
        const hist = /^\s*num\s+#instances\s+#bytes[^\n]*\n(?:.*\n)*?Total\s+\d+\s+\d+[^\n]*$/m.exec(text.replace(/\r\n?/g, '\n'));
        if (hist && !cut.some((d) => d.includes(hist[0])))
            cut[cut.length - 1] += `\n${hist[0]}\n`;
        return cut;
    }
    return starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length).join('\n'));
}


/***/ })

};
