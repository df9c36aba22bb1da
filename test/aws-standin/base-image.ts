/**
 * The stand-in's image of Canonical's Ubuntu server AMI: a Debian root (this
 * machine reaches Debian's packages, not Ubuntu's) made with mmdebstrap, with
 * what the platform's builder and the smoke test rely on in an Ubuntu cloud
 * image: sshd, sudo, the login user `ubuntu` with passwordless sudo, DHCP, and
 * a boot step standing in for cloud-init's EC2 datasource. At each boot it
 * reads the instance metadata service (the address comes on the kernel command
 * line, as cloud-init's NoCloud takes `ds=` from it), and for a new instance id
 * makes fresh SSH host keys, installs the key pair's public key for `ubuntu`
 * and runs a user-data script; it prints the host keys to the serial console
 * in cloud-init's format (write-ssh-key-fingerprints), so pinning reads what
 * it reads on AWS.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { debianDisk, DebianDisk, GUEST_PACKAGES } from '../../local/debian-disk';

/** An Ubuntu 24.04 AMI's name as Canonical publishes it; the platform template's filter matches it. */
export const BASE_IMAGE_NAME = 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260101';
export const BASE_CACHE = path.resolve(__dirname, '../../.cache/ubuntu-standin');

const INCLUDE = [...GUEST_PACKAGES, 'python3', 'gnupg', 'procps', 'less'];

/** The boot step (cloud-init's part), installed as /usr/local/sbin/eb-standin-instance-init. */
const INSTANCE_INIT = String.raw`#!/bin/bash
# Stand-in for cloud-init's EC2 datasource (see test/aws-standin/base-image.ts).
set -euo pipefail
imds=""
for word in $(cat /proc/cmdline); do
  case "$word" in eb.imds=*) imds="${'$'}{word#eb.imds=}" ;; esac
done
[ -n "$imds" ] || exit 0
state=/var/lib/eb-standin-init
install -d -m 0700 "$state"
token=""
for _ in $(seq 60); do
  if token="$(curl -sf -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600' "$imds/latest/api/token")"; then break; fi
  sleep 1
done
[ -n "$token" ] || { echo "eb-standin-instance-init: no answer from the metadata service at $imds" >/dev/console; exit 1; }
get() { curl -sf -H "X-aws-ec2-metadata-token: $token" "$imds/latest/$1"; }
id="$(get meta-data/instance-id)"
if [ "$(cat "$state/instance-id" 2>/dev/null || true)" != "$id" ]; then
  # Per instance, as cloud-init does: new host keys, the key pair's key for the login user, the user data.
  rm -f /etc/ssh/ssh_host_*
  ssh-keygen -A >/dev/null
  install -d -m 0700 -o ubuntu -g ubuntu /home/ubuntu/.ssh
  if key="$(get meta-data/public-keys/0/openssh-key)"; then
    printf '%s\n' "$key" >/home/ubuntu/.ssh/authorized_keys
    chown ubuntu:ubuntu /home/ubuntu/.ssh/authorized_keys
    chmod 0600 /home/ubuntu/.ssh/authorized_keys
  fi
  rm -f "$state/user-data"
  if get user-data >"$state/user-data.new" && head -c 2 "$state/user-data.new" | grep -q '^#!'; then
    mv "$state/user-data.new" "$state/user-data"
    chmod 0700 "$state/user-data"
  fi
  rm -f "$state/user-data.new"
  printf '%s\n' "$id" >"$state/instance-id"
  [ ! -x "$state/user-data" ] || systemd-run --quiet --on-active=5 --unit=eb-standin-user-data "$state/user-data"
fi
ssh-keygen -A >/dev/null
host="$(hostname)"
stamp="$(date '+%b %d %H:%M:%S')"
{
  echo "<14>$stamp ec2: "
  echo "<14>$stamp ec2: #############################################################"
  echo "<14>$stamp ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----"
  for f in /etc/ssh/ssh_host_ecdsa_key.pub /etc/ssh/ssh_host_ed25519_key.pub /etc/ssh/ssh_host_rsa_key.pub; do
    [ -f "$f" ] && echo "<14>$stamp ec2: $(ssh-keygen -l -f "$f" | sed "s/ [^ ]* (/ root@$host (/")"
  done
  echo "<14>$stamp ec2: -----END SSH HOST KEY FINGERPRINTS-----"
  echo "<14>$stamp ec2: #############################################################"
  echo "-----BEGIN SSH HOST KEY KEYS-----"
  for f in /etc/ssh/ssh_host_ecdsa_key.pub /etc/ssh/ssh_host_ed25519_key.pub /etc/ssh/ssh_host_rsa_key.pub; do
    [ -f "$f" ] && echo "$(cut -d' ' -f1,2 "$f") root@$host"
  done
  echo "-----END SSH HOST KEY KEYS-----"
} >/dev/ttyS0
`;

const SETUP = String.raw`
set -euo pipefail
root="$1"
chroot "$root" useradd -m -s /bin/bash -G sudo ubuntu
# As Ubuntu's cloud images give the default user (cloud-init's 90-cloud-init-users).
printf 'ubuntu ALL=(ALL) NOPASSWD:ALL\n' >"$root/etc/sudoers.d/90-cloud-init-users"
chmod 0440 "$root/etc/sudoers.d/90-cloud-init-users"
printf '[Match]\nName=e*\n\n[Network]\nDHCP=yes\n' >"$root/etc/systemd/network/10-wired.network"
printf 'nameserver 10.0.2.3\n' >"$root/etc/resolv.conf"
printf '/dev/vda / ext4 defaults 0 1\n' >"$root/etc/fstab"
printf 'ip-172-31-16-10\n' >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 ip-172-31-16-10\n' >"$root/etc/hosts"
# No host keys and no machine id in the image: each instance makes its own.
rm -f "$root"/etc/ssh/ssh_host_*
: >"$root/etc/machine-id"
install -m 0755 "$root/tmp/eb-standin-instance-init" "$root/usr/local/sbin/eb-standin-instance-init"
rm -f "$root/tmp/eb-standin-instance-init"
cat >"$root/etc/systemd/system/eb-standin-instance-init.service" <<'UNIT'
[Unit]
Description=Instance set-up from the metadata service (stand-in for cloud-init)
Wants=network-online.target
After=network-online.target systemd-networkd-wait-online.service
Before=ssh.service

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/eb-standin-instance-init
RemainAfterExit=yes

[Install]
WantedBy=multi-user.target
UNIT
chroot "$root" systemctl enable systemd-networkd.service systemd-networkd-wait-online.service eb-standin-instance-init.service ssh.service
`;

/** Builds (or takes from the cache) the base image's disk. */
export async function baseImage(log: (line: string) => void = () => {}, cacheDir = BASE_CACHE): Promise<DebianDisk> {
  // A stable path: the hooks that name it are part of the disk's cache key.
  const inputs = path.join(cacheDir, '.inputs');
  fs.mkdirSync(inputs, { recursive: true });
  const init = path.join(inputs, 'eb-standin-instance-init');
  fs.writeFileSync(init, INSTANCE_INIT, { mode: 0o755 });
  return debianDisk(
    {
      what: 'Ubuntu stand-in base image',
      cacheDir,
      include: INCLUDE,
      size: '6G',
      hooks: [`copy-in ${init} /tmp`, `bash -c ${quote(SETUP)} setup "$1"`],
      inputs: (hash) => hash.update(INSTANCE_INIT).update(SETUP),
    },
    log,
  );
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
