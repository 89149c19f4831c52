// A heap dump holds the application's data (passwords, tokens, personal data), and anyone who can read a
// public repository can download its runs' artifacts. So in a public repository the heap dump is skipped
// unless the workflow opts in. The visibility comes from the event payload the runner writes.
import { readFileSync } from 'node:fs';
import { Inputs } from '../shared/constants.js';
import type { SkippedDump } from '../shared/model.js';
import { InputError } from './input-helper.js';
import type { Settings } from './settings.js';

export type Visibility = 'public' | 'private' | 'internal' | 'unknown';

/** The repository's visibility from a workflow event payload: `repository.visibility`, else `repository.private`. */
export function repositoryVisibility(payload: unknown): Visibility {
  const repo = (payload as { repository?: { visibility?: unknown; private?: unknown } } | null | undefined)?.repository;
  if (!repo || typeof repo !== 'object') return 'unknown';
  const visibility = typeof repo.visibility === 'string' ? repo.visibility.toLowerCase() : undefined;
  // Any sign of public wins: a payload that contradicts itself is treated as public.
  if (visibility === 'public' || repo.private === false) return 'public';
  if (visibility === 'private' || visibility === 'internal') return visibility;
  return repo.private === true ? 'private' : 'unknown';
}

/** The event payload at GITHUB_EVENT_PATH; undefined when there is none or it cannot be read. */
export function readEventPayload(env: NodeJS.ProcessEnv): unknown {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The settings with the heap dump taken out when the repository is not known to be private or internal
 * (the runner always writes the payload; when it says nothing, fail closed) and the workflow did not opt in.
 * Nothing left to collect is an input error, before anything touches the cluster.
 */
export function applyHeapDumpPolicy(settings: Settings, visibility: Visibility): Settings {
  if (!settings.dumps.includes('heap') || settings.allowHeapDumpInPublicRepo) return settings;
  if (visibility === 'private' || visibility === 'internal') return settings;
  const why =
    visibility === 'public'
      ? 'this repository is public'
      : "this repository's visibility is unknown (the event payload does not say it is private)";
  const skip: SkippedDump = {
    dump: 'heap',
    reason:
      `Heap dump skipped: ${why}, so anyone who can read it can download this run's artifacts, and a heap dump holds ` +
      `the application's data (passwords, tokens, personal data). Set ${Inputs.AllowHeapDumpInPublicRepo}: true to take it anyway.`,
  };
  const dumps = settings.dumps.filter((d) => d !== 'heap');
  if (dumps.length === 0) throw new InputError(`Nothing to collect: ${skip.reason}`);
  return { ...settings, dumps, skipped: [...(settings.skipped ?? []), skip] };
}
