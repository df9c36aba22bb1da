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
# Where Elastic Beanstalk's download-source-bundle leaves the environment's application version.
BUNDLE="${EB_PLATFORM_BUNDLE:-/opt/elasticbeanstalk/deploy/appsource/source_bundle}"
# Elastic Beanstalk's own tools on its instances (download-source-bundle, get-config).
EB_BIN="${EB_PLATFORM_EB_BIN:-/opt/elasticbeanstalk/bin}"
HOOKS="${EB_PLATFORM_HOOKS:-/opt/elasticbeanstalk/hooks}"
DEPLOY_LOG="${EB_PLATFORM_DEPLOY_LOG:-/var/log/eb-platform-deploy.log}"
READY_TIMEOUT="${EB_PLATFORM_READY_TIMEOUT:-60}"
# The port colour.service gives the application (PORT); a test on a shared machine moves it.
APP_PORT="${EB_PLATFORM_APP_PORT:-5000}"
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
# running a moment later. A colour that exits or restarts has failed. Each look
# is one systemctl and one ss: the load is being served meanwhile, and on a
# small instance every process the deploy starts takes CPU from it.
wait_ready() {
  local colour="$1" deadline state restarts pid key value
  deadline=$((SECONDS + READY_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    state="" restarts=0 pid=0
    while IFS='=' read -r key value; do
      case "$key" in
        ActiveState) state="$value" ;;
        NRestarts) restarts="$value" ;;
        MainPID) pid="$value" ;;
      esac
    done < <(systemctl show -p ActiveState -p NRestarts -p MainPID "$colour.service")
    if [ "$state" = failed ] || [ "${restarts:-0}" -gt 0 ]; then
      READY_FAILURE="it exited ($(unit_prop "$colour" Result), status $(unit_prop "$colour" ExecMainStatus))"
      return 1
    fi
    if [ "$state" = active ] && [ "${pid:-0}" -gt 0 ] && listeners | grep -qx "$pid"; then
      sleep 1
      if [ "$(unit_prop "$colour" MainPID)" = "$pid" ] && [ "$(unit_prop "$colour" ActiveState)" = active ]; then
        return 0
      fi
    fi
    sleep 1
  done
  READY_FAILURE="it did not listen on port $APP_PORT within ${READY_TIMEOUT}s"
  return 1
}

# Puts the application version at $BUNDLE and returns 0, or returns 1 when there is none to deploy.
# eb-platform-deploy hands its bundle over in EB_PLATFORM_LOCAL_BUNDLE; on Elastic Beanstalk a custom
# platform fetches the environment's version itself with download-source-bundle (AWS's sample
# platforms do it in appdeploy/pre): the host manager does not.
fetch_bundle() {
  if [ -n "${EB_PLATFORM_LOCAL_BUNDLE:-}" ]; then
    [ -f "$EB_PLATFORM_LOCAL_BUNDLE" ] || fail "no application bundle at $EB_PLATFORM_LOCAL_BUNDLE"
    if [ "$(realpath "$EB_PLATFORM_LOCAL_BUNDLE")" != "$(realpath -m "$BUNDLE")" ]; then
      install -d -m 0755 "$(dirname "$BUNDLE")"
      cp "$EB_PLATFORM_LOCAL_BUNDLE" "$BUNDLE.next"
      mv -f "$BUNDLE.next" "$BUNDLE"
    fi
    return 0
  fi
  [ -x "$EB_BIN/download-source-bundle" ] ||
    fail "$EB_BIN/download-source-bundle is missing: this is not an Elastic Beanstalk instance; deploy with: eb-platform-deploy BUNDLE.zip"
  local out
  if ! out="$("$EB_BIN/download-source-bundle" 2>&1)"; then
    log "download-source-bundle found no application version: ${out:-no output}"
    return 1
  fi
  [ -z "$out" ] || log "download-source-bundle: $out"
  return 0
}

# Writes the application's environment, from Elastic Beanstalk's option settings (namespace
# aws:elasticbeanstalk:application:environment), as a systemd EnvironmentFile. Returns 0 when it
# changed, 1 when it is as it was. Without get-config (not on Elastic Beanstalk) it stays as it is.
write_env() {
  [ -x "$EB_BIN/get-config" ] || return 1
  local settings
  settings="$("$EB_BIN/get-config" optionsettings)" || fail "get-config optionsettings failed"
  printf '%s' "$settings" | python3 -c '
import json, re, sys
settings = json.load(sys.stdin) or {}
variables = settings.get("aws:elasticbeanstalk:application:environment") or {}
for key, value in sorted(variables.items()):
    # PORT belongs to the platform; a name systemd cannot take is left out, not mangled.
    if key == "PORT" or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key):
        continue
    value = "" if value is None else str(value)
    print("%s=\"%s\"" % (key, value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")))
' >"$APP_ROOT/env.next" || fail "get-config optionsettings did not give JSON"
  chown root:webapp "$APP_ROOT/env.next" 2>/dev/null || true
  chmod 0640 "$APP_ROOT/env.next"
  if [ -f "$APP_ROOT/env" ] && cmp -s "$APP_ROOT/env.next" "$APP_ROOT/env"; then
    rm -f "$APP_ROOT/env.next"
    return 1
  fi
  mv -f "$APP_ROOT/env.next" "$APP_ROOT/env"
  return 0
}

# Holds the deploy lock for the rest of the calling script: one deploy, restart or reconfiguration at a time.
take_deploy_lock() {
  mkdir -p "$APP_ROOT"
  exec 9>"$APP_ROOT/.deploy.lock"
  flock -w 600 9 || fail "another deploy has held the lock for 10 minutes"
}

# Runs one of the host manager's commands (appdeploy, configdeploy, restartappserver) the way it
# runs them: the executable files of pre/, enact/ and post/ in name order, stopping at the first failure.
run_hooks() {
  local command="$1" phase hook
  for phase in pre enact post; do
    for hook in "$HOOKS/$command/$phase"/*; do
      if [ ! -f "$hook" ] || [ ! -x "$hook" ]; then continue; fi
      if ! "$hook"; then
        log "$command failed in $phase/$(basename "$hook")"
        return 1
      fi
    done
  done
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
  # What starts at boot: the links are read at the next boot, so the running manager needs no reload.
  # A reload re-reads every unit: on the emulated local instance under load it kept a deploy 20 s
  # longer and raised the p99 during it from 1.8 to 2.65 times the steady state's (six deploys
  # alternating with and without).
  systemctl enable --quiet --no-reload "$new.service"
  if [ -n "$old" ]; then
    systemctl disable --quiet --no-reload "$old.service" 2>/dev/null || true
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
