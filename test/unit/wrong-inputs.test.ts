// Inputs that are wrong but look harmless, refused when read (before anything touches the cluster), and names
// that must never collide. Each case here was accepted before its fix.
import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { getSettings } from '../../src/inputs/input-helper.js';
import { Bounds, dumpWindowProblem } from '../../src/inputs/bounds.js';
import { imageReferenceProblem } from '../../src/inputs/image-reference.js';
import { jvmDir } from '../../src/shared/layout.js';
import { safeSegment } from '../../src/shared/names.js';
import { decideOutcome } from '../../src/engine.js';
import type { JvmResult, RunManifest } from '../../src/shared/model.js';

const settings = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  getSettings((name) => ({ target: 'deployment/web', ...inputs })[name] ?? '', env);

/** Node's timers take at most 2^31-1 ms; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

describe('duration inputs have upper bounds', () => {
  it.each([
    ['timeout', '7h', /'timeout' must be from 10s to 6h, got '7h'/],
    ['timeout', '25d', /invalid duration|must be from 10s to 6h/],
    ['timeout', '600h', /'timeout' must be from 10s to 6h/],
    ['timeout', '5s', /'timeout' must be from 10s to 6h/],
    ['debugger-ttl', '25h', /'debugger-ttl' must be from 30s to 24h, got '25h'/],
    ['debugger-ttl', '10s', /'debugger-ttl' must be from 30s to 24h so the dumps can be taken/],
    ['thread-dump-interval', '11m', /'thread-dump-interval' must be from 0s to 10m, got '11m'/],
    ['thread-dump-interval', '1000h', /'thread-dump-interval' must be from 0s to 10m/],
  ])('%s: %s is refused', (name, value, message) => {
    expect(() => settings({ [name]: value })).toThrow(message);
  });

  it('every bound keeps every timer below 2^31-1 ms', () => {
    for (const b of Object.values(Bounds)) expect(b.maxMs).toBeLessThan(MAX_TIMER_MS);
    const s = settings({ timeout: '6h', 'debugger-ttl': '24h', 'thread-dump-interval': '10m' });
    expect(s).toMatchObject({ timeoutMs: 6 * 3_600_000, debuggerTtlSeconds: 24 * 3600, threadDumpIntervalMs: 600_000 });
  });

  it('refuses thread dumps that cannot all be taken before the timeout', () => {
    expect(() => settings({ 'thread-dump-count': '3', 'thread-dump-interval': '5m', timeout: '10m' })).toThrow(
      "3 thread dumps 5m apart take 10m, which does not fit in 'timeout' 10m",
    );
    expect(dumpWindowProblem(3, 5 * 60_000, 11 * 60_000)).toBeUndefined();
    expect(dumpWindowProblem(1, 10 * 60_000, 10_000)).toBeUndefined();
  });
});

describe('jdk-image is an image reference by the runtimes grammar', () => {
  it.each([
    'eclipse-temurin:25-jdk',
    'eclipse-temurin',
    'library/eclipse-temurin:21',
    'docker.io/library/eclipse-temurin:21.0.5_11-jdk-jammy',
    'registry.example.com:5000/team/jdk:1.0',
    'localhost:5000/jdk',
    '[::1]:5000/jdk:21',
    'my_registry/a__b/c---d.e:TAG_1.x',
    `eclipse-temurin@sha256:${'a'.repeat(64)}`,
    `registry.example.com/jdk:21@sha256:${'0123456789abcdef'.repeat(4)}`,
  ])('accepts %s', (ref) => {
    expect(imageReferenceProblem(ref)).toBeUndefined();
    expect(settings({ 'jdk-image': ref }).jdkImage).toBe(ref);
  });

  it.each([
    ['Eclipse-Temurin:25', /must be lower-case/],
    ['registry.example.com/Team/jdk', /must be lower-case/],
    ['https://registry.example.com/jdk:21', /no scheme/],
    ['eclipse-temurin:25 jdk', /whitespace/],
    ['eclipse-temurin::25', /expected \[registry\[:port\]\/\]name\[:tag\]\[@sha256:digest\]/],
    ['eclipse-temurin:-25', /expected/],
    ['eclipse-temurin/', /expected/],
    ['/eclipse-temurin', /expected/],
    ['eclipse--temurin_', /expected/],
    ['jdk:' + 'x'.repeat(129), /expected/],
    ['eclipse-temurin@sha256:abc', /expected/],
    [`eclipse-temurin@sha256:${'a'.repeat(63)}`, /a sha256 digest has 64 hex digits, this one 63/],
    [`eclipse-temurin@md5:${'a'.repeat(32)}`, /unknown digest algorithm 'md5'/],
    ['a/'.repeat(128) + 'b', /longer than 255/],
    ['jdk;rm -rf /', /whitespace|expected/],
    ['$(touch\t/tmp/x)', /whitespace/],
    ['$(id)', /expected/],
  ])('refuses %s before the debugger is added', (ref, why) => {
    expect(imageReferenceProblem(ref)).toMatch(why);
    expect(() => settings({ 'jdk-image': ref })).toThrow(/Input 'jdk-image': .* is not a valid image reference/);
  });
});

describe('artifact-name never leads outside RUNNER_TEMP/kube-jvm-dump/', () => {
  const env = { RUNNER_TEMP: '/runner/_temp' };
  it.each(['..', '.', '...', ' .. '])('refuses %j', (name) => {
    expect(() => settings({ 'artifact-name': name }, env)).toThrow(
      /Input 'artifact-name': .* is not a usable artifact name: the dumps would be written outside \/runner\/_temp\/kube-jvm-dump\//,
    );
  });
  it('cleans separators out of a name, so it stays one folder inside', () => {
    for (const name of ['../../etc', '../x', 'a/../../b', '..\\..\\x']) {
      const s = settings({ 'artifact-name': name }, env);
      expect(path.dirname(s.outputDir)).toBe('/runner/_temp/kube-jvm-dump');
    }
    expect(settings({ 'artifact-name': 'dumps..v2' }, env).outputDir).toBe('/runner/_temp/kube-jvm-dump/dumps..v2');
  });
});

describe('output folders never collide', () => {
  it('two pods whose names share a long prefix get two folders', () => {
    const prefix = 'web-' + 'a'.repeat(130);
    const a = jvmDir(`${prefix}-x1`, 'app', 7);
    const b = jvmDir(`${prefix}-x2`, 'app', 7);
    expect(a).not.toBe(b);
    expect(a.split('/')[0].length).toBeLessThanOrEqual(120);
    // Short, clean names stay as they are (paths in the manifest and the artifact are unchanged).
    expect(jvmDir('web-7d9f-abc', 'app', 12)).toBe('web-7d9f-abc/app/12');
    expect(safeSegment('x'.repeat(120))).toBe('x'.repeat(120));
    expect(safeSegment('x'.repeat(121))).not.toBe(safeSegment('x'.repeat(122)));
  });
  it('names cleaned alike stay apart', () => {
    expect(safeSegment('a:b')).not.toBe(safeSegment('a_b'));
    expect(safeSegment('.x')).not.toBe(safeSegment('_x'));
  });
  it('a pod named like a top-level file gets another folder', () => {
    for (const pod of ['manifest.json', 'analysis.json', 'Manifest.JSON']) {
      const dir = jvmDir(pod, 'app', 1).split('/')[0];
      expect(dir.toLowerCase()).not.toBe(pod.toLowerCase());
      expect(dir).toMatch(new RegExp(`^${pod.replace('.', '\\.')}-[0-9a-f]{10}$`));
    }
  });
});

describe('decideOutcome counts a JVM’s own errors', () => {
  const jvm = (files: string[], errors: JvmResult['errors'] = []): JvmResult => ({
    pid: 1,
    commandLine: 'java',
    files: files.map((f, i) => ({ path: `${f}-${i}`, kind: f as 'threads', size: 1, sha256: '' })),
    errors,
    timingsMs: {},
  });
  const manifest = (j: JvmResult, threadDumpCount = 2): RunManifest => ({
    tool: { name: 't', version: '1' },
    cluster: {},
    namespace: 'default',
    target: 'deployment/x',
    startedAt: '',
    finishedAt: '',
    errors: [],
    requested: { dumps: ['threads', 'heap'], threadDumpCount, threadDumpIntervalMs: 0, heapDumpLive: true },
    pods: [{ namespace: 'default', pod: 'p', container: 'app', timingsMs: {}, errors: [], jvms: [j] }],
  });
  it('one of two thread dumps missing is partial, not success', () => {
    const missing = { stage: 'collect' as const, message: 'thread dump 2 failed', dump: 'threads' as const };
    expect(decideOutcome(manifest(jvm(['threads', 'heap'], [missing])))).toBe('partial');
    // Even were the error not recorded, one file for two requested dumps is not complete.
    expect(decideOutcome(manifest(jvm(['threads', 'heap'])))).toBe('partial');
    expect(decideOutcome(manifest(jvm(['threads', 'threads', 'heap'])))).toBe('success');
  });
  it('any JVM-level error makes it partial', () => {
    const e = { stage: 'collect' as const, message: 'x' };
    expect(decideOutcome(manifest(jvm(['threads', 'threads', 'heap'], [e])))).toBe('partial');
  });
});
