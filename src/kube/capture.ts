// Output captured in memory with a limit that is never silent: what was not kept is counted and said.
import { Writable } from 'node:stream';

/** A capture that hit its limit: it kept `keptBytes` of `totalBytes`. */
export interface CaptureLoss {
  keptBytes: number;
  totalBytes: number;
}

/** Stderr keeps its head and its tail (where the toolbox's trailer is); what is between is counted, not kept. */
export const STDERR_HEAD_BYTES = 512 * 1024;
export const STDERR_TAIL_BYTES = 64 * 1024;

/** Keeps the first `limit` bytes (and, when asked, the last `tailLimit`); counts everything. */
export class Capture extends Writable {
  private chunks: Buffer[] = [];
  private size = 0;
  private tail = Buffer.alloc(0);
  total = 0;
  constructor(
    private readonly limit: number,
    private readonly tailLimit = 0,
    private readonly onChunk?: (chunk: Buffer) => void,
  ) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.onChunk?.(chunk);
    this.total += chunk.length;
    const part = chunk.subarray(0, Math.max(0, this.limit - this.size));
    if (part.length) {
      this.chunks.push(part);
      this.size += part.length;
    }
    const rest = chunk.subarray(part.length);
    if (rest.length && this.tailLimit > 0) this.tail = Buffer.concat([this.tail, rest]).subarray(-this.tailLimit);
    cb();
  }
  loss(): CaptureLoss | undefined {
    const kept = this.size + this.tail.length;
    return this.total > kept ? { keptBytes: kept, totalBytes: this.total } : undefined;
  }
  /** What was kept; a gap says how many bytes between head and tail were not. */
  text(): string {
    const head = Buffer.concat(this.chunks).toString('utf8');
    const dropped = this.total - this.size - this.tail.length;
    if (dropped <= 0) return head + this.tail.toString('utf8');
    return `${head}\n[... ${dropped} bytes not kept (over ${this.limit}) ...]\n${this.tail.toString('utf8')}`;
  }
}
