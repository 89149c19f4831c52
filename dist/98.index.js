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


/***/ })

};
