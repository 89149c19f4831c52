// Matrix legs that share an artifact name: the real @actions/artifact client against the local results service,
// which refuses a duplicate name (409) as the real one does. The second and third uploads land as -2 and -3.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ArtifactUploadError, type UploadOutputDirOptions } from '../../src/publish/artifact.js';
import { MAX_NAME_ATTEMPTS, suffixedName, uploadUnderFreeName } from '../../src/publish/unique-upload.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service/service.mjs';

describe('artifact name conflicts', () => {
  let service: ArtifactService;
  let dir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    service = await startArtifactService();
    dir = await mkdtemp(path.join(os.tmpdir(), 'artifact-conflict-it-'));
    await mkdir(path.join(dir, 'pod'), { recursive: true });
    await writeFile(path.join(dir, 'manifest.json'), '{}\n');
    await writeFile(path.join(dir, 'pod', 'threads-1.txt'), '"main" #1\n');
    for (const k of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_RETENTION_DAYS']) delete process.env[k];
    Object.assign(process.env, service.env, { GITHUB_REPOSITORY: 'octo/shop', GITHUB_RUN_ID: '4242' });
  }, 60_000);

  afterAll(async () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await service?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('three legs, one name: uploaded as name, name-2, name-3, each conflict told', async () => {
    const told: string[] = [];
    const names: string[] = [];
    for (let leg = 0; leg < 3; leg++) {
      const r = await uploadUnderFreeName({ name: 'jvm-dumps-e2e-deployment-web', rootDir: dir }, (taken, next) =>
        told.push(`${taken} -> ${next}`),
      );
      expect(r.id).toBeGreaterThan(0);
      names.push(r.name);
    }
    expect(names).toEqual(['jvm-dumps-e2e-deployment-web', 'jvm-dumps-e2e-deployment-web-2', 'jvm-dumps-e2e-deployment-web-3']);
    expect(told).toEqual([
      'jvm-dumps-e2e-deployment-web -> jvm-dumps-e2e-deployment-web-2',
      'jvm-dumps-e2e-deployment-web -> jvm-dumps-e2e-deployment-web-2',
      'jvm-dumps-e2e-deployment-web-2 -> jvm-dumps-e2e-deployment-web-3',
    ]);
    // The service holds all three, under their own names.
    const stored = service
      .uploads()
      .map((u) => u.name)
      .filter((n) => n.startsWith('jvm-dumps-e2e-deployment-web'));
    expect(stored.sort()).toEqual([...names].sort());
    expect(service.calls().filter((c) => c.method === 'CreateArtifact' && c.status === 409)).toHaveLength(3);
  }, 120_000);

  it('other failures are not retried under another name; the attempts are bounded', async () => {
    let calls = 0;
    const refuse = (reason: ArtifactUploadError['reason']) => (o: UploadOutputDirOptions) => {
      calls++;
      return Promise.reject(new ArtifactUploadError(`refused ${o.name}`, reason));
    };
    await expect(uploadUnderFreeName({ name: 'x', rootDir: dir }, () => undefined, refuse('quota'))).rejects.toThrow('refused x');
    expect(calls).toBe(1);
    calls = 0;
    await expect(uploadUnderFreeName({ name: 'x', rootDir: dir }, () => undefined, refuse('name-conflict'))).rejects.toThrow(
      `refused x-${MAX_NAME_ATTEMPTS}`,
    );
    expect(calls).toBe(MAX_NAME_ATTEMPTS);
  });

  it('a suffixed name stays within 128 characters', () => {
    expect(suffixedName('a'.repeat(128), 12)).toBe(`${'a'.repeat(125)}-12`);
    expect(suffixedName('dumps', 1)).toBe('dumps');
  });
});
