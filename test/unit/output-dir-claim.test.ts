// The action uploads its output directory whole: it must never pick up files that are not this run's.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { claimOutputDir, OutputDirError } from '../../src/shared/output-dir.js';

describe('claimOutputDir', () => {
  it('takes a new or empty directory as it is', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kjd-claim-'));
    try {
      expect(await claimOutputDir(path.join(root, 'new'), true)).toBe(path.join(root, 'new'));
      mkdirSync(path.join(root, 'empty'));
      expect(await claimOutputDir(path.join(root, 'empty'), true)).toBe(path.join(root, 'empty'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a directory the user named that already holds files (a workspace with .git would be uploaded)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kjd-claim-'));
    try {
      mkdirSync(path.join(root, '.git'));
      writeFileSync(path.join(root, '.git', 'config'), '[http] extraheader = AUTHORIZATION: basic secret');
      const err = await claimOutputDir(root, true).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OutputDirError);
      expect((err as Error).message).toMatch(/already holds files \(\.git\).*must start empty.*nothing was changed in the cluster/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('moves the default directory aside when an earlier step filled it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kjd-claim-'));
    try {
      const dir = path.join(root, 'jvm-dumps-web');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'manifest.json'), '{}');
      expect(await claimOutputDir(dir, false)).toBe(`${dir}-2`);
      mkdirSync(`${dir}-2`);
      writeFileSync(path.join(`${dir}-2`, 'manifest.json'), '{}');
      expect(await claimOutputDir(dir, false)).toBe(`${dir}-3`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
