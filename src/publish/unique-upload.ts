// Two legs of a matrix job (same GITHUB_JOB) that dump the same target get the same default artifact name; the
// artifact service refuses the second (409). On a conflict the upload is retried as <name>-2, <name>-3, ...
import { ArtifactUploadError, uploadOutputDir, type UploadOutputDirOptions, type UploadOutputDirResult } from './artifact.js';

/** Attempts before giving up: a run with more legs than this dumping one target wants its own artifact-name. */
export const MAX_NAME_ATTEMPTS = 20;
const NAME_MAX_LENGTH = 128;

/** `<name>-<n>`, the name cut so the whole stays within the service's 128 characters. */
export function suffixedName(name: string, n: number): string {
  if (n <= 1) return name;
  const suffix = `-${n}`;
  return `${name.slice(0, NAME_MAX_LENGTH - suffix.length)}${suffix}`;
}

export type UniqueUploadResult = UploadOutputDirResult & { name: string };

/** Uploads under the first free name of name, name-2, name-3, ...; `onConflict` is told each name that was taken. */
export async function uploadUnderFreeName(
  options: UploadOutputDirOptions,
  onConflict: (taken: string, next: string) => void,
  upload: (o: UploadOutputDirOptions) => Promise<UploadOutputDirResult> = uploadOutputDir,
): Promise<UniqueUploadResult> {
  for (let n = 1; ; n++) {
    const name = suffixedName(options.name, n);
    try {
      return { ...(await upload({ ...options, name })), name };
    } catch (err) {
      if (!(err instanceof ArtifactUploadError) || err.reason !== 'name-conflict' || n >= MAX_NAME_ATTEMPTS) throw err;
      onConflict(name, suffixedName(options.name, n + 1));
    }
  }
}
