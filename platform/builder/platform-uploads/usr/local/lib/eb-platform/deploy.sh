#!/usr/bin/env bash
# The blue/green deploy, shared by the platform's hooks (sourced, not run).
#
# Each deploy unpacks into a release directory of its own and points
# /var/app/current at it with an atomic rename, so the running colour keeps
# its binary while the idle colour starts the new one on the same port
# (SO_REUSEPORT). Once the new process listens, the old colour gets SIGINT
# through `systemctl stop` and drains; systemd kills it after TimeoutStopSec.
# A new binary that does not come up is stopped, `current` goes back to the
# previous release, and the old colour never stopped serving.

# These are read by the scripts that source this file.
# shellcheck disable=SC2034
APP_ROOT="${EB_PLATFORM_APP_ROOT:-/var/app}"
BUNDLE="${EB_PLATFORM_BUNDLE:-/opt/elasticbeanstalk/deploy/appsource/source_bundle}"
DEPLOY_LOG="${EB_PLATFORM_DEPLOY_LOG:-/var/log/eb-platform-deploy.log}"
READY_TIMEOUT="${EB_PLATFORM_READY_TIMEOUT:-60}"
APP_PORT=5000
STAGING="$APP_ROOT/staging"
RELEASES="$APP_ROOT/releases"
CURRENT="$APP_ROOT/current"
ACTIVE_FILE="$APP_ROOT/active-colour"
KEEP_RELEASES=3

log() {
  local line
  line="$(date -u +%Y-%m-%dT%H:%M:%SZ) $*"
  printf '%s\n' "$line" >&2
  printf '%s\n' "$line" >>"$DEPLOY_LOG" 2>/dev/null || true
}

fail() {
  log "ERROR: $*"
  exit 1
}

active_colour() {
  local c
  c="$(cat "$ACTIVE_FILE" 2>/dev/null || true)"
  case "$c" in blue | green) echo "$c" ;; *) echo "" ;; esac
}

other_colour() {
  if [ "$1" = blue ]; then echo green; else echo blue; fi
}

# Points `current` at a release with one rename: never a moment without it.
switch_current() {
  ln -sfn "$1" "$CURRENT.next"
  mv -T "$CURRENT.next" "$CURRENT"
}

# PIDs listening on the application port.
listeners() {
  ss -ltnpH "sport = :$APP_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}

unit_prop() {
  systemctl show -p "$2" --value "$1.service"
}

# Waits until the colour's own process listens on the port, and is still
# running a moment later. A colour that exits or restarts has failed.
wait_ready() {
  local colour="$1" deadline pid state restarts
  deadline=$((SECONDS + READY_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    state="$(unit_prop "$colour" ActiveState)"
    restarts="$(unit_prop "$colour" NRestarts)"
    if [ "$state" = failed ] || [ "${restarts:-0}" -gt 0 ]; then
      READY_FAILURE="it exited ($(unit_prop "$colour" Result), status $(unit_prop "$colour" ExecMainStatus))"
      return 1
    fi
    pid="$(unit_prop "$colour" MainPID)"
    if [ "$state" = active ] && [ "${pid:-0}" -gt 0 ] && listeners | grep -qx "$pid"; then
      sleep 1
      if [ "$(unit_prop "$colour" MainPID)" = "$pid" ] && [ "$(unit_prop "$colour" ActiveState)" = active ]; then
        return 0
      fi
    fi
    sleep 0.5
  done
  READY_FAILURE="it did not listen on port $APP_PORT within ${READY_TIMEOUT}s"
  return 1
}

# The application's environment from Elastic Beanstalk's option settings, as a systemd EnvironmentFile.
write_env() {
  local getconfig=/opt/elasticbeanstalk/bin/get-config
  [ -x "$getconfig" ] || return 0
  "$getconfig" environment | python3 -c '
import json, sys
for key, value in sorted(json.load(sys.stdin).items()):
    if key == "PORT" or not key.replace("_", "a").isalnum():
        continue
    print("%s=\"%s\"" % (key, str(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")))
' >"$APP_ROOT/env.next"
  chown root:webapp "$APP_ROOT/env.next" 2>/dev/null || true
  chmod 0640 "$APP_ROOT/env.next"
  mv -f "$APP_ROOT/env.next" "$APP_ROOT/env"
}

# Starts the idle colour on `release`, waits for it, then stops the old one.
flip_to() {
  local release="$1" previous old new
  previous="$(readlink "$CURRENT" 2>/dev/null || true)"
  old="$(active_colour)"
  new="$(other_colour "$old")"
  switch_current "$release"

  # An idle colour still running means an interrupted deploy: start it afresh.
  if systemctl is-active --quiet "$new.service"; then
    systemctl stop "$new.service"
  fi
  systemctl reset-failed "$new.service" 2>/dev/null || true
  log "starting $new on $release"
  systemctl start --no-block "$new.service"
  if ! wait_ready "$new"; then
    systemctl stop "$new.service" 2>/dev/null || true
    systemctl reset-failed "$new.service" 2>/dev/null || true
    if [ -n "$previous" ] && [ "$previous" != "$release" ]; then
      switch_current "$previous"
    elif [ "$previous" != "$release" ]; then
      rm -f "$CURRENT"
    fi
    log "last output of $new:"
    tail -n 20 "/var/log/app/$new.log" 2>/dev/null | sed 's/^/    /' >&2 || true
    fail "the new version did not come up: $READY_FAILURE. ${old:-nothing} keeps serving${previous:+ $previous}."
  fi

  printf '%s\n' "$new" >"$ACTIVE_FILE.next"
  mv -f "$ACTIVE_FILE.next" "$ACTIVE_FILE"
  systemctl enable --quiet "$new.service"
  if [ -n "$old" ]; then
    systemctl disable --quiet "$old.service" 2>/dev/null || true
    log "stopping $old: SIGINT, drain, SIGKILL after its stop timeout"
    systemctl stop "$old.service" || true
    if [ "$(unit_prop "$old" Result)" = timeout ]; then
      log "$old did not finish draining within its stop timeout and was killed"
    fi
    systemctl reset-failed "$old.service" 2>/dev/null || true
  fi
  log "$new serves $release"
}

# Keeps the current release and the newest few before it.
prune_releases() {
  local keep current
  current="$(readlink "$CURRENT" 2>/dev/null || true)"
  keep=0
  while IFS= read -r dir; do
    [ -n "$dir" ] || continue
    if [ "$dir" = "$current" ]; then continue; fi
    keep=$((keep + 1))
    if [ "$keep" -ge "$KEEP_RELEASES" ]; then rm -rf -- "$dir"; fi
  done < <(find "$RELEASES" -mindepth 1 -maxdepth 1 -type d -printf '%T@ %p\n' 2>/dev/null | sort -rn | cut -d' ' -f2-)
}
