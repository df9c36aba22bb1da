#!/usr/bin/env bash
# The blue and green units and the deploy hooks. Neither colour starts at boot
# until a deploy has made one of them active.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../platform-uploads/usr/local/lib/eb-platform source=setup.sh
. /usr/local/lib/eb-platform/setup.sh

chmod 0755 /usr/local/bin/eb-platform-deploy
find /opt/elasticbeanstalk/hooks -type f -name '*.sh' -exec chmod 0755 {} +
# One unit definition, installed under both colours' names (%N in it is the colour).
for colour in blue green; do
  install -m 0644 /usr/local/lib/eb-platform/colour.service "/etc/systemd/system/${colour}.service"
done
touch /var/app/env
chmod 0640 /var/app/env
chown root:webapp /var/app/env
if systemd_running; then
  systemctl daemon-reload
fi
