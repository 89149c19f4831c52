// A small zip reader (central directory based) for checking artifact zips in tests and the demo.
// Handles stored (0) and deflated (8) entries, data descriptors and zip64 records; checks CRC-32.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

function fail(msg) {
  throw new Error(`invalid zip: ${msg}`);
}

function u64(buf, off) {
  const v = buf.readBigUInt64LE(off);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail('64-bit value too large');
  return Number(v);
}

function findEocd(buf) {
  // The EOCD is 22 bytes plus a comment of at most 65535 bytes.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  return fail('end of central directory not found');
}

/**
 * Lists the entries of a zip held in memory, with their uncompressed data.
 * @param {Buffer} buf
 * @returns {{ name: string, isDirectory: boolean, method: number, compressedSize: number, size: number, crc32: number, zip64: boolean, data: Buffer }[]}
 */
export function readZip(buf) {
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  let zip64 = false;
  const loc = eocd - 20;
  if (loc >= 0 && buf.readUInt32LE(loc) === SIG_ZIP64_LOCATOR) {
    const z = u64(buf, loc + 8);
    if (buf.readUInt32LE(z) !== SIG_ZIP64_EOCD) fail('zip64 end of central directory not found');
    zip64 = true;
    count = u64(buf, z + 32);
    cdSize = u64(buf, z + 40);
    cdOffset = u64(buf, z + 48);
  }
  if (cdOffset + cdSize > buf.length) fail('central directory out of range');
  const entries = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== SIG_CENTRAL) fail(`central directory entry ${n} has a bad signature`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const nameBuf = buf.subarray(p + 46, p + 46 + nameLen);
    const name = nameBuf.toString(flags & 0x800 ? 'utf8' : 'latin1');
    // zip64 extended information: only the fields that are 0xFFFFFFFF in the record, in this order.
    let entryZip64 = false;
    const extra = buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    for (let e = 0; e + 4 <= extra.length;) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        entryZip64 = true;
        let q = e + 4;
        if (size === U32_MAX) {
          size = u64(extra, q);
          q += 8;
        }
        if (compressedSize === U32_MAX) {
          compressedSize = u64(extra, q);
          q += 8;
        }
        if (localOffset === U32_MAX) localOffset = u64(extra, q);
      }
      e += 4 + len;
    }
    if (flags & 0x1) fail(`${name} is encrypted`);
    if (buf.readUInt32LE(localOffset) !== SIG_LOCAL) fail(`${name}: bad local header signature`);
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const raw = buf.subarray(dataStart, dataStart + compressedSize);
    if (raw.length !== compressedSize) fail(`${name}: data out of range`);
    let data;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = zlib.inflateRawSync(raw);
    else fail(`${name}: unsupported compression method ${method}`);
    if (data.length !== size) fail(`${name}: size ${data.length} != ${size}`);
    if (zlib.crc32(data) !== crc) fail(`${name}: CRC-32 mismatch`);
    entries.push({ name, isDirectory: name.endsWith('/'), method, compressedSize, size, crc32: crc, zip64: zip64 || entryZip64, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Writes the files of a zip below `dir`; refuses entries that would land outside it.
 * @param {Buffer} buf
 * @param {string} dir
 * @returns {Promise<string[]>} the entry names written
 */
export async function extractZip(buf, dir) {
  const root = path.resolve(dir);
  const written = [];
  for (const e of readZip(buf)) {
    const target = path.resolve(root, e.name);
    if (target !== root && !target.startsWith(root + path.sep)) throw new Error(`zip entry escapes the target dir: ${e.name}`);
    if (e.isDirectory) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, e.data);
    written.push(e.name);
  }
  return written;
}
