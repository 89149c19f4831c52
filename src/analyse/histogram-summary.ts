// The class histogram reduced to what a reader scans first: the biggest classes by bytes and by count.
import type { HistogramRow, HistogramSummary } from './analysis-types.js';
import { parseClassHistogram, readableClassName, topByBytes, topByInstances, type HistogramEntry } from './histogram.js';

const TOP_CLASSES = 10;

/** Appends to `notes` what the parser did not understand, so a format change is visible. */
export function summariseHistogram(text: string, notes: string[]): HistogramSummary {
  const h = parseClassHistogram(text);
  if (h.unknownLines.length > 0) notes.push(`histogram: ${h.unknownLines.length} unrecognised line(s)`);
  return {
    classes: h.entries.length,
    totalInstances: h.totalInstances,
    totalBytes: h.totalBytes,
    topByBytes: topByBytes(h, TOP_CLASSES).map(histogramRow),
    topByInstances: topByInstances(h, TOP_CLASSES).map(histogramRow),
  };
}

function histogramRow(e: HistogramEntry): HistogramRow {
  const r: HistogramRow = { className: readableClassName(e.className), instances: e.instances, bytes: e.bytes };
  if (e.module) r.module = e.module;
  return r;
}
