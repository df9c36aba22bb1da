#!/usr/bin/env bash
# Updates the OS and installs the tools the platform's hooks use.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../platform-uploads/usr/local/lib/eb-platform source=setup.sh
. /usr/local/lib/eb-platform/setup.sh

apt_update
apt-get -y -qq -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold dist-upgrade
apt_install ca-certificates curl gnupg unzip logrotate iproute2 procps util-linux python3

# The application runs as this unprivileged user.
if ! id webapp >/dev/null 2>&1; then
  useradd --system --home-dir /var/app --no-create-home --shell /usr/sbin/nologin webapp
fi
install -d -m 0755 -o root -g root /var/app /var/app/releases /var/app/staging
install -d -m 0750 -o webapp -g webapp /var/app/data
install -d -m 0750 -o webapp -g adm /var/log/app
sysctl_apply
