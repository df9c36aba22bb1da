/**
 * The local instance's disk image: a Debian root made with mmdebstrap and
 * provisioned by the platform's own builder scripts, run in the root the way
 * Packer runs them on the builder (as root, Docker from the distribution).
 * Cached by the hash of everything that goes into it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { acquireLock } from './lock';

const run = promisify(execFile);

export interface LocalImage {
  dir: string;
  disk: string;
  kernel: string;
  initrd: string;
  /** The guest's ed25519 host key, `ssh-ed25519 AAAA…`, to pin. */
  hostKey: string;
}

/** Packages beyond what the builder installs: a bootable, reachable Debian. */
const INCLUDE = ['systemd', 'systemd-sysv', 'udev', 'dbus', 'openssh-server', 'sudo', 'linux-image-amd64', 'apparmor', 'ca-certificates', 'iproute2', 'kmod', 'zstd', 'curl'];
const SUITE = 'bookworm';
const DISK_SIZE = '6G';
/** Bumped when the recipe below changes in a way the hash of its inputs cannot see. */
const RECIPE = 4;

/** Files under `dir`, with their modes and contents, in a stable order. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const files = entries.map((e) => path.join(e.parentPath ?? e.path, e.name)).sort();
  for (const f of files) {
    hash.update(path.relative(dir, f)).update(String(fs.statSync(f).mode & 0o777)).update(fs.readFileSync(f));
  }
}

export function imageKey(platformDir: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ RECIPE, INCLUDE, SUITE, DISK_SIZE }));
  hash.update(fs.readFileSync(__filename));
  hashTree(hash, path.join(platformDir, 'builder'));
  return hash.digest('hex').slice(0, 16);
}

/** What the guest needs to be reached like an EC2 instance: user `ubuntu` with sudo, the run's key from the kernel command line, DHCP. */
const GUEST_SETUP = String.raw`
set -euo pipefail
root="$1"
chroot "$root" useradd -m -s /bin/bash -G sudo ubuntu
printf 'ubuntu ALL=(ALL) NOPASSWD:ALL\n' >"$root/etc/sudoers.d/90-ubuntu"
chmod 0440 "$root/etc/sudoers.d/90-ubuntu"
printf '[Match]\nName=e*\n\n[Network]\nDHCP=yes\n' >"$root/etc/systemd/network/10-wired.network"
printf 'nameserver 10.0.2.3\n' >"$root/etc/resolv.conf"
printf '/dev/vda / ext4 defaults 0 1\n' >"$root/etc/fstab"
printf 'eb-platform-local\n' >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 eb-platform-local\n' >"$root/etc/hosts"
cat >"$root/usr/local/sbin/authorized-key-from-cmdline" <<'SCRIPT'
#!/bin/sh
# Installs the SSH key the run passed on the kernel command line (eb.authorized_key=BASE64).
set -eu
for word in $(cat /proc/cmdline); do
  case "$word" in
    eb.authorized_key=*)
      install -d -m 0700 -o ubuntu -g ubuntu /home/ubuntu/.ssh
      printf '%s' "${"$"}{word#eb.authorized_key=}" | base64 -d >/home/ubuntu/.ssh/authorized_keys
      chown ubuntu:ubuntu /home/ubuntu/.ssh/authorized_keys
      chmod 0600 /home/ubuntu/.ssh/authorized_keys
      ;;
  esac
done
SCRIPT
chmod 0755 "$root/usr/local/sbin/authorized-key-from-cmdline"
cat >"$root/etc/systemd/system/authorized-key-from-cmdline.service" <<'UNIT'
[Unit]
Description=SSH key for this run, from the kernel command line
Before=ssh.service

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/authorized-key-from-cmdline

[Install]
WantedBy=multi-user.target
UNIT
chroot "$root" systemctl enable systemd-networkd.service authorized-key-from-cmdline.service ssh.service
`;

/**
 * Runs `fn` holding the cache's lock for this image, so that two test
 * processes needing the image at once build it once: the second waits, then
 * finds it cached.
 */
export async function withCacheLock<T>(cacheDir: string, key: string, log: (line: string) => void, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const release = await acquireLock(path.join(cacheDir, `.lock-${key}`), (holder) => log(`local instance image ${key}: ${holder} is building it; waiting`));
  try {
    return await fn();
  } finally {
    release();
  }
}

function cached(image: LocalImage): boolean {
  if (!fs.existsSync(path.join(image.dir, 'host_key.pub'))) return false;
  image.hostKey = fs.readFileSync(path.join(image.dir, 'host_key.pub'), 'utf8').trim();
  return true;
}

export async function buildImage(platformDir: string, cacheDir: string, log: (line: string) => void = () => {}): Promise<LocalImage> {
  const key = imageKey(platformDir);
  const dir = path.join(cacheDir, key);
  const image: LocalImage = {
    dir,
    disk: path.join(dir, 'disk.qcow2'),
    kernel: path.join(dir, 'vmlinuz'),
    initrd: path.join(dir, 'initrd.img'),
    hostKey: '',
  };
  if (cached(image)) {
    log(`local instance image ${key}: cached`);
    return image;
  }
  return withCacheLock(cacheDir, key, log, async () => {
    if (cached(image)) {
      log(`local instance image ${key}: built meanwhile by another process`);
      return image;
    }
    return build(platformDir, cacheDir, key, image, log);
  });
}

async function build(platformDir: string, cacheDir: string, key: string, image: LocalImage, log: (line: string) => void): Promise<LocalImage> {
  const dir = image.dir;
  // Holding the lock, any half-built tree of this image is from a build that died.
  for (const stale of fs.readdirSync(cacheDir)) if (stale.startsWith(`.build-${key}-`)) fs.rmSync(path.join(cacheDir, stale), { recursive: true, force: true });
  const work = fs.mkdtempSync(path.join(cacheDir, `.build-${key}-`));
  try {
    const root = path.join(work, 'root');
    const setup = path.join(work, 'guest-setup.sh');
    fs.writeFileSync(setup, GUEST_SETUP, { mode: 0o755 });
    const started = Date.now();
    log(`local instance image ${key}: building a ${SUITE} root and running the platform's builder in it`);
    await run(
      'mmdebstrap',
      [
        '--variant=minbase',
        '--mode=root',
        '--quiet',
        `--include=${INCLUDE.join(',')}`,
        `--customize-hook=copy-in ${path.join(platformDir, 'builder')} /tmp`,
        '--customize-hook=chroot "$1" env DOCKER_SOURCE=distro EB_PLATFORM_KEEP_HOST_KEYS=1 bash /tmp/builder/builder.sh',
        `--customize-hook=bash ${setup} "$1"`,
        SUITE,
        root,
      ],
      { maxBuffer: 64 * 1024 * 1024, timeout: 20 * 60_000 },
    ).catch((e: { stderr?: string; stdout?: string; message: string }) => {
      throw new Error(`building the local instance's root failed: ${e.message}\n${(e.stdout ?? '').slice(-3000)}\n${(e.stderr ?? '').slice(-3000)}`);
    });
    const boot = fs.readdirSync(path.join(root, 'boot'));
    const kernel = boot.find((f) => f.startsWith('vmlinuz-'));
    const initrd = boot.find((f) => f.startsWith('initrd.img-'));
    if (!kernel || !initrd) throw new Error(`the root has no kernel and initrd in /boot (found ${boot.join(', ')})`);
    fs.copyFileSync(path.join(root, 'boot', kernel), path.join(work, 'vmlinuz'));
    fs.copyFileSync(path.join(root, 'boot', initrd), path.join(work, 'initrd.img'));
    const hostKey = fs.readFileSync(path.join(root, 'etc/ssh/ssh_host_ed25519_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
    fs.writeFileSync(path.join(work, 'host_key.pub'), hostKey + '\n');
    await run('mkfs.ext4', ['-q', '-F', '-L', 'root', '-d', root, path.join(work, 'disk.raw'), DISK_SIZE], { timeout: 10 * 60_000 });
    fs.rmSync(root, { recursive: true, force: true });
    await run('qemu-img', ['convert', '-O', 'qcow2', path.join(work, 'disk.raw'), path.join(work, 'disk.qcow2')], { timeout: 10 * 60_000 });
    fs.rmSync(path.join(work, 'disk.raw'));
    fs.rmSync(setup);
    // Older images are of no use once the builder changed.
    for (const old of fs.readdirSync(cacheDir)) if (!old.startsWith('.') && old !== key) fs.rmSync(path.join(cacheDir, old), { recursive: true, force: true });
    fs.renameSync(work, dir);
    log(`local instance image ${key}: built in ${Math.round((Date.now() - started) / 1000)} s`);
    image.hostKey = hostKey;
    return image;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
