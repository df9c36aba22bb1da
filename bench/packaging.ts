/**
 * Packaging speed for the repository's platform/ and for a generated 50 MB
 * directory, against the floor zlib sets on this machine in the same run:
 * every file of the directory deflated at the bundle's level, all at once on
 * libuv's threads, and nothing else. Run it on the runtime the action uses
 * (`npm run bench` does): Node 24's zlib deflates faster than Node 20's.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { packagePlatform } from '../src/platform/bundle';
import { percentile } from '../__tests__/helpers/load';

const deflateRaw = promisify(zlib.deflateRaw);

const root = path.resolve(__dirname, '..');

/** Every file under `dir`, as absolute paths. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Medians of packaging `dir` and, when asked, of zlib alone on its files, the runs interleaved so that the machine's load weighs on both alike. */
async function timed(dir: string, runs: number, floor: boolean): Promise<{ ms: number; floorMs: number; bytes: number; input: number }> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-zip-'));
  const files = listFiles(dir);
  try {
    const times: number[] = [];
    const floors: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      let started = performance.now();
      bytes = (await packagePlatform(dir, path.join(out, 'b.zip'), { maxBytes: 4000 * 1024 * 1024 })).bytes;
      times.push(performance.now() - started);
      if (!floor) continue;
      started = performance.now();
      await Promise.all(files.map((f) => deflateRaw(fs.readFileSync(f), { level: 9 })));
      floors.push(performance.now() - started);
    }
    const input = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    return { ms: percentile(times, 50), floorMs: floor ? percentile(floors, 50) : NaN, bytes, input };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Half text that compresses, half random bytes that do not, over many small files and a few large ones. */
function makeFiftyMegabytes(dir: string): void {
  const text = Buffer.from('#!/usr/bin/env bash\nset -euo pipefail\necho "provisioning step"\n'.repeat(2000));
  for (let i = 0; i < 200; i++) {
    const sub = path.join(dir, `scripts-${i % 10}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `step-${i}.sh`), text.subarray(0, 125_000), { mode: 0o755 });
  }
  for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(dir, `blob-${i}.bin`), randomBytes(5 * 1024 * 1024));
}

export async function benchPackaging(): Promise<string[]> {
  const lines: string[] = [];
  const platform = await timed(path.join(root, 'platform'), 5, false);
  lines.push(`packaging platform/ (median of 5): ${platform.ms.toFixed(1)} ms`, `platform bundle size: ${(platform.bytes / 1024).toFixed(1)} KiB`);
  const big = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-50mb-'));
  try {
    makeFiftyMegabytes(big);
    // The memory one packaging takes, before the floor's runs hold every file at once.
    const rssBefore = process.memoryUsage().rss;
    await packagePlatform(big, `${big}.zip`, { maxBytes: 4000 * 1024 * 1024 });
    const rssAfter = process.memoryUsage().rss;
    fs.rmSync(`${big}.zip`, { force: true });
    const fifty = await timed(big, 5, true);
    const rate = (ms: number) => (fifty.input / 1e6 / (ms / 1000)).toFixed(0);
    lines.push(
      `packaging 50 MB: ${rate(fifty.ms)} MB/s`,
      `packaging a 50 MB directory (median of 5): ${fifty.ms.toFixed(0)} ms`,
      `zlib alone on the same files, all at once: ${rate(fifty.floorMs)} MB/s; packaging takes ${(fifty.ms / fifty.floorMs).toFixed(2)}x its time`,
      `50 MB directory bundle size: ${(fifty.bytes / 1024 / 1024).toFixed(1)} MiB`,
      `RSS growth while packaging 50 MB: ${((rssAfter - rssBefore) / 1024 / 1024).toFixed(1)} MiB`,
    );
  } finally {
    fs.rmSync(big, { recursive: true, force: true });
  }
  return lines;
}

if (require.main === module) {
  benchPackaging().then((lines) => process.stdout.write(lines.join('\n') + '\n'));
}
