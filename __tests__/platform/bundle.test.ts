/**
 * Packaging the platform directory: the same bytes whatever the checkout's
 * times and umask, `.ebignore` as the EB CLI reads it, nothing but plain files
 * inside the directory, a zip that unzip and Python read back, and the same
 * bytes as a one-shot deflate of each whole file (the writer before it read
 * each file once and compressed several at a time).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { packagePlatform } from '../../src/platform/bundle';
import { EncodedEntry, writeZip, ZipEntry } from '../../src/platform/zip';

const PLATFORM = path.resolve(__dirname, '../../platform');
const LIMIT = { maxBytes: 200 * 1024 * 1024 };

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-test-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Deterministic bytes that do not compress (xorshift), so a fixture is the same on every run. */
function noise(bytes: number, seed: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A directory with what bundles hold: text that compresses, noise that does not, an empty file, a name beyond ASCII, nesting. */
function fixture(dir: string): void {
  fs.mkdirSync(path.join(dir, 'builder/setup-scripts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'platform.yaml'), 'version: "1.0"\nprovisioner:\n  type: packer\n  template: tmpl.json\n  flavor: ubuntu1604\n');
  fs.writeFileSync(path.join(dir, 'builder/builder.sh'), '#!/usr/bin/env bash\nset -euo pipefail\n'.repeat(500), { mode: 0o700 });
  fs.writeFileSync(path.join(dir, 'builder/setup-scripts/empty.sh'), '', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'builder/noise.bin'), noise(3 * 1024 * 1024 + 17, 7));
  fs.writeFileSync(path.join(dir, 'builder/half.bin'), Buffer.concat([noise(1024 * 1024, 9), Buffer.alloc(1024 * 1024, 'a')]));
  fs.writeFileSync(path.join(dir, 'builder/café.txt'), 'déjà vu\n'.repeat(10_000));
}

/** Each file deflated in one call from the whole file, stored when that is not smaller: what the writer did before. */
async function oneShot(source: string): Promise<EncodedEntry> {
  const data = fs.readFileSync(source);
  const deflated = zlib.deflateRawSync(data, { level: 9 });
  const crc = zlib.crc32(data);
  return deflated.length < data.length ? { crc, size: data.length, method: 8, body: deflated } : { crc, size: data.length, method: 0, body: data };
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('packaging the platform directory', () => {
  it("makes the fixture's zip byte for byte as the writers before this one did (each since bbae941^ gave this SHA-256, on Node 20 and 24)", async () => {
    fixture(path.join(tmp, 'p'));
    const bundle = await packagePlatform(path.join(tmp, 'p'), path.join(tmp, 'b.zip'), LIMIT);
    expect(bundle.sha256).toBe('f8e9c3f6ac14fb2521755c03ec068d1a4b351425ce14c31a4f6ab1566a070161');
    expect(bundle.bytes).toBe(4196809);
  });

  it('makes the same bytes as one-shot deflate of each whole file, for the repository platform and for text, noise and empty files', async () => {
    const dir = path.join(tmp, 'p');
    fixture(dir);
    for (const source of [dir, PLATFORM]) {
      const bundle = await packagePlatform(source, path.join(tmp, 'streamed.zip'), LIMIT);
      const entries: ZipEntry[] = bundle.files.map((name) => {
        const full = path.join(source, name);
        const st = fs.statSync(full);
        return { name, source: full, mode: st.mode & 0o111 ? 0o755 : 0o644, size: st.size };
      });
      const reference = await writeZip(path.join(tmp, 'one-shot.zip'), entries, LIMIT.maxBytes, () => new Error('too big'), oneShot);
      expect(bundle.sha256).toBe(reference.sha256);
      expect(fs.readFileSync(path.join(tmp, 'streamed.zip')).equals(fs.readFileSync(path.join(tmp, 'one-shot.zip')))).toBe(true);
    }
  });

  it('is byte for byte the same whatever the files’ times, the umask and the order the directory lists them in', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    fixture(a);
    // Written in another order, with other times and a umask that drops group and other bits.
    const old = process.umask(0o077);
    try {
      fs.mkdirSync(path.join(b, 'builder/setup-scripts'), { recursive: true });
      for (const rel of [
        'builder/café.txt',
        'builder/half.bin',
        'platform.yaml',
        'builder/noise.bin',
        'builder/setup-scripts/empty.sh',
        'builder/builder.sh',
      ]) {
        fs.copyFileSync(path.join(a, rel), path.join(b, rel));
        fs.chmodSync(path.join(b, rel), fs.statSync(path.join(a, rel)).mode & 0o111 ? 0o700 : 0o600);
        fs.utimesSync(path.join(b, rel), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'));
      }
    } finally {
      process.umask(old);
    }
    const first = await packagePlatform(a, path.join(tmp, 'a.zip'), LIMIT);
    const second = await packagePlatform(b, path.join(tmp, 'b.zip'), LIMIT);
    expect(second.sha256).toBe(first.sha256);
    expect(sha256(path.join(tmp, 'a.zip'))).toBe(first.sha256);
    expect(first.files).toEqual([
      'builder/builder.sh',
      'builder/café.txt',
      'builder/half.bin',
      'builder/noise.bin',
      'builder/setup-scripts/empty.sh',
      'platform.yaml',
    ]);
  });

  it('writes a zip that unzip tests clean and Python reads back file for file, scripts executable and the rest not', async () => {
    const dir = path.join(tmp, 'p');
    fixture(dir);
    const zip = path.join(tmp, 'p.zip');
    await packagePlatform(dir, zip, LIMIT);
    expect(execFileSync('unzip', ['-tq', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const listing = JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          'import json,sys,zipfile,hashlib\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({i.filename:[oct(i.external_attr>>16),i.compress_type,hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()}))',
          zip,
        ],
        { encoding: 'utf8' },
      ),
    ) as Record<string, [string, number, string]>;
    for (const [name, [mode, , digest]] of Object.entries(listing)) {
      expect(digest).toBe(sha256(path.join(dir, name)));
      expect(mode).toBe(name.endsWith('.sh') ? '0o100755' : '0o100644');
    }
    // Noise is stored, text is deflated, the empty file is stored.
    expect(listing['builder/noise.bin'][1]).toBe(0);
    expect(listing['builder/café.txt'][1]).toBe(8);
    expect(listing['builder/half.bin'][1]).toBe(8);
    expect(listing['builder/setup-scripts/empty.sh'][1]).toBe(0);
  });

  it('applies .ebignore as the EB CLI does, and never packs .git, .elasticbeanstalk or .ebignore itself', async () => {
    const dir = path.join(tmp, 'p');
    fixture(dir);
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
    fs.mkdirSync(path.join(dir, '.elasticbeanstalk'));
    fs.writeFileSync(path.join(dir, '.elasticbeanstalk/config.yml'), 'x: 1\n');
    fs.writeFileSync(path.join(dir, '.ebignore'), '# build outputs\n*.bin\n!half.bin\nbuilder/setup-scripts/\n');
    const bundle = await packagePlatform(dir, path.join(tmp, 'p.zip'), LIMIT);
    expect(bundle.files).toEqual(['builder/builder.sh', 'builder/café.txt', 'builder/half.bin', 'platform.yaml']);
  });

  // Why .ebignore has its own matcher rather than git's rules (the `ignore` package follows git):
  // the EB CLI matches each file against the patterns (pathspec's gitwildmatch, the last match
  // deciding), so a file under an ignored directory can be brought back with `!`; git cannot.
  it('brings back a file under an ignored directory, as the EB CLI does and git does not', async () => {
    const dir = path.join(tmp, 'p');
    fixture(dir);
    fs.writeFileSync(path.join(dir, 'builder/setup-scripts/10-os.sh'), 'set -euo pipefail\n', { mode: 0o755 });
    const rules = 'builder/setup-scripts/\n!builder/setup-scripts/10-os.sh\n';
    fs.writeFileSync(path.join(dir, '.ebignore'), rules);
    const bundle = await packagePlatform(dir, path.join(tmp, 'p.zip'), LIMIT);
    expect(bundle.files).toContain('builder/setup-scripts/10-os.sh');
    expect(bundle.files).not.toContain('builder/setup-scripts/empty.sh');
    // git, given the same rules, keeps the file out.
    execFileSync('git', ['init', '-q', dir]);
    fs.writeFileSync(path.join(dir, '.gitignore'), rules);
    const ignoredByGit = execFileSync('git', ['-C', dir, 'check-ignore', 'builder/setup-scripts/10-os.sh'], { encoding: 'utf8' });
    expect(ignoredByGit.trim()).toBe('builder/setup-scripts/10-os.sh');
  });

  it('refuses a symbolic link, naming it and where it points, and leaves no partial zip', async () => {
    const dir = path.join(tmp, 'p');
    fixture(dir);
    fs.symlinkSync('/etc/passwd', path.join(dir, 'builder/passwd'));
    const out = path.join(tmp, 'p.zip');
    await expect(packagePlatform(dir, out, LIMIT)).rejects.toThrow(/platform-dir.*builder\/passwd is a symbolic link \(to \/etc\/passwd\)/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('stops at the size limit with max-bundle-size-mb named, and removes what it wrote', async () => {
    const dir = path.join(tmp, 'p');
    fixture(dir);
    const out = path.join(tmp, 'p.zip');
    await expect(packagePlatform(dir, out, { maxBytes: 2 * 1024 * 1024 })).rejects.toThrow(/max-bundle-size-mb.*exceeds 2 MiB/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says what is missing when the directory is absent or empty', async () => {
    await expect(packagePlatform(path.join(tmp, 'nope'), path.join(tmp, 'x.zip'), LIMIT)).rejects.toThrow(/platform-dir.*does not exist/);
    fs.mkdirSync(path.join(tmp, 'empty'));
    await expect(packagePlatform(path.join(tmp, 'empty'), path.join(tmp, 'x.zip'), LIMIT)).rejects.toThrow(/platform-dir.*holds no files/);
  });
});
