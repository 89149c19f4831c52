export const id = 118;
export const ids = [118];
export const modules = {

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
