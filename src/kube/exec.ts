// One command in a container over the exec WebSocket, with its exit code from the status channel.
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
// Not re-exported by the package index; the handler takes the socket factory that keeps refusals' Status.
import { WebSocketHandler } from '@kubernetes/client-node/dist/web-socket-handler.js';
import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import WebSocket from 'ws';
import { errorMessage } from '../shared/errors.js';
import { Capture, STDERR_HEAD_BYTES, STDERR_TAIL_BYTES, type CaptureLoss } from './capture.js';
import type { ApiStatus } from './status.js';
import { describePermissions, missingPermissions } from './access.js';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Bytes that arrived on a captured stream beyond what was kept (never silent: the caller decides). */
  truncated?: { stdout?: CaptureLoss; stderr?: CaptureLoss };
}

export interface ExecOptions {
  timeoutMs: number;
  /**
   * When set, stdout goes here (with backpressure on the socket) instead of being captured. A sink that fails
   * (disk full, a size limit) ends the command at once with ExecError 'output'.
   */
  stdoutSink?: Writable;
  /** Captured stdout beyond this is not kept; the result says so in `truncated` (default 64 MiB). */
  maxCaptureBytes?: number;
  /** Sees each stderr chunk as it arrives (e.g. a size the command announces before its output). */
  onStderr?: (chunk: Buffer) => void;
  signal?: AbortSignal;
}

/** The exec upgrade gets at most this long (and never more than the command's own timeout). */
const HANDSHAKE_MAX_MS = 60_000;

/**
 * Why an exec failed. 'refused': the API server turned the connection down (its Status says why: RBAC,
 * no such container); 'failed': the runtime could not run the command; 'broken': the stream ended
 * before the exit status came; 'output': the stdout sink failed (disk full, size limit), so the command was stopped.
 */
export type ExecFailure = 'cancelled' | 'timeout' | 'refused' | 'failed' | 'broken' | 'unreachable' | 'output';

export class ExecError extends Error {
  constructor(
    readonly failure: ExecFailure,
    message: string,
    readonly status?: ApiStatus,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Why a run's signal stopped things: its reason (the run's timeout, a cancel), else "cancelled". */
export function stoppedBecause(signal: AbortSignal | undefined): string {
  return signal?.reason instanceof Error ? signal.reason.message : 'cancelled';
}

/** Exit code from the exec status channel: Success = 0; NonZeroExitCode carries it as a cause. */
export function exitCodeFromStatus(status: V1Status): number | undefined {
  if (status.status === 'Success') return 0;
  if (status.reason === 'NonZeroExitCode') {
    const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
    const code = Number(cause?.message);
    return Number.isFinite(code) ? code : 1;
  }
  return undefined;
}

/** Forwards to a sink and pauses the WebSocket while the sink is full: client-node ignores write() backpressure. */
class Backpressured extends Writable {
  socket?: { pause(): void; resume(): void };
  constructor(private readonly sink: Writable) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (!this.sink.write(chunk)) {
      this.socket?.pause();
      this.sink.once('drain', () => this.socket?.resume());
    }
    cb();
  }
  // The command ended: finish the sink too, so its last bytes are written (and hashed) before we return.
  override _final(cb: (err?: Error | null) => void): void {
    this.sink.end(() => cb());
  }
}

/** A refused upgrade carries the API's Status as its body (403 RBAC, 400 no such container...). */
class HandshakeRefused extends Error {
  constructor(readonly status: ApiStatus) {
    super(status.message ?? `HTTP ${status.code}`);
  }
}

/** Opens exec sockets like client-node does, but keeps the body of a refused upgrade instead of only its code. */
function socketKeepingRefusals(uri: string, protocols: string[], opts: WebSocket.ClientOptions): WebSocket {
  const ws = new WebSocket(uri, protocols, opts);
  ws.on('unexpected-response', (req, res: IncomingMessage) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      let status: ApiStatus = { code: res.statusCode };
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiStatus;
        status = { code: body.code ?? res.statusCode, reason: body.reason, message: body.message, details: body.details };
      } catch {
        status.message = Buffer.concat(chunks).toString('utf8').slice(0, 300) || undefined;
      }
      ws.emit('error', new HandshakeRefused(status));
      req.destroy();
    });
  });
  return ws;
}

async function openFailure(err: unknown, kc: KubeConfig, namespace: string, pod: string, container: string): Promise<ExecError> {
  // client-node rejects with the socket's ErrorEvent; our refusal rides in its `error`.
  const cause = (err as { error?: unknown })?.error ?? err;
  if (cause instanceof HandshakeRefused) {
    let hint = '';
    if (cause.status.code === 403) {
      // The API's message can be empty of the reason (a missing 'create' on the upgrade): ask which it is.
      const missing = await missingPermissions(kc, namespace, EXEC_PERMISSIONS);
      hint = missing?.length
        ? ` (RBAC: missing ${describePermissions(missing, namespace)}; see the Role in the README's RBAC section)`
        : " (RBAC: the action needs 'get' and 'create' on pods/exec; see the Role in the README's RBAC section)";
    }
    return new ExecError(
      'refused',
      `exec into ${pod}/${container} refused: HTTP ${cause.status.code}: ${cause.message}${hint}`,
      cause.status,
    );
  }
  return new ExecError('unreachable', `exec into ${pod}/${container} failed: ${errorMessage(cause)}`);
}

/** WebSocket exec is an HTTP GET (authorized as 'get'); 1.35+ also checks 'create' on the upgrade. */
const EXEC_PERMISSIONS = [
  { verb: 'get', resource: 'pods/exec' },
  { verb: 'create', resource: 'pods/exec' },
];

/** Runs one command in a container and resolves with its exit code once the command has ended. */
export async function execInContainer(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  container: string,
  command: string[],
  opts: ExecOptions,
): Promise<ExecResult> {
  if (opts.signal?.aborted) throw new ExecError('cancelled', stoppedBecause(opts.signal));
  const limit = opts.maxCaptureBytes ?? 64 * 1024 * 1024;
  const sink = opts.stdoutSink;
  const stdout = sink ? new Backpressured(sink) : new Capture(limit);
  const stderr = new Capture(STDERR_HEAD_BYTES, STDERR_TAIL_BYTES, opts.onStderr);
  // A sink that fails (disk full, too many bytes) stops the command: nothing more could be kept anyway.
  let sinkFailed: ((err: Error) => void) | undefined;
  let sinkError: Error | undefined;
  const onSinkError = (err: Error) => {
    sinkError ??= err;
    sinkFailed?.(err);
  };
  sink?.on('error', onSinkError);
  let status: V1Status | undefined;
  // The opening handshake is bounded and ends on a cancel too: an API server that never answers the upgrade
  // must not hold the run.
  let opening: WebSocket | undefined;
  const socketFactory = (uri: string, protocols: string[], o: WebSocket.ClientOptions) => {
    opening = socketKeepingRefusals(uri, protocols, { ...o, handshakeTimeout: Math.max(1000, Math.min(opts.timeoutMs, HANDSHAKE_MAX_MS)) });
    return opening;
  };
  const stopOpening = () => opening?.terminate();
  opts.signal?.addEventListener('abort', stopOpening, { once: true });
  const exec = new Exec(kc, new WebSocketHandler(kc, socketFactory));
  let ws: Awaited<ReturnType<Exec['exec']>>;
  try {
    ws = await exec.exec(namespace, pod, container, command, stdout, stderr, null, false, (s) => {
      status = s;
    });
  } catch (err) {
    if (opts.signal?.aborted) throw new ExecError('cancelled', stoppedBecause(opts.signal));
    throw await openFailure(err, kc, namespace, pod, container);
  } finally {
    opts.signal?.removeEventListener('abort', stopOpening);
  }
  if (stdout instanceof Backpressured) stdout.socket = ws;
  // Exec.exec resolves when the socket opens; the command has ended only when the socket closes.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate?.();
      reject(new ExecError('timeout', `command in ${pod}/${container} did not finish within ${Math.round(opts.timeoutMs / 1000)}s`));
    }, opts.timeoutMs);
    const onAbort = () => {
      ws.terminate?.();
      reject(new ExecError('cancelled', stoppedBecause(opts.signal)));
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    // A cancel that came while the socket was opening has already fired.
    if (opts.signal?.aborted) onAbort();
    sinkFailed = (err) => {
      ws.terminate?.();
      reject(outputFailure(err, pod, container));
    };
    if (sinkError) sinkFailed(sinkError);
    ws.on('close', () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    ws.on('error', () => {
      /* 'close' follows and tells the outcome */
    });
  });
  if (!status) {
    throw new ExecError(
      'broken',
      `the connection to ${pod}/${container} closed before the command reported its exit status (stream broken; output may be incomplete)`,
    );
  }
  const code = exitCodeFromStatus(status);
  if (code === undefined) {
    const s = status;
    throw new ExecError('failed', `exec into ${pod}/${container} failed: ${s.message ?? s.reason ?? 'unknown error'}`, {
      code: s.code,
      reason: s.reason,
      message: s.message,
    });
  }
  if (sink) {
    await new Promise<void>((resolve) => (stdout.writableFinished ? resolve() : stdout.once('finish', () => resolve())));
    // The sink's last write or its close can still fail (disk full at the very end): that is no success.
    try {
      await finished(sink);
    } catch (err) {
      throw outputFailure(sinkError ?? (err as Error), pod, container);
    }
    if (sinkError) throw outputFailure(sinkError, pod, container);
  }
  const truncated = { stdout: stdout instanceof Capture ? stdout.loss() : undefined, stderr: stderr.loss() };
  return {
    exitCode: code,
    stdout: stdout instanceof Capture ? stdout.text() : '',
    stderr: stderr.text(),
    ...(truncated.stdout || truncated.stderr ? { truncated } : {}),
  };
}

function outputFailure(err: Error, pod: string, container: string): ExecError {
  return new ExecError('output', `the output of the command in ${pod}/${container} could not be kept: ${err.message}`, undefined, {
    cause: err,
  });
}
