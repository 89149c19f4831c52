export const id = 98;
export const ids = [98];
export const modules = {

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


/***/ })

};
