export const id = 707;
export const ids = [707,118];
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
// EXTERNAL MODULE: ./src/analyse/analysis.ts + 8 modules
var analyse_analysis = __webpack_require__(13670);
// EXTERNAL MODULE: ./src/analyse/flame-graph.ts
var flame_graph = __webpack_require__(91107);
// EXTERNAL MODULE: ./src/analyse/flame-svg.ts
var flame_svg = __webpack_require__(45177);
// EXTERNAL MODULE: ./src/analyse/read-dumps.ts + 3 modules
var read_dumps = __webpack_require__(94497);
// EXTERNAL MODULE: ./src/analyse/replicas.ts + 1 modules
var analyse_replicas = __webpack_require__(24164);
// EXTERNAL MODULE: ./src/publish/replicas-html.ts
var replicas_html = __webpack_require__(11982);
// EXTERNAL MODULE: ./src/shared/untrusted.ts
var untrusted = __webpack_require__(37991);
// EXTERNAL MODULE: ./src/publish/summary.ts + 4 modules
var summary = __webpack_require__(5160);
// EXTERNAL MODULE: ./src/publish/terminal-report.ts + 1 modules
var terminal_report = __webpack_require__(10118);
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
function renderStandaloneHtml(title, manifest, entries, replicas) {
    // The summary opens with a heading about a cluster run; an offline analysis has its own.
    const body = (0,summary/* buildSummaryHtml */.au)(manifest, entries, { budgetBytes: Number.MAX_SAFE_INTEGER, replicas }).replace(/^<h2>.*<\/h2>\n/, '');
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














const ANALYSE_HELP = `Usage: ${constants/* TOOL_NAME */.lH} analyse FILE|DIR ... [--json] [--html FILE] [--flame FILE]

Analyses thread dumps you already have, offline: jstack / jcmd Thread.print / SIGQUIT output (a container log
is fine), JDK 21+ Thread.dump_to_file text or JSON. Several files are samples of one JVM in time order; a file
with several dumps in it is several samples; a class histogram among them is used as one. A directory from an
earlier run (it has manifest.json) is analysed per JVM; any other directory stands for the files in it.

  --json        print the analysis as JSON (the shape of analysis.json) instead of the report
  --html FILE   also write the job summary's HTML as a standalone page
  --flame FILE  also write a flame graph (SVG) of the given files: from a jfr-summary.json among them, else
                from the thread dumps' RUNNABLE stacks (a run's directory has its flame.svg per JVM already)
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
        else if (a === '--flame' || a.startsWith('--flame=')) {
            o.flame = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
            if (!o.flame)
                throw new Error('--flame needs a file name');
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
/** A jfr-summary.json among loose files: the summariser's keys, whatever the file is called. */
const JFR_SUMMARY_KEYS = ['"schema"', '"executionSamples"', '"hotMethods"'];
/** The flame graph of loose files, when their stacks make one; the analysis says where it is or why there is none. */
async function writeFlame(file, input, label, analysis) {
    if (!input) {
        analysis.notes.push('no flame graph: neither JFR execution samples nor a RUNNABLE application thread in the files');
        return;
    }
    await (0,promises_.writeFile)(file, (0,flame_svg/* renderFlameSvg */.I)(input, label));
    analysis.flameGraph = (0,flame_graph/* flameGraphRef */.fz)(input, file);
}
/** Artifact directories per JVM; loose files together as the samples of one JVM. */
async function analysePaths(paths, skipped, flame) {
    const entries = [];
    const loose = [];
    /** Files found in a directory: one that is no thread dump (vm-info.txt, a README) is left out, not judged. */
    const listed = new Set();
    const pods = [];
    const runs = [];
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
        runs.push(manifest);
    }
    // One run alone keeps its own manifest: its workload and rollout, and its errors, make the verdict line.
    if (runs.length === 1 && paths.length === 1)
        return { entries, manifest: runs[0] };
    if (loose.length > 0) {
        const threadDumps = [];
        let histogram;
        let jfrSummary;
        for (const f of [...loose]) {
            const text = await (0,promises_.readFile)(f, 'utf8');
            if (jfrSummary === undefined && JFR_SUMMARY_KEYS.every((k) => text.includes(k))) {
                jfrSummary = text;
                continue;
            }
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
        const { analysis, samples, jfrSummary: jfr } = (0,analyse_analysis.analyseJvmEvidence)({ threadDumps, histogram, jfrSummary });
        const pid = 0;
        const label = loose.length === 1 ? loose[0] : `${loose.length} files (${external_node_path_.basename(loose[0])} ... ${external_node_path_.basename(loose[loose.length - 1])})`;
        if (flame)
            await writeFlame(flame, (0,flame_graph/* flameInputOf */.H9)({ jfr, samples, jfrRequested: true }), label, analysis);
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
        result = await analysePaths(options.paths, skipped, options.flame);
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
    const replicas = (0,analyse_replicas/* compareReplicas */.Vo)(manifest, entries);
    if (options.json) {
        const jvms = entries.map(({ pod, container, pid, analysis, files }) => ({
            pod,
            container,
            pid,
            ...(files.length > 0 ? { files } : {}),
            analysis,
        }));
        // Thread names are untrusted: inert JSON, so that a `run:` step printing it cannot be steered.
        stdout.write((0,untrusted/* inertJson */.nl)({ tool: manifest.tool, jvms, replicas }) + '\n');
    }
    else {
        stdout.write(renderOfflineReport(entries) + '\n');
        // A run's directory (or several of one workload): its replicas compared, as after the run.
        for (const line of (0,replicas_html/* replicaLines */.EC)(replicas))
            stdout.write((0,untrusted/* neutralise */.$0)(line) + '\n');
    }
    if (options.html) {
        await (0,promises_.writeFile)(options.html, renderStandaloneHtml(`Thread dump analysis: ${options.paths.join(' ')}`, manifest, entries, replicas));
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
/* harmony export */   analyseRun: () => (/* binding */ analyseRun),
/* harmony export */   analyseRunWithFlames: () => (/* binding */ analyseRunWithFlames)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_layout_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48119);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58382);
/* harmony import */ var _analysis_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(13670);
/* harmony import */ var _flame_graph_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(91107);
/* harmony import */ var _flame_svg_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45177);
/* harmony import */ var _jfr_read_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(67944);
/* harmony import */ var _replicas_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(24164);









/**
 * Analyses every JVM that has thread dumps, a histogram or a JFR summary, from the files in the output directory;
 * writes each JVM's flame.svg (when there is one to draw) and analysis.json: the JVMs, then the comparison of each
 * workload's replicas (empty when no workload has two analysed JVMs).
 */
async function analyseDumps(manifest, outputDir) {
    const { entries, flames } = await analyseRunWithFlames(manifest, outputDir);
    for (const { entry, input, title } of flames) {
        const file = entry.analysis.flameGraph.file;
        let svg;
        try {
            svg = (0,_flame_svg_js__WEBPACK_IMPORTED_MODULE_4__/* .renderFlameSvg */ .I)(input, title);
        }
        catch (err) {
            delete entry.analysis.flameGraph;
            entry.analysis.notes.push(`no flame graph: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(err)}`);
            continue;
        }
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .absolute */ .ys)(outputDir, file), svg);
        }
        catch (err) {
            // A full disk costs the picture, not the analysis.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .absolute */ .ys)(outputDir, file), { force: true }).catch(() => undefined);
            delete entry.analysis.flameGraph;
            entry.analysis.notes.push(`writing ${file} failed: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(err)}`);
        }
    }
    const replicas = (0,_replicas_js__WEBPACK_IMPORTED_MODULE_6__/* .compareReplicas */ .Vo)(manifest, entries);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .absolute */ .ys)(outputDir, _shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .FileNames */ .lu.analysis), JSON.stringify({ tool: manifest.tool, jvms: entries, replicas }, null, 2) + '\n');
    return { jvms: entries, replicas };
}
/**
 * Analyses every JVM of a run (a fresh one, or an artifact downloaded later) from its files; writes nothing. A flame
 * graph is referred to only when the run wrote it.
 */
async function analyseRun(manifest, outputDir) {
    const { entries } = await analyseRunWithFlames(manifest, outputDir);
    for (const e of entries) {
        const f = e.analysis.flameGraph;
        if (f &&
            !(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .absolute */ .ys)(outputDir, f.file)).then(() => true, () => false)))
            delete e.analysis.flameGraph;
    }
    return entries;
}
/** The analyses, and the flame graphs to draw beside the dumps (each entry's `flameGraph` points at its file). */
async function analyseRunWithFlames(manifest, outputDir) {
    const entries = [];
    const flames = [];
    const jfrRequested = manifest.requested.dumps.includes('jfr');
    for (const pod of manifest.pods) {
        for (const jvm of pod.jvms) {
            // The Thread.print samples in time order, then the JSON dump (every virtual thread) when there is one.
            const dumps = [
                ...jvm.files.filter((f) => f.kind === 'threads').sort((a, b) => a.path.localeCompare(b.path, undefined, { numeric: true })),
                ...jvm.files.filter((f) => f.kind === 'threads-json'),
            ];
            const histogramFile = jvm.files.find((f) => f.kind === 'histogram');
            const jfrFile = jvm.files.find((f) => f.kind === 'jfr' && node_path__WEBPACK_IMPORTED_MODULE_1__.posix.basename(f.path) === _shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .FileNames */ .lu.jfrSummary);
            if (dumps.length === 0 && !histogramFile && !jfrFile)
                continue;
            const threadDumps = await Promise.all(dumps.map((f) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .absolute */ .ys)(outputDir, f.path), 'utf8')));
            const histogram = histogramFile ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .absolute */ .ys)(outputDir, histogramFile.path), 'utf8') : undefined;
            // The size is checked before reading: the file is the pod's (a UTF-8 character takes at most 4 bytes).
            const tooBig = jfrFile && jfrFile.size > _jfr_read_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_JFR_SUMMARY_CHARS */ .F * 4;
            // The recording's part costs only itself: a summary that cannot be read is a note, not a lost analysis.
            let unread = tooBig ? `${_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .FileNames */ .lu.jfrSummary} is ${jfrFile.size} bytes, too large to be a summary` : undefined;
            let jfrSummary;
            if (jfrFile && !tooBig) {
                try {
                    jfrSummary = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .absolute */ .ys)(outputDir, jfrFile.path), 'utf8');
                }
                catch (err) {
                    unread = `reading ${jfrFile.path} failed: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(err)}`;
                }
            }
            const { analysis, samples, jfrSummary: jfr } = (0,_analysis_js__WEBPACK_IMPORTED_MODULE_3__.analyseJvmEvidence)({ threadDumps, histogram, jfrSummary });
            if (unread)
                analysis.notes.push(`JFR summary left out: ${unread}`);
            const input = (0,_flame_graph_js__WEBPACK_IMPORTED_MODULE_8__/* .flameInputOf */ .H9)({ jfr, samples, jfrRequested, requestedSamples: manifest.requested.threadDumpCount });
            const entry = { pod: pod.pod, container: pod.container, pid: jvm.pid, analysis };
            if (input) {
                // Drawn only where it is written (analyseDumps): a run read again later refers to the file it has.
                analysis.flameGraph = (0,_flame_graph_js__WEBPACK_IMPORTED_MODULE_8__/* .flameGraphRef */ .fz)(input, `${node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(jvm.files[0].path)}/${_flame_svg_js__WEBPACK_IMPORTED_MODULE_4__/* .FLAME_FILE */ .n_}`);
                flames.push({ entry, input, title: `${pod.pod} / ${pod.container} / pid ${jvm.pid}` });
            }
            entries.push(entry);
        }
    }
    return { entries, flames };
}


/***/ }),

/***/ 91107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H9: () => (/* binding */ flameInputOf),
/* harmony export */   fz: () => (/* binding */ flameGraphRef),
/* harmony export */   y4: () => (/* binding */ flameTree)
/* harmony export */ });
/* unused harmony exports MIN_THREAD_DUMP_SAMPLES_FOR_FLAME, MAX_FLAME_DEPTH, runnableStacks */
/* harmony import */ var _threads_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17960);

/** Thread-dump samples from which a flame graph is worth drawing without JFR: fewer show an instant, not a profile. */
const MIN_THREAD_DUMP_SAMPLES_FOR_FLAME = 5;
/** Frames per stack drawn; deeper stacks (runaway recursion) keep their root-side frames. */
const MAX_FLAME_DEPTH = 512;
/**
 * The RUNNABLE threads' stacks of the samples, root first, one per thread and sample. Threads RUNNABLE in a socket
 * read, a poll or a wait (idle top frames) and the JVM's own threads are left out: they burn no CPU.
 */
function runnableStacks(samples) {
    const counts = new Map();
    for (const d of samples)
        for (const t of d.threads) {
            if (t.state !== 'RUNNABLE' || t.frames.length === 0 || (0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .notRunning */ .pQ)(t) || (0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .isJvmThread */ .IJ)(t) || (0,_threads_js__WEBPACK_IMPORTED_MODULE_0__/* .idleTop */ .UG)(t))
                continue;
            const frames = t.frames.map((f) => f.method).reverse();
            const key = frames.join('\u0000');
            const s = counts.get(key);
            if (s)
                s.count++;
            else
                counts.set(key, { frames, count: 1 });
        }
    return [...counts.values()];
}
/**
 * Which flame graph a JVM gets: JFR's stacks when there are any; else the thread dumps' RUNNABLE stacks when JFR
 * was asked for (and failed) or there are enough samples; else none.
 */
function flameInputOf(opts) {
    const { jfr, samples } = opts;
    if (jfr && jfr.stacks.length > 0)
        return { source: 'jfr', stacks: jfr.stacks, otherSamples: jfr.otherStacks, durationMs: jfr.recording.durationMs };
    const enough = Math.max(samples.length, opts.requestedSamples ?? 0) >= MIN_THREAD_DUMP_SAMPLES_FOR_FLAME;
    if (samples.length === 0 || !(opts.jfrRequested || enough))
        return undefined;
    const stacks = runnableStacks(samples);
    return stacks.length > 0 ? { source: 'thread-dumps', stacks, otherSamples: 0, dumpSamples: samples.length } : undefined;
}
/** What the analysis says of a flame graph drawn from `input` into `file`. */
function flameGraphRef(input, file) {
    const stacks = input.stacks.reduce((n, s) => n + s.count, 0) + input.otherSamples;
    return { file, source: input.source, stacks, ...(input.dumpSamples !== undefined ? { samples: input.dumpSamples } : {}) };
}
/** Merges the stacks into a tree under a root named `rootName`; children sorted by name so the output is stable. */
function flameTree(input, rootName = 'all') {
    const root = { name: rootName, total: 0, children: [] };
    const index = new Map();
    const child = (parent, name) => {
        let byName = index.get(parent);
        if (!byName)
            index.set(parent, (byName = new Map()));
        let c = byName.get(name);
        if (!c) {
            c = { name, total: 0, children: [] };
            byName.set(name, c);
            parent.children.push(c);
        }
        return c;
    };
    for (const s of input.stacks) {
        root.total += s.count;
        let node = root;
        for (const f of s.frames.slice(0, MAX_FLAME_DEPTH)) {
            node = child(node, f);
            node.total += s.count;
        }
    }
    if (input.otherSamples > 0) {
        root.total += input.otherSamples;
        child(root, '(less frequent stacks, not kept)').total += input.otherSamples;
    }
    const sort = (n) => {
        n.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        n.children.forEach(sort);
    };
    sort(root);
    return root;
}


/***/ }),

/***/ 45177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ renderFlameSvg),
/* harmony export */   n_: () => (/* binding */ FLAME_FILE)
/* harmony export */ });
/* unused harmony exports FLAME_WIDTH, MIN_FRAME_PX, MAX_BOXES, layoutFlame, flameHeader */
/* harmony import */ var _shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37991);
/* harmony import */ var _flame_graph_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91107);
/* harmony import */ var _jfr_verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72643);
// A flame graph as a self-contained SVG: no script, no style sheet, no font or link to fetch; every name from the
// pod escaped as XML text, with a <title> tooltip (name, samples, share) per box. Root at the bottom, callees above,
// width proportional to samples. Pure and deterministic: the same stacks give the same bytes.



const FLAME_FILE = 'flame.svg';
const FLAME_WIDTH = 1200;
const FRAME_HEIGHT = 16;
const HEADER_HEIGHT = 48;
const MARGIN = 10;
/** Approximate advance of one character of an 11 px monospace font. */
const CHAR_PX = 6.6;
/** Narrower frames say nothing and only grow the file: siblings under it are merged into one box, or dropped when that is narrow too. */
const MIN_FRAME_PX = 1;
/** Boxes drawn at most, so that a pathological profile still gives a file of a few megabytes; deeper levels are left out. */
const MAX_BOXES = 20_000;
/** Characters of a name kept in a tooltip. */
const MAX_TITLE_NAME = 1000;
/** Lays the tree out level by level; narrow siblings merged or dropped; at most MAX_BOXES boxes. */
function layoutFlame(root, width = FLAME_WIDTH) {
    const pxPerSample = root.total > 0 ? width / root.total : 0;
    const boxes = [{ name: root.name, samples: root.total, offset: 0, depth: 0, kind: 'root' }];
    let level = [{ node: root, offset: 0 }];
    let merged = 0;
    let truncated = false;
    for (let depth = 1; level.length > 0; depth++) {
        const next = [];
        const drawn = [];
        for (const { node, offset } of level) {
            let x = offset;
            const narrow = node.children.filter((c) => c.total * pxPerSample < MIN_FRAME_PX);
            for (const c of node.children) {
                if (c.total * pxPerSample < MIN_FRAME_PX)
                    continue;
                drawn.push({ name: c.name, samples: c.total, offset: x, depth, kind: 'frame' });
                next.push({ node: c, offset: x });
                x += c.total;
            }
            const rest = narrow.reduce((n, c) => n + c.total, 0);
            merged += narrow.length;
            if (narrow.length > 0 && rest * pxPerSample >= MIN_FRAME_PX)
                drawn.push({ name: `[${narrow.length} narrow frames]`, samples: rest, offset: x, depth, kind: 'merged' });
        }
        if (boxes.length + drawn.length > MAX_BOXES) {
            truncated = drawn.length > 0;
            break;
        }
        boxes.push(...drawn);
        level = next;
    }
    return { boxes, merged, truncated };
}
/** FNV-1a: a stable colour per name, so a method keeps its colour across graphs. */
function hash(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++)
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h;
}
function fill(b) {
    if (b.kind !== 'frame')
        return 'rgb(190,190,190)';
    const h = hash(b.name);
    // The application's frames warm red-orange, the JDK's yellow: where the application's own code burns is visible at a glance.
    return (0,_jfr_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .isJdkFrame */ .Lt)(b.name)
        ? `rgb(${215 + (h % 30)},${190 + ((h >>> 8) % 40)},${60 + ((h >>> 16) % 40)})`
        : `rgb(${220 + (h % 35)},${90 + ((h >>> 8) % 90)},${40 + ((h >>> 16) % 40)})`;
}
const n = (v) => Number(v.toFixed(2)).toString();
const fmt = (v) => v.toLocaleString('en-US');
/** What the graph was made from, in words; says so plainly when it is thread dumps rather than a profile. */
function flameHeader(input, total) {
    if (input.source === 'thread-dumps') {
        const stacks = input.stacks.reduce((k, s) => k + s.count, 0);
        return `made from ${input.dumpSamples ?? 0} thread-dump samples, RUNNABLE threads only (${fmt(stacks)} thread stacks; threads in socket reads, polls or waits left out)`;
    }
    const over = input.durationMs !== undefined ? ` over ${(0,_jfr_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMs */ ._V)(input.durationMs)}` : '';
    const other = input.otherSamples > 0 ? `; ${fmt(input.otherSamples)} in less frequent stacks not kept by the summariser` : '';
    return `made from ${fmt(total)} JFR execution samples (jdk.ExecutionSample)${over}${other}`;
}
/** The flame graph of `input` as an SVG document; `title` names the JVM (pod text: escaped here). */
function renderFlameSvg(input, title) {
    const root = (0,_flame_graph_js__WEBPACK_IMPORTED_MODULE_2__/* .flameTree */ .y4)(input);
    const { boxes, merged, truncated } = layoutFlame(root);
    const maxDepth = boxes.reduce((d, b) => Math.max(d, b.depth), 0);
    const height = HEADER_HEIGHT + (maxDepth + 1) * FRAME_HEIGHT + MARGIN;
    const px = root.total > 0 ? FLAME_WIDTH / root.total : 0;
    const left = [
        merged > 0 ? `${fmt(merged)} frames under ${MIN_FRAME_PX} px merged or left out` : '',
        truncated ? `cut at ${fmt(MAX_BOXES)} boxes` : '',
    ]
        .filter(Boolean)
        .join('; ');
    const out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${FLAME_WIDTH}" height="${height}" viewBox="0 0 ${FLAME_WIDTH} ${height}" font-family="monospace" font-size="11">`,
        `<title>${(0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkup */ .My)(`Flame graph: ${title.slice(0, MAX_TITLE_NAME)}`)}</title>`,
        `<rect x="0" y="0" width="${FLAME_WIDTH}" height="${height}" fill="rgb(250,250,246)"/>`,
        `<text x="${FLAME_WIDTH / 2}" y="18" text-anchor="middle" font-size="14">${(0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkup */ .My)(`Flame graph: ${title.slice(0, 150)}`)}</text>`,
        `<text x="${FLAME_WIDTH / 2}" y="36" text-anchor="middle">${(0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkup */ .My)(flameHeader(input, root.total) + (left ? `; ${left}` : ''))}</text>`,
    ];
    for (const b of boxes) {
        const x = b.offset * px;
        const w = b.samples * px;
        const y = height - MARGIN - (b.depth + 1) * FRAME_HEIGHT;
        const share = root.total > 0 ? (b.samples / root.total) * 100 : 0;
        const name = b.name.length > MAX_TITLE_NAME ? `${b.name.slice(0, MAX_TITLE_NAME)}…` : b.name;
        const tip = `${name} (${fmt(b.samples)} sample${b.samples === 1 ? '' : 's'}, ${share.toFixed(2)}%)`;
        const chars = Math.floor((w - 6) / CHAR_PX);
        const label = chars < 3 ? '' : b.name.length <= chars ? b.name : `${b.name.slice(0, chars - 1)}…`;
        out.push(`<g><title>${(0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkup */ .My)(tip)}</title><rect x="${n(x)}" y="${y}" width="${n(w)}" height="${FRAME_HEIGHT - 1}" fill="${fill(b)}" rx="2"/>` +
            (label ? `<text x="${n(x + 3)}" y="${y + FRAME_HEIGHT - 4}">${(0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkup */ .My)(label)}</text>` : '') +
            '</g>');
    }
    out.push('</svg>', '');
    return out.join('\n');
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
// EXTERNAL MODULE: ./src/analyse/verdict.ts
var verdict = __webpack_require__(9880);
// EXTERNAL MODULE: ./src/analyse/replicas.ts + 1 modules
var analyse_replicas = __webpack_require__(24164);
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
        const cpu = b.cpuShare !== undefined ? ` ${(0,verdict/* coreShare */.l2)(b.cpuShare)} of a CPU` : '';
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
/** `replicas`: the run's comparison as analyseDumps made it; made from `analyses` when not given. */
function renderTerminalReport(manifest, analyses, replicas = (0,analyse_replicas/* compareReplicas */.Vo)(manifest, analyses)) {
    const lines = [];
    lines.push(`JVM dump: ${terminal_report_t(manifest.target)} in namespace ${terminal_report_t(manifest.namespace)} (${manifest.pods.length} pod${manifest.pods.length === 1 ? '' : 's'})`);
    const verdict = (0,rollout_verdict/* rolloutVerdict */.$6)(manifest, analyses);
    if (verdict)
        lines.push(terminal_report_t(verdict.text, 2000));
    lines.push(...errorLines(manifest.errors, '  '));
    for (const s of manifest.skipped ?? [])
        lines.push(`  skipped ${terminal_report_t(s.dump)}: ${terminal_report_t(s.reason, 400)}`);
    lines.push(...(0,replicas_html/* replicaLines */.EC)(replicas));
    for (const pod of manifest.pods) {
        lines.push(`pod ${terminal_report_t(pod.pod, 120)} / container ${terminal_report_t(pod.container, 120)}`);
        lines.push(...errorLines(pod.errors, '  '));
        const mine = analyses.filter((a) => a.pod === pod.pod && a.container === pod.container);
        const pids = new Set([...pod.jvms.map((j) => j.pid), ...mine.map((a) => a.pid)]);
        if (pids.size === 0 && !pod.stuck)
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
