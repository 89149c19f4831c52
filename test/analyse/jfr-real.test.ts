// A summary the real summariser wrote from a real recording: the verdict names the hot method and the contended
// monitor, and the flame graph is valid XML with the hot method in it.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { analyseJvmEvidence } from '../../src/analyse/analysis.js';
import { flameInputOf } from '../../src/analyse/flame-graph.js';
import { renderFlameSvg } from '../../src/analyse/flame-svg.js';
import { REPO_ROOT } from './jvm-harness.js';

const summary = readFileSync(path.join(REPO_ROOT, 'test/fixtures/jfr/jdk17-hot-and-contended-summary.json'), 'utf8');

describe('a real jfr-summary.json (JDK 17, HotAndContended)', () => {
  const { analysis, samples, jfrSummary } = analyseJvmEvidence({ threadDumps: [], jfrSummary: summary });

  it('passes the validator and names the hot method and the contended monitor', () => {
    expect(analysis.notes).toEqual([]);
    expect(analysis.jfr?.verdict).toMatch(
      /^99% of samples in HotPath\.crunch; threads blocked 22 s on ContendedLedger at ContendedLedger\.post:46 \(106 times, longest 696 ms\)$/,
    );
    expect(analysis.jfr?.bySelf[0]).toEqual({ method: 'HotPath.crunch', samples: 396, share: 0.9875 });
    expect(analysis.jfr?.byTotal.map((m) => m.method)).toContain('java.lang.Thread.run');
  });

  it('gives a valid flame graph with the hot method in it', () => {
    const input = flameInputOf({ jfr: jfrSummary, samples, jfrRequested: true });
    expect(input?.source).toBe('jfr');
    const svg = renderFlameSvg(input!, 'hot-and-contended');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/<title>HotPath\.crunch \(396 samples, 98\.75%\)<\/title>/);
    expect(svg).toContain('made from 401 JFR execution samples (jdk.ExecutionSample) over 8.0 s');
  });
});
