/**
 * A bootable Debian disk made without loop mounts: a root from mmdebstrap
 * (customized by hooks), its kernel and initrd taken out to boot it directly,
 * the root made into an ext4 disk (mkfs.ext4 -d) and converted to qcow2.
 * Cached under `cacheDir/KEY`, built once across processes (a lock), and the
 * older disks of the same cache removed once a new one is built.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { acquireLock } from './lock';

const run = promisify(execFile);

export const SUITE = 'bookworm';

/** Beyond minbase, what a guest needs to boot under QEMU and be reached like an EC2 instance. */
export const GUEST_PACKAGES = [
  'systemd',
  'systemd-sysv',
  'udev',
  'dbus',
  'openssh-server',
  'sudo',
  'linux-image-amd64',
  'apparmor',
  'ca-certificates',
  'iproute2',
  'kmod',
  'curl',
  // The initrd's compressor (SMALL_INITRD).
  'zstd',
];

/**
 * The initrd holds only what mounts the root disk under QEMU (virtio and ext4),
 * compressed with zstd: Debian's default takes most modules, and unpacking that
 * and probing them costs seconds of every boot under emulation.
 */
const SMALL_INITRD = [
  `printf 'MODULES=list\nCOMPRESS=zstd\n' >"$1/etc/initramfs-tools/conf.d/local-vm"`,
  `printf 'virtio_pci\nvirtio_blk\next4\n' >"$1/etc/initramfs-tools/modules"`,
  'chroot "$1" update-initramfs -u -k all',
].join(' && ');

export interface DebianDisk {
  dir: string;
  disk: string;
  kernel: string;
  initrd: string;
}

export interface DiskRecipe {
  /** What the disk is, for the log ("local instance image"). */
  what: string;
  cacheDir: string;
  /** Debian packages beyond minbase. */
  include: string[];
  /** mmdebstrap customize hooks, in order ("$1" is the root). */
  hooks: string[];
  size: string;
  /** Anything else that makes the disk (scripts, trees), hashed into its key. */
  inputs: (hash: ReturnType<typeof createHash>) => void;
  /** Runs in the root before it becomes a disk; may write more files into `work`. */
  finish?: (root: string, work: string) => void;
}

/** Files under `dir`, with their modes and contents, in a stable order. */
export function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const files = entries.map((e) => path.join(e.parentPath ?? e.path, e.name)).sort();
  for (const f of files)
    hash
      .update(path.relative(dir, f))
      .update(String(fs.statSync(f).mode & 0o777))
      .update(fs.readFileSync(f));
}

/**
 * Removes a build tree. mmdebstrap mounts /proc, /sys and /dev inside the root
 * while its hooks run; a build killed then leaves them mounted, and removing
 * the tree through them would reach the host's. So: unmount whatever is
 * mounted under it first, and never cross into another file system.
 */
export function removeTree(dir: string): void {
  if (!fs.existsSync(dir)) return;
  const under = fs
    .readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1]?.replace(/\\040/g, ' '))
    .filter((m): m is string => !!m && (m === dir || m.startsWith(dir + '/')))
    .sort((a, b) => b.length - a.length);
  for (const m of under) execFileSync('umount', ['-l', m]);
  execFileSync('rm', ['-rf', '--one-file-system', dir]);
}

export function diskKey(recipe: DiskRecipe): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ SUITE, include: [...recipe.include].sort(), hooks: recipe.hooks, size: recipe.size }));
  hash.update(fs.readFileSync(__filename));
  recipe.inputs(hash);
  return hash.digest('hex').slice(0, 16);
}

/** Runs `fn` holding the cache's lock for `key`, so two processes needing one disk at once build it once: the second waits, then finds it cached. */
export async function withCacheLock<T>(cacheDir: string, key: string, log: (line: string) => void, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const release = await acquireLock(path.join(cacheDir, `.lock-${key}`), (holder) => log(`${key}: ${holder} is building it; waiting`));
  try {
    return await fn();
  } finally {
    release();
  }
}

export async function debianDisk(recipe: DiskRecipe, log: (line: string) => void = () => {}): Promise<DebianDisk> {
  const key = diskKey(recipe);
  const dir = path.join(recipe.cacheDir, key);
  const disk: DebianDisk = { dir, disk: path.join(dir, 'disk.qcow2'), kernel: path.join(dir, 'vmlinuz'), initrd: path.join(dir, 'initrd.img') };
  const ready = () => fs.existsSync(path.join(dir, 'ready'));
  if (ready()) {
    log(`${recipe.what} ${key}: cached`);
    return disk;
  }
  return withCacheLock(
    recipe.cacheDir,
    key,
    (line) => log(`${recipe.what} ${line}`),
    async () => {
      if (ready()) {
        log(`${recipe.what} ${key}: built meanwhile by another process`);
        return disk;
      }
      await build(recipe, key, log);
      return disk;
    },
  );
}

async function build(recipe: DiskRecipe, key: string, log: (line: string) => void): Promise<void> {
  const { cacheDir } = recipe;
  // Holding the lock, any half-built tree of this disk is from a build that died.
  for (const stale of fs.readdirSync(cacheDir)) if (stale.startsWith(`.build-${key}-`)) removeTree(path.join(cacheDir, stale));
  const work = fs.mkdtempSync(path.join(cacheDir, `.build-${key}-`));
  try {
    const root = path.join(work, 'root');
    const started = Date.now();
    log(`${recipe.what} ${key}: building a ${SUITE} root`);
    await run(
      'mmdebstrap',
      [
        '--variant=minbase',
        '--mode=root',
        '--quiet',
        `--include=${recipe.include.join(',')}`,
        ...[...recipe.hooks, SMALL_INITRD].map((h) => `--customize-hook=${h}`),
        SUITE,
        root,
      ],
      {
        maxBuffer: 64 * 1024 * 1024,
        timeout: 20 * 60_000,
      },
    ).catch((e: { stderr?: string; stdout?: string; message: string }) => {
      throw new Error(`building the ${recipe.what}'s root failed: ${e.message}\n${(e.stdout ?? '').slice(-3000)}\n${(e.stderr ?? '').slice(-3000)}`);
    });
    const boot = fs.readdirSync(path.join(root, 'boot'));
    const kernel = boot.find((f) => f.startsWith('vmlinuz-'));
    const initrd = boot.find((f) => f.startsWith('initrd.img-'));
    if (!kernel || !initrd) throw new Error(`the root has no kernel and initrd in /boot (found ${boot.join(', ')})`);
    fs.copyFileSync(path.join(root, 'boot', kernel), path.join(work, 'vmlinuz'));
    fs.copyFileSync(path.join(root, 'boot', initrd), path.join(work, 'initrd.img'));
    recipe.finish?.(root, work);
    await run('mkfs.ext4', ['-q', '-F', '-L', 'root', '-d', root, path.join(work, 'disk.raw'), recipe.size], { timeout: 10 * 60_000 });
    removeTree(root);
    await run('qemu-img', ['convert', '-O', 'qcow2', path.join(work, 'disk.raw'), path.join(work, 'disk.qcow2')], { timeout: 10 * 60_000 });
    fs.rmSync(path.join(work, 'disk.raw'));
    fs.writeFileSync(path.join(work, 'ready'), '');
    // Older disks of this cache are of no use once what makes them changed.
    for (const old of fs.readdirSync(cacheDir)) if (!old.startsWith('.') && old !== key) removeTree(path.join(cacheDir, old));
    fs.renameSync(work, path.join(cacheDir, key));
    log(`${recipe.what} ${key}: built in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    removeTree(work);
  }
}
