export const id = 160;
export const ids = [160];
export const modules = {

/***/ 5160:
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
// EXTERNAL MODULE: ./src/analyse/verdict.ts
var verdict = __webpack_require__(9880);
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

;// CONCATENATED MODULE: ./src/publish/analysis-html.ts



/** Rows of a table shown at most; analysis.json has them all. */
const MAX_ROWS = 10;
const MAX_FRAMES_SHOWN = 15;
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
            b.cpuShare !== undefined ? `${(0,verdict/* coreShare */.l2)(b.cpuShare)}${b.cpuShareOver === 'lifetime' ? ' (lifetime)' : ''}` : '',
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
            d.share !== undefined ? (0,verdict/* coreShare */.l2)(d.share) : '',
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
    if (pids.size === 0 && !pod.stuck)
        out.push('<p>No JVM found in this container.</p>');
    for (const pid of pids) {
        out.push(jvmSection(pod.jvms.find((j) => j.pid === pid), pid, mine.find((a) => a.pid === pid)?.analysis, detail));
    }
    return out.join('\n');
}
/** The summary as HTML. Pure; the text it embeds is escaped. */
function buildSummaryHtml(manifest, analyses, o = {}) {
    const { artifact, budgetBytes = SUMMARY_BUDGET_BYTES } = o;
    const jvmCount = new Set([
        ...manifest.pods.flatMap((p) => p.jvms.map((j) => `${p.pod}\u0000${p.container}\u0000${j.pid}`)),
        ...analyses.map((a) => `${a.pod}\u0000${a.container}\u0000${a.pid}`),
    ]).size;
    const deadlocked = analyses.filter((a) => a.analysis.deadlock).length;
    const head = [];
    head.push(`<h2>JVM dump: <code>${(0,publish_html/* esc */.UQ)(manifest.target, 200)}</code> in namespace <code>${(0,publish_html/* esc */.UQ)(manifest.namespace, 120)}</code></h2>`);
    const verdict = o.rollout ? o.rollout.verdict : (0,rollout_verdict/* rolloutVerdict */.$6)(manifest, analyses);
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
    head.push((0,replicas_html/* replicasSection */.by)(manifest, analyses, o.replicas));
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
async function writeJobSummary(manifest, analyses, o = {}) {
    await core/* summary */.z.addRaw(buildSummaryHtml(manifest, analyses, o), true).write();
}


/***/ })

};
