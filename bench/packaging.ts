/** Packaging speed for the repository's platform/ and for a generated 50 MB directory. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packagePlatform } from '../src/platform/bundle';

const root = path.resolve(__dirname, '..');

async function timed(dir: string, runs: number): Promise<{ ms: number; bytes: number; input: number }> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-zip-'));
  try {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      bytes = (await packagePlatform(dir, path.join(out, 'b.zip'), { maxBytes: 4000 * 1024 * 1024 })).bytes;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const input = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
    return { ms: times[Math.floor(times.length / 2)], bytes, input };
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
  const platform = await timed(path.join(root, 'platform'), 5);
  lines.push(`packaging platform/ (median of 5): ${platform.ms.toFixed(1)} ms`, `platform bundle size: ${(platform.bytes / 1024).toFixed(1)} KiB`);
  const big = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-50mb-'));
  try {
    makeFiftyMegabytes(big);
    const rssBefore = process.memoryUsage().rss;
    const fifty = await timed(big, 3);
    const rssAfter = process.memoryUsage().rss;
    lines.push(
      `packaging 50 MB: ${(fifty.input / 1e6 / (fifty.ms / 1000)).toFixed(0)} MB/s`,
      `packaging a 50 MB directory (median of 3): ${fifty.ms.toFixed(0)} ms`,
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
