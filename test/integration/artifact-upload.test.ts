// The real @actions/artifact client (through uploadOutputDir) against the local results-service
// fake backed by a real Azurite blob server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { ArtifactUploadError, artifactServiceAvailable, uploadOutputDir } from '../../src/publish/artifact.js';
import { DUPLICATE_NAME_MSG, TWIRP_PREFIX, startArtifactService, type ArtifactService } from '../support/artifact-service/service.mjs';
import { readZip } from '../support/artifact-service/zip.mjs';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MiB = 1024 * 1024;

// Variables that change what the client does; cleared so the host's environment cannot leak in.
const CLIENT_ENV = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'GITHUB_RETENTION_DAYS',
  'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
  'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
];

describe('artifact upload to the local results service + Azurite', () => {
  let service: ArtifactService;
  let dir: string;
  const files = new Map<string, Buffer>();
  const savedEnv = { ...process.env };

  const useServiceEnv = () => {
    for (const k of CLIENT_ENV) delete process.env[k];
    Object.assign(process.env, service.env, { GITHUB_REPOSITORY: 'octo/shop', GITHUB_RUN_ID: '4242' });
  };
  const restoreEnv = () => {
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  };

  beforeAll(async () => {
    service = await startArtifactService();
    dir = await mkdtemp(path.join(os.tmpdir(), 'artifact-it-'));
    const content: Array<[string, Buffer]> = [
      ['manifest.json', Buffer.from(JSON.stringify({ tool: { name: 'kube-jvm-dump' } }, null, 2))],
      ['summary.md', Buffer.from('# JVM dumps\n')],
      ['pod-a/app/1/threads-1.txt', Buffer.from('"main" #1 prio=5\n'.repeat(2000))],
      ['pod-a/app/1/threads-2.txt', Buffer.from('"main" #1 prio=5 RUNNABLE\n'.repeat(2000))],
      ['pod-a/app/1/histogram.txt', Buffer.from(' num #instances #bytes class name\n'.repeat(500))],
      ['pod-a/app/1/heap.hprof', randomBytes(20 * MiB)],
      ['pod-b/app/7/threads-1.txt', Buffer.from('thread dump of pod b\n')],
      ['pod-b/app/7/empty.txt', Buffer.alloc(0)],
    ];
    for (const [rel, data] of content) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), data);
      files.set(rel, data);
    }
  }, 60_000);

  afterEach(restoreEnv);

  afterAll(async () => {
    restoreEnv();
    await service?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is not available without the runner variables', () => {
    for (const k of CLIENT_ENV) delete process.env[k];
    expect(artifactServiceAvailable()).toBe(false);
    useServiceEnv();
    expect(artifactServiceAvailable()).toBe(true);
  });

  it('uploads the directory as one zip holding exactly its files', async () => {
    useServiceEnv();
    const started = performance.now();
    const result = await uploadOutputDir({ name: 'jvm-dumps', rootDir: dir });
    const ms = performance.now() - started;
    console.log(`uploadOutputDir: ${files.size} files, 20 MiB random heap.hprof, zip ${result.size} bytes in ${ms.toFixed(0)} ms`);

    const record = service.uploads().find((u) => u.name === 'jvm-dumps');
    expect(record).toBeDefined();
    expect(result.id).toBe(record!.id);
    expect(result.fileCount).toBe(files.size);
    expect(result.url).toBe(`https://github.com/octo/shop/actions/runs/4242/artifacts/${result.id}`);

    const blob = await service.downloadBlob(result.id);
    // (Buffer.equals: jest's deep equality walks 20 MiB byte by byte, which takes a minute.)
    expect((await service.downloadBlob('jvm-dumps')).equals(blob)).toBe(true);
    // What the client reported is what landed in blob storage.
    expect(result.size).toBe(blob.length);
    expect(result.digest).toBe(sha256(blob));
    expect(record).toMatchObject({
      finalized: true,
      size: blob.length,
      hash: `sha256:${sha256(blob)}`,
      blobSize: blob.length,
      blobSha256: sha256(blob),
      mimeType: 'application/zip',
      blobContentType: 'application/zip',
      version: 7,
      runBackendId: service.runBackendId,
      jobBackendId: service.jobBackendId,
    });
    expect(record!.expiresAt).toBeUndefined();

    const entries = readZip(blob);
    expect(entries.every((e) => !e.zip64)).toBe(true);
    expect(entries.map((e) => e.name).sort()).toEqual([...files.keys()].sort());
    for (const e of entries) {
      expect({ name: e.name, sha256: sha256(e.data) }).toEqual({ name: e.name, sha256: sha256(files.get(e.name)!) });
    }
    // Random data does not compress: the zip is barely larger than the heap file.
    expect(blob.length).toBeGreaterThan(20 * MiB);
    expect(blob.length).toBeLessThan(21 * MiB);
  }, 120_000);

  it('refuses a second artifact with the same name, with a clear message', async () => {
    useServiceEnv();
    const before = service.uploads().length;
    const err = await uploadOutputDir({ name: 'jvm-dumps', rootDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ArtifactUploadError);
    expect((err as ArtifactUploadError).reason).toBe('name-conflict');
    expect((err as Error).message).toMatch(/^an artifact named "jvm-dumps" already exists in this run: set artifact-name/);
    expect(String((err as Error).cause)).toContain(`(409) Conflict: ${DUPLICATE_NAME_MSG}`);
    expect(service.uploads()).toHaveLength(before);
    expect(service.calls().at(-1)).toMatchObject({ method: 'CreateArtifact', status: 409, error: { code: 'already_exists' } });
  }, 60_000);

  it('passes retention and compression level through (level 0 stores entries)', async () => {
    useServiceEnv();
    const small = await mkdtemp(path.join(os.tmpdir(), 'artifact-it-small-'));
    try {
      await mkdir(path.join(small, 'pod-a'));
      await writeFile(path.join(small, 'pod-a', 'threads-1.txt'), 'x'.repeat(10_000));
      const result = await uploadOutputDir({ name: 'small', rootDir: small, retentionDays: 3, compressionLevel: 0 });
      const record = service.uploads().find((u) => u.id === result.id)!;
      const days = (Date.parse(record.expiresAt!) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(2.9);
      expect(days).toBeLessThan(3.1);
      const [entry, ...rest] = readZip(await service.downloadBlob(result.id));
      expect(rest).toHaveLength(0);
      expect(entry).toMatchObject({ name: 'pod-a/threads-1.txt', method: 0, size: 10_000, compressedSize: 10_000 });
    } finally {
      await rm(small, { recursive: true, force: true });
    }
  }, 60_000);

  it('serves ListArtifacts and GetSignedArtifactURL well enough for the real download path', async () => {
    useServiceEnv();
    const client = new DefaultArtifactClient();
    const { artifacts } = await client.listArtifacts();
    const uploaded = artifacts.find((a) => a.name === 'jvm-dumps');
    expect(uploaded).toMatchObject({ size: expect.any(Number), digest: `sha256:${service.uploads()[0].blobSha256}` });
    const out = await mkdtemp(path.join(os.tmpdir(), 'artifact-it-dl-'));
    try {
      const { digestMismatch } = await client.downloadArtifact(uploaded!.id, { path: out, expectedHash: uploaded!.digest });
      expect(digestMismatch).toBe(false);
      for (const [rel, data] of files) expect(sha256(await readFile(path.join(out, rel)))).toBe(sha256(data));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('lets the client retry an injected 5xx', async () => {
    useServiceEnv();
    const small = await mkdtemp(path.join(os.tmpdir(), 'artifact-it-retry-'));
    try {
      await writeFile(path.join(small, 'a.txt'), 'a');
      service.injectFault({ method: 'FinalizeArtifact', code: 'unavailable' });
      const result = await uploadOutputDir({ name: 'retried', rootDir: small });
      const finals = service.calls().filter((c) => c.method === 'FinalizeArtifact' && c.request?.name === 'retried');
      expect(finals.map((c) => c.status)).toEqual([503, 200]);
      expect(service.uploads().find((u) => u.id === result.id)?.finalized).toBe(true);
    } finally {
      await rm(small, { recursive: true, force: true });
    }
  }, 60_000);

  describe('the fake checks requests like the real service', () => {
    const post = (method: string, body: unknown, token?: string) =>
      fetch(new URL(TWIRP_PREFIX + method, service.resultsUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const ids = () => ({ workflow_run_backend_id: service.runBackendId, workflow_job_run_backend_id: service.jobBackendId });

    it('needs a valid token whose ids match the request', async () => {
      const body = { ...ids(), name: 'x', version: 7 };
      const noToken = await post('CreateArtifact', body);
      expect(noToken.status).toBe(401);
      expect(await noToken.json()).toMatchObject({ code: 'unauthenticated' });
      const forged = service.env.ACTIONS_RUNTIME_TOKEN.replace(/\.[^.]+$/, '.AAAA');
      expect((await post('CreateArtifact', body, forged)).status).toBe(401);
      const other = await post('CreateArtifact', body, service.tokenFor('other-run', 'other-job'));
      expect(other.status).toBe(403);
      expect(await other.json()).toMatchObject({ code: 'permission_denied' });
    });

    it('answers unknown routes and invalid requests with Twirp errors', async () => {
      const token = service.env.ACTIONS_RUNTIME_TOKEN;
      expect((await post('Nope', {}, token)).status).toBe(404);
      const badName = await post('CreateArtifact', { ...ids(), name: 'a/b', version: 7 }, token);
      expect(badName.status).toBe(400);
      expect(await badName.json()).toMatchObject({ code: 'invalid_argument' });
      const notCreated = await post('FinalizeArtifact', { ...ids(), name: 'never-created', size: '1' }, token);
      expect(notCreated.status).toBe(404);
      const created = await post('CreateArtifact', { ...ids(), name: 'not-uploaded', version: 7 }, token);
      expect(await created.json()).toMatchObject({ ok: true, signed_upload_url: expect.stringContaining('sig=') });
      const nothingUploaded = await post('FinalizeArtifact', { ...ids(), name: 'not-uploaded', size: '1' }, token);
      expect(nothingUploaded.status).toBe(412);
    });
  });
});
