#!/usr/bin/env bash
# Helpers for the builder's setup scripts (sourced, not run).

# shellcheck disable=SC1091
. /etc/os-release
export OS_ID="${ID}" OS_VERSION_ID="${VERSION_ID:-}" OS_CODENAME="${VERSION_CODENAME:-}"

# True when systemd is PID 1 here: on the build instance, not in a root made with mmdebstrap.
systemd_running() {
  [ -d /run/systemd/system ]
}

apt_update() {
  apt-get -qq update
}

# Installs packages without starting their services: on the build instance (systemd running) a
# package's own start would meet the platform's files already copied in (nginx's default site
# beside the platform's default_server fails nginx's postinst). Each setup script enables and
# starts its own services once their configuration is in place.
apt_install() {
  local policy=/usr/sbin/policy-rc.d
  printf '#!/bin/sh\n# No service starts while the platform builder installs packages.\nexit 101\n' >"$policy"
  chmod 0755 "$policy"
  local status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" || status=$?
  rm -f "$policy"
  return "$status"
}

# Enables a unit for the next boot, and starts it now when systemd runs.
enable_unit() {
  systemctl enable "$1" >/dev/null 2>&1 || systemctl enable "$1"
  if systemd_running; then
    systemctl restart "$1"
  fi
}

sysctl_apply() {
  if systemd_running; then
    sysctl --system >/dev/null
  fi
}
