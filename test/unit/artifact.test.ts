import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ArtifactUploadError,
  artifactServiceAvailable,
  artifactUrl,
  describeUploadError,
  listFiles,
  uploadOutputDir,
} from '../../src/publish/artifact.js';
import { sanitizeArtifactName } from '../../src/shared/names.js';

describe('artifactServiceAvailable', () => {
  it('needs both the runtime token and the results URL', () => {
    expect(artifactServiceAvailable({})).toBe(false);
    expect(artifactServiceAvailable({ ACTIONS_RUNTIME_TOKEN: 't' })).toBe(false);
    expect(artifactServiceAvailable({ ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' })).toBe(false);
    expect(artifactServiceAvailable({ ACTIONS_RUNTIME_TOKEN: '', ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' })).toBe(false);
    expect(artifactServiceAvailable({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' })).toBe(true);
  });
});

describe('sanitizeArtifactName', () => {
  it('keeps valid names', () => {
    expect(sanitizeArtifactName('jvm-dumps-default-web-7d9f')).toBe('jvm-dumps-default-web-7d9f');
    expect(sanitizeArtifactName('dumps (run 3) #1.v2')).toBe('dumps (run 3) #1.v2');
  });
  it('replaces every refused character and collapses the dashes', () => {
    expect(sanitizeArtifactName('deployment/simple-java')).toBe('deployment-simple-java');
    expect(sanitizeArtifactName('a"b:c<d>e|f*g?h\\i/j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(sanitizeArtifactName('ns/pod::2024-01-01T10:00:00Z')).toBe('ns-pod-2024-01-01T10-00-00Z');
    expect(sanitizeArtifactName('line1\r\nline2\ttab\u0000')).toBe('line1-line2-tab');
    expect(sanitizeArtifactName('a -- b')).toBe('a - b');
  });
  it('trims and never returns an empty name', () => {
    expect(sanitizeArtifactName('  /dumps/  ')).toBe('dumps');
    expect(sanitizeArtifactName('')).toBe('jvm-dumps');
    expect(sanitizeArtifactName('//::**')).toBe('jvm-dumps');
    expect(sanitizeArtifactName('   ')).toBe('jvm-dumps');
  });
  it('keeps names short', () => {
    const long = sanitizeArtifactName('x'.repeat(127) + '/' + 'y'.repeat(300));
    expect(long).toBe('x'.repeat(127));
    expect(sanitizeArtifactName('é'.repeat(500))).toHaveLength(128);
  });
  it('outputs only valid names', () => {
    for (const raw of ['a/b\\c', '"quoted"', '<>|', 'ok', '\n']) {
      expect(sanitizeArtifactName(raw)).toMatch(/^[^":<>|*?\\/\r\n]+$/);
    }
  });
});

describe('artifactUrl', () => {
  const env = { GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '123' };
  it('links the artifact on github.com by default', () => {
    expect(artifactUrl(env, 42)).toBe('https://github.com/octo/app/actions/runs/123/artifacts/42');
  });
  it('uses GITHUB_SERVER_URL without trailing slash', () => {
    expect(artifactUrl({ ...env, GITHUB_SERVER_URL: 'https://acme.ghe.com/' }, 7)).toBe(
      'https://acme.ghe.com/octo/app/actions/runs/123/artifacts/7',
    );
  });
  it('is undefined without repository, run id or a valid id', () => {
    expect(artifactUrl({ GITHUB_RUN_ID: '1' }, 1)).toBeUndefined();
    expect(artifactUrl({ GITHUB_REPOSITORY: 'o/r' }, 1)).toBeUndefined();
    expect(artifactUrl(env, 0)).toBeUndefined();
    expect(artifactUrl(env, Number.NaN)).toBeUndefined();
  });
});

describe('describeUploadError', () => {
  it('explains a duplicate name', () => {
    const e = describeUploadError(
      new Error(
        'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
      ),
      'dumps',
    );
    expect(e.reason).toBe('name-conflict');
    expect(e.message).toMatch(/an artifact named "dumps" already exists in this run: set artifact-name/);
    expect(e.cause).toBeInstanceOf(Error);
  });
  it('recognises the client error classes by name', () => {
    const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
    expect(describeUploadError(named('GHESNotSupportedError'), 'n').reason).toBe('ghes');
    expect(describeUploadError(named('UsageError'), 'n').reason).toBe('quota');
    expect(describeUploadError(named('NetworkError', 'Unable to make request: ECONNREFUSED'), 'n').message).toMatch(
      /cannot reach the artifact service.*ECONNREFUSED/,
    );
    expect(describeUploadError(named('FilesNotFoundError'), 'n').reason).toBe('no-files');
    const other = describeUploadError('boom', 'n');
    expect(other.reason).toBe('failed');
    expect(other.message).toBe('artifact upload of "n" failed: boom');
  });
});

describe('listFiles and the checks before uploading', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'artifact-unit-'));
    await mkdir(path.join(dir, 'pod-b', 'app', '1'), { recursive: true });
    await mkdir(path.join(dir, 'pod-a', 'empty'), { recursive: true });
    await writeFile(path.join(dir, 'manifest.json'), '{}');
    await writeFile(path.join(dir, '.hidden'), 'h');
    await writeFile(path.join(dir, 'pod-b', 'app', '1', 'threads-1.txt'), 't');
    await writeFile(path.join(dir, 'pod-a', 'x.txt'), 'x');
    await symlink(path.join(dir, 'manifest.json'), path.join(dir, 'link.json'));
    await symlink(path.join(dir, 'pod-b'), path.join(dir, 'pod-link'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it('lists regular files recursively, sorted, dot files included, symlinks skipped', async () => {
    const files = await listFiles(dir);
    expect(files.map((f) => path.relative(dir, f))).toEqual([
      '.hidden',
      'manifest.json',
      path.join('pod-a', 'x.txt'),
      path.join('pod-b', 'app', '1', 'threads-1.txt'),
    ]);
    expect(files.every((f) => path.isAbsolute(f))).toBe(true);
  });

  it('fails clearly outside a GitHub Actions job', async () => {
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    delete process.env.ACTIONS_RESULTS_URL;
    await expect(uploadOutputDir({ name: 'n', rootDir: dir })).rejects.toMatchObject({
      name: 'ArtifactUploadError',
      reason: 'unavailable',
    });
  });

  describe('with the service env set (no request is made)', () => {
    const withEnv = () => {
      process.env.ACTIONS_RUNTIME_TOKEN = 'x.y.z';
      process.env.ACTIONS_RESULTS_URL = 'http://127.0.0.1:9/';
    };
    it('refuses an invalid name', async () => {
      withEnv();
      await expect(uploadOutputDir({ name: 'a/b', rootDir: dir })).rejects.toThrow(/invalid artifact name "a\/b"/);
      await expect(uploadOutputDir({ name: '', rootDir: dir })).rejects.toBeInstanceOf(ArtifactUploadError);
    });
    it('refuses bad retention and compression values', async () => {
      withEnv();
      await expect(uploadOutputDir({ name: 'n', rootDir: dir, retentionDays: 0 })).rejects.toThrow(/retention days/);
      await expect(uploadOutputDir({ name: 'n', rootDir: dir, compressionLevel: 10 })).rejects.toThrow(/compression level/);
    });
    it('refuses an empty or missing directory', async () => {
      withEnv();
      await expect(uploadOutputDir({ name: 'n', rootDir: path.join(dir, 'pod-a', 'empty') })).rejects.toMatchObject({
        reason: 'no-files',
      });
      await expect(uploadOutputDir({ name: 'n', rootDir: path.join(dir, 'missing') })).rejects.toThrow(/cannot read the output directory/);
    });
    it('names the files whose path the service would refuse', async () => {
      withEnv();
      const bad = await mkdtemp(path.join(os.tmpdir(), 'artifact-unit-bad-'));
      try {
        await writeFile(path.join(bad, 'threads-10:00:00.txt'), 'x');
        await writeFile(path.join(bad, 'ok.txt'), 'x');
        await expect(uploadOutputDir({ name: 'n', rootDir: bad })).rejects.toThrow(
          /cannot upload 1 file\(s\) whose path contains .*"threads-10:00:00.txt"/,
        );
      } finally {
        await rm(bad, { recursive: true, force: true });
      }
    });
  });
});
