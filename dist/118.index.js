export const id = 118;
export const ids = [118,643];
export const modules = {

/***/ 72643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ jfrVerdict),
/* harmony export */   Lt: () => (/* binding */ isJdkFrame),
/* harmony export */   _V: () => (/* binding */ formatMs)
/* harmony export */ });
/* unused harmony exports MIN_SAMPLES_FOR_SHARES, HOT_METHOD_SHARE, HOT_TOTAL_SHARE, CALLER_SHARE, CONTENDED_MONITOR_SHARE, CONTENDED_MONITOR_MIN_MS, LONG_GC_PAUSE_MS, GC_OVERHEAD_SHARE, CPU_BUSY, pct */
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
/**
 * Escapes text for HTML (a thread name can hold anything). Control, bidi and line-separator characters show
 * as escapes (`\r`, `\u202e`): raw, they could hide or reorder what the reader sees.
 */
function escapeHtml(text) {
    return (0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeControls */ .UN)(text, '\t\n')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
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
/* harmony import */ var _analyse_replicas_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24164);
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
    const jfr = (r.jfrHotMethods ?? []).slice(0, 3).map((m) => `<code>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .esc */ .UQ)(m.method, 160)}</code> ${Math.round(m.share * 100)}% (JFR)`);
    return [...sampled, ...jfr].join('<br>') || 'none';
}
/** The summary's section for the run: empty when no workload had two replicas to compare. */
function replicasSection(manifest, analyses) {
    return replicasHtml((0,_analyse_replicas_js__WEBPACK_IMPORTED_MODULE_2__.compareReplicas)(manifest, analyses));
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
        const rest = c.findings.map(_analyse_replicas_js__WEBPACK_IMPORTED_MODULE_2__.findingText).filter((f) => !c.verdict.includes(f));
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
            const jfr = r.jfrHotMethods?.[0]
                ? `, JFR: ${Math.round(r.jfrHotMethods[0].share * 100)}% in ${t(r.jfrHotMethods[0].method, 200)}`
                : '';
            const heap = r.heapBytes !== undefined ? `, ${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(r.heapBytes)} live heap` : '';
            const hot = r.hotMethods.length > 0 ? `, hot: ${t(r.hotMethods.slice(0, 2).join(', '), 200)}` : '';
            return `  ${t(r.label, 160)}: ${threads}${hot}${jfr}${heap}`;
        }),
    ]);
}


/***/ }),

/***/ 10118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analysisLines: () => (/* binding */ analysisLines),
  renderTerminalReport: () => (/* binding */ renderTerminalReport),
  sanitiseForTerminal: () => (/* binding */ sanitiseForTerminal)
});

// EXTERNAL MODULE: ./src/shared/untrusted.ts
var untrusted = __webpack_require__(37991);
// EXTERNAL MODULE: ./src/analyse/rollout-verdict.ts
var rollout_verdict = __webpack_require__(30376);
// EXTERNAL MODULE: ./src/analyse/replicas.ts + 1 modules
var replicas = __webpack_require__(24164);
// EXTERNAL MODULE: ./src/publish/replicas-html.ts
var replicas_html = __webpack_require__(11982);
// EXTERNAL MODULE: ./src/analyse/jfr-verdict.ts
var jfr_verdict = __webpack_require__(72643);
;// CONCATENATED MODULE: ./src/publish/jfr-text.ts


const TOP = 3;
/** A name cut to `max`; the whole line is neutralised once it is assembled (a name may start with "::"). */
function t(text, max = 200) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
function jfrLines(a, indent) {
    return lines(a, indent).map(untrusted/* neutralise */.$0);
}
function lines(a, indent) {
    const out = [];
    const j = a.jfr;
    if (j) {
        out.push(`${indent}JFR (${(0,jfr_verdict/* formatMs */._V)(j.durationMs)}, ${j.executionSamples.toLocaleString('en-US')} execution samples): ${t(j.verdict, 600)}`);
        for (const m of j.bySelf.slice(0, TOP))
            out.push(`${indent}  self ${(m.share * 100).toFixed(1)}%  ${t(m.method)}`);
        const mon = j.monitors[0];
        if (mon)
            out.push(`${indent}  monitor ${t(mon.monitorClass, 160)} at ${t(mon.site)}: ${mon.count} times, ${(0,jfr_verdict/* formatMs */._V)(mon.totalMs)} blocked, longest ${(0,jfr_verdict/* formatMs */._V)(mon.longestMs)}`);
    }
    const f = a.flameGraph;
    if (f)
        out.push(`${indent}flame graph: ${t(f.file, 400)} (${f.source === 'jfr' ? 'JFR execution samples' : 'thread-dump samples, RUNNABLE threads only'})`);
    return out;
}

;// CONCATENATED MODULE: ./src/publish/terminal-report.ts





const MAX_LINES_PER_LIST = 3;
/** Text from the cluster cannot drive the terminal: escape sequences and control characters show as escapes (`\x1b[2J`). */
function sanitiseForTerminal(text) {
    return (0,untrusted/* neutralise */.$0)(text);
}
function terminal_report_t(text, max = 300) {
    const s = sanitiseForTerminal(String(text ?? ''));
    return s.length > max ? `${s.slice(0, max)}…` : s;
}
function errorLines(errors, indent) {
    return errors.map((e) => `${indent}error [${terminal_report_t(e.stage)}${e.dump ? `/${terminal_report_t(e.dump)}` : ''}]: ${terminal_report_t(e.message, 1000)}`);
}
/** The findings under a verdict, a few lines each. */
function analysisLines(a, indent) {
    const out = [];
    for (const d of a.deadlocks.slice(0, MAX_LINES_PER_LIST)) {
        for (const l of d.locks) {
            out.push(`${indent}deadlock: "${terminal_report_t(l.thread, 120)}" waits for ${terminal_report_t(l.className ?? l.kind)}${l.address ? ` <${terminal_report_t(l.address)}>` : ''} held by "${terminal_report_t(l.heldBy ?? '?', 120)}"`);
        }
    }
    // A lock one thread waits for is ordinary locking; from two waiters on it is worth a line.
    for (const c of a.contendedLocks.filter((x) => x.waiters >= 2).slice(0, MAX_LINES_PER_LIST)) {
        const holder = c.holder
            ? `"${terminal_report_t(c.holder, 120)}"`
            : c.holderUnknown === 'shared'
                ? 'readers or permit holders'
                : 'a thread the dump does not name';
        const samples = c.ofSamples > 1 ? ` (contended in ${c.contendedInSamples} of ${c.ofSamples} samples)` : '';
        out.push(`${indent}lock ${terminal_report_t(c.className ?? c.kind)} <${terminal_report_t(c.address)}>: ${c.waiters} waiting, held by ${holder}${samples}`);
    }
    const pile = a.virtualThreads;
    if (pile) {
        const states = Object.entries(pile.states)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ');
        out.push(`${indent}virtual threads: ${pile.total}${states ? ` (${states})` : ''}, ${pile.mounted} mounted, from ${pile.source}`);
    }
    for (const b of a.busyThreads.filter((x) => x.hot).slice(0, MAX_LINES_PER_LIST)) {
        const cpu = b.cpuShare !== undefined ? ` ${Math.round(b.cpuShare * 100)}% of a CPU` : '';
        out.push(`${indent}busy: "${terminal_report_t(b.name, 120)}"${cpu} in ${terminal_report_t(b.appFrame ?? b.topFrames[0], 200)}`);
    }
    // Threads a deadlock or a contended lock above already explains are not repeated.
    for (const s of a.stuckThreads.filter((x) => !x.idle && !x.explainedBy).slice(0, MAX_LINES_PER_LIST)) {
        out.push(`${indent}not moving: "${terminal_report_t(s.name, 120)}"${s.state ? ` ${terminal_report_t(s.state)}` : ''} in ${terminal_report_t(s.topFrames[0], 200)}`);
    }
    out.push(...jfrLines(a, indent));
    const top = a.histogram?.topByBytes[0];
    if (top)
        out.push(`${indent}largest class on the heap: ${terminal_report_t(top.className, 160)} (${top.bytes} bytes, ${top.instances} instances)`);
    return out;
}
/** Renders the run's verdicts as plain text, one block per pod and JVM. */
function renderTerminalReport(manifest, analyses) {
    const lines = [];
    lines.push(`JVM dump: ${terminal_report_t(manifest.target)} in namespace ${terminal_report_t(manifest.namespace)} (${manifest.pods.length} pod${manifest.pods.length === 1 ? '' : 's'})`);
    const verdict = (0,rollout_verdict/* rolloutVerdict */.$6)(manifest, analyses);
    if (verdict)
        lines.push(terminal_report_t(verdict.text, 2000));
    lines.push(...errorLines(manifest.errors, '  '));
    for (const s of manifest.skipped ?? [])
        lines.push(`  skipped ${terminal_report_t(s.dump)}: ${terminal_report_t(s.reason, 400)}`);
    lines.push(...(0,replicas_html/* replicaLines */.EC)((0,replicas.compareReplicas)(manifest, analyses)));
    for (const pod of manifest.pods) {
        lines.push(`pod ${terminal_report_t(pod.pod, 120)} / container ${terminal_report_t(pod.container, 120)}`);
        lines.push(...errorLines(pod.errors, '  '));
        const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
        const pids = new Set([...pod.jvms.map((j) => j.pid), ...mine.map((a) => a.pid)]);
        if (pids.size === 0)
            lines.push('  no JVM found');
        for (const pid of pids) {
            const jvm = pod.jvms.find((j) => j.pid === pid);
            const a = mine.find((m) => m.pid === pid)?.analysis;
            const version = jvm?.version ? `, JDK ${terminal_report_t(jvm.version, 60)}` : '';
            lines.push(`  pid ${pid}${version}: ${a ? terminal_report_t(a.verdict, 600) : 'no analysis (no thread dump or histogram collected)'}`);
            for (const note of jvm?.notes ?? [])
                lines.push(`    note: ${terminal_report_t(note, 300)}`);
            if (a)
                lines.push(...analysisLines(a, '    '));
            if (jvm)
                lines.push(...errorLines(jvm.errors, '    '));
        }
    }
    return lines.join('\n');
}


/***/ })

};
