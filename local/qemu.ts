/**
 * Starting QEMU here: KVM when it works, TCG when it does not (on this machine
 * /dev/kvm is a nested KVM whose guests hang silently), under a watchdog that
 * kills the VM when the process that started it dies by any means.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realClock } from '../src/lib/clock';

export type Accelerator = 'kvm' | 'tcg';

/** Runs QEMU under a watchdog that kills it when this process dies, a signal or SIGKILL included. */
export const qemuWatchdog =
  'parent=$1; shift; "$@" & vm=$!; trap \'kill $vm 2>/dev/null; wait $vm\' TERM INT; while kill -0 "$parent" 2>/dev/null && kill -0 "$vm" 2>/dev/null; do sleep 1; done; kill "$vm" 2>/dev/null; wait "$vm"';

/** QEMUs still running when this process exits normally are killed. */
const running = new Set<ChildProcess>();
let hooked = false;
export function guardProcess(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));
}

/** Where the verdict on KVM is kept once a KVM guest was seen to hang, so later VMs start with TCG at once. */
const VERDICT = path.resolve(__dirname, '../.cache/kvm-hangs');

function kvmUsable(): boolean {
  if (process.env.LOCAL_INSTANCE_ACCEL === 'tcg' || fs.existsSync(VERDICT)) return false;
  try {
    fs.accessSync('/dev/kvm', fs.constants.R_OK | fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface QemuStart {
  /** QEMU's arguments for the accelerator chosen. */
  args: (accel: Accelerator) => string[];
  /** The serial console's file, watched to tell a hanging KVM guest. */
  consoleLog: string;
  log?: (line: string) => void;
}

/** What a guest booted here looks like: a direct-kernel boot of a qcow2 overlay with user networking and forwarded ports. */
export interface GuestSpec {
  kernel: string;
  initrd: string;
  /** Appended to the kernel command line after the common part. */
  append: string;
  disk: string;
  /** host address:port forwarded to each guest port. */
  forwards: { host: string; guest: number }[];
  consoleLog: string;
  memoryMiB?: number;
  /** Further QEMU arguments (a QMP socket, say). */
  extra?: string[];
}

export function guestArgs(guest: GuestSpec, accel: Accelerator): string[] {
  const forwards = guest.forwards.map((f) => `hostfwd=tcp:${f.host}-:${f.guest}`).join(',');
  return [
    '-machine',
    accel === 'kvm' ? 'q35,accel=kvm' : 'q35,accel=tcg',
    '-cpu',
    accel === 'kvm' ? 'host' : 'max',
    '-m',
    String(guest.memoryMiB ?? 2048),
    '-smp',
    '2',
    '-kernel',
    guest.kernel,
    '-initrd',
    guest.initrd,
    '-append',
    `root=/dev/vda rw console=ttyS0 net.ifnames=0 quiet ${guest.append}`,
    '-drive',
    `file=${guest.disk},if=virtio,format=qcow2,cache=unsafe`,
    '-netdev',
    `user,id=n0,${forwards}`,
    '-device',
    'virtio-net-pci,netdev=n0',
    '-device',
    'virtio-rng-pci',
    '-display',
    'none',
    '-monitor',
    'none',
    ...(guest.extra ?? []),
    '-serial',
    `file:${guest.consoleLog}`,
    '-no-reboot',
  ];
}

function spawnQemu(args: string[]): ChildProcess {
  const child = spawn('bash', ['-c', qemuWatchdog, 'qemu-watchdog', String(process.pid), 'qemu-system-x86_64', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  guardProcess(child);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/**
 * Boots a VM: with KVM first when /dev/kvm is there, and with TCG when the KVM
 * guest prints nothing for ten seconds (a hang), remembering that for later VMs.
 */
export async function startQemu(start: QemuStart): Promise<{ child: ChildProcess; accel: Accelerator }> {
  if (kvmUsable()) {
    const child = spawnQemu(start.args('kvm'));
    const until = Date.now() + 10_000;
    const printed = () => fs.existsSync(start.consoleLog) && /\S/.test(fs.readFileSync(start.consoleLog, 'utf8'));
    while (Date.now() < until && child.exitCode === null && !printed()) await realClock.sleep(250);
    if (child.exitCode === null && printed()) return { child, accel: 'kvm' };
    start.log?.('KVM guest printed nothing; falling back to TCG');
    await stopChild(child);
    fs.mkdirSync(path.dirname(VERDICT), { recursive: true });
    fs.writeFileSync(VERDICT, `${new Date().toISOString()} a KVM guest printed nothing for 10 s\n`);
    fs.writeFileSync(start.consoleLog, '');
  }
  return { child: spawnQemu(start.args('tcg')), accel: 'tcg' };
}

export { stopChild };
