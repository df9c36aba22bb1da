/**
 * A local instance of the platform: the cached image booted under QEMU (KVM
 * when it works here, TCG when not) behind a copy-on-write overlay, SSH on a
 * free loopback port with a key made for the run and the guest's host key
 * pinned, and HTTP on another. Always stopped and its files removed.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { realClock } from '../src/lib/clock';
import { streamLog } from '../src/lib/log';
import { CommandResult, KeyMaterial, makeKey, sshRun, sshUpload, SshTarget, writeKnownHosts } from '../src/smoke/ssh';
import { buildImage, LocalImage } from './image';
import { acquireLock } from './lock';
import { freePort } from './ports';

export interface LocalInstance {
  sshPort: number;
  httpPort: number;
  user: string;
  keyPath: string;
  knownHostsPath: string;
  hostKey: string;
  accel: 'kvm' | 'tcg';
  consoleLog: string;
  target: SshTarget;
  ssh(command: string, options?: { timeoutMs?: number }): Promise<CommandResult>;
  upload(localPath: string, remotePath: string): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_CACHE = path.resolve(__dirname, '../.cache/local-instance');

/** QEMUs still running when this process exits normally are killed. */
const running = new Set<ChildProcess>();
let hooked = false;
function guard(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));
}

/**
 * Runs QEMU under a watchdog that kills it when this process dies by any
 * means, a signal or SIGKILL included, so no VM outlives its test run.
 */
const WATCHDOG = 'parent=$1; shift; "$@" & vm=$!; trap \'kill $vm 2>/dev/null; wait $vm\' TERM INT; while kill -0 "$parent" 2>/dev/null && kill -0 "$vm" 2>/dev/null; do sleep 1; done; kill "$vm" 2>/dev/null; wait "$vm"';

function kvmUsable(): boolean {
  if (process.env.LOCAL_INSTANCE_ACCEL === 'tcg') return false;
  try {
    fs.accessSync('/dev/kvm', fs.constants.R_OK | fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function boot(image: LocalImage, runDir: string, accel: 'kvm' | 'tcg', ports: { ssh: number; http: number }, publicKey: string): ChildProcess {
  const overlay = path.join(runDir, `disk-${accel}.qcow2`);
  fs.rmSync(overlay, { force: true });
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', image.disk, overlay]);
  const consoleLog = path.join(runDir, 'console.log');
  fs.writeFileSync(consoleLog, '');
  const args = [
    '-machine', accel === 'kvm' ? 'q35,accel=kvm' : 'q35,accel=tcg',
    ...(accel === 'kvm' ? ['-cpu', 'host'] : ['-cpu', 'max']),
    '-m', '2048',
    '-smp', '2',
    '-kernel', image.kernel,
    '-initrd', image.initrd,
    '-append', `root=/dev/vda rw console=ttyS0 net.ifnames=0 quiet eb.authorized_key=${Buffer.from(publicKey).toString('base64')}`,
    '-drive', `file=${overlay},if=virtio,format=qcow2,cache=unsafe`,
    '-netdev', `user,id=n0,hostfwd=tcp:127.0.0.1:${ports.ssh}-:22,hostfwd=tcp:127.0.0.1:${ports.http}-:80`,
    '-device', 'virtio-net-pci,netdev=n0',
    '-device', 'virtio-rng-pci',
    '-display', 'none',
    '-monitor', 'none',
    '-serial', `file:${consoleLog}`,
    '-no-reboot',
  ];
  const child = spawn('bash', ['-c', WATCHDOG, 'qemu-watchdog', String(process.pid), 'qemu-system-x86_64', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  guard(child);
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

/** Builds (or takes from the cache) the image and boots it; resolves once SSH answers with the pinned key. */
export async function startLocalInstance(options: { platformDir?: string; cacheDir?: string; log?: (line: string) => void; bootTimeoutMs?: number } = {}): Promise<LocalInstance> {
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const platformDir = options.platformDir ?? path.resolve(__dirname, '../platform');
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE;
  const image = await buildImage(platformDir, cacheDir, log);
  // One local instance at a time on this machine: two emulated guests on a small machine starve
  // each other, and test files run in parallel.
  const release = await acquireLock(path.join(cacheDir, '.instance.lock'), (holder) => log(`local instance: ${holder} runs one; waiting for it to stop`));
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-platform-local-'));
  let key: KeyMaterial | undefined;
  let child: ChildProcess | undefined;
  const cleanup = async () => {
    if (child) await stopChild(child);
    key?.cleanup();
    fs.rmSync(runDir, { recursive: true, force: true });
    release();
  };
  try {
    key = await makeKey(streamLog(() => {}, () => {}), 'local-instance');
    const ports = { ssh: await freePort(), http: await freePort() };
    const knownHostsPath = path.join(runDir, 'known_hosts');
    writeKnownHosts(knownHostsPath, '127.0.0.1', ports.ssh, [image.hostKey]);
    const target: SshTarget = { host: '127.0.0.1', port: ports.ssh, user: 'ubuntu', keyPath: key.privateKeyPath, knownHostsPath };
    const consoleLog = path.join(runDir, 'console.log');

    let accel: 'kvm' | 'tcg' = kvmUsable() ? 'kvm' : 'tcg';
    child = boot(image, runDir, accel, ports, key.publicKey);
    if (accel === 'kvm') {
      // A KVM guest that hangs here prints nothing at all: give it a few seconds, then use TCG.
      const until = Date.now() + 10_000;
      while (Date.now() < until && child.exitCode === null && !/\S/.test(fs.readFileSync(consoleLog, 'utf8'))) await realClock.sleep(250);
      if (child.exitCode !== null || !/\S/.test(fs.readFileSync(consoleLog, 'utf8'))) {
        log('local instance: KVM guest printed nothing; falling back to TCG');
        await stopChild(child);
        accel = 'tcg';
        child = boot(image, runDir, accel, ports, key.publicKey);
      }
    }
    const started = Date.now();
    const deadline = started + (options.bootTimeoutMs ?? 240_000);
    let last: CommandResult | undefined;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`QEMU exited (${child.exitCode}); console:\n${fs.readFileSync(consoleLog, 'utf8').slice(-3000)}`);
      last = await sshRun(target, 'true', { timeoutMs: 20_000, connectTimeoutS: 5 });
      if (last.code === 0) break;
      if (/Host key verification failed|REMOTE HOST IDENTIFICATION/.test(last.stderr)) throw new Error(`the local instance's host key does not match the image's: ${last.stderr}`);
      await realClock.sleep(1000);
    }
    if (!last || last.code !== 0) throw new Error(`SSH to the local instance did not answer within ${Math.round((deadline - started) / 1000)} s: ${last?.stderr}\nconsole:\n${fs.readFileSync(consoleLog, 'utf8').slice(-3000)}`);
    log(`local instance: up with ${accel.toUpperCase()} in ${Math.round((Date.now() - started) / 1000)} s; ssh -p ${ports.ssh} ubuntu@127.0.0.1, http://127.0.0.1:${ports.http}/`);
    const k = key;
    return {
      sshPort: ports.ssh,
      httpPort: ports.http,
      user: 'ubuntu',
      keyPath: k.privateKeyPath,
      knownHostsPath,
      hostKey: image.hostKey,
      accel,
      consoleLog,
      target,
      ssh: (command, o = {}) => sshRun(target, command, { timeoutMs: o.timeoutMs ?? 300_000 }),
      upload: (localPath, remotePath) => sshUpload(target, localPath, remotePath),
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
