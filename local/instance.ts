/**
 * A local instance of the platform: the cached image booted under QEMU (KVM
 * when it works here, TCG when not) behind a copy-on-write overlay, SSH on a
 * free loopback port with a key made for the run and the guest's host key
 * pinned, and HTTP on another. Always stopped and its files removed.
 */
import { ChildProcess, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { realClock } from '../src/lib/clock';
import { streamLog } from '../src/lib/log';
import { CommandResult, KeyMaterial, makeKey, sshRun, sshUpload, SshTarget, writeKnownHosts } from '../src/smoke/ssh';
import { buildImage, LocalImage } from './image';
import { acquireLock } from './lock';
import { freePort } from './ports';
import { Accelerator, guestArgs, startQemu, stopChild } from './qemu';

export interface LocalInstance {
  sshPort: number;
  httpPort: number;
  user: string;
  keyPath: string;
  knownHostsPath: string;
  hostKey: string;
  accel: Accelerator;
  consoleLog: string;
  target: SshTarget;
  ssh(command: string, options?: { timeoutMs?: number; input?: string }): Promise<CommandResult>;
  upload(localPath: string, remotePath: string): Promise<void>;
  /**
   * Deploys a bundle already on the instance as Elastic Beanstalk would: it becomes the
   * environment's version (what the test-only download-source-bundle fetches) and the host
   * manager's stand-in runs appdeploy's hooks.
   */
  deploy(remoteBundle: string): Promise<CommandResult>;
  /** Makes these the environment's properties (what the test-only get-config gives). */
  setEnvironment(variables: Record<string, string>): Promise<void>;
  /** Runs one of the host manager's commands: appdeploy, configdeploy or restartappserver. */
  hostManager(command: 'appdeploy' | 'configdeploy' | 'restartappserver'): Promise<CommandResult>;
  stop(): Promise<void>;
}

export const DEFAULT_CACHE = path.resolve(__dirname, '../.cache/local-instance');

function qemuArgs(image: LocalImage, runDir: string, accel: Accelerator, ports: { ssh: number; http: number }, publicKey: string): string[] {
  const overlay = path.join(runDir, `disk-${accel}.qcow2`);
  fs.rmSync(overlay, { force: true });
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', image.disk, overlay]);
  return guestArgs(
    {
      kernel: image.kernel,
      initrd: image.initrd,
      append: `eb.authorized_key=${Buffer.from(publicKey).toString('base64')}`,
      disk: overlay,
      forwards: [
        { host: `127.0.0.1:${ports.ssh}`, guest: 22 },
        { host: `127.0.0.1:${ports.http}`, guest: 80 },
      ],
      consoleLog: path.join(runDir, 'console.log'),
    },
    accel,
  );
}

/** Builds (or takes from the cache) the image and boots it; resolves once SSH answers with the pinned key. */
export async function startLocalInstance(
  options: { platformDir?: string; cacheDir?: string; log?: (line: string) => void; bootTimeoutMs?: number } = {},
): Promise<LocalInstance> {
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
    key = await makeKey(
      streamLog(
        () => {},
        () => {},
      ),
      'local-instance',
    );
    const ports = { ssh: await freePort(), http: await freePort() };
    const knownHostsPath = path.join(runDir, 'known_hosts');
    writeKnownHosts(knownHostsPath, '127.0.0.1', ports.ssh, [image.hostKey]);
    const target: SshTarget = { host: '127.0.0.1', port: ports.ssh, user: 'ubuntu', keyPath: key.privateKeyPath, knownHostsPath };
    const consoleLog = path.join(runDir, 'console.log');

    fs.writeFileSync(consoleLog, '');
    const k = key;
    const booted = await startQemu({
      args: (accel) => qemuArgs(image, runDir, accel, ports, k.publicKey),
      consoleLog,
      log: (l) => log(`local instance: ${l}`),
    });
    const vm = (child = booted.child);
    const accel = booted.accel;
    const started = Date.now();
    const deadline = started + (options.bootTimeoutMs ?? 240_000);
    let last: CommandResult | undefined;
    while (Date.now() < deadline) {
      if (vm.exitCode !== null) throw new Error(`QEMU exited (${vm.exitCode}); console:\n${fs.readFileSync(consoleLog, 'utf8').slice(-3000)}`);
      last = await sshRun(target, 'true', { timeoutMs: 20_000, connectTimeoutS: 5 });
      if (last.code === 0) break;
      if (/Host key verification failed|REMOTE HOST IDENTIFICATION/.test(last.stderr))
        throw new Error(`the local instance's host key does not match the image's: ${last.stderr}`);
      await realClock.sleep(1000);
    }
    if (!last || last.code !== 0)
      throw new Error(
        `SSH to the local instance did not answer within ${Math.round((deadline - started) / 1000)} s: ${last?.stderr}\nconsole:\n${fs.readFileSync(consoleLog, 'utf8').slice(-3000)}`,
      );
    log(
      `local instance: up with ${accel.toUpperCase()} in ${Math.round((Date.now() - started) / 1000)} s; ssh -p ${ports.ssh} ubuntu@127.0.0.1, http://127.0.0.1:${ports.http}/`,
    );
    const ssh = (command: string, o: { timeoutMs?: number; input?: string } = {}) =>
      sshRun(target, command, { timeoutMs: o.timeoutMs ?? 300_000, input: o.input });
    const hostManager = (command: string) => ssh(`sudo eb-host-manager ${command}`);
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
      ssh,
      upload: (localPath, remotePath) => sshUpload(target, localPath, remotePath),
      deploy: async (remote) => {
        const placed = await ssh(`sudo install -m 0644 '${remote}' /var/lib/eb-standin/source_bundle`);
        return placed.code === 0 ? hostManager('appdeploy') : placed;
      },
      setEnvironment: async (variables) => {
        const r = await ssh('sudo tee /var/lib/eb-standin/optionsettings.json >/dev/null', {
          input: JSON.stringify({ 'aws:elasticbeanstalk:application:environment': variables }),
        });
        if (r.code !== 0) throw new Error(`setting the environment's properties failed: ${r.stderr}`);
      },
      hostManager,
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
