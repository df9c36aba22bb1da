#!/usr/bin/env bash
# A configuration change without a new bundle: when the environment's properties
# (aws:elasticbeanstalk:application:environment) changed, the running release
# starts in the other colour with them and the old colour drains, so the
# application sees them without a failed request.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../../../../../usr/local/lib/eb-platform source=deploy.sh
. "${EB_PLATFORM_LIB:-/usr/local/lib/eb-platform}/deploy.sh"

take_deploy_lock
if ! write_env; then
  log "environment properties unchanged: the application keeps running as it is"
  exit 0
fi
release="$(readlink "$CURRENT" 2>/dev/null || true)"
if [ -z "$release" ]; then
  log "environment properties written; no application is deployed yet"
  exit 0
fi
log "environment properties changed: restarting $release in the other colour"
flip_to "$release"
