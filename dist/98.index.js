export const id = 98;
export const ids = [98];
export const modules = {

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
    const replicas = (0,_replicas_js__WEBPACK_IMPORTED_MODULE_6__.compareReplicas)(manifest, entries);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,_shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .absolute */ .ys)(outputDir, _shared_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .FileNames */ .lu.analysis), JSON.stringify({ tool: manifest.tool, jvms: entries, replicas }, null, 2) + '\n');
    return entries;
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
/* unused harmony exports FLAME_WIDTH, MIN_FRAME_PX, MAX_BOXES, xmlText, layoutFlame, flameHeader */
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
/** Text for XML content or an attribute: control, bidi and non-characters made visible, markup characters escaped. */
function xmlText(text) {
    return (0,_shared_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeControls */ .UN)(text)
        .replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
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
        `<title>${xmlText(`Flame graph: ${title.slice(0, MAX_TITLE_NAME)}`)}</title>`,
        `<rect x="0" y="0" width="${FLAME_WIDTH}" height="${height}" fill="rgb(250,250,246)"/>`,
        `<text x="${FLAME_WIDTH / 2}" y="18" text-anchor="middle" font-size="14">${xmlText(`Flame graph: ${title.slice(0, 150)}`)}</text>`,
        `<text x="${FLAME_WIDTH / 2}" y="36" text-anchor="middle">${xmlText(flameHeader(input, root.total) + (left ? `; ${left}` : ''))}</text>`,
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
        out.push(`<g><title>${xmlText(tip)}</title><rect x="${n(x)}" y="${y}" width="${n(w)}" height="${FRAME_HEIGHT - 1}" fill="${fill(b)}" rx="2"/>` +
            (label ? `<text x="${n(x + 3)}" y="${y + FRAME_HEIGHT - 4}">${xmlText(label)}</text>` : '') +
            '</g>');
    }
    out.push('</svg>', '');
    return out.join('\n');
}


/***/ })

};
