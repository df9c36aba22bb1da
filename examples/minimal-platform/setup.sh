#!/usr/bin/env bash
# Runs as root on Packer's instance: whatever the platform installs goes here.
set -euo pipefail

install -d -m 0755 /etc/minimal-platform
printf '%s\n' "${PLATFORM_VERSION:-unknown}" >/etc/minimal-platform/version
