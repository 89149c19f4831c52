// Exec over WebSocket (channel.k8s.io v4/v5): framing, status on channel 3, pluggable command behaviours.
import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { PassThrough, type Readable } from 'node:stream';
import type { StatusBody } from './types.js';
import { WS_OPEN, type WsSocket } from './ws.js';

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
export const CLOSE = 255;

export interface ExecRequest {
  namespace: string;
  pod: string;
  container: string;
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
  /** Negotiated subprotocol, e.g. v5.channel.k8s.io. */
  protocol: string;
}

export interface ExecIO {
  readonly request: ExecRequest;
  /** Sends on channel 1. Resolves once the socket's backlog is below the high-water mark; a no-op once the socket is gone. */
  stdout(chunk: Buffer | string): Promise<void>;
  stderr(chunk: Buffer | string): Promise<void>;
  /** Channel 0 from the client; ends on a v5 close-stdin frame or when the socket goes. */
  readonly stdin: Readable;
  /** Aborted when the socket is gone (client closed it, a fault cut it, or the server stops). */
  readonly signal: AbortSignal;
}

/** How a command ends: an exit code (turned into the real status), or a status sent verbatim. */
export type ExecOutcome = { exitCode: number } | { status: StatusBody };
export type ExecBehaviour = (io: ExecIO) => Promise<ExecOutcome>;
export type ExecHandler = (req: ExecRequest) => ExecBehaviour | Promise<ExecBehaviour>;

export interface ExecRecord extends ExecRequest {
  /** status: a status was sent; cut: a fault broke the socket; clientClosed: the client went away first. */
  outcome?: 'status' | 'cut' | 'clientClosed';
  status?: StatusBody;
  stdoutBytes: number;
  stderrBytes: number;
  stdinBytes: number;
}

// Status bodies as the apiserver writes them on channel 3 (no kind/apiVersion, metadata always present).
export const successStatus = (): StatusBody => ({ metadata: {}, status: 'Success' });

export function exitCodeStatus(command: string[], exitCode: number): StatusBody {
  if (exitCode === 0) return successStatus();
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

export function execInternalError(message: string): StatusBody {
  return {
    metadata: {},
    status: 'Failure',
    message: `Internal error occurred: ${message}`,
    reason: 'InternalError',
    details: { causes: [{ message }] },
    code: 500,
  };
}

/** What runc/containerd report when the executable does not exist in the container. */
export const commandNotFoundStatus = (command: string[]): StatusBody =>
  execInternalError(
    `error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: ${JSON.stringify(command[0] ?? '')}: executable file not found in $PATH: unknown`,
  );

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** Forwards a readable into an ExecIO writer, pausing the source while the socket backlog is high. */
function pump(source: Readable, write: (chunk: Buffer) => Promise<void>): void {
  source.on('data', (chunk: Buffer) => {
    source.pause();
    void write(chunk).then(() => source.resume());
  });
}

export interface LocalShellOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Rewrites the argv before spawning (e.g. to map in-pod paths). */
  rewrite?: (req: ExecRequest) => string[];
}

/** Runs argv on this machine (no shell added). The process is killed when the socket goes away. */
export function spawnLocal(command: string[], options: Omit<LocalShellOptions, 'rewrite'> = {}): ExecBehaviour {
  return (io) =>
    new Promise<ExecOutcome>((resolve) => {
      let settled = false;
      const settle = (o: ExecOutcome): void => {
        if (!settled) {
          settled = true;
          resolve(o);
        }
      };
      if (command.length === 0) return settle({ status: execInternalError('command must be specified') });
      const child = spawn(command[0], command.slice(1), {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: [io.request.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
      const kill = (): void => void child.kill('SIGKILL');
      io.signal.addEventListener('abort', kill);
      child.on('error', (err: NodeJS.ErrnoException) => {
        io.signal.removeEventListener('abort', kill);
        settle(err.code === 'ENOENT' ? { status: commandNotFoundStatus(command) } : { status: execInternalError(String(err.message)) });
      });
      if (child.stdin) {
        child.stdin.on('error', () => {}); // EPIPE when the command exits without reading stdin
        io.stdin.pipe(child.stdin);
      }
      pump(child.stdout!, (c) => io.stdout(c));
      pump(child.stderr!, (c) => io.stderr(c));
      child.on('close', (code, signal) => {
        io.signal.removeEventListener('abort', kill);
        settle({ exitCode: code ?? 128 + (signal ? (osConstants.signals[signal] ?? 0) : 0) });
      });
    });
}

/** Exec handler running every command locally. */
export function localShell(options: LocalShellOptions = {}): ExecHandler {
  return (req) => spawnLocal(options.rewrite ? options.rewrite(req) : req.command, options);
}

export const localShellHandler: ExecHandler = localShell();

export interface ScriptedExec {
  stdout?: string | Buffer;
  stderr?: string | Buffer;
  exitCode?: number;
  /** Sent instead of the exit-code status. */
  status?: StatusBody;
  /** Wait before writing anything (ms). */
  delayMs?: number;
  /** Never finish: only the client closing the socket (or stop()) ends it. */
  hang?: boolean;
}

export function scripted(s: ScriptedExec): ExecBehaviour {
  return async (io) => {
    if (s.delayMs) await sleep(s.delayMs, io.signal);
    if (s.stdout !== undefined) await io.stdout(s.stdout);
    if (s.stderr !== undefined) await io.stderr(s.stderr);
    if (s.hang)
      await new Promise<void>((resolve) => (io.signal.aborted ? resolve() : io.signal.addEventListener('abort', () => resolve())));
    return s.status ? { status: s.status } : { exitCode: s.exitCode ?? 0 };
  };
}

export const scriptedHandler =
  (s: ScriptedExec): ExecHandler =>
  () =>
    scripted(s);

export interface ExecFaults {
  /** Wait this long after the upgrade before running the command. */
  execDelayMs?: number;
  /** Break the socket (no close frame, no status) once this many stdout bytes were sent. */
  execCut?: { afterBytes: number; when?: (req: ExecRequest) => boolean };
}

const HIGH_WATER = 256 * 1024;

/** Runs one exec session on an upgraded socket; resolves when it is over. */
export async function runExecSession(
  ws: WsSocket,
  req: ExecRequest,
  record: ExecRecord,
  handler: ExecHandler,
  faults: ExecFaults,
): Promise<void> {
  const controller = new AbortController();
  const stdin = new PassThrough();
  let inflight = 0;
  let waiters: (() => void)[] = [];
  let cut = false;
  const release = (): void => {
    const w = waiters;
    waiters = [];
    w.forEach((fn) => fn());
  };

  const closed = new Promise<void>((resolve) =>
    ws.once('close', () => {
      controller.abort();
      stdin.end();
      release();
      if (!record.outcome) record.outcome = cut ? 'cut' : 'clientClosed';
      resolve();
    }),
  );
  ws.on('error', () => {}); // a broken socket also emits close
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length === 0) return;
    if (data[0] === STDIN) {
      record.stdinBytes += data.length - 1;
      stdin.write(data.subarray(1));
    } else if (data[0] === CLOSE && data[1] === STDIN) {
      stdin.end();
    }
  });

  const send = (channel: number, payload: Buffer): Promise<void> => {
    if (controller.signal.aborted || ws.readyState !== WS_OPEN) return Promise.resolve();
    const frame = Buffer.allocUnsafe(payload.length + 1);
    frame[0] = channel;
    payload.copy(frame, 1);
    inflight += frame.length;
    return new Promise<void>((resolve) => {
      ws.send(frame, { binary: true }, () => {
        inflight -= frame.length;
        if (inflight <= HIGH_WATER) release();
        if (channel === ERROR) resolve();
      });
      if (channel !== ERROR) {
        if (inflight <= HIGH_WATER) resolve();
        else waiters.push(resolve);
      }
    });
  };
  const drained = (): Promise<void> =>
    inflight === 0 || controller.signal.aborted
      ? Promise.resolve()
      : new Promise((resolve) => waiters.push(() => void drained().then(resolve)));

  const cutRule = faults.execCut && (!faults.execCut.when || faults.execCut.when(req)) ? faults.execCut : undefined;
  const io: ExecIO = {
    request: req,
    stdin,
    signal: controller.signal,
    stdout: async (chunk) => {
      if (!req.stdout || cut) return;
      let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (cutRule && record.stdoutBytes + buf.length >= cutRule.afterBytes) {
        buf = buf.subarray(0, Math.max(0, cutRule.afterBytes - record.stdoutBytes));
        cut = true;
        record.stdoutBytes += buf.length;
        if (buf.length) await send(STDOUT, buf);
        await drained();
        ws.terminate(); // no close frame, no status: like a dropped connection
        return;
      }
      record.stdoutBytes += buf.length;
      await send(STDOUT, buf);
    },
    stderr: async (chunk) => {
      if (!req.stderr || cut) return;
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      record.stderrBytes += buf.length;
      await send(STDERR, buf);
    },
  };

  try {
    if (faults.execDelayMs) await sleep(faults.execDelayMs, controller.signal);
    let outcome: ExecOutcome;
    try {
      const behaviour = await handler(req);
      outcome = controller.signal.aborted ? { exitCode: 137 } : await behaviour(io);
    } catch (err) {
      outcome = { status: execInternalError(err instanceof Error ? err.message : String(err)) };
    }
    await drained();
    if (!controller.signal.aborted && ws.readyState === WS_OPEN) {
      const status = 'status' in outcome ? outcome.status : exitCodeStatus(req.command, outcome.exitCode);
      record.status = status;
      record.outcome = 'status';
      await send(ERROR, Buffer.from(JSON.stringify(status)));
      ws.close(1000);
    }
  } finally {
    stdin.end();
  }
  await closed;
}

/** Sends a status right after the upgrade and closes (errors the apiserver reports on the error stream). */
export async function failExecSession(ws: WsSocket, record: ExecRecord, status: StatusBody): Promise<void> {
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  ws.on('error', () => {});
  record.status = status;
  record.outcome = 'status';
  const payload = Buffer.from(JSON.stringify(status));
  const frame = Buffer.concat([Buffer.from([ERROR]), payload]);
  ws.send(frame, { binary: true }, () => ws.close(1000));
  await closed;
}
