import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The runner could not write a file (disk full, read-only, no permission): retrying cannot help. */
export class LocalWriteError extends Error {
  constructor(filePath: string, cause: Error) {
    super(`writing ${filePath} on the runner failed: ${cause.message}`, { cause });
  }
}

/** More bytes arrived than may: the source never ends (a device, a file still growing) or lied about its size. */
export class SizeLimitError extends Error {}

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
