import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, waitForPort } from './processes';

export interface Sshd {
  port: number;
  user: string;
  /** The server's ed25519 public host key, `ssh-ed25519 AAAA…`. */
  hostKey: string;
  /** Lets the given public key log in. */
  authorize(publicKey: string): void;
  stop(): Promise<void>;
}

/**
 * A real OpenSSH server on a loopback port, with its own host key and
 * authorized_keys in a temp dir, for the current user.
 */
export async function startSshd(): Promise<Sshd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sshd-'));
  fs.chmodSync(dir, 0o755);
  const hostKeyPath = path.join(dir, 'ssh_host_ed25519_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKeyPath]);
  const authorized = path.join(dir, 'authorized_keys');
  fs.writeFileSync(authorized, '', { mode: 0o600 });
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await freePort();
  const user = os.userInfo().username;
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKeyPath}`,
      `PidFile ${dir}/sshd.pid`,
      `AuthorizedKeysFile ${authorized}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      'StrictModes no',
      `AllowUsers ${user}`,
      'LogLevel ERROR',
    ].join('\n') + '\n',
  );
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b) => (stderr += b));
  try {
    await waitForPort(port, 10_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`sshd did not start: ${stderr}`);
  }
  return {
    port,
    user,
    hostKey: fs.readFileSync(hostKeyPath + '.pub', 'utf8').trim().split(' ').slice(0, 2).join(' '),
    authorize: (publicKey) => fs.appendFileSync(authorized, publicKey.trim() + '\n'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Console output as cloud-init prints it on an EC2 instance, holding the given host keys. */
export function cloudInitConsole(hostKeys: string[]): string {
  const fingerprints = hostKeys.map((k, i) => `ec2: 256 SHA256:${Buffer.from(k).toString('base64').slice(0, 43)} root@ip-172-31-${i}-7 (${k.split(' ')[0].toUpperCase()})`);
  return [
    '[    3.912345] cloud-init[612]: Cloud-init v. 24.1.3-0ubuntu3 running \'init\' at Mon, 01 Jan 2026 00:00:03 +0000.',
    '[    5.123456] cloud-init[612]: Generating public/private ed25519 key pair.',
    '<14>Jan  1 00:00:09 ec2: ',
    '<14>Jan  1 00:00:09 ec2: #############################################################',
    '<14>Jan  1 00:00:09 ec2: -----BEGIN SSH HOST KEY FINGERPRINTS-----',
    ...fingerprints.map((f) => `<14>Jan  1 00:00:09 ${f}`),
    '<14>Jan  1 00:00:09 ec2: -----END SSH HOST KEY FINGERPRINTS-----',
    '<14>Jan  1 00:00:09 ec2: #############################################################',
    '-----BEGIN SSH HOST KEY KEYS-----',
    ...hostKeys.map((k, i) => `${k} root@ip-172-31-${i}-7`),
    '-----END SSH HOST KEY KEYS-----',
    '[   10.000000] cloud-init[700]: Cloud-init v. 24.1.3-0ubuntu3 finished at Mon, 01 Jan 2026 00:00:10 +0000. Datasource DataSourceEc2Local.  Up 10.00 seconds',
  ].join('\n');
}
