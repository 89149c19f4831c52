import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { analyseJvmEvidence } from '../../src/analyse/analysis.js';
import { flameInputOf, flameTree, runnableStacks, type FlameInput } from '../../src/analyse/flame-graph.js';
import { FLAME_WIDTH, layoutFlame, MAX_BOXES, renderFlameSvg } from '../../src/analyse/flame-svg.js';
import { escapeMarkup } from '../../src/shared/untrusted.js';
import { DUMP_FIXTURES } from './jvm-harness.js';
import { pricingSummary } from './jfr-fixtures.js';

const fixture = (name: string) => readFileSync(path.join(DUMP_FIXTURES, name), 'utf8');
const spinnerSamples = () => analyseJvmEvidence({ threadDumps: [1, 2, 3].map((i) => fixture(`jdk11-spinner-real-${i}.txt`)) }).samples;
const jfrInput = (): FlameInput => flameInputOf({ jfr: pricingSummary(), samples: [], jfrRequested: true })!;

/** XML 1.0's Char production: what may appear in a document at all (a control character may not, even as &#1;). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Fails unless `svg` is well-formed XML with only our own elements and attributes: no script, no link, no style. */
function expectSafeSvg(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(NOT_XML_CHAR.test(svg)).toBe(false);
  expect(svg).not.toContain(']]>');
  const elements = new Set([...svg.matchAll(/<([a-zA-Z][\w:-]*)/g)].map((m) => m[1]));
  expect([...elements].sort()).toEqual(['g', 'rect', 'svg', 'text', 'title'].filter((e) => elements.has(e)));
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
  const attributes = new Set([...svg.replace(/^<\?xml[^>]*>/, '').matchAll(/\s([a-zA-Z][\w:-]*)="/g)].map((m) => m[1]));
  for (const a of attributes)
    expect(['xmlns', 'version', 'width', 'height', 'viewBox', 'font-family', 'font-size', 'x', 'y', 'fill', 'rx', 'text-anchor']).toContain(
      a,
    );
  // The one URI is the SVG namespace's name, which nothing fetches.
  expect([...svg.matchAll(/https?:\/\/[^"\s<]*/g)].map((m) => m[0])).toEqual(['http://www.w3.org/2000/svg']);
}

/** The tooltips, decoded by a real XML parser. */
function titles(svg: string): string[] {
  const doc = new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: false }).parse(svg) as {
    svg: { g: { title: string }[] | { title: string } };
  };
  const gs = Array.isArray(doc.svg.g) ? doc.svg.g : [doc.svg.g];
  return gs.map((g) => String(g.title));
}

describe('which flame graph a JVM gets', () => {
  it('JFR execution samples when the recording has stacks', () => {
    const input = flameInputOf({ jfr: pricingSummary(), samples: spinnerSamples(), jfrRequested: true });
    expect(input?.source).toBe('jfr');
    expect(input?.otherSamples).toBe(60);
  });

  it('the thread dumps RUNNABLE stacks without JFR: from 5 samples, or whenever JFR was asked for', () => {
    const samples = spinnerSamples();
    expect(samples).toHaveLength(3);
    expect(flameInputOf({ samples, jfrRequested: false })).toBeUndefined();
    expect(flameInputOf({ samples, jfrRequested: false, requestedSamples: 5 })?.source).toBe('thread-dumps');
    expect(flameInputOf({ samples: [...samples, ...samples], jfrRequested: false })?.source).toBe('thread-dumps');
    const failedJfr = flameInputOf({ samples, jfrRequested: true });
    expect(failedJfr).toMatchObject({ source: 'thread-dumps', dumpSamples: 3 });
    expect(flameInputOf({ samples: [], jfrRequested: true })).toBeUndefined();
  });

  it('RUNNABLE application threads only: no VM threads, none in a wait or a socket read', () => {
    const stacks = runnableStacks(spinnerSamples());
    expect(stacks.length).toBeGreaterThan(0);
    for (const s of stacks) {
      expect(s.frames[s.frames.length - 1]).toBe('Spinner.spin');
      expect(s.frames[0]).toBe('java.lang.Thread.run');
    }
    const idle = analyseJvmEvidence({ threadDumps: [fixture('jdk17-idle-server-1.txt')] }).samples;
    expect(runnableStacks(idle).flatMap((s) => s.frames)).not.toContainEqual(expect.stringMatching(/accept|epoll|socketRead/i));
  });

  it('the graph says it was made from thread dumps, RUNNABLE threads only', () => {
    const svg = renderFlameSvg(flameInputOf({ samples: spinnerSamples(), jfrRequested: true })!, 'spinner / app / pid 1');
    expectSafeSvg(svg);
    expect(svg).toContain('made from 3 thread-dump samples, RUNNABLE threads only');
    expect(titles(svg)).toContainEqual(expect.stringMatching(/^Spinner\.spin \(\d+ samples, 100\.00%\)$/));
  });
});

describe('renderFlameSvg', () => {
  it('JFR stacks: valid XML, a header, tooltips with name, samples and share', () => {
    const svg = renderFlameSvg(jfrInput(), 'web-1 / app / pid 7');
    expectSafeSvg(svg);
    expect(svg).toContain('made from 1,000 JFR execution samples (jdk.ExecutionSample) over 30 s; 60 in less frequent stacks');
    const t = titles(svg);
    expect(t).toContain('all (1,000 samples, 100.00%)');
    expect(t).toContain('com.acme.Pricing.recalculate (700 samples, 70.00%)');
    expect(t).toContain('(less frequent stacks, not kept) (60 samples, 6.00%)');
  });

  it('the same stacks give the same bytes, in whatever order they come', () => {
    const a = jfrInput();
    const b = { ...a, stacks: [...a.stacks].reverse() };
    expect(renderFlameSvg(b, 'x')).toBe(renderFlameSvg(a, 'x'));
  });

  it('hostile names are text: markup, CDATA ends, ampersands, control characters, huge names', () => {
    const hostile = [
      '<script>alert(1)</script>',
      ']]><x/>',
      'a&b&amp;',
      'ctl\u0001\u0007\u001b[2J\uFFFE',
      'rtl\u202egnp.exe',
      'A'.repeat(100_000),
      '\uD800lone',
    ];
    const input: FlameInput = { source: 'jfr', stacks: hostile.map((h, i) => ({ frames: ['root', h], count: 10 + i })), otherSamples: 0 };
    const svg = renderFlameSvg(input, '<pod name="x"> & \u0000');
    expectSafeSvg(svg);
    expect(svg).not.toMatch(/<script|<x\/>/);
    const t = titles(svg);
    expect(t).toContainEqual(expect.stringMatching(/^<script>alert\(1\)<\/script> \(10 samples/));
    expect(t).toContainEqual(expect.stringMatching(/^\]\]><x\/> \(11 samples/));
    expect(t).toContainEqual(expect.stringMatching(/^a&b&amp; \(12 samples/));
    expect(t).toContainEqual(expect.stringMatching(/^ctl\\x01\\x07\\x1b\[2J\\ufffe \(13 samples/));
    expect(t).toContainEqual(expect.stringMatching(/^rtl\\u202egnp\.exe/));
    expect(t).toContainEqual(expect.stringMatching(/^\\ud800lone/));
    // A huge name is cut in the tooltip and the box: the file stays small.
    expect(t.find((x) => x.startsWith('AAA'))!.length).toBeLessThan(1100);
    expect(svg.length).toBeLessThan(20_000);
  });

  it('escapeMarkup escapes every markup character', () => {
    expect(escapeMarkup(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('layoutFlame: width arithmetic', () => {
  it('widths are proportional to samples and children sit inside their parent', () => {
    const root = flameTree(jfrInput());
    const { boxes } = layoutFlame(root, 1000);
    const px = 1000 / root.total;
    expect(boxes[0]).toMatchObject({ name: 'all', samples: 1000, offset: 0, depth: 0 });
    const recalc = boxes.find((b) => b.name === 'com.acme.Pricing.recalculate')!;
    expect(recalc.samples * px).toBe(700);
    for (const depth of [1, 2, 3, 4, 5]) {
      const level = boxes.filter((b) => b.depth === depth).sort((a, b) => a.offset - b.offset);
      // No overlap, and never wider than the root.
      level.forEach((b, i) => i > 0 && expect(b.offset).toBeGreaterThanOrEqual(level[i - 1].offset + level[i - 1].samples));
      expect(level.reduce((n, b) => n + b.samples, 0)).toBeLessThanOrEqual(root.total);
    }
  });

  it('frames under a pixel are merged into one box, or dropped when that box is under a pixel too', () => {
    // 2000 samples on one stack, 300 one-sample leaves under "hub": each 0.5 px wide at 1200 px for 2400 samples.
    const stacks = [
      { frames: ['main', 'big'], count: 2100 },
      ...Array.from({ length: 300 }, (_, i) => ({ frames: ['main', 'hub', `leaf${i}`], count: 1 })),
    ];
    const { boxes, merged } = layoutFlame(flameTree({ source: 'jfr', stacks, otherSamples: 0 }), FLAME_WIDTH);
    expect(boxes.filter((b) => b.name.startsWith('leaf'))).toHaveLength(0);
    expect(boxes.find((b) => b.kind === 'merged')).toMatchObject({ name: '[300 narrow frames]', samples: 300, depth: 3 });
    expect(merged).toBe(300);
    const lone = layoutFlame(
      flameTree({
        source: 'jfr',
        stacks: [
          { frames: ['main'], count: 5000 },
          { frames: ['main', 'tiny'], count: 1 },
        ],
        otherSamples: 0,
      }),
    );
    expect(lone.boxes.map((b) => b.name)).toEqual(['all', 'main']);
    expect(lone.merged).toBe(1);
  });

  it(`a pathological profile is cut at ${MAX_BOXES} boxes, level by level, and the graph says so`, () => {
    // 1000 distinct deep stacks, each a pixel wide: 1000 boxes per level.
    const stacks = Array.from({ length: 1000 }, (_, i) => ({ frames: Array.from({ length: 40 }, (_, d) => `m${i}.f${d}`), count: 1 }));
    const input: FlameInput = { source: 'jfr', stacks, otherSamples: 0 };
    const { boxes, truncated } = layoutFlame(flameTree(input), 1000);
    expect(truncated).toBe(true);
    expect(boxes.length).toBeLessThanOrEqual(MAX_BOXES);
    const svg = renderFlameSvg(input, 'x');
    expectSafeSvg(svg);
    expect(svg).toContain(`cut at 20,000 boxes`);
  });
});
