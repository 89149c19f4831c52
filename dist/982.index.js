export const id = 982;
export const ids = [982];
export const modules = {

/***/ 24164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Vo: () => (/* binding */ compareReplicas),
  NK: () => (/* binding */ findingText)
});

// UNUSED EXPORTS: CLEAR_FACTOR, HEAP_FACTOR, HEAP_MIN_GAP_BYTES, JFR_HOT_MIN_SAMPLES, JFR_HOT_SHARE, MIN_FOR_NUMBERS, PILEUP_MIN, THREADS_GAP_SHARE, THREADS_MIN_GAP

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
            .map(verdict/* shortFrame */.mz)
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

// EXTERNAL MODULE: ./src/analyse/jfr-verdict.ts
var jfr_verdict = __webpack_require__(72643);
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
        const what = `${s.inIt.map((r) => (0,jfr_verdict/* pct */.Oe)(of(r, m).share)).join(', ')} of JFR samples in ${m}`;
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

/***/ 73638:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ pre),
/* harmony export */   Dy: () => (/* binding */ names),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   UQ: () => (/* binding */ esc),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* harmony import */ var _shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37991);
// HTML building blocks for the job summary: every text from the cluster or the JVM is escaped here.

const MAX_TEXT = 300;
const MAX_NAMES_SHOWN = 10;
/** Escapes text for HTML (a thread name can hold anything); tabs and newlines stay for <pre> (see escapeMarkup). */
function escapeHtml(text) {
    return (0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkup */ .My)(text, '\t\n');
}
function esc(text, max = MAX_TEXT) {
    const s = String(text ?? '');
    return escapeHtml(s.length > max ? `${s.slice(0, max)}…` : s).replace(/\n/g, ' ');
}
/** Only http(s) links; anything else is shown as text. */
function safeUrl(url) {
    if (!url)
        return undefined;
    try {
        const u = new URL(url);
        return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : undefined;
    }
    catch {
        return undefined;
    }
}
function formatBytes(n) {
    if (n === undefined)
        return '';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}
function table(headers, rows) {
    // Cells are already escaped HTML.
    const head = `<tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>`;
    const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
    return `<table>\n${head}\n${body}\n</table>`;
}
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n${body}\n</details>`;
}
/** A <pre> block; blank lines would end GitHub's HTML block, so there are none. */
function pre(lines) {
    return `<pre>${lines
        .filter((l) => l.trim() !== '')
        .map((l) => esc(l, 500))
        .join('\n')}</pre>`;
}
function names(list, total) {
    const shown = list
        .slice(0, MAX_NAMES_SHOWN)
        .map((n) => `<code>${esc(n, 80)}</code>`)
        .join(', ');
    return total > MAX_NAMES_SHOWN ? `${shown} and ${total - MAX_NAMES_SHOWN} more` : shown;
}


/***/ }),

/***/ 11982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EC: () => (/* binding */ replicaLines),
/* harmony export */   by: () => (/* binding */ replicasSection)
/* harmony export */ });
/* unused harmony exports stateMix, replicasHtml */
/* harmony import */ var _analyse_jfr_verdict_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72643);
/* harmony import */ var _analyse_replicas_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24164);
/* harmony import */ var _shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37991);
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73638);
// The job summary's "Replicas" section and the terminal's lines for it: one row per replica of a workload, and
// the verdict of the comparison (each JVM's own verdict follows in its pod's section). Pod names are API data and thread, lock, class and method names pod data:
// escaped for HTML here, neutralised for the terminal.




/** Rows shown per workload; the replicas a finding names are shown even past it. */
const MAX_REPLICA_ROWS = 20;
const STATE_ORDER = ['RUNNABLE', 'BLOCKED', 'WAITING', 'TIMED_WAITING'];
/** "9 RUNNABLE, 24 BLOCKED, 6 WAITING, 3 TIMED_WAITING", the usual four first. */
function stateMix(states) {
    const keys = [
        ...STATE_ORDER.filter((s) => states[s]),
        ...Object.keys(states)
            .filter((s) => !STATE_ORDER.includes(s))
            .sort(),
    ];
    return keys.map((s) => `${states[s]} ${s}`).join(', ');
}
function shownRows(c) {
    // Every replica is named when all share a trouble: only the ones singled out or listed go past the cap.
    const named = new Set(c.findings.filter((f) => f.kind !== 'all').flatMap((f) => f.replicas));
    return c.rows.filter((r, i) => i < MAX_REPLICA_ROWS || named.has(r.label));
}
function lockCell(r) {
    if (r.threads === undefined)
        return '';
    if (r.deadlock)
        return `<strong>deadlock</strong>${r.pileUp > 0 ? `; ${r.pileUp} on one lock` : ''}`;
    if (r.pileUp === 0)
        return 'none';
    return `${r.pileUp}${r.pileUpLock?.className ? ` on <code>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(r.pileUpLock.className, 160)}</code>` : ''}`;
}
function hotCell(r) {
    const sampled = r.hotMethods.slice(0, 3).map((m) => `<code>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(m, 160)}</code>`);
    const jfr = (r.jfrHotMethods ?? []).slice(0, 3).map((m) => `<code>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(m.method, 160)}</code> ${(0,_analyse_jfr_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .pct */ .Oe)(m.share)} (JFR)`);
    return [...sampled, ...jfr].join('<br>') || 'none';
}
/** The summary's section for the run (the comparison analyseDumps made, else made here): empty when none had two replicas. */
function replicasSection(manifest, analyses, made) {
    return replicasHtml(made ?? (0,_analyse_replicas_js__WEBPACK_IMPORTED_MODULE_3__/* .compareReplicas */ .Vo)(manifest, analyses));
}
/** The section for every compared workload. */
function replicasHtml(comparisons) {
    return comparisons
        .map((c) => {
        const mark = c.outlier ? '⚠️ ' : '';
        const rows = shownRows(c).map((r) => [
            `${c.outlier === r.label ? '<strong>' : ''}<code>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(r.label, 160)}</code>${c.outlier === r.label ? '</strong>' : ''}`,
            r.threads !== undefined ? String(r.threads) : '(no thread dump)',
            (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(stateMix(r.states)),
            lockCell(r),
            hotCell(r),
            r.heapBytes !== undefined ? (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(r.heapBytes) : '',
        ]);
        const more = c.rows.length > rows.length ? `<p><em>${c.rows.length - rows.length} more replicas in analysis.json.</em></p>` : '';
        // Findings the verdict line leaves out (it names the odd ones; the others are listed here).
        const rest = c.findings.map(_analyse_replicas_js__WEBPACK_IMPORTED_MODULE_3__/* .findingText */ .NK).filter((f) => !c.verdict.includes(f));
        const others = rest.length > 0 ? `<ul>\n${rest.map((f) => `<li>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(f, 600)}</li>`).join('\n')}\n</ul>` : '';
        return [
            `<h3>Replicas (${c.rows.length}) of <code>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(c.workload, 300)}</code></h3>`,
            `<p>${mark}<strong>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(c.verdict, 1200)}</strong></p>`,
            others,
            (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['Replica', 'Java threads', 'States', 'Most on one lock', 'Hot methods', 'Live heap'], rows),
            more,
        ]
            .filter(Boolean)
            .join('\n');
    })
        .join('\n');
}
/** The comparison for the terminal: the verdict, then one line per replica. */
function replicaLines(comparisons) {
    const t = (s, max = 300) => {
        const clean = (0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(s);
        return clean.length > max ? `${clean.slice(0, max)}…` : clean;
    };
    return comparisons.flatMap((c) => [
        `replicas of ${t(c.workload)}: ${t(c.verdict, 1200)}`,
        ...shownRows(c).map((r) => {
            const lock = r.deadlock ? 'deadlock' : r.pileUp > 0 ? `${r.pileUp} on one lock` : 'no lock pile-up';
            const threads = r.threads !== undefined ? `${r.threads} Java threads (${stateMix(r.states)}), ${lock}` : 'no thread dump';
            const jfr = r.jfrHotMethods?.[0] ? `, JFR: ${(0,_analyse_jfr_verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .pct */ .Oe)(r.jfrHotMethods[0].share)} in ${t(r.jfrHotMethods[0].method, 200)}` : '';
            const heap = r.heapBytes !== undefined ? `, ${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(r.heapBytes)} live heap` : '';
            const hot = r.hotMethods.length > 0 ? `, hot: ${t(r.hotMethods.slice(0, 2).join(', '), 200)}` : '';
            return `  ${t(r.label, 160)}: ${threads}${hot}${jfr}${heap}`;
        }),
    ]);
}


/***/ })

};
