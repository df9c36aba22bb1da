#!/usr/bin/env bash
# Restarts the application without downtime: the same release in the other
# colour, with the environment's current properties.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../../../../../usr/local/lib/eb-platform source=deploy.sh
. "${EB_PLATFORM_LIB:-/usr/local/lib/eb-platform}/deploy.sh"

take_deploy_lock
release="$(readlink "$CURRENT" 2>/dev/null || true)"
if [ -z "$release" ]; then
  log "no application is deployed yet: nothing to restart"
  exit 0
fi
write_env || true
flip_to "$release"
