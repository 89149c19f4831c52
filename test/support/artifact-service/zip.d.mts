// Types for zip.mjs.

export interface ZipEntry {
  /** Entry name as stored (forward slashes; directories end with "/"). */
  name: string;
  isDirectory: boolean;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  zip64: boolean;
  /** Uncompressed content (CRC-32 checked). */
  data: Buffer;
}

export declare function readZip(buf: Buffer): ZipEntry[];
export declare function extractZip(buf: Buffer, dir: string): Promise<string[]>;
