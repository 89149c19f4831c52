// The whole JFR path on this machine's JDK, without a cluster: a real JVM with a known hot method and contended
// monitor is recorded (JFR.start as the collector starts it), summarised by the real src/collect/JfrSummary.java,
// and analysed: the verdict names both, the flame graph is valid XML with the hot method in it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';
import { analyseJvmEvidence, type JvmEvidence } from '../../src/analyse/analysis.js';
import { flameInputOf } from '../../src/analyse/flame-graph.js';
import { renderFlameSvg } from '../../src/analyse/flame-svg.js';
import { findJdkTool, jcmd, pollUntil, removeDir, REPO_ROOT, startJvm, threadPrint, type RunningJvm } from './jvm-harness.js';

const run = promisify(execFile);
let dir: string | undefined;
let jvm: RunningJvm | undefined;
let evidence: JvmEvidence;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kjd-jfr-live-'));
  await run(findJdkTool('javac'), ['-d', dir, path.join(REPO_ROOT, 'test/e2e/java/HotAndContended.java')]);
  jvm = await startJvm(dir, 'HotAndContended');
  const recording = path.join(dir, 'recording.jfr');
  // A recording of a few seconds, as the collector starts it; the file is complete once JFR.check no longer lists it.
  await jcmd(jvm.pid, 'JFR.start', 'name=kjd-live-test', 'settings=profile', 'duration=4s', `filename=${recording}`);
  const dump = await threadPrint(jvm.pid);
  const check = await pollUntil(
    () => jcmd(jvm!.pid, 'JFR.check'),
    (out) => !out.includes('kjd-live-test'),
    30_000,
  );
  expect(check).not.toContain('kjd-live-test');
  expect(existsSync(recording)).toBe(true);
  const { stdout } = await run(findJdkTool('java'), [path.join(REPO_ROOT, 'src/collect/JfrSummary.java'), recording], {
    maxBuffer: 64 * 1024 * 1024,
  });
  evidence = analyseJvmEvidence({ threadDumps: [dump], jfrSummary: stdout });
}, 90_000);

afterAll(async () => {
  await jvm?.stop();
  removeDir(dir);
});

describe('a real recording of HotAndContended, summarised by JfrSummary.java', () => {
  it('the summary passes the validator; the verdict names the hot method and the contended monitor', () => {
    const { analysis } = evidence;
    expect(analysis.notes.filter((n) => n.startsWith('JFR'))).toEqual([]);
    expect(analysis.jfr?.bySelf[0].method).toBe('HotPath.crunch');
    expect(analysis.jfr?.verdict).toMatch(
      /^(>99|\d+)% of samples in HotPath\.crunch; threads blocked [\d.]+ s on ContendedLedger at ContendedLedger\.post:\d+/,
    );
  });

  it('the flame graph is valid XML with the hot method in it', () => {
    const input = flameInputOf({ jfr: evidence.jfrSummary, samples: evidence.samples, jfrRequested: true });
    expect(input?.source).toBe('jfr');
    const svg = renderFlameSvg(input!, 'HotAndContended');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/<title>HotPath\.crunch \(\d+ samples, \d+\.\d\d%\)<\/title>/);
  });
});
