// The API server's structured Status, read from whatever failed: errors are told apart by code, reason
// and details, never by their message text.
import { errorMessage } from '../shared/errors.js';

export interface ApiStatus {
  /** HTTP status code (403, 404, 422...). */
  code?: number;
  /** Machine-readable reason: Forbidden, NotFound, Invalid, AlreadyExists... */
  reason?: string;
  message?: string;
  /** The object the status is about, when the API named one. */
  details?: { name?: string; kind?: string; group?: string; causes?: { reason?: string; message?: string; field?: string }[] };
}

function parseBody(body: unknown): Partial<ApiStatus> | undefined {
  try {
    const value: unknown = typeof body === 'string' ? JSON.parse(body) : body;
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Status of a failed API call: client-node's ApiException (code plus a JSON Status body), or an error
 * that carries one (see ExecError). Undefined for failures that never reached the API (network, TLS).
 */
export function apiStatus(err: unknown): ApiStatus | undefined {
  const carried = (err as { status?: unknown })?.status;
  if (carried && typeof carried === 'object' && 'code' in carried) return carried as ApiStatus;
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'number') return undefined;
  const body = parseBody((err as { body?: unknown }).body);
  return { code, reason: body?.reason, message: body?.message, details: body?.details };
}

export function apiErrorCode(err: unknown): number | undefined {
  return apiStatus(err)?.code;
}

/** One readable line for any failed call: "HTTP 403: <the API's message>", or the network error and its cause. */
export function apiErrorMessage(err: unknown): string {
  const status = apiStatus(err);
  if (status?.code !== undefined) {
    const raw = (err as { body?: unknown })?.body;
    const message = status.message ?? (typeof raw === 'string' && !parseBody(raw) ? raw.slice(0, 300) : undefined);
    return `HTTP ${status.code}${message ? `: ${message}` : ''}`;
  }
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return [errorMessage(err), cause?.code ?? cause?.message].filter(Boolean).join(': ');
}

/** Whether a NotFound is about the named object itself (not about the route or another object). */
export function isNotFoundOf(status: ApiStatus | undefined, kind: string, name: string): boolean {
  return status?.code === 404 && status.reason === 'NotFound' && status.details?.kind === kind && status.details?.name === name;
}
