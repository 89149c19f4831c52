export const id = 558;
export const ids = [558];
export const modules = {

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

/***/ 17558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  au: () => (/* binding */ buildSummaryHtml),
  ZD: () => (/* reexport */ publish_html/* escapeHtml */.ZD),
  writeJobSummary: () => (/* binding */ writeJobSummary)
});

// UNUSED EXPORTS: SUMMARY_BUDGET_BYTES, formatBytes

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: ./src/publish/html.ts
var publish_html = __webpack_require__(73638);
;// CONCATENATED MODULE: ./src/publish/virtual-threads-html.ts

const SOURCE = {
    json: 'the JSON thread dump (every virtual thread)',
    'dump-to-file': 'Thread.dump_to_file (every virtual thread)',
    'thread-print': 'Thread.print (only those mounted on a carrier)',
};
/** Undefined when the JVM has no virtual thread to show. */
function virtualThreadsHtml(a) {
    const v = a.virtualThreads;
    if (!v || v.total === 0)
        return undefined;
    const states = Object.keys(v.states).sort();
    const counts = (0,publish_html/* table */.tp)(['Virtual threads', ...states.map((s) => (0,publish_html/* esc */.UQ)(s)), 'Mounted'], [[String(v.total), ...states.map((s) => String(v.states[s])), String(v.mounted)]]);
    const groups = v.groups.map((g) => `<p>${g.count} virtual thread${g.count === 1 ? '' : 's'}, ${(0,publish_html/* esc */.UQ)(g.state ?? 'no state')}${g.parkedOn ? `, parked on <code>${(0,publish_html/* esc */.UQ)(g.parkedOn, 200)}</code>` : ''}</p>\n${(0,publish_html/* pre */.AS)(g.frames)}`);
    return (0,publish_html/* details */.zH)(`Virtual threads (${v.total}, from ${SOURCE[v.source] ?? (0,publish_html/* esc */.UQ)(v.source)})`, [counts, ...groups].join('\n'), a.severity === 'virtual-pileup');
}

// EXTERNAL MODULE: ./src/analyse/rollout-verdict.ts
var rollout_verdict = __webpack_require__(30376);
;// CONCATENATED MODULE: ./src/publish/context-html.ts


const MAX_FILES_LISTED = 20;
/** The line that opens the summary; each layer names its file in the artifact. */
function rolloutVerdictHtml(v, hasWorkload) {
    const html = v.parts
        .map((p, i) => {
        const sep = i === 0 ? '' : hasWorkload && i === 1 ? ': ' : '; ';
        return `${sep}${(0,publish_html/* esc */.UQ)(p.text, 800)}${p.file ? ` (<code>${(0,publish_html/* esc */.UQ)(p.file, 300)}</code>)` : ''}`;
    })
        .join('');
    return `<p>🧭 <strong>${html}</strong></p>`;
}
function podContextHtml(ctx) {
    const out = [];
    const rows = ctx.containers.map((c) => [
        `<code>${(0,publish_html/* esc */.UQ)(c.name, 120)}</code>`,
        (0,publish_html/* esc */.UQ)(c.state, 200),
        c.ready ? 'yes' : '<strong>no</strong>',
        String(c.restartCount),
        c.lastTerminated
            ? (0,publish_html/* esc */.UQ)(`${(0,rollout_verdict/* describeTermination */.cC)(c.lastTerminated)}${c.lastTerminated.finishedAt ? ` at ${c.lastTerminated.finishedAt}` : ''}`)
            : '',
        c.lastLogLine ? `<code>${(0,publish_html/* esc */.UQ)(c.lastLogLine, 300)}</code>` : '',
    ]);
    if (rows.length > 0)
        out.push((0,publish_html/* table */.tp)(['Container', 'State', 'Ready', 'Restarts', 'Previous run ended', 'Last log line'], rows));
    for (const p of ctx.probeFailures) {
        const message = p.message ? `: <code>${(0,publish_html/* esc */.UQ)(p.message, 300)}</code>` : ' (no output)';
        out.push(`<p>${(0,publish_html/* esc */.UQ)(p.probe)} probe failed ${p.count} time${p.count === 1 ? '' : 's'}${message}</p>`);
    }
    if (ctx.files.length > 0) {
        const listed = ctx.files.slice(0, MAX_FILES_LISTED).map((f) => `<code>${(0,publish_html/* esc */.UQ)(f, 300)}</code>`);
        const more = ctx.files.length > MAX_FILES_LISTED ? `, and ${ctx.files.length - MAX_FILES_LISTED} more` : '';
        out.push(`<p>Pod context in the artifact: ${listed.join(', ')}${more}.</p>`);
    }
    if (ctx.errors.length > 0) {
        const items = ctx.errors.slice(0, 10).map((e) => `<li>${(0,publish_html/* esc */.UQ)(e, 600)}</li>`);
        out.push((0,publish_html/* details */.zH)(`Context not collected (${ctx.errors.length})`, `<ul>\n${items.join('\n')}\n</ul>`));
    }
    return out.join('\n');
}

// EXTERNAL MODULE: ./src/publish/replicas-html.ts
var replicas_html = __webpack_require__(11982);
// EXTERNAL MODULE: ./src/analyse/jfr-verdict.ts
var jfr_verdict = __webpack_require__(72643);
;// CONCATENATED MODULE: ./src/publish/jfr-html.ts


const pct = (share) => `${(share * 100).toFixed(1)}%`;
const count = (n) => n.toLocaleString('en-US');
const code = (text, max = 200) => `<code>${(0,publish_html/* esc */.UQ)(text, max)}</code>`;
function methodRows(list) {
    return list.map((m, i) => [String(i + 1), code(m.method), count(m.samples), pct(m.share)]);
}
/** What the flame graph is and where it is, e.g. "web-1/app/7/flame.svg in the artifact (JFR execution samples)". */
function flameGraphHtml(a) {
    const f = a.flameGraph;
    if (!f)
        return '';
    const from = f.source === 'jfr'
        ? `${count(f.stacks)} JFR execution samples`
        : `${f.samples ?? 0} thread-dump samples, RUNNABLE threads only (${count(f.stacks)} thread stacks)`;
    return `<p>🔥 Flame graph: ${code(f.file)} in the artifact, made from ${from}.</p>`;
}
/** The verdict line, the tables (full detail only) and the flame graph line; empty without a recording or a graph. */
function jfrHtml(a, full) {
    const out = [];
    const j = a.jfr;
    if (j) {
        out.push(`<p>⏱️ <strong>JFR</strong> (${(0,jfr_verdict/* formatMs */._V)(j.durationMs)}, ${count(j.executionSamples)} execution samples): <strong>${(0,publish_html/* esc */.UQ)(j.verdict, 600)}</strong></p>`);
    }
    const flame = flameGraphHtml(a);
    if (flame)
        out.push(flame);
    if (!j || !full)
        return out;
    if (j.bySelf.length > 0 || j.byTotal.length > 0) {
        const headers = (what) => ['#', 'Method', `${what} samples`, '% of samples'];
        const caller = j.hotCaller
            ? `<p>${code(j.hotCaller.of)} was called from ${code(j.hotCaller.method)} in ${pct(j.hotCaller.share)} of its samples.</p>\n`
            : '';
        out.push((0,publish_html/* details */.zH)('Where the time went (JFR execution samples)', `${caller}<p>Top methods by self samples (the method was running)</p>\n${(0,publish_html/* table */.tp)(headers('Self'), methodRows(j.bySelf))}\n` +
            `<p>Top methods by total samples (the method was on the stack)</p>\n${(0,publish_html/* table */.tp)(headers('Total'), methodRows(j.byTotal))}`, true));
    }
    if (j.monitors.length > 0) {
        const rows = j.monitors.map((m) => [code(m.monitorClass), code(m.site), count(m.count), (0,jfr_verdict/* formatMs */._V)(m.totalMs), (0,jfr_verdict/* formatMs */._V)(m.longestMs)]);
        out.push((0,publish_html/* details */.zH)(`Contended monitors (${j.monitors.length}, by time blocked)`, (0,publish_html/* table */.tp)(['Monitor class', 'Where threads waited', 'Times', 'Blocked in total', 'Longest'], rows), true));
    }
    if (j.gc.count > 0) {
        const head = `<p>${count(j.gc.count)} collections, ${(0,jfr_verdict/* formatMs */._V)(j.gc.totalPauseMs)} paused in total, longest ${(0,jfr_verdict/* formatMs */._V)(j.gc.longestPauseMs)}.</p>`;
        const rows = j.gc.longest.map((p) => [(0,publish_html/* esc */.UQ)(p.name, 80), (0,publish_html/* esc */.UQ)(p.cause, 120), (0,jfr_verdict/* formatMs */._V)(p.ms), (0,publish_html/* esc */.UQ)(p.start, 40)]);
        out.push((0,publish_html/* details */.zH)('Longest GC pauses', `${head}\n${rows.length > 0 ? (0,publish_html/* table */.tp)(['Collector', 'Cause', 'Pause', 'Start'], rows) : ''}`));
    }
    if (j.allocations.length > 0) {
        const rows = j.allocations.map((x) => [code(x.objectClass, 160), (0,publish_html/* formatBytes */.z3)(Math.round(x.weightBytes)), count(x.samples)]);
        out.push((0,publish_html/* details */.zH)('Allocation by class (JFR allocation samples, estimated)', (0,publish_html/* table */.tp)(['Class', 'Allocated (estimate)', 'Samples'], rows)));
    }
    if (j.cpu) {
        const c = j.cpu;
        out.push((0,publish_html/* details */.zH)('CPU load (averages over the recording)', (0,publish_html/* table */.tp)(['JVM user', 'JVM system', 'Machine total', 'JVM peak'], [[pct(c.jvmUserAvg), pct(c.jvmSystemAvg), pct(c.machineTotalAvg), pct(c.jvmPeak)]])));
    }
    if (j.notes.length > 0)
        out.push((0,publish_html/* details */.zH)('JFR summariser notes', `<ul>\n${j.notes.map((n) => `<li>${(0,publish_html/* esc */.UQ)(n)}</li>`).join('\n')}\n</ul>`));
    return out;
}

;// CONCATENATED MODULE: ./src/publish/summary.ts
// The job summary: per pod and JVM a verdict line first, then tables and collapsible details.
// Everything that came from the cluster or the JVM is escaped here (core.summary does not escape).








/** GitHub refuses step summaries over 1 MiB; stay well below so other steps' text still fits. */
const SUMMARY_BUDGET_BYTES = 512 * 1024;
const ICON = {
    deadlock: '🔴',
    contention: '🟠',
    'virtual-pileup': '🟠',
    cpu: '🟠',
    stuck: '🟡',
    ok: '🟢',
    'no-data': '⚪',
};
const MAX_ROWS = 10;
const MAX_FRAMES_SHOWN = 15;
function errorList(errors) {
    if (errors.length === 0)
        return '';
    const items = errors
        .slice(0, MAX_ROWS)
        .map((e) => `<li>[${(0,publish_html/* esc */.UQ)(e.stage)}${e.dump ? `/${(0,publish_html/* esc */.UQ)(e.dump)}` : ''}] ${(0,publish_html/* esc */.UQ)(e.message, 1000)}</li>`);
    const more = errors.length > MAX_ROWS ? `<li>and ${errors.length - MAX_ROWS} more (see manifest.json)</li>` : '';
    return `<ul>\n${items.join('\n')}${more}\n</ul>`;
}
function stateTable(a) {
    const order = ['RUNNABLE', 'BLOCKED', 'WAITING', 'TIMED_WAITING'];
    const keys = [
        ...order.filter((k) => k in a.states),
        ...Object.keys(a.states)
            .filter((k) => !order.includes(k))
            .sort(),
    ];
    const headers = ['Java threads', ...keys.map((k) => (0,publish_html/* esc */.UQ)(k)), 'VM threads', 'Waiting for a lock', 'Samples'];
    const row = [
        String(a.threadCount),
        ...keys.map((k) => String(a.states[k])),
        String(a.vmThreadCount),
        String(a.blockedThreads),
        `${a.samples}/${a.samplesGiven}`,
    ];
    return (0,publish_html/* table */.tp)(headers, [row]);
}
function jvmSection(jvm, pid, a, detail) {
    const who = `pid ${pid}${jvm?.version ? `, JDK ${(0,publish_html/* esc */.UQ)(jvm.version, 60)}` : ''}`;
    const out = [];
    if (!a) {
        out.push(`<p>${ICON['no-data']} <strong>no analysis</strong> (no thread dump or histogram collected) — ${who}</p>`);
    }
    else {
        out.push(`<p>${ICON[a.severity]} <strong>${(0,publish_html/* esc */.UQ)(a.verdict, 600)}</strong> — ${who}</p>`);
    }
    if (jvm?.commandLine)
        out.push(`<p><code>${(0,publish_html/* esc */.UQ)(jvm.commandLine, 200)}</code></p>`);
    if (jvm && jvm.files.length > 0)
        out.push(`<p>Collected: ${collectedList(jvm)}.</p>`);
    for (const note of jvm?.notes ?? [])
        out.push(`<p>ℹ️ ${(0,publish_html/* esc */.UQ)(note, 300)}</p>`);
    if (a && a.samples > 0)
        out.push(stateTable(a));
    if (a)
        out.push(...jfrHtml(a, detail === 'full'));
    if (a && detail === 'full')
        out.push(...analysisDetails(a));
    if (jvm && jvm.errors.length > 0)
        out.push((0,publish_html/* details */.zH)(`Errors for this JVM (${jvm.errors.length})`, errorList(jvm.errors), true));
    return out.join('\n');
}
/** What is in the artifact for this JVM, e.g. "3 thread dumps, class histogram, heap dump (275.4 KiB, gzipped)". */
function collectedList(jvm) {
    const of = (kind) => jvm.files.filter((f) => f.kind === kind);
    const parts = [];
    const threads = of('threads').length;
    if (threads > 0)
        parts.push(`${threads} thread dump${threads === 1 ? '' : 's'}`);
    if (of('histogram').length > 0)
        parts.push('class histogram');
    for (const rec of of('jfr').filter((f) => f.path.endsWith('.jfr')))
        parts.push(`JFR recording (${(0,publish_html/* formatBytes */.z3)(rec.size)})`);
    for (const heap of of('heap'))
        parts.push(heap.oom
            ? `<strong>heap dump left on OutOfMemoryError</strong> at <code>${(0,publish_html/* esc */.UQ)(heap.oom.podPath, 200)}</code> (${(0,publish_html/* esc */.UQ)(heap.oom.modified)}; ${(0,publish_html/* formatBytes */.z3)(heap.size)}, gzipped)`
            : `heap dump (${(0,publish_html/* formatBytes */.z3)(heap.size)}, gzipped)`);
    if (of('vm-info').length > 0)
        parts.push('VM info');
    return parts.join(', ');
}
function analysisDetails(a) {
    const out = [];
    if (a.deadlocks.length > 0) {
        const blocks = a.deadlocks.slice(0, MAX_ROWS).map((d, i) => {
            const rows = d.locks.map((l) => [
                `<code>${(0,publish_html/* esc */.UQ)(l.thread, 120)}</code>`,
                `${(0,publish_html/* esc */.UQ)(l.className ?? l.kind)}${l.address ? ` <code>&lt;${(0,publish_html/* esc */.UQ)(l.address)}&gt;</code>` : ''}`,
                l.heldBy ? `<code>${(0,publish_html/* esc */.UQ)(l.heldBy, 120)}</code>` : '',
            ]);
            const source = d.source === 'both' ? 'JVM report and lock graph' : d.source === 'jvm' ? 'JVM report' : 'lock graph';
            return `<p>Deadlock ${i + 1} (${d.threads.length} threads, found by ${source})</p>\n${(0,publish_html/* table */.tp)(['Thread', 'Waits for', 'Held by'], rows)}`;
        });
        out.push((0,publish_html/* details */.zH)(`Deadlocks (${a.deadlocks.length})`, blocks.join('\n'), true));
    }
    if (a.contendedLocks.length > 0) {
        const rows = a.contendedLocks
            .slice(0, MAX_ROWS)
            .map((c) => [
            `${(0,publish_html/* esc */.UQ)(c.className ?? c.kind)} <code>&lt;${(0,publish_html/* esc */.UQ)(c.address)}&gt;</code>`,
            c.holder ? `<code>${(0,publish_html/* esc */.UQ)(c.holder, 120)}</code>` : '<em>not in the dump</em>',
            `${(0,publish_html/* esc */.UQ)(c.holderState ?? '')}${c.holderFrame ? `<br><code>${(0,publish_html/* esc */.UQ)(c.holderFrame, 200)}</code>` : ''}`,
            c.ofSamples > 1 ? `${c.waiters} (contended in ${c.contendedInSamples} of ${c.ofSamples} samples)` : String(c.waiters),
            (0,publish_html/* names */.Dy)(c.waiterNames, c.waiters),
        ]);
        out.push((0,publish_html/* details */.zH)(`Contended locks (${a.contendedLocks.length})`, (0,publish_html/* table */.tp)(['Lock', 'Holder', 'Holder is', 'Waiters', 'Waiting threads'], rows), a.severity === 'contention'));
    }
    if (a.busyThreads.length > 0) {
        const rows = a.busyThreads
            .slice(0, MAX_ROWS)
            .map((b) => [
            `<code>${(0,publish_html/* esc */.UQ)(b.name, 120)}</code>`,
            b.cpuShare !== undefined ? `${Math.round(b.cpuShare * 100)}%${b.cpuShareOver === 'lifetime' ? ' (lifetime)' : ''}` : '',
            `${b.runnableInSamples}/${a.samples}`,
            (0,publish_html/* pre */.AS)(b.topFrames),
        ]);
        out.push((0,publish_html/* details */.zH)(`RUNNABLE application threads (${a.busyThreads.length})`, (0,publish_html/* table */.tp)(['Thread', 'CPU of one core', 'RUNNABLE in samples', 'Top frames'], rows), a.severity === 'cpu'));
    }
    // Threads a deadlock or a contended lock above already explains are not listed again.
    const stuck = a.stuckThreads.filter((s) => !s.idle && !s.explainedBy);
    if (stuck.length > 0) {
        const rows = stuck.slice(0, MAX_ROWS).map((s) => [`<code>${(0,publish_html/* esc */.UQ)(s.name, 120)}</code>`, (0,publish_html/* esc */.UQ)(s.state ?? ''), (0,publish_html/* pre */.AS)(s.topFrames)]);
        out.push((0,publish_html/* details */.zH)(`Threads that did not move across ${a.samples} samples (${stuck.length}; idle ones and those explained above left out)`, (0,publish_html/* table */.tp)(['Thread', 'State', 'Top frames'], rows), a.severity === 'stuck'));
    }
    if (a.identicalStacks.length > 0) {
        const blocks = a.identicalStacks.slice(0, 5).map((g) => {
            const frames = g.frames.slice(0, MAX_FRAMES_SHOWN);
            const omitted = g.frames.length - frames.length + g.framesOmitted;
            return `<p>${g.count} threads, ${(0,publish_html/* esc */.UQ)(g.state ?? 'no state')}: ${(0,publish_html/* names */.Dy)(g.threadNames, g.count)}</p>\n${(0,publish_html/* pre */.AS)(omitted > 0 ? [...frames, `… ${omitted} more frames`] : frames)}`;
        });
        out.push((0,publish_html/* details */.zH)(`Threads with identical stacks (${a.identicalStacks.length} group${a.identicalStacks.length === 1 ? '' : 's'}, largest first)`, blocks.join('\n')));
    }
    const virtual = virtualThreadsHtml(a);
    if (virtual)
        out.push(virtual);
    if (a.main && a.main.frame) {
        out.push((0,publish_html/* details */.zH)('Thread <code>main</code>', `<p>${(0,publish_html/* esc */.UQ)(a.main.state ?? '')}${a.main.stateDetail ? ` (${(0,publish_html/* esc */.UQ)(a.main.stateDetail)})` : ''} in <code>${(0,publish_html/* esc */.UQ)(a.main.frame, 200)}</code></p>`));
    }
    if (a.cpuDeltas.length > 0) {
        const rows = a.cpuDeltas
            .slice(0, MAX_ROWS)
            .map((d) => [
            `<code>${(0,publish_html/* esc */.UQ)(d.name, 120)}</code>`,
            `${d.cpuDeltaMs.toFixed(d.cpuDeltaMs < 10 ? 1 : 0)} ms`,
            d.wallMs !== undefined ? `${d.wallMs.toFixed(0)} ms` : '',
            d.share !== undefined ? `${Math.round(d.share * 100)}%` : '',
        ]);
        out.push((0,publish_html/* details */.zH)('CPU used between the first and last sample', (0,publish_html/* table */.tp)(['Thread', 'CPU', 'Wall', 'Share of one core'], rows)));
    }
    if (a.histogram && a.histogram.classes > 0) {
        const h = a.histogram;
        const rowsOf = (list) => list.map((r) => [`<code>${(0,publish_html/* esc */.UQ)(r.className, 160)}</code>`, r.instances.toLocaleString('en-US'), (0,publish_html/* formatBytes */.z3)(r.bytes)]);
        const total = h.totalBytes !== undefined
            ? `<p>${h.classes} classes, ${(h.totalInstances ?? 0).toLocaleString('en-US')} objects, ${(0,publish_html/* formatBytes */.z3)(h.totalBytes)} on the heap.</p>\n`
            : '';
        out.push((0,publish_html/* details */.zH)('Class histogram', `${total}<p>Top by bytes</p>\n${(0,publish_html/* table */.tp)(['Class', 'Instances', 'Bytes'], rowsOf(h.topByBytes))}\n<p>Top by instances</p>\n${(0,publish_html/* table */.tp)(['Class', 'Instances', 'Bytes'], rowsOf(h.topByInstances))}`));
    }
    if (a.notes.length > 0)
        out.push((0,publish_html/* details */.zH)('Parser notes', `<ul>\n${a.notes
            .slice(0, MAX_ROWS)
            .map((n) => `<li>${(0,publish_html/* esc */.UQ)(n)}</li>`)
            .join('\n')}\n</ul>`));
    return out;
}
function podSection(pod, analyses, detail) {
    const out = [];
    const where = pod.node ? ` on node <code>${(0,publish_html/* esc */.UQ)(pod.node, 120)}</code>` : '';
    out.push(`<h3>Pod <code>${(0,publish_html/* esc */.UQ)(pod.pod, 120)}</code>, container <code>${(0,publish_html/* esc */.UQ)(pod.container, 120)}</code>${where}</h3>`);
    if (pod.context)
        out.push(podContextHtml(pod.context));
    if (pod.errors.length > 0)
        out.push(`<p>Errors for this pod:</p>\n${errorList(pod.errors)}`);
    const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
    const pids = new Set([...pod.jvms.map((j) => j.pid), ...mine.map((a) => a.pid)]);
    if (pids.size === 0)
        out.push('<p>No JVM found in this container.</p>');
    for (const pid of pids) {
        out.push(jvmSection(pod.jvms.find((j) => j.pid === pid), pid, mine.find((a) => a.pid === pid)?.analysis, detail));
    }
    return out.join('\n');
}
/** The summary as HTML. Pure; the text it embeds is escaped. */
function buildSummaryHtml(manifest, analyses, artifact, budgetBytes = SUMMARY_BUDGET_BYTES) {
    const jvmCount = new Set([
        ...manifest.pods.flatMap((p) => p.jvms.map((j) => `${p.pod}\u0000${p.container}\u0000${j.pid}`)),
        ...analyses.map((a) => `${a.pod}\u0000${a.container}\u0000${a.pid}`),
    ]).size;
    const deadlocked = analyses.filter((a) => a.analysis.deadlock).length;
    const head = [];
    head.push(`<h2>JVM dump: <code>${(0,publish_html/* esc */.UQ)(manifest.target, 200)}</code> in namespace <code>${(0,publish_html/* esc */.UQ)(manifest.namespace, 120)}</code></h2>`);
    const verdict = (0,rollout_verdict/* rolloutVerdict */.$6)(manifest, analyses);
    if (verdict)
        head.push(rolloutVerdictHtml(verdict, !!manifest.workload));
    const counts = `${manifest.pods.length} pod${manifest.pods.length === 1 ? '' : 's'}, ${jvmCount} JVM${jvmCount === 1 ? '' : 's'}${deadlocked > 0 ? `, <strong>${deadlocked} with a deadlock</strong>` : ''}`;
    let art = '';
    if (artifact) {
        const url = (0,publish_html/* safeUrl */.Pl)(artifact.url);
        art = url
            ? ` Dumps: artifact <a href="${(0,publish_html/* escapeHtml */.ZD)(url)}">${(0,publish_html/* esc */.UQ)(artifact.name)}</a>.`
            : ` Dumps: artifact <code>${(0,publish_html/* esc */.UQ)(artifact.name)}</code> (no link available).`;
    }
    head.push(`<p>${counts}.${art}</p>`);
    if (manifest.errors.length > 0)
        head.push(`<p>Errors:</p>\n${errorList(manifest.errors)}`);
    for (const s of manifest.skipped ?? [])
        head.push(`<p>⚠️ <strong>No ${(0,publish_html/* esc */.UQ)(s.dump)} dump.</strong> ${(0,publish_html/* esc */.UQ)(s.reason, 600)}</p>`);
    head.push((0,replicas_html/* replicasSection */.by)(manifest, analyses));
    // No blank line anywhere: on GitHub one would end the HTML block and turn the rest into markdown.
    const build = (detail, pods) => [...head, ...pods.map((p) => podSection(p, analyses, detail))].join('\n').replace(/\n{2,}/g, '\n') + '\n';
    let html = build('full', manifest.pods);
    if (Buffer.byteLength(html) <= budgetBytes)
        return html;
    html = build('compact', manifest.pods);
    const note = '<p><em>Details left out to keep the summary small; see analysis.json in the artifact.</em></p>\n';
    if (Buffer.byteLength(html) + note.length <= budgetBytes)
        return html + note;
    // Still too big (hundreds of pods): verdicts of as many pods as fit.
    let kept = manifest.pods.length;
    while (kept > 0 && Buffer.byteLength(build('compact', manifest.pods.slice(0, kept))) + 200 > budgetBytes)
        kept = Math.floor(kept / 2);
    return (build('compact', manifest.pods.slice(0, kept)) +
        `<p><em>${manifest.pods.length - kept} more pods left out of the summary; see analysis.json in the artifact.</em></p>\n`);
}
/** Writes the summary of the run into the job summary. */
async function writeJobSummary(manifest, analyses, artifact) {
    await core/* summary */.z.addRaw(buildSummaryHtml(manifest, analyses, artifact), true).write();
}


/***/ })

};
