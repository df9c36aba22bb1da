/**
 * The local instance's disk image: a Debian root made with mmdebstrap and
 * provisioned by the platform's own builder scripts, run in the root the way
 * Packer runs them on the builder (as root, Docker from the distribution).
 * Cached by the hash of everything that goes into it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { debianDisk, diskKey, DiskRecipe, GUEST_PACKAGES, hashTree } from './debian-disk';

export interface LocalImage {
  dir: string;
  disk: string;
  kernel: string;
  initrd: string;
  /** The guest's ed25519 host key, `ssh-ed25519 AAAA…`, to pin. */
  hostKey: string;
}

/** Packages beyond what the builder installs: a bootable, reachable Debian. */
const INCLUDE = GUEST_PACKAGES;
const DISK_SIZE = '6G';
/** Bumped when the recipe below changes in a way the hash of its inputs cannot see. */
const RECIPE = 5;
/** Test-only stand-ins for the host manager's tools, installed as Elastic Beanstalk's bootstrap installs the real ones. */
export const HOST_MANAGER_DIR = path.resolve(__dirname, '../test/eb-host-manager');

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
      printf '%s' "${'$'}{word#eb.authorized_key=}" | base64 -d >/home/ubuntu/.ssh/authorized_keys
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
install -d -m 0755 "$root/opt/elasticbeanstalk/bin" "$root/var/lib/eb-standin"
install -m 0755 "$root/tmp/eb-host-manager/download-source-bundle" "$root/tmp/eb-host-manager/get-config" "$root/opt/elasticbeanstalk/bin/"
install -m 0755 "$root/tmp/eb-host-manager/eb-host-manager" "$root/usr/local/sbin/"
rm -rf "$root/tmp/eb-host-manager"
`;

/** The platform's builder run in the root, then the guest set up to be reached like an EC2 instance. */
function recipe(platformDir: string, cacheDir: string): DiskRecipe {
  return {
    what: 'local instance image',
    cacheDir,
    include: INCLUDE,
    size: DISK_SIZE,
    hooks: [
      `copy-in ${path.join(platformDir, 'builder')} /tmp`,
      'chroot "$1" env DOCKER_SOURCE=distro EB_PLATFORM_KEEP_HOST_KEYS=1 bash /tmp/builder/builder.sh',
      // After the builder, whose clean-up empties /tmp.
      `copy-in ${HOST_MANAGER_DIR} /tmp`,
      `bash -c ${shellQuote(GUEST_SETUP)} guest-setup "$1"`,
    ],
    inputs: (hash) => {
      hash.update(String(RECIPE));
      hash.update(fs.readFileSync(__filename));
      hashTree(hash, path.join(platformDir, 'builder'));
      hashTree(hash, HOST_MANAGER_DIR);
    },
    finish: (root, work) => {
      const hostKey = fs.readFileSync(path.join(root, 'etc/ssh/ssh_host_ed25519_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
      fs.writeFileSync(path.join(work, 'host_key.pub'), hostKey + '\n');
    },
  };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function imageKey(platformDir: string, cacheDir = ''): string {
  return diskKey(recipe(platformDir, cacheDir));
}

export async function buildImage(platformDir: string, cacheDir: string, log: (line: string) => void = () => {}): Promise<LocalImage> {
  const disk = await debianDisk(recipe(platformDir, cacheDir), log);
  return { ...disk, hostKey: fs.readFileSync(path.join(disk.dir, 'host_key.pub'), 'utf8').trim() };
}
