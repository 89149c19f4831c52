// Uploads the output directory as one workflow artifact with @actions/artifact.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { INVALID_NAME_CHARS, INVALID_PATH_CHARS } from '../shared/names.js';
import { errorMessage } from '../shared/errors.js';

type Env = Record<string, string | undefined>;

/** True inside a GitHub Actions job that can upload artifacts (the runner sets both variables). */
export function artifactServiceAvailable(env: Env = process.env): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN) && Boolean(env.ACTIONS_RESULTS_URL);
}

/** The artifact's page on GitHub, when the repository and the run are known. */
export function artifactUrl(env: Env, id: number): string | undefined {
  const repo = env.GITHUB_REPOSITORY;
  const runId = env.GITHUB_RUN_ID;
  if (!repo || !runId || !Number.isSafeInteger(id) || id <= 0) return undefined;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${repo}/actions/runs/${runId}/artifacts/${id}`;
}

export interface UploadOutputDirOptions {
  /** Artifact name; must already be valid (see sanitizeArtifactName). */
  name: string;
  /** Directory whose files become the zip's content, paths relative to it. */
  rootDir: string;
  /** Days to keep the artifact (>= 1; the client caps it at the repository's limit, GITHUB_RETENTION_DAYS); default: the repository's setting. */
  retentionDays?: number;
  /** zlib level 0..9; default 6. Heap dumps compress well, so lowering it mostly saves CPU. */
  compressionLevel?: number;
}

export interface UploadOutputDirResult {
  id: number;
  /** Bytes uploaded (the zip). */
  size: number;
  /** sha256 hex of the uploaded zip. */
  digest?: string;
  /** The artifact's page, when GITHUB_REPOSITORY and GITHUB_RUN_ID are set. */
  url?: string;
  /** Number of files put in the zip. */
  fileCount: number;
}

/** An upload failure with a message meant for the action's user; `cause` keeps the client's error. */
export class ArtifactUploadError extends Error {
  constructor(
    message: string,
    readonly reason: 'unavailable' | 'invalid-input' | 'no-files' | 'name-conflict' | 'quota' | 'network' | 'ghes' | 'failed',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ArtifactUploadError';
  }
}

/** Every regular file below dir (recursively, dot files included), sorted; symlinks are skipped. */
export async function listFiles(dir: string): Promise<string[]> {
  const root = path.resolve(dir);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Zips every file below rootDir into one artifact of this workflow run. */
export async function uploadOutputDir(options: UploadOutputDirOptions): Promise<UploadOutputDirResult> {
  const { name, retentionDays, compressionLevel } = options;
  const env = process.env;
  if (!artifactServiceAvailable(env)) {
    throw new ArtifactUploadError(
      'cannot upload the artifact: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set (they exist only inside a GitHub Actions job)',
      'unavailable',
    );
  }
  const badNameChar = INVALID_NAME_CHARS.find((c) => name.includes(c));
  if (!name || badNameChar !== undefined) {
    throw new ArtifactUploadError(
      `invalid artifact name ${JSON.stringify(name)}: it must be non-empty and may not contain " : < > | * ? \\ / CR LF`,
      'invalid-input',
    );
  }
  if (retentionDays !== undefined && (!Number.isInteger(retentionDays) || retentionDays < 1)) {
    throw new ArtifactUploadError(`invalid retention days ${retentionDays}: use a whole number of at least 1`, 'invalid-input');
  }
  if (compressionLevel !== undefined && (!Number.isInteger(compressionLevel) || compressionLevel < 0 || compressionLevel > 9)) {
    throw new ArtifactUploadError(`invalid compression level ${compressionLevel}: use a whole number from 0 to 9`, 'invalid-input');
  }

  const rootDir = path.resolve(options.rootDir);
  let files: string[];
  try {
    files = await listFiles(rootDir);
  } catch (err) {
    throw new ArtifactUploadError(`cannot read the output directory ${rootDir}: ${errorMessage(err)}`, 'invalid-input', { cause: err });
  }
  if (files.length === 0) throw new ArtifactUploadError(`nothing to upload: ${rootDir} holds no files`, 'no-files');
  const badPaths = files.map((f) => path.relative(rootDir, f)).filter((rel) => INVALID_PATH_CHARS.some((c) => rel.includes(c)));
  if (badPaths.length > 0) {
    const shown = badPaths
      .slice(0, 5)
      .map((p) => JSON.stringify(p))
      .join(', ');
    throw new ArtifactUploadError(
      `cannot upload ${badPaths.length} file(s) whose path contains one of " : < > | * ? CR LF: ${shown}${badPaths.length > 5 ? ', ...' : ''}`,
      'invalid-input',
    );
  }

  let response: { id?: number; size?: number; digest?: string };
  try {
    // Loaded here, not at start-up: the artifact client (and Azure's SDK under it) is most of the bundle's load time.
    const { DefaultArtifactClient } = await import('@actions/artifact');
    response = await new DefaultArtifactClient().uploadArtifact(name, files, rootDir, { retentionDays, compressionLevel });
  } catch (err) {
    throw describeUploadError(err, name);
  }
  if (response.id === undefined) {
    throw new ArtifactUploadError(`artifact upload of "${name}" returned no artifact id`, 'failed');
  }
  return {
    id: response.id,
    size: response.size ?? 0,
    digest: response.digest,
    url: artifactUrl(env, response.id),
    fileCount: files.length,
  };
}

/** Maps an error of @actions/artifact to an ArtifactUploadError with an actionable message. */
export function describeUploadError(err: unknown, name: string): ArtifactUploadError {
  const msg = errorMessage(err);
  const errName = err instanceof Error ? err.name : '';
  if (/\(409\)|already exists/i.test(msg)) {
    return new ArtifactUploadError(
      `an artifact named "${name}" already exists in this run: set artifact-name to a name unique in the run (e.g. add the job or matrix values)`,
      'name-conflict',
      { cause: err },
    );
  }
  if (errName === 'GHESNotSupportedError') {
    return new ArtifactUploadError(
      `artifact upload is not supported on GitHub Enterprise Server (GITHUB_SERVER_URL=${process.env.GITHUB_SERVER_URL ?? ''})`,
      'ghes',
      { cause: err },
    );
  }
  if (errName === 'UsageError') {
    return new ArtifactUploadError(`artifact storage quota reached, "${name}" was not uploaded: ${msg}`, 'quota', { cause: err });
  }
  if (errName === 'NetworkError') {
    return new ArtifactUploadError(`cannot reach the artifact service to upload "${name}": ${msg}`, 'network', { cause: err });
  }
  if (errName === 'FilesNotFoundError') {
    return new ArtifactUploadError(`nothing to upload for "${name}": ${msg}`, 'no-files', { cause: err });
  }
  return new ArtifactUploadError(`artifact upload of "${name}" failed: ${msg}`, 'failed', { cause: err });
}
