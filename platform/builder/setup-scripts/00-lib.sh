#!/usr/bin/env bash
# Checks the helpers every setup script sources are in place; sourcing them
# here first means a broken upload fails the build at once.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../platform-uploads/usr/local/lib/eb-platform source=setup.sh
. /usr/local/lib/eb-platform/setup.sh
echo "OS: ${OS_ID} ${OS_VERSION_ID} (${OS_CODENAME}); systemd running: $(systemd_running && echo yes || echo no)"
