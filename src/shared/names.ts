// Names from the cluster or the user, made safe for paths and artifact names.
import { createHash } from 'node:crypto';

const SEGMENT_MAX = 120;

/** A short, stable tag of the original name: two names never share a segment because they were cut or cleaned alike. */
function nameTag(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 10);
}

/**
 * Keeps names from the cluster safe as single path segments. A name that is already safe and short stays as is;
 * one that had to be cleaned or cut (pod names reach 253 characters) gets a tag of the whole name, so two pods
 * whose names share a long prefix never write to the same folder.
 */
export function safeSegment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  if (cleaned === name && name.length > 0 && name.length <= SEGMENT_MAX) return name;
  return `${cleaned.slice(0, SEGMENT_MAX - 11)}-${nameTag(name)}`;
}

/** A segment that is not one of `reserved` (case-insensitively: some file systems fold case), tagged when it was. */
export function segmentAvoiding(name: string, reserved: readonly string[]): string {
  const segment = safeSegment(name);
  const lower = reserved.map((r) => r.toLowerCase());
  return lower.includes(segment.toLowerCase()) ? `${segment.slice(0, SEGMENT_MAX - 11)}-${nameTag(name)}` : segment;
}

/** Characters the artifact service refuses in names (file paths may hold `\` and `/`). */
export const INVALID_PATH_CHARS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n'];
export const INVALID_NAME_CHARS = [...INVALID_PATH_CHARS, '\\', '/'];
const NAME_MAX_LENGTH = 128;
const FALLBACK_NAME = 'jvm-dumps';

/**
 * Makes a valid artifact name: each character the service refuses (`" : < > | * ? \ /`, CR, LF
 * and other control characters) becomes `-`, runs of `-` collapse, whitespace and `-` are
 * trimmed from both ends, the result is cut to 128 characters and never empty.
 */
export function sanitizeArtifactName(raw: string): string {
  let name = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0)!;
    name += INVALID_NAME_CHARS.includes(ch) || code < 0x20 || code === 0x7f ? '-' : ch;
  }
  const trim = (s: string) => s.replace(/-{2,}/g, '-').replace(/^[\s-]+|[\s-]+$/g, '');
  name = trim(name);
  if ([...name].length > NAME_MAX_LENGTH) name = trim([...name].slice(0, NAME_MAX_LENGTH).join(''));
  return name || FALLBACK_NAME;
}
