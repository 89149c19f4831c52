// Files from the pod: streamed into a hashing sink, verified against the pod's trailer (exit, size, sha256) and
// their content, tried again once when a copy is broken. One path for every file that travels (heap dump, JFR
// recording), so they fail alike: a runner that cannot write ends the tries, and no partial copy is left.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { errorMessage } from '../shared/errors.js';
import type { JvmJob } from './jvm-job.js';
import type { StreamTrailer } from './toolbox-protocol.js';

/** The runner could not write a file (disk full, read-only, no permission): retrying cannot help. */
export class LocalWriteError extends Error {
  constructor(filePath: string, cause: Error) {
    super(`writing ${filePath} on the runner failed: ${cause.message}`, { cause });
  }
}

/** More bytes arrived than may: the source never ends (a device, a file still growing) or lied about its size. */
export class SizeLimitError extends Error {}

/** No verified copy of a file from the pod arrived (recorded under the stage 'transfer'). */
export class TransferError extends Error {}

/** A broken stream is tried again once: the file stays in the pod until a copy is verified. */
const TRANSFER_TRIES = 2;

/**
 * Bytes a stream of a `announced`-byte file may bring: the file itself, or its gzip made on the fly (which
 * can exceed it a little for data that does not compress), plus a margin. More means it never ends.
 */
export function streamLimitBytes(announced: number): number {
  return announced + Math.ceil(announced / 64) + 1024 * 1024;
}

/** Why a received copy is not the pod's file, or undefined when it is (exit, size, checksum, then content). */
export function transferProblem(
  trailer: StreamTrailer,
  received: { sha256: string; bytes: number; gzippedInTransit: boolean },
  contentProblem: string | undefined,
  what = 'heap dump',
): string | undefined {
  const receivedSha256 = received.sha256;
  if (trailer.sourceExit !== 0) return `reading the ${what} in the pod failed (exit ${trailer.sourceExit ?? 'unknown'})`;
  // The pod's file size counts what arrived only when it travelled as is; a gzip made on the fly is counted as sent.
  if (trailer.sentBytes !== undefined && trailer.sentBytes !== received.bytes)
    return `size mismatch: the pod sent ${trailer.sentBytes} bytes, ${received.bytes} arrived`;
  if (!received.gzippedInTransit && trailer.sourceSize !== undefined && trailer.sourceSize !== received.bytes)
    return `size mismatch: the file in the pod has ${trailer.sourceSize} bytes, ${received.bytes} arrived`;
  if (!trailer.sha256 || trailer.sha256 !== receivedSha256)
    return `checksum mismatch: pod ${trailer.sha256 ?? 'none'}, received ${receivedSha256}`;
  if (contentProblem) return `the received ${what} is ${contentProblem}`;
  return undefined;
}

/** A verified copy: what the pod said of its file, and the sha256 and size of what arrived. */
export interface Receipt {
  trailer: StreamTrailer;
  sha256: string;
  bytes: number;
}

export interface ReceiveOptions {
  /** The file in words: "heap dump", "JFR recording". */
  what: string;
  /** The pod's file, as the debugger reads it. It stays: removing it is the caller's (in a finally). */
  readPath: string;
  /** Where the stream goes on the runner; removed when no copy is verified. */
  local: string;
  /** gzip in transit (for a file not compressed already). */
  compress: boolean;
  /** Why an arrived, checksum-verified copy is still not the file (its content), or undefined. May throw a LocalWriteError. */
  check(receipt: Receipt): Promise<string | undefined>;
}

/**
 * Brings `readPath` to `local`, verified. Throws a TransferError when no try brought a good copy; a copy the runner
 * cannot write (a LocalWriteError: its disk) or a stream that does not end stops at once, as a retry would only fail
 * again. Either way nothing of it stays at `local`.
 */
export async function receiveFile(job: JvmJob, o: ReceiveOptions): Promise<Receipt> {
  let lastProblem = 'cancelled';
  for (let tryNo = 1; tryNo <= TRANSFER_TRIES && !job.ctx.signal?.aborted; tryNo++) {
    const sink = new HashingFileSink(o.local);
    let problem: string | undefined;
    try {
      const trailer = await job.toolbox.stream(job.ids, o.readPath, o.compress, sink, (announced) => {
        sink.limit = {
          bytes: streamLimitBytes(announced),
          why: `the pod announced a file of ${announced} bytes; a stream that goes on is a device or a file still growing`,
        };
      });
      const receipt: Receipt = { trailer, sha256: sink.digest(), bytes: sink.bytes };
      problem = transferProblem(trailer, { ...receipt, gzippedInTransit: o.compress }, undefined, o.what) ?? (await o.check(receipt));
      if (problem === undefined) return receipt;
    } catch (err) {
      const cause = sink.failure ?? err;
      if (cause instanceof LocalWriteError || cause instanceof SizeLimitError) {
        await sink.discard();
        throw new TransferError(`${failed(o.what)}${errorMessage(cause)}`, { cause });
      }
      problem = errorMessage(cause);
    }
    lastProblem = problem;
    job.ctx.progress(`${job.label}: ${o.what} transfer ${tryNo} failed: ${problem}`);
    await sink.discard();
  }
  throw new TransferError(`${failed(o.what)}${lastProblem}`);
}

function failed(what: string): string {
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} transfer failed: `;
}

/** Bytes of the start kept in memory, to check a tool's output for an error without reading the file back. */
const HEAD_BYTES = 8 * 1024;

/**
 * Writes a stream to a file while hashing it; its own backpressure reaches the exec socket. It never throws
 * into the process: a failure (disk full, the size limit) destroys it and stays in `failure` for the caller.
 */
export class HashingFileSink extends Writable {
  private readonly hash = createHash('sha256');
  private readonly file: WriteStream;
  private headChunks: Buffer[] = [];
  private headSize = 0;
  bytes = 0;
  /** Bytes this sink accepts; one more stops it with a SizeLimitError. */
  limit?: { bytes: number; why: string };
  failure?: Error;
  constructor(readonly filePath: string) {
    super({ highWaterMark: 4 * 1024 * 1024 });
    this.on('error', (err) => {
      this.failure ??= err;
    });
    this.file = createWriteStream(filePath);
    // A write still in flight when a broken transfer destroys us must not become an unhandled error.
    this.file.on('error', (err) => {
      if (!this.destroyed) this.destroy(new LocalWriteError(filePath, err));
    });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.limit && this.bytes + chunk.length > this.limit.bytes) {
      cb(new SizeLimitError(`stopped after ${this.bytes + chunk.length} bytes: ${this.limit.why}`));
      return;
    }
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (this.headSize < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headSize);
      this.headChunks.push(part);
      this.headSize += part.length;
    }
    if (this.file.write(chunk)) cb();
    else this.file.once('drain', () => cb());
  }
  /** The first bytes written, as text. */
  head(): string {
    return Buffer.concat(this.headChunks).toString('utf8');
  }
  override _final(cb: (err?: Error | null) => void): void {
    this.file.end((err?: Error | null) => cb(err ? new LocalWriteError(this.filePath, err) : undefined));
  }
  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.file.destroy();
    cb(err);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
  /**
   * Stops writing and removes the file once it is closed: a file still opening when removed comes back (empty), and
   * its late open would truncate the next try's copy at the same path.
   */
  async discard(): Promise<void> {
    if (!this.destroyed) this.destroy();
    // Not events.once: a write cut short by the destroy emits 'error' first (handled above), then 'close'.
    if (!this.file.closed) await new Promise<void>((resolve) => this.file.once('close', () => resolve()));
    await rm(this.filePath, { force: true });
  }
}

/** The last `bytes` of a file, as text. */
export async function readTail(filePath: string, bytes: number): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, bytes);
    const buf = Buffer.alloc(length);
    await handle.read(buf, 0, length, size - length);
    return buf.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Checks that a .hprof.gz decompresses to an HPROF file ("JAVA PROFILE 1.0.x"); reads only its start. */
export async function checkGzippedHprof(filePath: string): Promise<string | undefined> {
  return await new Promise((resolve) => {
    const gunzip = createGunzip();
    const source = createReadStream(filePath);
    let head = Buffer.alloc(0);
    const done = (problem?: string) => {
      source.destroy();
      gunzip.destroy();
      resolve(problem);
    };
    gunzip.on('data', (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      if (head.length >= 18)
        done(head.subarray(0, 18).toString('latin1').startsWith('JAVA PROFILE 1.0.') ? undefined : 'not an HPROF file');
    });
    gunzip.on('error', (err) => done(`not a valid gzip stream (${err.message})`));
    gunzip.on('end', () => done(head.length < 18 ? 'empty or truncated heap dump' : undefined));
    source.on('error', (err) => done(err.message));
    source.pipe(gunzip);
  });
}
