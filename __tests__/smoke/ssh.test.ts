/** The smoke test's SSH side against a real OpenSSH server on loopback. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { memoryLog } from '../../src/log';
import { commandCheck, runChecks } from '../../src/smoke/checks';
import { hostKeysFromConsole, sshdTrouble } from '../../src/smoke/host-keys';
import { classifySshFailure, KeyMaterial, makeKey, sshRun, sshUpload, writeKnownHosts } from '../../src/smoke/ssh';
import { cloudInitConsole, startSshd, Sshd } from '../helpers/sshd';

describe('SSH to the instance', () => {
  let sshd: Sshd;
  let key: KeyMaterial;
  let tmp: string;
  const log = memoryLog();
  beforeAll(async () => {
    sshd = await startSshd();
    key = await makeKey(log, 'test');
    sshd.authorize(key.publicKey);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-test-'));
  });
  afterAll(async () => {
    await sshd?.stop();
    key?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const target = (knownHostsPath: string) => ({ host: '127.0.0.1', port: sshd.port, user: sshd.user, keyPath: key.privateKeyPath, knownHostsPath });

  it('makes an ed25519 key whose private half is masked from the log at once', () => {
    const privateKey = fs.readFileSync(key.privateKeyPath, 'utf8');
    expect(privateKey).toMatch(/BEGIN OPENSSH PRIVATE KEY/);
    expect(key.publicKey).toMatch(/^ssh-ed25519 /);
    expect(fs.statSync(key.dir).mode & 0o777).toBe(0o700);
    log.info(`oops: ${privateKey}`);
    for (const line of privateKey.split('\n').filter((l) => l.length > 10)) log.info(line);
    expect(log.text()).not.toContain(privateKey.split('\n')[1]);
    expect(log.text()).not.toContain('BEGIN OPENSSH PRIVATE KEY');
  });

  it('reads pinned host keys from cloud-init console output', () => {
    const keys = hostKeysFromConsole(cloudInitConsole([sshd.hostKey, 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAA=']));
    expect(keys).toEqual([sshd.hostKey, 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAA=']);
    expect(hostKeysFromConsole('booting…\nno keys here\n')).toEqual([]);
    expect(sshdTrouble('sshd[812]: fatal: Missing privilege separation directory: /run/sshd')).toMatch(/privilege separation directory/);
    expect(sshdTrouble('login: ')).toBeUndefined();
  });

  it('runs commands with the pinned key, reporting a failing one as a failure with its output', async () => {
    const known = path.join(tmp, 'known_hosts_ok');
    writeKnownHosts(known, '127.0.0.1', sshd.port, hostKeysFromConsole(cloudInitConsole([sshd.hostKey])));
    const results = await runChecks(
      [commandCheck('says hello', 'echo hello', /^hello$/m), commandCheck('fails', 'echo broken >&2; exit 7'), commandCheck('wrong output', 'echo nope', /^hello$/)],
      { target: target(known), httpUrl: 'http://127.0.0.1:1/', sampleAppDir: tmp },
      () => {},
    );
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['says hello', true],
      ['fails', false],
      ['wrong output', false],
    ]);
    expect(results[1].excerpt).toBe('broken');
    expect(results.every((r) => r.durationMs >= 0)).toBe(true);
  });

  it('uploads a file through the SSH channel', async () => {
    const known = path.join(tmp, 'known_hosts_upload');
    writeKnownHosts(known, '127.0.0.1', sshd.port, [sshd.hostKey]);
    const local = path.join(tmp, 'payload.bin');
    fs.writeFileSync(local, Buffer.from([0, 1, 2, 255, 10, 13]));
    const remote = path.join(tmp, "copied 'file'.bin");
    await sshUpload(target(known), local, remote);
    expect(fs.readFileSync(remote)).toEqual(fs.readFileSync(local));
  });

  it('refuses a host whose key does not match the pinned one, and says so', async () => {
    const other = path.join(tmp, 'other_host_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const wrongKey = fs.readFileSync(other + '.pub', 'utf8').trim().split(' ').slice(0, 2).join(' ');
    const known = path.join(tmp, 'known_hosts_wrong');
    writeKnownHosts(known, '127.0.0.1', sshd.port, [wrongKey]);
    const marker = path.join(tmp, 'must-not-exist');
    const r = await sshRun(target(known), `touch ${marker}`);
    expect(r.code).not.toBe(0);
    expect(classifySshFailure(r)).toBe('host key mismatch');
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('tells a refused key apart from an unreachable host', async () => {
    const known = path.join(tmp, 'known_hosts_refused');
    writeKnownHosts(known, '127.0.0.1', sshd.port, [sshd.hostKey]);
    const stranger = await makeKey(memoryLog(), 'stranger');
    try {
      const refused = await sshRun({ ...target(known), keyPath: stranger.privateKeyPath }, 'true');
      expect(classifySshFailure(refused)).toBe('refused');
    } finally {
      stranger.cleanup();
    }
    const closed = await sshRun({ ...target(known), port: 1 }, 'true', { connectTimeoutS: 2 });
    expect(classifySshFailure(closed)).toBe('unreachable');
  });
});
