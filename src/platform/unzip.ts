/**
 * Reads back a zip written by zip.ts (or any zip of stored and deflated
 * entries without zip64): the pre-flight validates the bytes that ship, and
 * Packer runs on them, without a system `unzip`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export interface UnzippedEntry {
  name: string;
  /** The Unix mode from the entry's external attributes (0644 when the zip holds none). */
  mode: number;
  data: Buffer;
}

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(file: string, what: string): Error {
  return new Error(`${file} is not a readable zip: ${what}`);
}

/** Every entry of the zip at `file`, in the central directory's order. */
export function readZip(file: string): UnzippedEntry[] {
  const buf = fs.readFileSync(file);
  // The end record sits in the last 22 bytes plus a comment of at most 65535.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt(file, 'no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: UnzippedEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== CENTRAL) throw corrupt(file, `entry ${n} has no central header`);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const unixMode = buf.readUInt32LE(at + 38) >>> 16;
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (buf.readUInt32LE(local) !== LOCAL) throw corrupt(file, `${name} has no local header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + compressed);
    const data = method === 0 ? Buffer.from(body) : method === 8 ? zlib.inflateRawSync(body) : undefined;
    if (!data) throw corrupt(file, `${name} uses compression method ${method}`);
    if (data.length !== size) throw corrupt(file, `${name} holds ${data.length} bytes, not ${size}`);
    entries.push({ name, mode: unixMode & 0o777 || 0o644, data });
  }
  return entries;
}

/** Unpacks the zip into `dir` (emptied first), refusing an entry that would land outside it. */
export function extractZip(file: string, dir: string): UnzippedEntry[] {
  const entries = readZip(file);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const root = path.resolve(dir);
  for (const e of entries) {
    const target = path.resolve(root, e.name);
    if (!target.startsWith(root + path.sep)) throw corrupt(file, `${e.name} leaves the directory it unpacks into`);
    if (e.name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, e.data, { mode: e.mode });
    fs.chmodSync(target, e.mode);
  }
  return entries;
}
