#!/usr/bin/env bash
# A stand-in for the packer binary in unit tests of the packer builder: it says
# what Packer 1.6.6's amazon-ebs builder says, in machine-readable form.
# FAKE_PACKER_MODE: ok (default), fail (a provisioner fails), hang (runs until
# interrupted, then cleans up as Packer does on SIGINT); FAKE_PACKER_LOG gets its arguments.
set -euo pipefail
[ -z "${FAKE_PACKER_LOG:-}" ] || printf '%s\n' "$*" >>"$FAKE_PACKER_LOG"
case "${1:-}" in
  version) echo "Packer v${FAKE_PACKER_VERSION:-1.6.6}"; exit 0 ;;
  validate) echo "Template validated successfully."; exit 0 ;;
  plugins) exit 0 ;;
  build) ;;
  *) echo "unknown command $1" >&2; exit 1 ;;
esac
t() { date +%s; }
say() { printf '%s,ebpacker,ui,say,%s\n' "$(t)" "$(printf '%s' "$1" | sed 's/,/%!(PACKER_COMMA)/g')"; }
msg() { printf '%s,ebpacker,ui,message,%s\n' "$(t)" "$(printf '%s' "$1" | sed 's/,/%!(PACKER_COMMA)/g')"; }
say "==> ebpacker: Creating temporary keypair: packer_6b07-key"
say "==> ebpacker: Creating temporary security group for this instance: packer_6b07-sg"
say "==> ebpacker: Launching a source AWS instance..."
msg "    ebpacker: Instance ID: i-0fa4e1c2b3d4e5f60"
say "==> ebpacker: Provisioning with shell script: /tmp/packer-shell1"
msg "    ebpacker: ==> 20-docker.sh"
case "${FAKE_PACKER_MODE:-ok}" in
  fail)
    msg "    ebpacker: E: Unable to locate package docker-ce, nor docker.io"
    say "==> ebpacker: Provisioning step had errors: Running the cleanup provisioner, if present..."
    say "==> ebpacker: Terminating the source AWS instance..."
    printf '%s,ebpacker,error,Script exited with non-zero exit status: 100\n' "$(t)"
    exit 1
    ;;
  hang)
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
msg "    ebpacker: AMI: ami-0123456789abcdef0"
say "==> ebpacker: Deleting temporary keypair..."
printf '%s,ebpacker,artifact-count,1\n' "$(t)"
printf '%s,ebpacker,artifact,0,id,eu-west-1:ami-0123456789abcdef0\n' "$(t)"
