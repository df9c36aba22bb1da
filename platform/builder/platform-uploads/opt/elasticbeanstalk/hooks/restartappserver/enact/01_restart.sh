#!/usr/bin/env bash
# Restarts the application without downtime: the same release in the other colour.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../../../../../usr/local/lib/eb-platform source=deploy.sh
. "${EB_PLATFORM_LIB:-/usr/local/lib/eb-platform}/deploy.sh"

exec 9>"$APP_ROOT/.deploy.lock"
flock -w 600 9 || fail "another deploy has held the lock for 10 minutes"
release="$(readlink "$CURRENT" 2>/dev/null || true)"
[ -n "$release" ] || fail "no application is deployed yet"
write_env
flip_to "$release"
