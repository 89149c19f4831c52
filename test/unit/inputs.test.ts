import { describe, expect, it } from '@jest/globals';
import { defaultArtifactName, getSettings, parseDumps, parseKubeconfigInput, parseTarget } from '../../src/inputs/input-helper.js';
import { parseDuration } from '../../src/inputs/duration.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const KUBECONFIG =
  'apiVersion: v1\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:6443"}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user: {token: abc}\n';

describe('parseTarget', () => {
  it('reads kubectl-style kinds and aliases', () => {
    expect(parseTarget('deployment/web', '')).toEqual({ kind: 'deployment', name: 'web' });
    expect(parseTarget('web', '')).toEqual({ kind: 'deployment', name: 'web' });
    expect(parseTarget('sts/db', '')).toEqual({ kind: 'statefulset', name: 'db' });
    expect(parseTarget('daemonset.apps/agent', '')).toEqual({ kind: 'daemonset', name: 'agent' });
    expect(parseTarget('pod/web-7d9f-abcde', '')).toEqual({ kind: 'pod', name: 'web-7d9f-abcde' });
    expect(parseTarget('', 'app=web')).toEqual({ kind: 'selector', selector: 'app=web' });
  });
  it('rejects both, neither, unknown kinds and bad names with what to do', () => {
    expect(() => parseTarget('web', 'app=web')).toThrow(/either 'target' or 'selector', not both/);
    expect(() => parseTarget('', '')).toThrow(/Set 'target'/);
    expect(() => parseTarget('job/x', '')).toThrow(/unknown kind 'job'.*deployment\/NAME/);
    expect(() => parseTarget('deployment/Web_App', '')).toThrow(/not a valid Kubernetes object name/);
  });
});

describe('parseKubeconfigInput', () => {
  it('takes YAML, base64 of YAML, or nothing', () => {
    expect(parseKubeconfigInput(KUBECONFIG)).toEqual({ from: 'content', yaml: KUBECONFIG.trim() });
    expect(parseKubeconfigInput(Buffer.from(KUBECONFIG).toString('base64'))).toEqual({ from: 'content', yaml: KUBECONFIG });
    expect(parseKubeconfigInput('  ')).toEqual({ from: 'default' });
  });
  it('rejects something else without echoing it', () => {
    // YAML that is no kubeconfig, a bare token, and base64 that decodes to something else.
    for (const input of [
      'not a kubeconfig: secret-token-123',
      'secret-token-123 !',
      Buffer.from('token: secret-token-123').toString('base64'),
    ]) {
      expect(() => parseKubeconfigInput(input)).toThrow(/neither a kubeconfig/);
      for (const secret of ['secret-token-123', input.trim()]) {
        expect(() => parseKubeconfigInput(input)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret) }));
      }
    }
  });
});

describe('parseDumps', () => {
  it('keeps the fixed order, thread dumps first', () => {
    expect(parseDumps('heap, histogram,threads')).toEqual(['threads', 'histogram', 'heap']);
    expect(parseDumps('vm-info heap')).toEqual(['heap', 'vm-info']);
  });
  it('names the unknown dump', () => {
    expect(() => parseDumps('threads,core')).toThrow(/unknown dump 'core'/);
  });
});

describe('parseDuration', () => {
  it('parses units and bare seconds', () => {
    expect(parseDuration('5s', 'x')).toBe(5000);
    expect(parseDuration('1h30m', 'x')).toBe(5_400_000);
    expect(parseDuration('250ms', 'x')).toBe(250);
    expect(parseDuration('90', 'x')).toBe(90_000);
  });
  it('rejects garbage naming the input', () => {
    expect(() => parseDuration('5 minutes', 'timeout')).toThrow(/'timeout' has an invalid duration/);
    expect(() => parseDuration('', 'timeout')).toThrow();
  });
});

describe('getSettings', () => {
  it('applies the documented defaults', () => {
    const s = getSettings(reader({ target: 'deployment/simple-java' }), {
      RUNNER_TEMP: '/tmp/rt',
      GITHUB_JOB: 'e2e',
      GITHUB_RUN_ATTEMPT: '2',
    });
    expect(s).toMatchObject({
      kubeconfig: { from: 'default' },
      maxPods: 1,
      jdkImage: 'eclipse-temurin:25-jdk',
      imagePullPolicy: 'IfNotPresent',
      dumps: ['threads', 'threads-json', 'histogram', 'heap'],
      threadDumpCount: 3,
      threadDumpIntervalMs: 5000,
      heapDumpLive: true,
      tmpVolume: 'auto',
      debuggerNamePrefix: 'jvm-debugger',
      debuggerTtlSeconds: 900,
      timeoutMs: 600_000,
      failOnError: true,
      artifactName: 'jvm-dumps-e2e-deployment-simple-java-attempt2',
      outputDir: '/tmp/rt/kube-jvm-dump/jvm-dumps-e2e-deployment-simple-java-attempt2',
    });
  });
  it('rejects bad numbers, booleans, policies and prefixes clearly', () => {
    const base = { target: 'web' };
    expect(() => getSettings(reader({ ...base, 'max-pods': '0' }), {})).toThrow(/'max-pods' must be a whole number from 1/);
    expect(() => getSettings(reader({ ...base, 'fail-on-error': 'maybe' }), {})).toThrow(/'fail-on-error' must be true or false/);
    expect(() => getSettings(reader({ ...base, 'image-pull-policy': 'Sometimes' }), {})).toThrow(/Always, IfNotPresent or Never/);
    expect(() => getSettings(reader({ ...base, 'debugger-name-prefix': 'Debug_Me' }), {})).toThrow(/DNS label/);
    expect(() => getSettings(reader({ ...base, 'debugger-ttl': '5s' }), {})).toThrow(/must be from 30s to 24h/);
    expect(() => getSettings(reader({ ...base, 'tmp-volume': 'Bad Name' }), {})).toThrow(/auto, none, or the name/);
  });
  it('makes artifact names valid', () => {
    expect(defaultArtifactName({ kind: 'selector', selector: 'app in (a,b)' }, {})).toBe('jvm-dumps-selector-app-in-(a,b)');
    const s = getSettings(reader({ target: 'web', 'artifact-name': 'dumps: "a/b"' }), {});
    expect(s.artifactName).toBe('dumps- -a-b');
  });
});
