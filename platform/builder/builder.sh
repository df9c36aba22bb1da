#!/usr/bin/env bash
# Entry point Packer runs (as root) on the build instance: copies
# platform-uploads/ onto / and runs setup-scripts/*.sh in name order.
# Also runs as root inside a Debian root made by mmdebstrap, where no systemd
# is running; every step is idempotent, so running it twice changes nothing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DEBIAN_FRONTEND=noninteractive
export DOCKER_SOURCE="${DOCKER_SOURCE:-docker-ce}"
export DOCKER_VERSION="${DOCKER_VERSION:-28.3.3}"

if [ "$(id -u)" -ne 0 ]; then
  echo "builder.sh must run as root" >&2
  exit 1
fi

echo "==> Copying platform files onto /"
# Ownership is root's whatever the checkout's; modes come from the repository.
cp -R --no-preserve=ownership "$here/platform-uploads/." /

for script in "$here"/setup-scripts/*.sh; do
  echo "==> $(basename "$script")"
  bash "$script"
done
# What the image is, on the image itself: the smoke test's SBOM reads it from the booted instance.
if [ -n "${PLATFORM_NAME:-}" ]; then
  printf 'NAME=%s\nVERSION=%s\n' "$PLATFORM_NAME" "${PLATFORM_VERSION:-}" >/etc/eb-platform-release
fi
echo "==> Platform provisioned"
