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
  /** Every public host key the server has, `type base64`, in the order cloud-init would print them. */
  hostKeys: string[];
  /** `ssh-keygen -l` of each host key, as cloud-init prints them: `256 SHA256:… comment (ED25519)`. */
  fingerprintLines: string[];
  /** Lets the given public key log in. */
  authorize(publicKey: string): void;
  /** How many connections have authenticated so far (sshd's `Accepted publickey` lines). */
  accepted(): number;
  stop(): Promise<void>;
}

/**
 * A real OpenSSH server (Debian's openssh-server) on a loopback port, with its
 * own host keys, config and authorized_keys in a temp dir, for the current
 * user. Nothing outside the temp dir changes except /run/sshd, which sshd
 * insists on for privilege separation.
 */
/**
 * `bootedHost` stands the host in for an instance whose boot finished: its
 * sessions find a `systemctl` that reports the system running (this machine's
 * has no systemd to ask) and otherwise defers to the real one.
 */
export async function startSshd(options: { hostKeyTypes?: ('ed25519' | 'ecdsa' | 'rsa')[]; bootedHost?: boolean } = {}): Promise<Sshd> {
  const types = options.hostKeyTypes ?? ['ecdsa', 'ed25519'];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sshd-'));
  let child: ChildProcess | undefined;
  try {
    fs.chmodSync(dir, 0o755);
    const keyPaths = types.map((t) => {
      const p = path.join(dir, `ssh_host_${t}_key`);
      execFileSync('ssh-keygen', ['-q', '-t', t, ...(t === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-C', 'root@ip-127-0-0-1', '-f', p]);
      return p;
    });
    const env: string[] = [];
    if (options.bootedHost) {
      fs.mkdirSync(path.join(dir, 'bin'));
      fs.writeFileSync(
        path.join(dir, 'bin', 'systemctl'),
        '#!/bin/sh\nif [ "$1" = is-system-running ]; then echo running; exit 0; fi\nexec /usr/bin/systemctl "$@"\n',
        { mode: 0o755 },
      );
      env.push(`SetEnv PATH=${dir}/bin:/usr/local/bin:/usr/bin:/bin`);
    }
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
        ...keyPaths.map((p) => `HostKey ${p}`),
        `PidFile ${dir}/sshd.pid`,
        `AuthorizedKeysFile ${authorized}`,
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        'PermitRootLogin prohibit-password',
        'UsePAM no',
        'StrictModes no',
        `AllowUsers ${user}`,
        // INFO: one 'Accepted publickey' line per authenticated connection, which accepted() counts.
        'LogLevel INFO',
        ...env,
      ].join('\n') + '\n',
    );
    child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (b) => (stderr += b));
    try {
      await waitForPort(port, 10_000);
    } catch {
      throw new Error(`sshd did not start: ${stderr}`);
    }
    const publicKeys = keyPaths.map((p) =>
      fs
        .readFileSync(p + '.pub', 'utf8')
        .trim()
        .split(' ')
        .slice(0, 2)
        .join(' '),
    );
    const running = child;
    return {
      port,
      user,
      hostKey: publicKeys.find((k) => k.startsWith('ssh-ed25519 ')) ?? publicKeys[0],
      hostKeys: publicKeys,
      fingerprintLines: keyPaths.map((p) => execFileSync('ssh-keygen', ['-l', '-f', p + '.pub'], { encoding: 'utf8' }).trim()),
      authorize: (publicKey) => fs.appendFileSync(authorized, publicKey.trim() + '\n'),
      accepted: () => (stderr.match(/Accepted publickey for /g) ?? []).length,
      stop: async () => {
        await stopChild(running);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stopChild(child);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Console output as an EC2 instance shows it once cloud-init's final stage has
 * run `write-ssh-key-fingerprints`: every line it writes goes through
 * `logger --stderr -t ec2`, hence the `<14>DATE ec2: ` prefix, and the serial
 * console ends lines with CRLF. Older images print the keys block without the
 * prefix (`plainKeys`). Either block can be left out, as cloud-init's
 * `ssh_fp_console_blacklist`/`ssh_key_console_blacklist` and
 * `emit_keys_to_console` allow.
 */
export function cloudInitConsole(hostKeys: string[], options: { fingerprintLines?: string[]; keys?: boolean; plainKeys?: boolean } = {}): string {
  const p = '<14>Nov 25 00:41:17 ec2: ';
  const keysBlock = ['-----BEGIN SSH HOST KEY KEYS-----', ...hostKeys.map((k) => `${k} root@ip-172-31-27-94`), '-----END SSH HOST KEY KEYS-----'];
  return [
    "[    8.204981] cloud-init[598]: Cloud-init v. 24.3.1-0ubuntu0~24.04.2 running 'init' at Mon, 25 Nov 2026 00:41:07 +0000. Up 8.17 seconds.",
    '[    8.901773] cloud-init[598]: Generating public/private ed25519 key pair.',
    '[  OK  ] Started ssh.service - OpenBSD Secure Shell server.',
    "[   16.442908] cloud-init[860]: Cloud-init v. 24.3.1-0ubuntu0~24.04.2 running 'modules:final' at Mon, 25 Nov 2026 00:41:16 +0000. Up 16.38 seconds.",
    ...(options.fingerprintLines
      ? [
          p,
          `${p}#############################################################`,
          `${p}-----BEGIN SSH HOST KEY FINGERPRINTS-----`,
          ...options.fingerprintLines.map((l) => p + l),
          `${p}-----END SSH HOST KEY FINGERPRINTS-----`,
          `${p}#############################################################`,
        ]
      : []),
    ...(options.keys === false ? [] : options.plainKeys ? keysBlock : keysBlock.map((l) => p + l)),
    '[   16.998160] cloud-init[860]: Cloud-init v. 24.3.1-0ubuntu0~24.04.2 finished at Mon, 25 Nov 2026 00:41:17 +0000. Datasource DataSourceEc2Local.  Up 16.99 seconds',
    '',
    'ip-172-31-27-94 login: ',
  ].join('\r\n');
}
