#!/usr/bin/env bash
# Leaves nothing of the build in the image: caches, the build's SSH keys and
# history, machine identity, logs. Instances made from the AMI start clean.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../platform-uploads/usr/local/lib/eb-platform source=setup.sh
. /usr/local/lib/eb-platform/setup.sh

apt-get -y -qq autoremove --purge
apt-get -qq clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /tmp/* /var/tmp/*
rm -rf /root/.cache /root/.bash_history /home/*/.bash_history /home/*/.cache
# The build's login keys: an instance gets its own from its key pair.
rm -f /root/.ssh/authorized_keys /home/*/.ssh/authorized_keys
# Each instance must make its own host keys and machine id (cloud-init and systemd do on first boot).
if [ "${EB_PLATFORM_KEEP_HOST_KEYS:-0}" != "1" ]; then
  rm -f /etc/ssh/ssh_host_*
fi
if [ -f /etc/machine-id ]; then
  : >/etc/machine-id
fi
rm -f /var/lib/dbus/machine-id
find /var/log -type f \( -name '*.gz' -o -name '*.[0-9]' \) -delete
find /var/log -type f -exec truncate -s 0 {} +
if command -v cloud-init >/dev/null 2>&1; then
  cloud-init clean --logs --seed || true
fi
