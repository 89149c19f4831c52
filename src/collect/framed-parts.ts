// The toolbox's length-framed stdout (command `threads`): per part a line "kjd-part<TAB>N<TAB>EXIT<TAB>SIZE", then
// exactly SIZE bytes. Each part's bytes go to their own sink as they arrive; the bytes are untrusted, the
// frame lines are not taken from them (the size says where a part ends).
import { Writable } from 'node:stream';

export interface FramedPart {
  /** 1-based, as the pod numbered it. */
  n: number;
  exitCode: number;
  size: number;
}

/** A part's destination: written, then ended; `finished` resolves once its bytes are safe (or rejects). */
export interface PartSink {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

const MAX_FRAME_LINE = 200;
const FRAME = /^kjd-part\t(\d+)\t(\d+)\t(\d+)$/;

export class FramedPartsWriter extends Writable {
  private header = Buffer.alloc(0);
  private current?: { part: FramedPart; sink: PartSink; left: number };
  /** Parts whose every byte arrived and whose sink ended, in order. */
  readonly done: FramedPart[] = [];

  constructor(
    private readonly open: (part: FramedPart) => PartSink,
    private readonly onPart?: (part: FramedPart) => void | Promise<void>,
  ) {
    super();
  }

  /** True while a part was announced and not all of its bytes came (an exec cut in the middle). */
  get incomplete(): boolean {
    return this.current !== undefined || this.header.length > 0;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, callback: (err?: Error | null) => void): void {
    this.consume(chunk).then(() => callback(), callback);
  }

  private async consume(chunk: Buffer): Promise<void> {
    let rest = chunk;
    while (rest.length > 0) {
      if (this.current) {
        const take = Math.min(this.current.left, rest.length);
        if (take > 0) await this.current.sink.write(rest.subarray(0, take));
        this.current.left -= take;
        rest = rest.subarray(take);
        if (this.current.left === 0) await this.finishPart();
        continue;
      }
      const nl = rest.indexOf(0x0a);
      if (nl < 0) {
        this.header = Buffer.concat([this.header, rest]);
        if (this.header.length > MAX_FRAME_LINE) throw new Error('the toolbox sent bytes outside a frame');
        return;
      }
      const line = Buffer.concat([this.header, rest.subarray(0, nl)]).toString('latin1');
      this.header = Buffer.alloc(0);
      rest = rest.subarray(nl + 1);
      const m = FRAME.exec(line);
      if (!m) throw new Error(`the toolbox sent bytes outside a frame: ${JSON.stringify(line.slice(0, 80))}`);
      const part = { n: Number(m[1]), exitCode: Number(m[2]), size: Number(m[3]) };
      this.current = { part, sink: this.open(part), left: part.size };
      if (part.size === 0) await this.finishPart();
    }
  }

  private async finishPart(): Promise<void> {
    const { part, sink } = this.current!;
    this.current = undefined;
    await sink.end();
    this.done.push(part);
    await this.onPart?.(part);
  }
}
