export const id = 643;
export const ids = [643];
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


/***/ })

};
