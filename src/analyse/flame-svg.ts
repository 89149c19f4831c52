// A flame graph as a self-contained SVG: no script, no style sheet, no font or link to fetch; every name from the
// pod escaped as XML text, with a <title> tooltip (name, samples, share) per box. Root at the bottom, callees above,
// width proportional to samples. Pure and deterministic: the same stacks give the same bytes.
import { escapeMarkup } from '../shared/untrusted.js';
import { flameTree, type FlameInput, type FlameNode } from './flame-graph.js';
import { formatMs, isJdkFrame } from './jfr-verdict.js';

export const FLAME_FILE = 'flame.svg';
export const FLAME_WIDTH = 1200;
const FRAME_HEIGHT = 16;
const HEADER_HEIGHT = 48;
const MARGIN = 10;
/** Approximate advance of one character of an 11 px monospace font. */
const CHAR_PX = 6.6;
/** Narrower frames say nothing and only grow the file: siblings under it are merged into one box, or dropped when that is narrow too. */
export const MIN_FRAME_PX = 1;
/** Boxes drawn at most, so that a pathological profile still gives a file of a few megabytes; deeper levels are left out. */
export const MAX_BOXES = 20_000;
/** Characters of a name kept in a tooltip. */
const MAX_TITLE_NAME = 1000;

interface Box {
  name: string;
  samples: number;
  /** Left edge in samples from the left of the root. */
  offset: number;
  depth: number;
  kind: 'root' | 'frame' | 'merged';
}

/** Lays the tree out level by level; narrow siblings merged or dropped; at most MAX_BOXES boxes. */
export function layoutFlame(root: FlameNode, width = FLAME_WIDTH): { boxes: Box[]; merged: number; truncated: boolean } {
  const pxPerSample = root.total > 0 ? width / root.total : 0;
  const boxes: Box[] = [{ name: root.name, samples: root.total, offset: 0, depth: 0, kind: 'root' }];
  let level: { node: FlameNode; offset: number }[] = [{ node: root, offset: 0 }];
  let merged = 0;
  let truncated = false;
  for (let depth = 1; level.length > 0; depth++) {
    const next: { node: FlameNode; offset: number }[] = [];
    const drawn: Box[] = [];
    for (const { node, offset } of level) {
      let x = offset;
      const narrow = node.children.filter((c) => c.total * pxPerSample < MIN_FRAME_PX);
      for (const c of node.children) {
        if (c.total * pxPerSample < MIN_FRAME_PX) continue;
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
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function fill(b: Box): string {
  if (b.kind !== 'frame') return 'rgb(190,190,190)';
  const h = hash(b.name);
  // The application's frames warm red-orange, the JDK's yellow: where the application's own code burns is visible at a glance.
  return isJdkFrame(b.name)
    ? `rgb(${215 + (h % 30)},${190 + ((h >>> 8) % 40)},${60 + ((h >>> 16) % 40)})`
    : `rgb(${220 + (h % 35)},${90 + ((h >>> 8) % 90)},${40 + ((h >>> 16) % 40)})`;
}

const n = (v: number) => Number(v.toFixed(2)).toString();
const fmt = (v: number) => v.toLocaleString('en-US');

/** What the graph was made from, in words; says so plainly when it is thread dumps rather than a profile. */
export function flameHeader(input: FlameInput, total: number): string {
  if (input.source === 'thread-dumps') {
    const stacks = input.stacks.reduce((k, s) => k + s.count, 0);
    return `made from ${input.dumpSamples ?? 0} thread-dump samples, RUNNABLE threads only (${fmt(stacks)} thread stacks; threads in socket reads, polls or waits left out)`;
  }
  const over = input.durationMs !== undefined ? ` over ${formatMs(input.durationMs)}` : '';
  const other = input.otherSamples > 0 ? `; ${fmt(input.otherSamples)} in less frequent stacks not kept by the summariser` : '';
  return `made from ${fmt(total)} JFR execution samples (jdk.ExecutionSample)${over}${other}`;
}

/** The flame graph of `input` as an SVG document; `title` names the JVM (pod text: escaped here). */
export function renderFlameSvg(input: FlameInput, title: string): string {
  const root = flameTree(input);
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
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${FLAME_WIDTH}" height="${height}" viewBox="0 0 ${FLAME_WIDTH} ${height}" font-family="monospace" font-size="11">`,
    `<title>${escapeMarkup(`Flame graph: ${title.slice(0, MAX_TITLE_NAME)}`)}</title>`,
    `<rect x="0" y="0" width="${FLAME_WIDTH}" height="${height}" fill="rgb(250,250,246)"/>`,
    `<text x="${FLAME_WIDTH / 2}" y="18" text-anchor="middle" font-size="14">${escapeMarkup(`Flame graph: ${title.slice(0, 150)}`)}</text>`,
    `<text x="${FLAME_WIDTH / 2}" y="36" text-anchor="middle">${escapeMarkup(flameHeader(input, root.total) + (left ? `; ${left}` : ''))}</text>`,
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
    out.push(
      `<g><title>${escapeMarkup(tip)}</title><rect x="${n(x)}" y="${y}" width="${n(w)}" height="${FRAME_HEIGHT - 1}" fill="${fill(b)}" rx="2"/>` +
        (label ? `<text x="${n(x + 3)}" y="${y + FRAME_HEIGHT - 4}">${escapeMarkup(label)}</text>` : '') +
        '</g>',
    );
  }
  out.push('</svg>', '');
  return out.join('\n');
}
