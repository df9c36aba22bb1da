import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';

/** 1980-01-01 00:00, the earliest DOS time: every entry gets it, so checkout times never reach the bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MADE_BY_UNIX = 3 << 8;
const VERSION = 20;
const UTF8 = 1 << 11;

export interface ZipEntry {
  name: string;
  source: string;
  mode: number;
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  mode: number;
  method: number;
}

/** CRC-32 as zip wants it, table-driven. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Writes a zip of `entries`, in the order given, one file in memory at a time,
 * and returns its SHA-256 and size. Only what the content decides reaches the
 * bytes: fixed times, normalised modes, a fixed deflate level.
 */
export async function writeZip(
  outPath: string,
  entries: ZipEntry[],
  maxBytes: number,
  onTooBig: (bytes: number) => Error,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const fd = fs.openSync(outPath, 'w');
  let offset = 0;
  const write = (buf: Buffer) => {
    if (offset + buf.length > maxBytes) throw onTooBig(offset + buf.length);
    fs.writeSync(fd, buf);
    hash.update(buf);
    offset += buf.length;
  };
  const written: Written[] = [];
  try {
    for (const entry of entries) {
      const data = await fs.promises.readFile(entry.source);
      const deflated = zlib.deflateRawSync(data, { level: 9 });
      // Stored beats deflate for data that does not compress (already zipped, random).
      const useDeflate = deflated.length < data.length;
      const body = useDeflate ? deflated : data;
      const name = Buffer.from(entry.name, 'utf8');
      const crc = crc32(data);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(UTF8, 6);
      header.writeUInt16LE(useDeflate ? 8 : 0, 8);
      header.writeUInt16LE(DOS_TIME, 10);
      header.writeUInt16LE(DOS_DATE, 12);
      header.writeUInt32LE(crc, 14);
      header.writeUInt32LE(body.length, 18);
      header.writeUInt32LE(data.length, 22);
      header.writeUInt16LE(name.length, 26);
      header.writeUInt16LE(0, 28);
      written.push({ name, crc, compressed: body.length, size: data.length, offset, mode: entry.mode, method: useDeflate ? 8 : 0 });
      write(header);
      write(name);
      write(body);
    }
    const centralStart = offset;
    for (const w of written) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(MADE_BY_UNIX | VERSION, 4);
      c.writeUInt16LE(VERSION, 6);
      c.writeUInt16LE(UTF8, 8);
      c.writeUInt16LE(w.method, 10);
      c.writeUInt16LE(DOS_TIME, 12);
      c.writeUInt16LE(DOS_DATE, 14);
      c.writeUInt32LE(w.crc, 16);
      c.writeUInt32LE(w.compressed, 20);
      c.writeUInt32LE(w.size, 24);
      c.writeUInt16LE(w.name.length, 28);
      c.writeUInt16LE(0, 30);
      c.writeUInt16LE(0, 32);
      c.writeUInt16LE(0, 34);
      c.writeUInt16LE(0, 36);
      // Unix mode in the high half: regular file plus permission bits.
      c.writeUInt32LE(((0o100000 | w.mode) << 16) >>> 0, 38);
      c.writeUInt32LE(w.offset, 42);
      write(c);
      write(w.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(written.length, 8);
    end.writeUInt16LE(written.length, 10);
    end.writeUInt32LE(offset - centralStart, 12);
    end.writeUInt32LE(centralStart, 16);
    write(end);
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes: offset };
}
