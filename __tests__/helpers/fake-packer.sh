#!/usr/bin/env bash
# A stand-in for the packer binary in tests of the packer builder: it says what Packer's amazon-ebs
# builder says, in machine-readable form, as the Packer version FAKE_PACKER_VERSION (1.6.6 by
# default) says it, and refuses what that version refuses:
# - before 1.10, no `plugins install --path` (Go's flag package: "flag provided but not defined");
# - `plugins install github.com/hashicorp/amazon vX`: the plugin publishes no SHA256SUMS on GitHub
#   since v1.3.10, so the GitHub getter (1.10 to 1.13; 1.14 and later when the release site does
#   not answer, as here) fails as in packer-plugin-amazon#596 and packer#13661;
# - from 1.10, `plugins install --path BIN` runs `BIN describe` and installs the binary under
#   PACKER_PLUGIN_PATH with its _SHA256SUM (Packer's command/plugins_install.go), and validate and
#   build need it there: "The builder amazon-ebs is unknown by Packer, and is likely part of a
#   plugin that is not installed";
# - before 1.13 the AMI is a message (`    NAME: AMI: ami-…`), from 1.13 a say (`==> NAME: AMI: …`).
# FAKE_PACKER_MODE: ok (default), fail (a provisioner fails), hang (runs until interrupted, then
# cleans up as Packer does on SIGINT). FAKE_PACKER_LOG gets its arguments.
set -euo pipefail
[ -z "${FAKE_PACKER_LOG:-}" ] || printf '%s\n' "$*" >>"$FAKE_PACKER_LOG"
version="${FAKE_PACKER_VERSION:-1.6.6}"
at_least() { [ "$(printf '%s\n%s\n' "$1" "$version" | sort -V | head -n1)" = "$1" ]; }
plugin_dir="${PACKER_PLUGIN_PATH:-$HOME/.config/packer/plugins}/github.com/hashicorp/amazon"

install_plugin() {
  local binary=$1 describe name
  if ! describe=$("$binary" describe 2>&1); then
    printf 'Error: Failed to describe the plugin\n\nPacker failed to run %s describe: %s\n' "$binary" "$describe" >&2
    exit 1
  fi
  name="packer-plugin-amazon_v$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["version"] + "_" + d["api_version"])' <<<"$describe")_linux_amd64"
  mkdir -p "$plugin_dir"
  cp "$binary" "$plugin_dir/$name"
  chmod 755 "$plugin_dir/$name"
  sha256sum "$binary" | cut -d' ' -f1 | tr -d '\n' >"$plugin_dir/${name}_SHA256SUM"
  echo "Successfully installed plugin github.com/hashicorp/amazon from $binary to $plugin_dir/$name"
}

need_plugin() {
  at_least 1.10.0 || return 0
  if ! ls "$plugin_dir"/packer-plugin-amazon_v*_x5.0_linux_amd64_SHA256SUM >/dev/null 2>&1; then
    printf 'Error: Failed to initialize build "ebpacker"\n\nThe builder amazon-ebs is unknown by Packer, and is likely part of a plugin that is not installed.\nYou may find the needed plugin along with installation instructions documented on the Packer integrations page.\n' >&2
    exit 1
  fi
}

case "${1:-}" in
  version) echo "Packer v$version"; exit 0 ;;
  validate) need_plugin; echo "The configuration is valid."; exit 0 ;;
  plugins)
    [ "${2:-}" = install ] || { echo "unknown plugins command ${2:-}" >&2; exit 1; }
    if [ "${3:-}" = --path ]; then
      at_least 1.10.0 || { printf 'flag provided but not defined: -path\n' >&2; exit 1; }
      install_plugin "$4"
      exit 0
    fi
    v="${4#v}"
    printf '2 errors occurred:\n\t* could not get sha256 checksum file for %s version %s. Is the file present on the release and correctly named ? GET https://github.com/hashicorp/packer-plugin-amazon/releases/download/v%s/packer-plugin-amazon_v%s_SHA256SUMS: 404  []\n\t* could not install any compatible version of plugin "%s"\n' \
      "$3" "$v" "$v" "$v" "$3" >&2
    exit 1
    ;;
  build) need_plugin ;;
  *) echo "unknown command $1" >&2; exit 1 ;;
esac
t() { date +%s; }
esc() { printf '%s' "$1" | sed 's/,/%!(PACKER_COMMA)/g' | awk 'BEGIN { ORS = "" } NR > 1 { print "\\n" } { print }'; }
say() { printf '%s,%s,ui,say,%s\n' "$(t)" "${2-ebpacker}" "$(esc "$1")"; }
msg() { printf '%s,ebpacker,ui,message,%s\n' "$(t)" "$(esc "$1")"; }
# Packer 1.13 turned the UI's Message into Say: a message reads as a say.
message() { if at_least 1.13.0; then say "==> ebpacker: $1"; else msg "    ebpacker: $1"; fi; }
say "==> ebpacker: Creating temporary keypair: packer_6b07-key"
say "==> ebpacker: Creating temporary security group for this instance: packer_6b07-sg"
say "==> ebpacker: Launching a source AWS instance..."
message "Instance ID: i-0fa4e1c2b3d4e5f60"
say "==> ebpacker: Provisioning with shell script: /tmp/packer-shell1"
message "==> 20-docker.sh"
case "${FAKE_PACKER_MODE:-ok}" in
  fail)
    message "E: Unable to locate package docker-ce, nor docker.io"
    say "==> ebpacker: Provisioning step had errors: Running the cleanup provisioner, if present..."
    say "==> ebpacker: Terminating the source AWS instance..."
    printf '%s,ebpacker,error,Script exited with non-zero exit status: 100\n' "$(t)"
    exit 1
    ;;
  hang | hang-after-ami)
    [ "$FAKE_PACKER_MODE" = hang ] || { say "==> ebpacker: Creating AMI web-1.0.0 from instance i-0fa4e1c2b3d4e5f60"; message "AMI: ami-0fedcba9876543210"; say "==> ebpacker: Waiting for AMI to become ready..."; }
    # Python takes SIGINT even when the shell that started it ignores it (as a test worker's may):
    # like Packer, it catches the signal, cleans up and exits.
    exec python3 -c '
import os, signal, sys, time
def stop(*_):
    t = int(time.time())
    print("%d,ebpacker,ui,say,==> ebpacker: Terminating the source AWS instance..." % t, flush=True)
    print("%d,ebpacker,ui,say,==> ebpacker: Deleting temporary keypair..." % t, flush=True)
    with open(os.environ.get("FAKE_PACKER_LOG", "/dev/null"), "a") as f:
        f.write("interrupted\n")
    sys.exit(1)
signal.signal(signal.SIGINT, stop)
print("%d,ebpacker,ui,message,    ebpacker: ==> 30-nginx.sh" % int(time.time()), flush=True)
while True:
    time.sleep(0.2)
'
    ;;
esac
say "==> ebpacker: Creating AMI web-1.0.0 from instance i-0fa4e1c2b3d4e5f60"
message "AMI: ami-0123456789abcdef0"
say "==> ebpacker: Deleting temporary keypair..."
say "
==> Builds finished. The artifacts of successful builds are:" ""
printf '%s,ebpacker,artifact-count,1\n' "$(t)"
printf '%s,ebpacker,artifact,0,id,eu-west-1:ami-0123456789abcdef0\n' "$(t)"
say "--> ebpacker: AMIs were created:
eu-west-1: ami-0123456789abcdef0
" ""
