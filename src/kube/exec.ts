import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import { Writable } from 'node:stream';
import { errorMessage } from '../shared/errors.js';

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

export class ExecError extends Error {}

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
  constructor(private readonly limit: number) { super(); }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.size < this.limit) {
      const part = chunk.subarray(0, this.limit - this.size);
      this.chunks.push(part);
      this.size += part.length;
    }
    cb();
  }
  text(): string { return Buffer.concat(this.chunks).toString('utf8'); }
}

/** Forwards to a sink and pauses the WebSocket while the sink is full: client-node ignores write() backpressure. */
class Backpressured extends Writable {
  socket?: { pause(): void; resume(): void };
  constructor(private readonly sink: Writable) { super(); }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (!this.sink.write(chunk)) {
      this.socket?.pause();
      this.sink.once('drain', () => this.socket?.resume());
    }
    cb();
  }
  // The command ended: finish the sink too, so its last bytes are written (and hashed) before we return.
  override _final(cb: (err?: Error | null) => void): void { this.sink.end(() => cb()); }
}

/** Runs one command in a container and resolves with its exit code once the command has ended. */
export async function execInContainer(kc: KubeConfig, namespace: string, pod: string, container: string, command: string[], opts: ExecOptions): Promise<ExecResult> {
  if (opts.signal?.aborted) throw new ExecError('cancelled');
  const limit = opts.maxCaptureBytes ?? 64 * 1024 * 1024;
  const stdout = opts.stdoutSink ? new Backpressured(opts.stdoutSink) : new Capture(limit);
  const stderr = new Capture(1024 * 1024);
  let status: V1Status | undefined;
  const exec = new Exec(kc);
  let ws: Awaited<ReturnType<Exec['exec']>>;
  try {
    ws = await exec.exec(namespace, pod, container, command, stdout, stderr, null, false, (s) => { status = s; });
  } catch (err) {
    const text = errorMessage(err);
    throw new ExecError(`exec into ${pod}/${container} failed: ${text}${/403/.test(text) ? " (RBAC: the action needs 'get' and 'create' on pods/exec)" : ''}`);
  }
  if (stdout instanceof Backpressured) stdout.socket = ws as unknown as { pause(): void; resume(): void };
  // Exec.exec resolves when the socket opens; the command has ended only when the socket closes.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { ws.terminate?.(); reject(new ExecError(`command in ${pod}/${container} did not finish within ${Math.round(opts.timeoutMs / 1000)}s`)); }, opts.timeoutMs);
    const onAbort = () => { ws.terminate?.(); reject(new ExecError('cancelled')); };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    // A cancel that came while the socket was opening has already fired.
    if (opts.signal?.aborted) onAbort();
    ws.on('close', () => { clearTimeout(timer); opts.signal?.removeEventListener('abort', onAbort); resolve(); });
    ws.on('error', () => { /* 'close' follows and tells the outcome */ });
  });
  if (!status) {
    throw new ExecError(`the connection to ${pod}/${container} closed before the command reported its exit status (stream broken; output may be incomplete)`);
  }
  const code = exitCodeFromStatus(status);
  if (code === undefined) {
    throw new ExecError(`exec into ${pod}/${container} failed: ${status.message ?? status.reason ?? 'unknown error'}`);
  }
  if (opts.stdoutSink) await new Promise<void>((resolve) => (stdout.writableFinished ? resolve() : stdout.once('finish', () => resolve())));
  return { exitCode: code, stdout: stdout instanceof Capture ? stdout.text() : '', stderr: stderr.text() };
}
