import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { realClock } from '../lib/clock';
import type { Log } from '../lib/log';
import { runProcess, stopProcess } from '../lib/process';

export interface SshTarget {
  host: string;
  port: number;
  user: string;
  keyPath: string;
  /** A known_hosts file holding the host keys to accept; nothing else is. */
  knownHostsPath: string;
  /** The control socket of a shared connection (see shareConnection); without it each command connects anew. */
  controlPath?: string;
}

import type { CommandResult } from '../lib/process';
export type { CommandResult };

export interface KeyMaterial {
  dir: string;
  privateKeyPath: string;
  publicKey: string;
  cleanup(): void;
}

/**
 * An ed25519 key made for this run in a private temp dir. The private key is
 * masked before anything could print it and never leaves the dir.
 */
export async function makeKey(log: Log, comment: string): Promise<KeyMaterial> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-platform-ssh-'));
  fs.chmodSync(dir, 0o700);
  const privateKeyPath = path.join(dir, 'id_ed25519');
  const made = await runProcess('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', privateKeyPath]);
  if (made.code !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`ssh-keygen failed: ${made.stderr.trim()}`);
  }
  log.mask(fs.readFileSync(privateKeyPath, 'utf8'));
  return {
    dir,
    privateKeyPath,
    publicKey: fs.readFileSync(privateKeyPath + '.pub', 'utf8').trim(),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The host's entry in known_hosts form: `[host]:port` for a port other than 22. */
export function hostPattern(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function writeKnownHosts(file: string, host: string, port: number, keys: string[]): void {
  fs.writeFileSync(file, keys.map((k) => `${hostPattern(host, port)} ${k}\n`).join(''), { mode: 0o600 });
}

/** The host key algorithms that can prove the pinned keys, so ssh never negotiates a type nobody vouched for. */
export function pinnedAlgorithms(knownHostsPath: string): string[] {
  let text = '';
  try {
    text = fs.readFileSync(knownHostsPath, 'utf8');
  } catch {
    return [];
  }
  const algorithms = new Set<string>();
  for (const line of text.split('\n')) {
    const type = line.trim().split(/\s+/)[1];
    if (!type) continue;
    if (type === 'ssh-rsa') ['rsa-sha2-512', 'rsa-sha2-256'].forEach((a) => algorithms.add(a));
    else algorithms.add(type);
  }
  return [...algorithms];
}

function sshOptions(t: SshTarget, connectTimeoutS: number): string[] {
  const algorithms = pinnedAlgorithms(t.knownHostsPath);
  return [
    '-F',
    '/dev/null',
    '-i',
    t.keyPath,
    '-p',
    String(t.port),
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `UserKnownHostsFile=${t.knownHostsPath}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'CheckHostIP=no',
    '-o',
    'UpdateHostKeys=no',
    ...(algorithms.length ? ['-o', `HostKeyAlgorithms=${algorithms.join(',')}`] : []),
    '-o',
    `ConnectTimeout=${connectTimeoutS}`,
    '-o',
    'ServerAliveInterval=15',
    '-o',
    'ServerAliveCountMax=4',
    '-o',
    'LogLevel=ERROR',
    // Through the shared connection when there is one; ssh connects on its own when the socket is gone.
    ...(t.controlPath ? ['-o', 'ControlMaster=no', '-o', `ControlPath=${t.controlPath}`] : []),
  ];
}

export interface SharedConnection {
  /** The target, its commands going through the one connection. */
  target: SshTarget;
  /** Ends the connection and removes its socket; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens one authenticated connection that later commands share (OpenSSH's
 * connection multiplexing), with the same host-key pinning as any command.
 * The master is this process's child, not a daemon, so it dies with the job
 * whatever kills it; its socket lives in `dir`, a directory only this run can
 * read. Undefined when the master could not start: commands then connect one
 * by one, as they would without it.
 */
export async function shareConnection(t: SshTarget, dir: string, options: { timeoutMs?: number; log?: Log } = {}): Promise<SharedConnection | undefined> {
  const controlPath = path.join(dir, 'control.sock');
  fs.rmSync(controlPath, { force: true });
  const master = spawn(
    'ssh',
    [
      ...sshOptions({ ...t, controlPath: undefined }, 10),
      '-o',
      'ControlMaster=yes',
      '-o',
      `ControlPath=${controlPath}`,
      '-o',
      'ControlPersist=no',
      '-N',
      `${t.user}@${t.host}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  master.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => master.once('exit', () => resolve()));
  const close = async () => {
    await stopProcess(master, 'SIGTERM', 5_000);
    fs.rmSync(controlPath, { force: true });
  };
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone && Date.now() < until) {
    if (fs.existsSync(controlPath)) {
      const check = await runProcess('ssh', ['-F', '/dev/null', '-o', `ControlPath=${controlPath}`, '-O', 'check', `${t.user}@${t.host}`], {
        timeoutMs: 10_000,
      });
      if (check.code === 0) return { target: { ...t, controlPath }, close };
    }
    await realClock.sleep(50);
  }
  await close();
  options.log?.info(`SSH connection sharing is unavailable (${stderr.trim() || 'the control socket did not appear'}); each check connects on its own.`);
  return undefined;
}

/** Runs one command on the host; a non-zero exit is a result, not an exception. */
export function sshRun(
  t: SshTarget,
  command: string,
  options: { input?: string | Buffer; timeoutMs?: number; connectTimeoutS?: number; signal?: AbortSignal } = {},
): Promise<CommandResult> {
  return runProcess('ssh', [...sshOptions(t, options.connectTimeoutS ?? 10), `${t.user}@${t.host}`, command], {
    input: options.input,
    timeoutMs: options.timeoutMs ?? 120_000,
    signal: options.signal,
  });
}

/** Copies a local file to the host through the SSH channel (no scp needed on either side). */
export async function sshUpload(t: SshTarget, localPath: string, remotePath: string, options: { signal?: AbortSignal } = {}): Promise<void> {
  const quoted = `'${remotePath.replace(/'/g, `'\\''`)}'`;
  const r = await sshRun(t, `cat > ${quoted}`, { input: fs.readFileSync(localPath), signal: options.signal });
  if (r.code !== 0) throw new Error(`uploading ${path.basename(localPath)} failed: ${r.stderr.trim() || `exit ${r.code}`}`);
}

/**
 * What an ssh client's failure means, from its stderr: the host key is not
 * the pinned one; sshd answered but refused the run's key; sshd accepted the
 * connection but dropped it before authentication (still starting, or
 * MaxStartups); or nothing answered at all.
 */
export type SshFailure = 'ok' | 'host key mismatch' | 'refused' | 'dropped' | 'unreachable';

export function classifySshFailure(result: CommandResult): SshFailure {
  // ssh exits 255 for its own failures; any other status is the remote command's, so the connection worked.
  if (result.code !== 255) return 'ok';
  const e = result.stderr;
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|No \S* ?host key is known|no matching host key type found/i.test(e))
    return 'host key mismatch';
  if (/Permission denied|Too many authentication failures/i.test(e)) return 'refused';
  if (/Connection closed by|Connection reset by|kex_exchange_identification|banner exchange/i.test(e)) return 'dropped';
  return 'unreachable';
}

/** Asks the host for its keys without trusting them: the fallback when the console shows none. */
export async function scanHostKeys(host: string, port: number): Promise<string[]> {
  const r = await runProcess('ssh-keyscan', ['-T', '10', '-p', String(port), '-t', 'ed25519,ecdsa,rsa', host], { timeoutMs: 30_000 });
  return r.stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(' ').slice(1).join(' '))
    .filter(Boolean);
}
