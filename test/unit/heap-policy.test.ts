import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyHeapDumpPolicy, readEventPayload, repositoryVisibility } from '../../src/inputs/heap-policy.js';
import { getSettings } from '../../src/inputs/input-helper.js';

const settings = (inputs: Record<string, string>) => getSettings((name) => ({ target: 'web', ...inputs })[name] ?? '', {});

describe('repositoryVisibility', () => {
  it('reads repository.visibility, else repository.private, from the event payload', () => {
    expect(repositoryVisibility({ repository: { visibility: 'public', private: false } })).toBe('public');
    expect(repositoryVisibility({ repository: { visibility: 'private', private: true } })).toBe('private');
    expect(repositoryVisibility({ repository: { visibility: 'internal', private: true } })).toBe('internal');
    expect(repositoryVisibility({ repository: { private: false } })).toBe('public');
    expect(repositoryVisibility({ repository: { private: true } })).toBe('private');
  });
  it('says unknown when the payload does not tell, and public when it contradicts itself', () => {
    for (const payload of [undefined, null, {}, { repository: null }, { repository: {} }, { repository: { visibility: 'secret' } }, 'text'])
      expect(repositoryVisibility(payload)).toBe('unknown');
    expect(repositoryVisibility({ repository: { visibility: 'private', private: false } })).toBe('public');
  });
});

describe('readEventPayload', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kjd-event-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('reads the JSON at GITHUB_EVENT_PATH; nothing when unset, missing or not JSON', () => {
    const file = path.join(dir, 'event.json');
    writeFileSync(file, JSON.stringify({ repository: { private: true } }));
    expect(readEventPayload({ GITHUB_EVENT_PATH: file })).toEqual({ repository: { private: true } });
    expect(readEventPayload({})).toBeUndefined();
    expect(readEventPayload({ GITHUB_EVENT_PATH: path.join(dir, 'missing.json') })).toBeUndefined();
    writeFileSync(file, '{not json');
    expect(readEventPayload({ GITHUB_EVENT_PATH: file })).toBeUndefined();
  });
});

describe('applyHeapDumpPolicy', () => {
  it('skips the heap dump in a public repository, with the reason recorded', () => {
    const s = applyHeapDumpPolicy(settings({}), 'public');
    expect(s.dumps).toEqual(['threads', 'threads-json', 'histogram']);
    expect(s.skipped).toEqual([
      {
        dump: 'heap',
        reason: expect.stringMatching(/^Heap dump skipped: this repository is public.*allow-heap-dump-in-public-repo: true/),
      },
    ]);
  });
  it('fails closed when the visibility is unknown', () => {
    const s = applyHeapDumpPolicy(settings({}), 'unknown');
    expect(s.dumps).toEqual(['threads', 'threads-json', 'histogram']);
    expect(s.skipped?.[0].reason).toMatch(/visibility is unknown/);
  });
  it('keeps the heap dump in private and internal repositories, and when the workflow opts in', () => {
    expect(applyHeapDumpPolicy(settings({}), 'private').dumps).toContain('heap');
    expect(applyHeapDumpPolicy(settings({}), 'internal').dumps).toContain('heap');
    const allowed = applyHeapDumpPolicy(settings({ 'allow-heap-dump-in-public-repo': 'true' }), 'public');
    expect(allowed.dumps).toContain('heap');
    expect(allowed.skipped).toBeUndefined();
  });
  it('changes nothing when no heap dump was asked for', () => {
    const s = settings({ dumps: 'threads' });
    expect(applyHeapDumpPolicy(s, 'public')).toBe(s);
  });
  it('refuses a run that would collect nothing, before the cluster is touched', () => {
    expect(() => applyHeapDumpPolicy(settings({ dumps: 'heap' }), 'public')).toThrow(
      /^Nothing to collect: Heap dump skipped: this repository is public/,
    );
  });
  it('reads the new input as a boolean, false by default', () => {
    expect(settings({}).allowHeapDumpInPublicRepo).toBe(false);
    expect(settings({ 'allow-heap-dump-in-public-repo': 'yes' }).allowHeapDumpInPublicRepo).toBe(true);
    expect(() => settings({ 'allow-heap-dump-in-public-repo': 'sure' })).toThrow(/'allow-heap-dump-in-public-repo' must be true or false/);
  });
});
