#!/usr/bin/env bash
# Clears the staging area and old releases once the deploy has succeeded.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../../../../../usr/local/lib/eb-platform source=deploy.sh
. "${EB_PLATFORM_LIB:-/usr/local/lib/eb-platform}/deploy.sh"

rm -rf "$STAGING"
mkdir -p "$STAGING"
prune_releases
