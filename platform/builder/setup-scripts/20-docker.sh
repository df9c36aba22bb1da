#!/usr/bin/env bash
# Docker Engine: from Docker's own apt repository at DOCKER_VERSION (default),
# or the distribution's docker.io with DOCKER_SOURCE=distro.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR/../platform-uploads/usr/local/lib/eb-platform source=setup.sh
. /usr/local/lib/eb-platform/setup.sh

case "${DOCKER_SOURCE:-docker-ce}" in
  distro)
    apt_install docker.io
    ;;
  docker-ce)
    install -d -m 0755 /etc/apt/keyrings
    if [ ! -s /etc/apt/keyrings/docker.asc ]; then
      curl -fsSL --retry 5 "https://download.docker.com/linux/${OS_ID}/gpg" -o /etc/apt/keyrings/docker.asc
      chmod a+r /etc/apt/keyrings/docker.asc
    fi
    echo "deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/${OS_ID} ${OS_CODENAME} stable" \
      >/etc/apt/sources.list.d/docker.list
    apt_update
    # Docker's packages are versioned per distribution release, e.g. 5:28.3.3-1~ubuntu.24.04~noble.
    full="$(apt-cache madison docker-ce | awk -v v="5:${DOCKER_VERSION}-" 'index($3, v) == 1 { print $3; exit }')"
    if [ -z "$full" ]; then
      echo "Docker ${DOCKER_VERSION} is not in Docker's repository for ${OS_ID} ${OS_CODENAME}; available:" >&2
      apt-cache madison docker-ce | awk '{ print $3 }' | head -n 10 >&2
      exit 1
    fi
    apt_install "docker-ce=${full}" "docker-ce-cli=${full}" containerd.io docker-buildx-plugin docker-compose-plugin
    apt-mark hold docker-ce docker-ce-cli >/dev/null
    ;;
  *)
    echo "DOCKER_SOURCE must be docker-ce or distro, not '${DOCKER_SOURCE}'" >&2
    exit 1
    ;;
esac

install -d -m 0755 /etc/docker
cp /usr/local/lib/eb-platform/docker-daemon.json /etc/docker/daemon.json
enable_unit docker.service
