#!/usr/bin/env bash
# Builds the sample app as a static binary and an application bundle:
#   build.sh --version 1.2.3 [--variant normal|crash|ignore-sigint|slow-start|slow-drain] --out DIR
# writes DIR/application and DIR/bundle.zip (application at its root, 0755).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version=""
variant="normal"
out=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --version) version="${2:-}"; shift 2 ;;
    --variant) variant="${2:-}"; shift 2 ;;
    --out) out="${2:-}"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if ! [[ "$version" =~ ^[A-Za-z0-9._-]+$ ]]; then
  echo "--version must be letters, digits, '.', '_' or '-', not '$version'" >&2
  exit 2
fi
[ -n "$out" ] || { echo "--out DIR is required" >&2; exit 2; }

flags=()
case "$variant" in
  normal) ;;
  crash) flags+=(-DCRASH_ON_START) ;;
  ignore-sigint) flags+=(-DIGNORE_SIGINT) ;;
  # Binds its port only after 20 s (longer than the rest of a deploy takes, even emulated): a deploy
  # that does not wait for readiness stops the old colour while nothing listens.
  slow-start) flags+=(-DSTART_DELAY_MS=20000) ;;
  # Once told to stop, answers each request it still has 3 s late: a deploy must let it finish.
  slow-drain) flags+=(-DDRAIN_DELAY_MS=3000) ;;
  *) echo "--variant must be normal, crash, ignore-sigint, slow-start or slow-drain, not '$variant'" >&2; exit 2 ;;
esac

cc="${CC:-}"
if [ -z "$cc" ]; then
  if command -v musl-gcc >/dev/null 2>&1; then cc=musl-gcc; else cc=cc; fi
fi
mkdir -p "$out"
"$cc" -static -O2 -Wall -Wextra -pthread "${flags[@]}" -DAPP_VERSION="\"$version\"" \
  -o "$out/application.tmp" "$here/server.c"
chmod 0755 "$out/application.tmp"
mv -f "$out/application.tmp" "$out/application"

rm -f "$out/bundle.zip"
if command -v zip >/dev/null 2>&1; then
  (cd "$out" && zip -q -X bundle.zip application)
else
  python3 - "$out" <<'PY'
import os, sys, zipfile
out = sys.argv[1]
info = zipfile.ZipInfo("application", date_time=(1980, 1, 1, 0, 0, 0))
info.external_attr = (0o100755 << 16)
info.compress_type = zipfile.ZIP_DEFLATED
with zipfile.ZipFile(os.path.join(out, "bundle.zip"), "w") as z, open(os.path.join(out, "application"), "rb") as f:
    z.writestr(info, f.read())
PY
fi
