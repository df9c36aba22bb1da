#!/usr/bin/env bash
# nginx on port 80 proxying to the application on 127.0.0.1:5000.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../platform-uploads/usr/local/lib/eb-platform source=setup.sh
. /usr/local/lib/eb-platform/setup.sh

apt_install nginx
# Our server block is the default server; the distribution's welcome page goes.
rm -f /etc/nginx/sites-enabled/default
nginx -t
enable_unit nginx.service
