import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

/** 1980-01-01 00:00, the earliest DOS time: every entry gets it, so checkout times never reach the bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MADE_BY_UNIX = 3 << 8;
const VERSION = 20;
const UTF8 = 1 << 11;
const DEFLATE_LEVEL = 9;
const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  source: string;
  mode: number;
  /** The file's size when listed, which bounds how much is read ahead. */
  size: number;
}

/** An entry's content as it goes into the zip: compressed or stored, whichever is smaller. */
export interface EncodedEntry {
  crc: number;
  size: number;
  method: typeof STORED | typeof DEFLATED;
  body: Buffer;
}

export type Encoder = (source: string) => Promise<EncodedEntry>;

/** CRC-32 as zip wants it: zlib's own where Node has it (20.15 and later), a table otherwise. */
const crc32: (data: Buffer, crc: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (zlib as unknown as { crc32: (data: Buffer, crc: number) => number }).crc32 : tableCrc32();

function tableCrc32(): (data: Buffer, crc: number) => number {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return (data, crc) => {
    let c = ~crc >>> 0;
    for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
  };
}

const deflateRaw = promisify(zlib.deflateRaw);

/**
 * Reads the file once, then takes its CRC and deflates it in one call on
 * libuv's threads (one job per file, so several files compress at once and
 * none pays a round trip per chunk). Stored beats deflate for data that does
 * not compress (already zipped, random).
 */
export async function encodeFile(source: string): Promise<EncodedEntry> {
  const data = await fs.promises.readFile(source);
  const crc = crc32(data, 0);
  const compressed = await deflateRaw(data, { level: DEFLATE_LEVEL });
  return compressed.length < data.length
    ? { crc, size: data.length, method: DEFLATED, body: compressed }
    : { crc, size: data.length, method: STORED, body: data };
}

/** How many files are read and compressed ahead of the one being written, and how many bytes of them may wait in memory. */
const AHEAD = 16;
const AHEAD_BYTES = 32 * 1024 * 1024;

/** What the central directory says of an entry once its body is written. */
interface Written {
  name: Buffer;
  offset: number;
  mode: number;
  crc: number;
  size: number;
  method: EncodedEntry['method'];
  bodyBytes: number;
}

/** An entry's local file header. */
function localHeader(name: Buffer, encoded: EncodedEntry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(UTF8, 6);
  header.writeUInt16LE(encoded.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(encoded.crc, 14);
  header.writeUInt32LE(encoded.body.length, 18);
  header.writeUInt32LE(encoded.size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return header;
}

/** An entry's record in the central directory (without its name, which follows it). */
function centralRecord(w: Written): Buffer {
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0);
  c.writeUInt16LE(MADE_BY_UNIX | VERSION, 4);
  c.writeUInt16LE(VERSION, 6);
  c.writeUInt16LE(UTF8, 8);
  c.writeUInt16LE(w.method, 10);
  c.writeUInt16LE(DOS_TIME, 12);
  c.writeUInt16LE(DOS_DATE, 14);
  c.writeUInt32LE(w.crc, 16);
  c.writeUInt32LE(w.bodyBytes, 20);
  c.writeUInt32LE(w.size, 24);
  c.writeUInt16LE(w.name.length, 28);
  c.writeUInt16LE(0, 30);
  c.writeUInt16LE(0, 32);
  c.writeUInt16LE(0, 34);
  c.writeUInt16LE(0, 36);
  // Unix mode in the high half: regular file plus permission bits.
  c.writeUInt32LE(((0o100000 | w.mode) << 16) >>> 0, 38);
  c.writeUInt32LE(w.offset, 42);
  return c;
}

/** The end of central directory record. */
function endRecord(count: number, centralStart: number, centralBytes: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralBytes, 12);
  end.writeUInt32LE(centralStart, 16);
  return end;
}

/**
 * Files being read and compressed ahead of the writer, in zip order, at most
 * AHEAD of them and AHEAD_BYTES of their bytes (always at least one).
 */
function readAhead(entries: ZipEntry[], encode: Encoder) {
  const ahead: { encoded: Promise<EncodedEntry>; size: number }[] = [];
  let next = 0;
  let aheadBytes = 0;
  const fill = () => {
    while (next < entries.length && ahead.length < AHEAD && (ahead.length === 0 || aheadBytes + entries[next].size <= AHEAD_BYTES)) {
      const encoded = encode(entries[next].source);
      // A failure is met in order by the writer; this only keeps Node from calling it unhandled meanwhile.
      encoded.catch(() => undefined);
      ahead.push({ encoded, size: entries[next].size });
      aheadBytes += entries[next].size;
      next++;
    }
  };
  return {
    /** The next entry's encoding, in zip order. */
    async take(): Promise<EncodedEntry> {
      fill();
      const head = ahead.shift()!;
      const encoded = await head.encoded;
      aheadBytes -= head.size;
      fill();
      return encoded;
    },
    /** Lets encodings still running finish, unread (a write failed: the bundle too big). */
    settle: () => Promise.allSettled(ahead.map((a) => a.encoded)),
  };
}

/**
 * Writes a zip of `entries`, in the order given, and returns its SHA-256 and
 * size. Only what the content decides reaches the bytes: fixed times,
 * normalised modes, a fixed deflate level. Files are encoded a few at a time
 * ahead of the writer; their order in the zip is `entries`' order.
 */
export async function writeZip(
  outPath: string,
  entries: ZipEntry[],
  maxBytes: number,
  onTooBig: (bytes: number) => Error,
  encode: Encoder = encodeFile,
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
  const encodings = readAhead(entries, encode);
  try {
    for (const entry of entries) {
      const encoded = await encodings.take();
      const name = Buffer.from(entry.name, 'utf8');
      const at = offset;
      write(localHeader(name, encoded));
      write(name);
      write(encoded.body);
      written.push({ name, offset: at, mode: entry.mode, crc: encoded.crc, size: encoded.size, method: encoded.method, bodyBytes: encoded.body.length });
    }
    const centralStart = offset;
    for (const w of written) {
      write(centralRecord(w));
      write(w.name);
    }
    write(endRecord(written.length, centralStart, offset - centralStart));
  } finally {
    fs.closeSync(fd);
    await encodings.settle();
  }
  return { sha256: hash.digest('hex'), bytes: offset };
}
