#!/usr/bin/env bash
# Makes the staged bundle a release, starts it in the idle colour, and stops
# the old colour once the new one listens. See deploy.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../../../../../usr/local/lib/eb-platform source=deploy.sh
. "${EB_PLATFORM_LIB:-/usr/local/lib/eb-platform}/deploy.sh"

take_deploy_lock
if [ ! -e "$STAGING/application" ]; then
  log "nothing staged (no application version yet): nothing to start"
  exit 0
fi
[ -x "$STAGING/application" ] || fail "the staged application in $STAGING is not executable: the pre hook did not run or failed"
release="$RELEASES/$(date -u +%Y%m%dT%H%M%SZ)-$$"
mkdir -p "$RELEASES"
cp -a "$STAGING" "$release"
chown -R root:root "$release"
chmod -R go-w "$release"
chmod 0755 "$release" "$release/application"
write_env || true
flip_to "$release"
