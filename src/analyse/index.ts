// The public API: the parsers, the analysis and the shape of analysis.json.
export * from './analysis-types.js';
export * from './thread-dump-types.js';
export { parseThreadDump } from './thread-dump.js';
export { parseThreadHeader } from './thread-dump-lines.js';
export * from './histogram.js';
export { aggregateOutputs, analyseJvm } from './analysis.js';
