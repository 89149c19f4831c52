import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Writes a stream to a file while hashing it; its own backpressure reaches the exec socket. */
export class HashingFileSink extends Writable {
  private readonly hash = createHash('sha256');
  private readonly file: WriteStream;
  bytes = 0;
  constructor(filePath: string) {
    super({ highWaterMark: 4 * 1024 * 1024 });
    this.file = createWriteStream(filePath);
    // A write still in flight when a broken transfer destroys us must not become an unhandled error.
    this.file.on('error', (err) => {
      if (!this.destroyed) this.destroy(err);
    });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (this.file.write(chunk)) cb();
    else this.file.once('drain', () => cb());
  }
  override _final(cb: (err?: Error | null) => void): void {
    this.file.end((err?: Error | null) => cb(err));
  }
  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.file.destroy();
    cb(err);
  }
  digest(): string {
    return this.hash.digest('hex');
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
