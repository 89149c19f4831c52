export const id = 707;
export const ids = [707,98,512,682];
export const modules = {

/***/ 92707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ANALYSE_HELP: () => (/* binding */ ANALYSE_HELP),
  exitStatusOf: () => (/* binding */ exitStatusOf),
  runAnalyseCommand: () => (/* binding */ runAnalyseCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/analyse/analyse-dumps.ts
var analyse_dumps = __webpack_require__(52098);
// EXTERNAL MODULE: ./src/analyse/analysis.ts + 11 modules
var analyse_analysis = __webpack_require__(56359);
// EXTERNAL MODULE: ./src/analyse/read-dumps.ts + 3 modules
var read_dumps = __webpack_require__(94497);
// EXTERNAL MODULE: ./src/shared/untrusted.ts
var untrusted = __webpack_require__(37991);
// EXTERNAL MODULE: ./src/publish/summary.ts + 3 modules
var summary = __webpack_require__(98512);
// EXTERNAL MODULE: ./src/publish/terminal-report.ts
var terminal_report = __webpack_require__(57682);
;// CONCATENATED MODULE: ./src/publish/offline-report.ts



function renderOfflineReport(entries) {
    const lines = [];
    for (const e of entries) {
        const a = e.analysis;
        const clean = (s) => (0,terminal_report.sanitiseForTerminal)(s);
        lines.push(`${clean(e.label)}: ${clean(a.verdict)}`);
        const samples = a.samples === 1 ? '1 sample' : `${a.samples} samples`;
        if (a.samples > 0)
            lines.push(`  ${samples}${a.vm ? `, ${clean(a.vm)}` : ''}; ${a.threadCount} Java threads, ${a.vmThreadCount} VM threads`);
        lines.push(...(0,terminal_report.analysisLines)(a, '  '));
        for (const n of a.notes.slice(0, 5))
            lines.push(`  note: ${clean(n).slice(0, 300)}`);
    }
    // Thread names are untrusted: no line may become a workflow command when a `run:` step prints the report.
    return lines.map(untrusted/* neutralise */.$0).join('\n');
}
/** The job summary's HTML for these JVMs, as a page of its own. */
function renderStandaloneHtml(title, manifest, entries) {
    // The summary opens with a heading about a cluster run; an offline analysis has its own.
    const body = (0,summary/* buildSummaryHtml */.au)(manifest, entries, undefined, Number.MAX_SAFE_INTEGER).replace(/^<h2>.*<\/h2>\n/, '');
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<title>${(0,summary/* escapeHtml */.ZD)(title)}</title>`,
        '<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}' +
            'td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}pre{margin:0;white-space:pre-wrap}</style>',
        '</head>',
        '<body>',
        `<h1>${(0,summary/* escapeHtml */.ZD)(title)}</h1>`,
        body.trimEnd(),
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/shared/layout.ts
var layout = __webpack_require__(48119);
// EXTERNAL MODULE: ./src/shared/constants.ts
var constants = __webpack_require__(85444);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
;// CONCATENATED MODULE: ./src/analyse-command.ts
// `kube-jvm-dump analyse FILE|DIR ...`: the diagnosis of thread dumps a user already has, without a cluster.










const ANALYSE_HELP = `Usage: ${constants/* TOOL_NAME */.lH} analyse FILE|DIR ... [--json] [--html FILE]

Analyses thread dumps you already have, offline: jstack / jcmd Thread.print / SIGQUIT output (a container log
is fine), JDK 21+ Thread.dump_to_file text or JSON. Several files are samples of one JVM in time order; a file
with several dumps in it is several samples; a class histogram among them is used as one. A directory from an
earlier run (it has manifest.json) is analysed per JVM; any other directory stands for the files in it.

  --json        print the analysis as JSON (the shape of analysis.json) instead of the report
  --html FILE   also write the job summary's HTML as a standalone page
  -h, --help    this text

Exit status: 0 no problem found, 3 another problem (contention, busy or stuck threads, a virtual-thread
pile-up), 4 a deadlock, 2 bad usage or input that is not a HotSpot thread dump.`;
function parseOptions(argv) {
    const o = { paths: [], json: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '-h' || a === '--help')
            return 'help';
        else if (a === '--json')
            o.json = true;
        else if (a === '--html' || a.startsWith('--html=')) {
            o.html = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
            if (!o.html)
                throw new Error('--html needs a file name');
        }
        else if (a.startsWith('-') && a !== '-')
            throw new Error(`unknown option ${a} (see ${constants/* TOOL_NAME */.lH} analyse --help)`);
        else
            o.paths.push(a);
    }
    if (o.paths.length === 0)
        throw new Error(`no thread dump given (see ${constants/* TOOL_NAME */.lH} analyse --help)`);
    return o;
}
/** 4 deadlock, 3 another finding, 2 nothing understood anywhere, 0 no problem. */
function exitStatusOf(analyses) {
    if (analyses.some((a) => a.severity === 'deadlock'))
        return 4;
    if (analyses.some((a) => a.severity !== 'ok' && a.severity !== 'no-data'))
        return 3;
    if (analyses.length === 0 || analyses.some((a) => a.severity === 'no-data'))
        return 2;
    return 0;
}
async function filesOf(dir) {
    const names = (await (0,promises_.readdir)(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    return names.sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).map((n) => external_node_path_.join(dir, n));
}
/** Artifact directories per JVM; loose files together as the samples of one JVM. */
async function analysePaths(paths, skipped) {
    const entries = [];
    const loose = [];
    /** Files found in a directory: one that is no thread dump (vm-info.txt, a README) is left out, not judged. */
    const listed = new Set();
    const pods = [];
    for (const p of paths) {
        const st = await (0,promises_.stat)(p);
        if (!st.isDirectory()) {
            loose.push(p);
            continue;
        }
        const manifestText = await (0,promises_.readFile)(external_node_path_.join(p, layout/* FileNames */.lu.manifest), 'utf8').catch(() => undefined);
        if (manifestText === undefined) {
            for (const f of (await filesOf(p)).filter((x) => !/\.(hprof|gz|zip)$/.test(x))) {
                loose.push(f);
                listed.add(f);
            }
            continue;
        }
        const manifest = JSON.parse(manifestText);
        for (const e of await (0,analyse_dumps.analyseRun)(manifest, p))
            entries.push({ ...e, label: `${e.pod}/${e.container}/${e.pid}`, files: [] });
        pods.push(...manifest.pods);
    }
    if (loose.length > 0) {
        const threadDumps = [];
        let histogram;
        for (const f of [...loose]) {
            const text = await (0,promises_.readFile)(f, 'utf8');
            const rejected = (0,read_dumps/* readThreadDumps */.W)(text).rejected;
            // A class histogram among the files is the JVM's histogram, not a dump that failed to parse.
            if (histogram === undefined && rejected === 'a class histogram')
                histogram = text;
            else if (rejected && listed.has(f)) {
                skipped.push(`${f} (looks like: ${rejected})`);
                loose.splice(loose.indexOf(f), 1);
            }
            else
                threadDumps.push(text);
        }
        const analysis = (0,analyse_analysis.analyseJvm)({ threadDumps, histogram });
        const pid = 0;
        const label = loose.length === 1 ? loose[0] : `${loose.length} files (${external_node_path_.basename(loose[0])} ... ${external_node_path_.basename(loose[loose.length - 1])})`;
        entries.push({ pod: label, container: '-', pid, analysis, label, files: loose });
        pods.push({ namespace: '-', pod: label, container: '-', jvms: [], errors: [], timingsMs: {} });
    }
    const now = new Date().toISOString();
    const manifest = {
        tool: { name: constants/* TOOL_NAME */.lH, version: constants/* TOOL_VERSION */.wr },
        cluster: {},
        namespace: '-',
        target: paths.join(' '),
        requested: { dumps: ['threads'], threadDumpCount: 0, threadDumpIntervalMs: 0, heapDumpLive: false },
        startedAt: now,
        finishedAt: now,
        pods,
        errors: [],
    };
    return { entries, manifest };
}
async function runAnalyseCommand(argv, stdout, stderr) {
    let options;
    try {
        options = parseOptions(argv);
    }
    catch (err) {
        stderr.write((0,untrusted/* neutralise */.$0)(`${constants/* TOOL_NAME */.lH} analyse: ${(0,errors/* errorMessage */.g)(err)}`) + '\n');
        return 2;
    }
    if (options === 'help') {
        stdout.write(ANALYSE_HELP + '\n');
        return 0;
    }
    let result;
    const skipped = [];
    try {
        result = await analysePaths(options.paths, skipped);
    }
    catch (err) {
        stderr.write((0,untrusted/* neutralise */.$0)(`${constants/* TOOL_NAME */.lH} analyse: ${(0,errors/* errorMessage */.g)(err)}`) + '\n');
        return 2;
    }
    const { entries, manifest } = result;
    for (const s of skipped)
        stderr.write((0,untrusted/* neutralise */.$0)(`${constants/* TOOL_NAME */.lH} analyse: left out ${s}`) + '\n');
    for (const e of entries)
        if (e.analysis.rejected)
            stderr.write((0,untrusted/* neutralise */.$0)(`${constants/* TOOL_NAME */.lH} analyse: ${e.label}: not a HotSpot thread dump (looks like: ${e.analysis.rejected})`) + '\n');
    if (options.json) {
        const jvms = entries.map(({ pod, container, pid, analysis, files }) => ({
            pod,
            container,
            pid,
            ...(files.length > 0 ? { files } : {}),
            analysis,
        }));
        // Thread names are untrusted: inert JSON, so that a `run:` step printing it cannot be steered.
        stdout.write((0,untrusted/* inertJson */.nl)({ tool: manifest.tool, jvms }) + '\n');
    }
    else {
        stdout.write(renderOfflineReport(entries) + '\n');
    }
    if (options.html) {
        await (0,promises_.writeFile)(options.html, renderStandaloneHtml(`Thread dump analysis: ${options.paths.join(' ')}`, manifest, entries));
        if (!options.json)
            stdout.write(`HTML report in ${options.html}\n`);
    }
    return exitStatusOf(entries.map((e) => e.analysis));
}


/***/ }),

/***/ 52098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   analyseDumps: () => (/* binding */ analyseDumps),
/* harmony export */   analyseRun: () => (/* binding */ analyseRun)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48119);
/* harmony import */ var _analysis_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56359);



/** Analyses every JVM that has thread dumps, from the files in the output directory; writes analysis.json. */
async function analyseDumps(manifest, outputDir) {
    const entries = await analyseRun(manifest, outputDir);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .absolute */ .ys)(outputDir, _shared_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .FileNames */ .lu.analysis), JSON.stringify({ tool: manifest.tool, jvms: entries }, null, 2) + '\n');
    return entries;
}
/** Analyses every JVM of a run (a fresh one, or an artifact downloaded later) from its files; writes nothing. */
async function analyseRun(manifest, outputDir) {
    const entries = [];
    for (const pod of manifest.pods) {
        for (const jvm of pod.jvms) {
            // The Thread.print samples in time order, then the JSON dump (every virtual thread) when there is one.
            const dumps = [
                ...jvm.files.filter((f) => f.kind === 'threads').sort((a, b) => a.path.localeCompare(b.path, undefined, { numeric: true })),
                ...jvm.files.filter((f) => f.kind === 'threads-json'),
            ];
            const histogramFile = jvm.files.find((f) => f.kind === 'histogram');
            if (dumps.length === 0 && !histogramFile)
                continue;
            const threadDumps = await Promise.all(dumps.map((f) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .absolute */ .ys)(outputDir, f.path), 'utf8')));
            const histogram = histogramFile ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .absolute */ .ys)(outputDir, histogramFile.path), 'utf8') : undefined;
            entries.push({ pod: pod.pod, container: pod.container, pid: jvm.pid, analysis: (0,_analysis_js__WEBPACK_IMPORTED_MODULE_2__.analyseJvm)({ threadDumps, histogram }) });
        }
    }
    return entries;
}


/***/ }),

/***/ 98512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  au: () => (/* binding */ buildSummaryHtml),
  ZD: () => (/* reexport */ escapeHtml),
  writeJobSummary: () => (/* binding */ writeJobSummary)
});

// UNUSED EXPORTS: SUMMARY_BUDGET_BYTES, formatBytes

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: ./src/shared/untrusted.ts
var untrusted = __webpack_require__(37991);
;// CONCATENATED MODULE: ./src/publish/html.ts
// HTML building blocks for the job summary: every text from the cluster or the JVM is escaped here.

const MAX_TEXT = 300;
const MAX_NAMES_SHOWN = 10;
/**
 * Escapes text for HTML (a thread name can hold anything). Control, bidi and line-separator characters show
 * as escapes (`\r`, `\u202e`): raw, they could hide or reorder what the reader sees.
 */
function escapeHtml(text) {
    return (0,untrusted/* escapeControls */.UN)(text, '\t\n')
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
    const counts = table(['Virtual threads', ...states.map((s) => esc(s)), 'Mounted'], [[String(v.total), ...states.map((s) => String(v.states[s])), String(v.mounted)]]);
    const groups = v.groups.map((g) => `<p>${g.count} virtual thread${g.count === 1 ? '' : 's'}, ${esc(g.state ?? 'no state')}${g.parkedOn ? `, parked on <code>${esc(g.parkedOn, 200)}</code>` : ''}</p>\n${pre(g.frames)}`);
    return details(`Virtual threads (${v.total}, from ${SOURCE[v.source] ?? esc(v.source)})`, [counts, ...groups].join('\n'), a.severity === 'virtual-pileup');
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
        return `${sep}${esc(p.text, 800)}${p.file ? ` (<code>${esc(p.file, 300)}</code>)` : ''}`;
    })
        .join('');
    return `<p>🧭 <strong>${html}</strong></p>`;
}
function podContextHtml(ctx) {
    const out = [];
    const rows = ctx.containers.map((c) => [
        `<code>${esc(c.name, 120)}</code>`,
        esc(c.state, 200),
        c.ready ? 'yes' : '<strong>no</strong>',
        String(c.restartCount),
        c.lastTerminated
            ? esc(`${(0,rollout_verdict/* describeTermination */.cC)(c.lastTerminated)}${c.lastTerminated.finishedAt ? ` at ${c.lastTerminated.finishedAt}` : ''}`)
            : '',
        c.lastLogLine ? `<code>${esc(c.lastLogLine, 300)}</code>` : '',
    ]);
    if (rows.length > 0)
        out.push(table(['Container', 'State', 'Ready', 'Restarts', 'Previous run ended', 'Last log line'], rows));
    for (const p of ctx.probeFailures) {
        const message = p.message ? `: <code>${esc(p.message, 300)}</code>` : ' (no output)';
        out.push(`<p>${esc(p.probe)} probe failed ${p.count} time${p.count === 1 ? '' : 's'}${message}</p>`);
    }
    if (ctx.files.length > 0) {
        const listed = ctx.files.slice(0, MAX_FILES_LISTED).map((f) => `<code>${esc(f, 300)}</code>`);
        const more = ctx.files.length > MAX_FILES_LISTED ? `, and ${ctx.files.length - MAX_FILES_LISTED} more` : '';
        out.push(`<p>Pod context in the artifact: ${listed.join(', ')}${more}.</p>`);
    }
    if (ctx.errors.length > 0) {
        const items = ctx.errors.slice(0, 10).map((e) => `<li>${esc(e, 600)}</li>`);
        out.push(details(`Context not collected (${ctx.errors.length})`, `<ul>\n${items.join('\n')}\n</ul>`));
    }
    return out.join('\n');
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
        .map((e) => `<li>[${esc(e.stage)}${e.dump ? `/${esc(e.dump)}` : ''}] ${esc(e.message, 1000)}</li>`);
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
    const headers = ['Java threads', ...keys.map((k) => esc(k)), 'VM threads', 'Waiting for a lock', 'Samples'];
    const row = [
        String(a.threadCount),
        ...keys.map((k) => String(a.states[k])),
        String(a.vmThreadCount),
        String(a.blockedThreads),
        `${a.samples}/${a.samplesGiven}`,
    ];
    return table(headers, [row]);
}
function jvmSection(jvm, pid, a, detail) {
    const who = `pid ${pid}${jvm?.version ? `, JDK ${esc(jvm.version, 60)}` : ''}`;
    const out = [];
    if (!a) {
        out.push(`<p>${ICON['no-data']} <strong>no analysis</strong> (no thread dump or histogram collected) — ${who}</p>`);
    }
    else {
        out.push(`<p>${ICON[a.severity]} <strong>${esc(a.verdict, 600)}</strong> — ${who}</p>`);
    }
    if (jvm?.commandLine)
        out.push(`<p><code>${esc(jvm.commandLine, 200)}</code></p>`);
    if (jvm && jvm.files.length > 0)
        out.push(`<p>Collected: ${collectedList(jvm)}.</p>`);
    for (const note of jvm?.notes ?? [])
        out.push(`<p>ℹ️ ${esc(note, 300)}</p>`);
    if (a && a.samples > 0)
        out.push(stateTable(a));
    if (a && detail === 'full')
        out.push(...analysisDetails(a));
    if (jvm && jvm.errors.length > 0)
        out.push(details(`Errors for this JVM (${jvm.errors.length})`, errorList(jvm.errors), true));
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
    for (const heap of of('heap'))
        parts.push(heap.oom
            ? `<strong>heap dump left on OutOfMemoryError</strong> at <code>${esc(heap.oom.podPath, 200)}</code> (${esc(heap.oom.modified)}; ${formatBytes(heap.size)}, gzipped)`
            : `heap dump (${formatBytes(heap.size)}, gzipped)`);
    if (of('vm-info').length > 0)
        parts.push('VM info');
    return parts.join(', ');
}
function analysisDetails(a) {
    const out = [];
    if (a.deadlocks.length > 0) {
        const blocks = a.deadlocks.slice(0, MAX_ROWS).map((d, i) => {
            const rows = d.locks.map((l) => [
                `<code>${esc(l.thread, 120)}</code>`,
                `${esc(l.className ?? l.kind)}${l.address ? ` <code>&lt;${esc(l.address)}&gt;</code>` : ''}`,
                l.heldBy ? `<code>${esc(l.heldBy, 120)}</code>` : '',
            ]);
            const source = d.source === 'both' ? 'JVM report and lock graph' : d.source === 'jvm' ? 'JVM report' : 'lock graph';
            return `<p>Deadlock ${i + 1} (${d.threads.length} threads, found by ${source})</p>\n${table(['Thread', 'Waits for', 'Held by'], rows)}`;
        });
        out.push(details(`Deadlocks (${a.deadlocks.length})`, blocks.join('\n'), true));
    }
    if (a.contendedLocks.length > 0) {
        const rows = a.contendedLocks
            .slice(0, MAX_ROWS)
            .map((c) => [
            `${esc(c.className ?? c.kind)} <code>&lt;${esc(c.address)}&gt;</code>`,
            c.holder ? `<code>${esc(c.holder, 120)}</code>` : '<em>not in the dump</em>',
            `${esc(c.holderState ?? '')}${c.holderFrame ? `<br><code>${esc(c.holderFrame, 200)}</code>` : ''}`,
            c.ofSamples > 1 ? `${c.waiters} (contended in ${c.contendedInSamples} of ${c.ofSamples} samples)` : String(c.waiters),
            names(c.waiterNames, c.waiters),
        ]);
        out.push(details(`Contended locks (${a.contendedLocks.length})`, table(['Lock', 'Holder', 'Holder is', 'Waiters', 'Waiting threads'], rows), a.severity === 'contention'));
    }
    if (a.busyThreads.length > 0) {
        const rows = a.busyThreads
            .slice(0, MAX_ROWS)
            .map((b) => [
            `<code>${esc(b.name, 120)}</code>`,
            b.cpuShare !== undefined ? `${Math.round(b.cpuShare * 100)}%${b.cpuShareOver === 'lifetime' ? ' (lifetime)' : ''}` : '',
            `${b.runnableInSamples}/${a.samples}`,
            pre(b.topFrames),
        ]);
        out.push(details(`RUNNABLE application threads (${a.busyThreads.length})`, table(['Thread', 'CPU of one core', 'RUNNABLE in samples', 'Top frames'], rows), a.severity === 'cpu'));
    }
    // Threads a deadlock or a contended lock above already explains are not listed again.
    const stuck = a.stuckThreads.filter((s) => !s.idle && !s.explainedBy);
    if (stuck.length > 0) {
        const rows = stuck.slice(0, MAX_ROWS).map((s) => [`<code>${esc(s.name, 120)}</code>`, esc(s.state ?? ''), pre(s.topFrames)]);
        out.push(details(`Threads that did not move across ${a.samples} samples (${stuck.length}; idle ones and those explained above left out)`, table(['Thread', 'State', 'Top frames'], rows), a.severity === 'stuck'));
    }
    if (a.identicalStacks.length > 0) {
        const blocks = a.identicalStacks.slice(0, 5).map((g) => {
            const frames = g.frames.slice(0, MAX_FRAMES_SHOWN);
            const omitted = g.frames.length - frames.length + g.framesOmitted;
            return `<p>${g.count} threads, ${esc(g.state ?? 'no state')}: ${names(g.threadNames, g.count)}</p>\n${pre(omitted > 0 ? [...frames, `… ${omitted} more frames`] : frames)}`;
        });
        out.push(details(`Threads with identical stacks (${a.identicalStacks.length} group${a.identicalStacks.length === 1 ? '' : 's'}, largest first)`, blocks.join('\n')));
    }
    const virtual = virtualThreadsHtml(a);
    if (virtual)
        out.push(virtual);
    if (a.main && a.main.frame) {
        out.push(details('Thread <code>main</code>', `<p>${esc(a.main.state ?? '')}${a.main.stateDetail ? ` (${esc(a.main.stateDetail)})` : ''} in <code>${esc(a.main.frame, 200)}</code></p>`));
    }
    if (a.cpuDeltas.length > 0) {
        const rows = a.cpuDeltas
            .slice(0, MAX_ROWS)
            .map((d) => [
            `<code>${esc(d.name, 120)}</code>`,
            `${d.cpuDeltaMs.toFixed(d.cpuDeltaMs < 10 ? 1 : 0)} ms`,
            d.wallMs !== undefined ? `${d.wallMs.toFixed(0)} ms` : '',
            d.share !== undefined ? `${Math.round(d.share * 100)}%` : '',
        ]);
        out.push(details('CPU used between the first and last sample', table(['Thread', 'CPU', 'Wall', 'Share of one core'], rows)));
    }
    if (a.histogram && a.histogram.classes > 0) {
        const h = a.histogram;
        const rowsOf = (list) => list.map((r) => [`<code>${esc(r.className, 160)}</code>`, r.instances.toLocaleString('en-US'), formatBytes(r.bytes)]);
        const total = h.totalBytes !== undefined
            ? `<p>${h.classes} classes, ${(h.totalInstances ?? 0).toLocaleString('en-US')} objects, ${formatBytes(h.totalBytes)} on the heap.</p>\n`
            : '';
        out.push(details('Class histogram', `${total}<p>Top by bytes</p>\n${table(['Class', 'Instances', 'Bytes'], rowsOf(h.topByBytes))}\n<p>Top by instances</p>\n${table(['Class', 'Instances', 'Bytes'], rowsOf(h.topByInstances))}`));
    }
    if (a.notes.length > 0)
        out.push(details('Parser notes', `<ul>\n${a.notes
            .slice(0, MAX_ROWS)
            .map((n) => `<li>${esc(n)}</li>`)
            .join('\n')}\n</ul>`));
    return out;
}
function podSection(pod, analyses, detail) {
    const out = [];
    const where = pod.node ? ` on node <code>${esc(pod.node, 120)}</code>` : '';
    out.push(`<h3>Pod <code>${esc(pod.pod, 120)}</code>, container <code>${esc(pod.container, 120)}</code>${where}</h3>`);
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
    head.push(`<h2>JVM dump: <code>${esc(manifest.target, 200)}</code> in namespace <code>${esc(manifest.namespace, 120)}</code></h2>`);
    const verdict = (0,rollout_verdict/* rolloutVerdict */.$6)(manifest, analyses);
    if (verdict)
        head.push(rolloutVerdictHtml(verdict, !!manifest.workload));
    const counts = `${manifest.pods.length} pod${manifest.pods.length === 1 ? '' : 's'}, ${jvmCount} JVM${jvmCount === 1 ? '' : 's'}${deadlocked > 0 ? `, <strong>${deadlocked} with a deadlock</strong>` : ''}`;
    let art = '';
    if (artifact) {
        const url = safeUrl(artifact.url);
        art = url
            ? ` Dumps: artifact <a href="${escapeHtml(url)}">${esc(artifact.name)}</a>.`
            : ` Dumps: artifact <code>${esc(artifact.name)}</code> (no link available).`;
    }
    head.push(`<p>${counts}.${art}</p>`);
    if (manifest.errors.length > 0)
        head.push(`<p>Errors:</p>\n${errorList(manifest.errors)}`);
    for (const s of manifest.skipped ?? [])
        head.push(`<p>⚠️ <strong>No ${esc(s.dump)} dump.</strong> ${esc(s.reason, 600)}</p>`);
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


/***/ }),

/***/ 57682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   analysisLines: () => (/* binding */ analysisLines),
/* harmony export */   renderTerminalReport: () => (/* binding */ renderTerminalReport),
/* harmony export */   sanitiseForTerminal: () => (/* binding */ sanitiseForTerminal)
/* harmony export */ });
/* harmony import */ var _shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37991);
/* harmony import */ var _analyse_rollout_verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30376);


const MAX_LINES_PER_LIST = 3;
/** Text from the cluster cannot drive the terminal: escape sequences and control characters show as escapes (`\x1b[2J`). */
function sanitiseForTerminal(text) {
    return (0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(text);
}
function t(text, max = 300) {
    const s = sanitiseForTerminal(String(text ?? ''));
    return s.length > max ? `${s.slice(0, max)}…` : s;
}
function errorLines(errors, indent) {
    return errors.map((e) => `${indent}error [${t(e.stage)}${e.dump ? `/${t(e.dump)}` : ''}]: ${t(e.message, 1000)}`);
}
/** The findings under a verdict, a few lines each. */
function analysisLines(a, indent) {
    const out = [];
    for (const d of a.deadlocks.slice(0, MAX_LINES_PER_LIST)) {
        for (const l of d.locks) {
            out.push(`${indent}deadlock: "${t(l.thread, 120)}" waits for ${t(l.className ?? l.kind)}${l.address ? ` <${t(l.address)}>` : ''} held by "${t(l.heldBy ?? '?', 120)}"`);
        }
    }
    // A lock one thread waits for is ordinary locking; from two waiters on it is worth a line.
    for (const c of a.contendedLocks.filter((x) => x.waiters >= 2).slice(0, MAX_LINES_PER_LIST)) {
        const holder = c.holder
            ? `"${t(c.holder, 120)}"`
            : c.holderUnknown === 'shared'
                ? 'readers or permit holders'
                : 'a thread the dump does not name';
        const samples = c.ofSamples > 1 ? ` (contended in ${c.contendedInSamples} of ${c.ofSamples} samples)` : '';
        out.push(`${indent}lock ${t(c.className ?? c.kind)} <${t(c.address)}>: ${c.waiters} waiting, held by ${holder}${samples}`);
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
        out.push(`${indent}busy: "${t(b.name, 120)}"${cpu} in ${t(b.appFrame ?? b.topFrames[0], 200)}`);
    }
    // Threads a deadlock or a contended lock above already explains are not repeated.
    for (const s of a.stuckThreads.filter((x) => !x.idle && !x.explainedBy).slice(0, MAX_LINES_PER_LIST)) {
        out.push(`${indent}not moving: "${t(s.name, 120)}"${s.state ? ` ${t(s.state)}` : ''} in ${t(s.topFrames[0], 200)}`);
    }
    const top = a.histogram?.topByBytes[0];
    if (top)
        out.push(`${indent}largest class on the heap: ${t(top.className, 160)} (${top.bytes} bytes, ${top.instances} instances)`);
    return out;
}
/** Renders the run's verdicts as plain text, one block per pod and JVM. */
function renderTerminalReport(manifest, analyses) {
    const lines = [];
    lines.push(`JVM dump: ${t(manifest.target)} in namespace ${t(manifest.namespace)} (${manifest.pods.length} pod${manifest.pods.length === 1 ? '' : 's'})`);
    const verdict = (0,_analyse_rollout_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .rolloutVerdict */ .$6)(manifest, analyses);
    if (verdict)
        lines.push(t(verdict.text, 2000));
    lines.push(...errorLines(manifest.errors, '  '));
    for (const s of manifest.skipped ?? [])
        lines.push(`  skipped ${t(s.dump)}: ${t(s.reason, 400)}`);
    for (const pod of manifest.pods) {
        lines.push(`pod ${t(pod.pod, 120)} / container ${t(pod.container, 120)}`);
        lines.push(...errorLines(pod.errors, '  '));
        const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
        const pids = new Set([...pod.jvms.map((j) => j.pid), ...mine.map((a) => a.pid)]);
        if (pids.size === 0)
            lines.push('  no JVM found');
        for (const pid of pids) {
            const jvm = pod.jvms.find((j) => j.pid === pid);
            const a = mine.find((m) => m.pid === pid)?.analysis;
            const version = jvm?.version ? `, JDK ${t(jvm.version, 60)}` : '';
            lines.push(`  pid ${pid}${version}: ${a ? t(a.verdict, 600) : 'no analysis (no thread dump or histogram collected)'}`);
            for (const note of jvm?.notes ?? [])
                lines.push(`    note: ${t(note, 300)}`);
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
