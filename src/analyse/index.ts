export * from './thread-dump.js';
export * from './histogram.js';
export * from './analysis.js';
