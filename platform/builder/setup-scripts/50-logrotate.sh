#!/usr/bin/env bash
# Rotation for the application's and the deploys' logs, and a bounded journal.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../platform-uploads/usr/local/lib/eb-platform source=setup.sh
. /usr/local/lib/eb-platform/setup.sh

chmod 0644 /etc/logrotate.d/eb-platform
logrotate --debug /etc/logrotate.d/eb-platform >/dev/null 2>&1 || {
  echo "logrotate rejects /etc/logrotate.d/eb-platform" >&2
  logrotate --debug /etc/logrotate.d/eb-platform
  exit 1
}
install -d -m 0755 /etc/systemd/journald.conf.d
printf '[Journal]\nSystemMaxUse=500M\n' >/etc/systemd/journald.conf.d/eb-platform.conf
