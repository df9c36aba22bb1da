#!/usr/bin/env bash
# Fetches the application version (download-source-bundle on Elastic Beanstalk, or the bundle
# eb-platform-deploy was given), unpacks it into /var/app/staging and checks that it holds an
# executable `application` at its root. No version yet is not an error: nothing is deployed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../../../../../usr/local/lib/eb-platform source=deploy.sh
. "${EB_PLATFORM_LIB:-/usr/local/lib/eb-platform}/deploy.sh"

rm -rf "$STAGING"
mkdir -p "$STAGING"
if ! fetch_bundle; then
  log "no application version to deploy yet: nothing staged"
  exit 0
fi
[ -f "$BUNDLE" ] || fail "no application bundle at $BUNDLE"
if ! unzip -qq -o "$BUNDLE" -d "$STAGING" 2>"$STAGING.unzip-errors"; then
  fail "the application bundle is not a readable zip: $(head -c 300 "$STAGING.unzip-errors")"
fi
rm -f "$STAGING.unzip-errors"
# Elastic Beanstalk's configuration folders are not part of the application.
rm -rf "$STAGING/.ebextensions" "$STAGING/.platform"
app="$STAGING/application"
if [ ! -e "$app" ] && [ ! -L "$app" ]; then
  fail "the bundle has no 'application' at its root (it holds: $(find "$STAGING" -mindepth 1 -maxdepth 1 -printf '%f ' | head -c 200))"
fi
[ ! -L "$app" ] || fail "'application' in the bundle is a symbolic link: expected the binary itself"
[ -f "$app" ] || fail "'application' in the bundle is not a regular file"
[ -x "$app" ] || fail "'application' in the bundle is not executable: zip it with its execute bit set (chmod +x application)"
log "staged $(stat -c %s "$app") bytes of application in $STAGING"
