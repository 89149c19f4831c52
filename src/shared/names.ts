// Names from the cluster or the user, made safe for paths and artifact names.

/** Keeps names from the cluster safe as single path segments. */
export function safeSegment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 120) || '_';
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
