// One command in a container over the exec WebSocket, with its exit code from the status channel.
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
// Not re-exported by the package index; the handler takes the socket factory that keeps refusals' Status.
import { WebSocketHandler } from '@kubernetes/client-node/dist/web-socket-handler.js';
import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { errorMessage } from '../shared/errors.js';
import type { ApiStatus } from './status.js';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  timeoutMs: number;
  /** When set, stdout goes here (with backpressure on the socket) instead of being captured. */
  stdoutSink?: Writable;
  /** Captured stdout/stderr beyond this are cut (thread dumps of huge JVMs stay bounded). */
  maxCaptureBytes?: number;
  signal?: AbortSignal;
}

/**
 * Why an exec failed. 'refused': the API server turned the connection down (its Status says why: RBAC,
 * no such container); 'failed': the runtime could not run the command; 'broken': the stream ended
 * before the exit status came.
 */
export type ExecFailure = 'cancelled' | 'timeout' | 'refused' | 'failed' | 'broken' | 'unreachable';

export class ExecError extends Error {
  constructor(
    readonly failure: ExecFailure,
    message: string,
    readonly status?: ApiStatus,
  ) {
    super(message);
  }
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

class Capture extends Writable {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.size < this.limit) {
      const part = chunk.subarray(0, this.limit - this.size);
      this.chunks.push(part);
      this.size += part.length;
    }
    cb();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
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

function openFailure(err: unknown, pod: string, container: string): ExecError {
  // client-node rejects with the socket's ErrorEvent; our refusal rides in its `error`.
  const cause = (err as { error?: unknown })?.error ?? err;
  if (cause instanceof HandshakeRefused) {
    const hint = cause.status.code === 403 ? " (RBAC: the action needs 'get' and 'create' on pods/exec)" : '';
    return new ExecError(
      'refused',
      `exec into ${pod}/${container} refused: HTTP ${cause.status.code}: ${cause.message}${hint}`,
      cause.status,
    );
  }
  return new ExecError('unreachable', `exec into ${pod}/${container} failed: ${errorMessage(cause)}`);
}

/** Runs one command in a container and resolves with its exit code once the command has ended. */
export async function execInContainer(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  container: string,
  command: string[],
  opts: ExecOptions,
): Promise<ExecResult> {
  if (opts.signal?.aborted) throw new ExecError('cancelled', 'cancelled');
  const limit = opts.maxCaptureBytes ?? 64 * 1024 * 1024;
  const stdout = opts.stdoutSink ? new Backpressured(opts.stdoutSink) : new Capture(limit);
  const stderr = new Capture(1024 * 1024);
  let status: V1Status | undefined;
  const exec = new Exec(kc, new WebSocketHandler(kc, socketKeepingRefusals));
  let ws: Awaited<ReturnType<Exec['exec']>>;
  try {
    ws = await exec.exec(namespace, pod, container, command, stdout, stderr, null, false, (s) => {
      status = s;
    });
  } catch (err) {
    throw openFailure(err, pod, container);
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
      reject(new ExecError('cancelled', 'cancelled'));
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    // A cancel that came while the socket was opening has already fired.
    if (opts.signal?.aborted) onAbort();
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
  if (opts.stdoutSink) await new Promise<void>((resolve) => (stdout.writableFinished ? resolve() : stdout.once('finish', () => resolve())));
  return { exitCode: code, stdout: stdout instanceof Capture ? stdout.text() : '', stderr: stderr.text() };
}
