#!/usr/bin/env bash
# Makes the staged bundle a release, starts it in the idle colour, and stops
# the old colour once the new one listens. See deploy.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../../../../../usr/local/lib/eb-platform source=deploy.sh
. "${EB_PLATFORM_LIB:-/usr/local/lib/eb-platform}/deploy.sh"

exec 9>"$APP_ROOT/.deploy.lock"
flock -w 600 9 || fail "another deploy has held the lock for 10 minutes"

[ -x "$STAGING/application" ] || fail "nothing is staged in $STAGING: the pre hook did not run or failed"
release="$RELEASES/$(date -u +%Y%m%dT%H%M%SZ)-$$"
mkdir -p "$RELEASES"
cp -a "$STAGING" "$release"
chown -R root:root "$release"
chmod -R go-w "$release"
chmod 0755 "$release" "$release/application"
write_env
flip_to "$release"
