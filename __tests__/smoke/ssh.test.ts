/** The smoke test's SSH side and its check runner against a real OpenSSH server on loopback. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { memoryLog } from '../../src/lib/log';
import { asRoot, commandCheck, deployCheck, httpCheck, runChecks, userScriptCheck, CheckContext } from '../../src/smoke/checks';
import { fingerprint, hostFingerprintsFromConsole, hostKeysFromConsole, matchesFingerprint, sshdTrouble } from '../../src/smoke/host-keys';
import { checkHost } from '../../src/smoke';
import type { SmokeSpec } from '../../src/platform/smoke-spec';
import { classifySshFailure, KeyMaterial, makeKey, pinnedAlgorithms, scanHostKeys, sshRun, sshUpload, writeKnownHosts } from '../../src/smoke/ssh';
import { freePort, waitForPort } from '../helpers/processes';
import { cloudInitConsole, startSshd, Sshd } from '../helpers/sshd';

const fixtureDir = path.join(__dirname, 'fixtures');
const sampleAppDir = path.resolve(__dirname, '../../platform/sample-app');

describe('host keys from the console', () => {
  const consoleLog = fs.readFileSync(path.join(fixtureDir, 'ubuntu-24.04-ec2-console.txt'), 'utf8');
  const expected: { keys: string[]; fingerprints: string[] } = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'ubuntu-24.04-ec2-console.json'), 'utf8'));
  let tmp: string;
  beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'host-keys-'))));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads the keys and fingerprints of an Ubuntu instance console, and nothing from the boot chatter around them', () => {
    expect(consoleLog).toContain('\r\n');
    expect(hostKeysFromConsole(consoleLog)).toEqual(expected.keys);
    // The fingerprint cloud-init printed while generating the RSA key is outside the block and must not count twice.
    expect(hostFingerprintsFromConsole(consoleLog)).toEqual(expected.fingerprints);
  });

  it('computes fingerprints exactly as ssh-keygen does, in SHA256 and MD5', () => {
    for (const [i, key] of expected.keys.entries()) {
      const file = path.join(tmp, `k${i}.pub`);
      fs.writeFileSync(file, key + ' comment\n');
      const sha = execFileSync('ssh-keygen', ['-l', '-f', file], { encoding: 'utf8' }).split(' ')[1];
      const md5 = execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', file], { encoding: 'utf8' }).split(' ')[1];
      expect(fingerprint(key)).toBe(sha);
      expect(fingerprint(key, 'MD5')).toBe(md5);
      expect(matchesFingerprint(key, expected.fingerprints)).toBe(true);
      expect(matchesFingerprint(key, [md5])).toBe(true);
    }
    expect(matchesFingerprint(expected.keys[0], expected.fingerprints.slice(1))).toBe(false);
  });

  it('ignores a block that is still being written, and a console without one', () => {
    const cut = consoleLog.slice(0, consoleLog.indexOf('-----END SSH HOST KEY KEYS-----'));
    expect(hostKeysFromConsole(cut)).toEqual([]);
    expect(hostFingerprintsFromConsole(cut)).toEqual(expected.fingerprints);
    expect(hostKeysFromConsole('booting…\r\nno keys here\r\n')).toEqual([]);
    expect(hostFingerprintsFromConsole('')).toEqual([]);
  });

  it("tells sshd's missing privilege separation directory apart from a slow boot", () => {
    expect(sshdTrouble('[   12.1] sshd[812]: fatal: Missing privilege separation directory: /run/sshd\r\n')).toMatch(/\/run\/sshd.*missing/);
    expect(sshdTrouble('sshd[812]: fatal: Missing privilege separation directory: /var/run/sshd')).toMatch(/privilege separation directory/);
    expect(sshdTrouble('[FAILED] Failed to start ssh.service - OpenBSD Secure Shell server.')).toMatch(/failing to start/);
    expect(sshdTrouble(consoleLog)).toBeUndefined();
  });
});

describe('SSH to the instance', () => {
  let sshd: Sshd;
  let key: KeyMaterial;
  let tmp: string;
  let appPidFile: string;
  const log = memoryLog();
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-test-'));
    appPidFile = path.join(tmp, 'app.pid');
    sshd = await startSshd();
    key = await makeKey(log, 'test');
    sshd.authorize(key.publicKey);
  });
  afterAll(async () => {
    // The app the loopback deploy started runs detached from ssh: stop it by its recorded pid.
    if (fs.existsSync(appPidFile)) {
      try {
        process.kill(Number(fs.readFileSync(appPidFile, 'utf8')), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await sshd?.stop();
    key?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const target = (knownHostsPath: string) => ({ host: '127.0.0.1', port: sshd.port, user: sshd.user, keyPath: key.privateKeyPath, knownHostsPath });
  const pinnedFromConsole = (name: string) => {
    const known = path.join(tmp, name);
    writeKnownHosts(known, '127.0.0.1', sshd.port, hostKeysFromConsole(cloudInitConsole(sshd.hostKeys, { fingerprintLines: sshd.fingerprintLines })));
    return known;
  };

  it('makes an ed25519 key in a private dir whose private half is masked from the log at once', () => {
    const privateKey = fs.readFileSync(key.privateKeyPath, 'utf8');
    expect(privateKey).toMatch(/BEGIN OPENSSH PRIVATE KEY/);
    expect(key.publicKey).toMatch(/^ssh-ed25519 /);
    expect(fs.statSync(key.dir).mode & 0o777).toBe(0o700);
    log.info(`oops: ${privateKey}`);
    for (const line of privateKey.split('\n').filter((l) => l.length > 10)) log.info(line);
    expect(log.text()).not.toContain(privateKey.split('\n')[1]);
    expect(log.text()).not.toContain('BEGIN OPENSSH PRIVATE KEY');
  });

  it('runs data-driven checks with the host key pinned from the console, reporting failures with their output', async () => {
    const known = pinnedFromConsole('known_hosts_ok');
    const seen: string[] = [];
    const results = await runChecks(
      [
        commandCheck({ name: 'says hello', command: 'echo hello', expect: /^hello$/m }),
        commandCheck({ name: 'fails', command: 'echo broken >&2; exit 7' }),
        commandCheck({ name: 'wrong output', command: 'echo nope', expect: /^hello$/ }),
        commandCheck({ name: 'OS release', command: '. /etc/os-release && echo "$PRETTY_NAME"', expect: /\S/ }),
      ],
      { target: target(known), httpUrl: 'http://127.0.0.1:1/' },
      (r) => seen.push(r.name),
    );
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['says hello', true],
      ['fails', false],
      ['wrong output', false],
      ['OS release', true],
    ]);
    expect(seen).toEqual(results.map((r) => r.name));
    expect(results[1].excerpt).toBe('broken\n(exit 7)');
    expect(results[2].excerpt).toMatch(/^nope\n\(output does not match/);
    const osRelease = fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)![1];
    expect(results[3].excerpt).toBe(osRelease);
    expect(results.every((r) => r.durationMs >= 0)).toBe(true);
  });

  it('on a cancel, cuts the running check short and starts none after it', async () => {
    const known = pinnedFromConsole('known_hosts_cancel');
    const controller = new AbortController();
    // The cancel comes while 'slow' runs: after 'quick' has passed, however long connecting took.
    const results = await runChecks(
      [
        commandCheck({ name: 'quick', command: 'true' }),
        commandCheck({ name: 'slow', command: 'echo started; sleep 300' }),
        commandCheck({ name: 'after', command: 'true' }),
      ],
      { target: target(known), httpUrl: 'http://127.0.0.1:1/', signal: controller.signal },
      (r) => {
        if (r.name === 'quick') setTimeout(() => controller.abort(), 500);
      },
    );
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['quick', true],
      ['slow', false],
      ['after', false],
    ]);
    expect(results[1].durationMs).toBeLessThan(60_000);
    expect(results[2].excerpt).toBe('not run: the job was cancelled');
  });

  describe('one connection for all checks', () => {
    const spec: SmokeSpec = {
      checks: ['echo one', 'echo two', 'echo three', 'echo four'].map((run, i) => ({ name: `check ${i}`, run, root: false, expect: /\w/, timeoutMs: 30_000 })),
    };
    const masters = () =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => /ControlMaster=yes/.test(l) && l.includes(String(sshd.port)));

    it('opens one SSH connection for every check, then closes it and removes its socket', async () => {
      const known = pinnedFromConsole('known_hosts_shared');
      const controlDir = fs.mkdtempSync(path.join(tmp, 'control-'));
      const before = sshd.accepted();
      const results = await checkHost({ target: target(known), httpUrl: 'http://127.0.0.1:1', spec, version: 'x', controlDir }, memoryLog());
      const named = results.filter((r) => r.name.startsWith('check '));
      expect(named.map((r) => r.ok)).toEqual([true, true, true, true]);
      expect(sshd.accepted() - before).toBe(1);
      expect(fs.readdirSync(controlDir)).toEqual([]);
      expect(masters()).toEqual([]);
    });

    it('connects once per command when asked, the comparison the bench makes', async () => {
      const known = pinnedFromConsole('known_hosts_per_command');
      const before = sshd.accepted();
      const results = await checkHost({ target: target(known), httpUrl: 'http://127.0.0.1:1', spec, version: 'x', connections: 'per-command' }, memoryLog());
      expect(sshd.accepted() - before).toBe(results.filter((r) => r.name.startsWith('check ')).length + 1);
    });

    it('on a cancel, closes the shared connection too', async () => {
      const known = pinnedFromConsole('known_hosts_shared_cancel');
      const controller = new AbortController();
      const slow: SmokeSpec = { checks: [{ name: 'slow', run: 'sleep 300', root: false, timeoutMs: 600_000 }] };
      setTimeout(() => controller.abort(), 1500);
      const results = await checkHost(
        { target: target(known), httpUrl: 'http://127.0.0.1:1', spec: slow, version: 'x', signal: controller.signal },
        memoryLog(),
      );
      expect(results.find((r) => r.name === 'slow')?.ok).toBe(false);
      expect(masters()).toEqual([]);
    });

    it('falls back to a connection per command when the master cannot start, with one line saying why', async () => {
      const log = memoryLog();
      const results = await checkHost(
        { target: target(pinnedFromConsole('known_hosts_no_master')), httpUrl: 'http://127.0.0.1:1', spec, version: 'x', controlDir: '/nonexistent/dir' },
        log,
      );
      expect(results.filter((r) => r.name.startsWith('check ')).every((r) => r.ok)).toBe(true);
      expect(log.text()).toMatch(/SSH connection sharing is unavailable \(.+\); each check connects on its own\./);
    });
  });

  it('uses only the algorithms of the pinned keys, so a host with other key types still verifies', async () => {
    const ecdsaOnly = path.join(tmp, 'known_hosts_ecdsa');
    writeKnownHosts(
      ecdsaOnly,
      '127.0.0.1',
      sshd.port,
      sshd.hostKeys.filter((k) => k.startsWith('ecdsa-')),
    );
    expect(pinnedAlgorithms(ecdsaOnly)).toEqual(['ecdsa-sha2-nistp256']);
    const r = await sshRun(target(ecdsaOnly), 'echo ok');
    expect(r).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
    const rsa = path.join(tmp, 'known_hosts_rsa');
    writeKnownHosts(rsa, 'h', 22, ['ssh-rsa AAAAB3NzaC1yc2E=']);
    expect(pinnedAlgorithms(rsa)).toEqual(['rsa-sha2-512', 'rsa-sha2-256']);
  });

  it('uploads a file through the SSH channel byte for byte', async () => {
    const known = pinnedFromConsole('known_hosts_upload');
    const local = path.join(tmp, 'payload.bin');
    fs.writeFileSync(local, Buffer.from([0, 1, 2, 255, 10, 13]));
    const remote = path.join(tmp, "copied 'file'.bin");
    await sshUpload(target(known), local, remote);
    expect(fs.readFileSync(remote)).toEqual(fs.readFileSync(local));
  });

  it('refuses a host whose key does not match the pinned one, runs nothing there, and says host key mismatch', async () => {
    const other = path.join(tmp, 'other_host_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const wrongKey = fs
      .readFileSync(other + '.pub', 'utf8')
      .trim()
      .split(' ')
      .slice(0, 2)
      .join(' ');
    const known = path.join(tmp, 'known_hosts_wrong');
    writeKnownHosts(known, '127.0.0.1', sshd.port, [wrongKey]);
    const marker = path.join(tmp, 'must-not-exist');
    const r = await sshRun(target(known), `touch ${marker}`);
    expect(r.code).toBe(255);
    expect(classifySshFailure(r)).toBe('host key mismatch');
    expect(fs.existsSync(marker)).toBe(false);
    // Nor does an empty known_hosts let anything through.
    const empty = path.join(tmp, 'known_hosts_empty');
    fs.writeFileSync(empty, '');
    const r2 = await sshRun(target(empty), `touch ${marker}`);
    expect(classifySshFailure(r2)).toBe('host key mismatch');
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('tells a refused key apart from a closed port, and a failing command from a failing connection', async () => {
    const known = pinnedFromConsole('known_hosts_refused');
    const stranger = await makeKey(memoryLog(), 'stranger');
    try {
      const refused = await sshRun({ ...target(known), keyPath: stranger.privateKeyPath }, 'true');
      expect(classifySshFailure(refused)).toBe('refused');
    } finally {
      stranger.cleanup();
    }
    const closed = await sshRun({ ...target(known), port: await freePort() }, 'true', { connectTimeoutS: 2 });
    expect(classifySshFailure(closed)).toBe('unreachable');
    expect(classifySshFailure(await sshRun(target(known), 'exit 3'))).toBe('ok');
  });

  it('scans the keys sshd offers, which match the fingerprints a console would print', async () => {
    const offered = await scanHostKeys('127.0.0.1', sshd.port);
    expect([...offered].sort()).toEqual([...sshd.hostKeys].sort());
    const prints = hostFingerprintsFromConsole(cloudInitConsole([], { keys: false, fingerprintLines: sshd.fingerprintLines }));
    expect(offered.every((k) => matchesFingerprint(k, prints))).toBe(true);
  });

  it("runs the user's script as the SSH user with the deployed version, and reports its output", async () => {
    const known = pinnedFromConsole('known_hosts_script');
    const script = path.join(tmp, 'my check.sh');
    fs.writeFileSync(script, '#!/bin/sh\necho "user=$(id -un) version=$EB_PLATFORM_SMOKE_VERSION"\necho "warned" >&2\n');
    const ok = await runChecks([userScriptCheck(script, 'smoke-42')], { target: target(known), httpUrl: 'http://127.0.0.1:1/' }, () => {});
    expect(ok[0]).toMatchObject({ name: 'user script my check.sh', ok: true, excerpt: `user=${sshd.user} version=smoke-42\nwarned` });
    fs.writeFileSync(script, '#!/bin/sh\necho "the app is not healthy" >&2\nexit 4\n');
    const bad = await runChecks([userScriptCheck(script, 'smoke-42')], { target: target(known), httpUrl: 'http://127.0.0.1:1/' }, () => {});
    expect(bad[0]).toMatchObject({ ok: false, excerpt: 'the app is not healthy\n(exit 4)' });
  });

  it('runs root commands directly as root, so a host without sudo (a local VM) still works', async () => {
    const known = pinnedFromConsole('known_hosts_root');
    const r = await sshRun(target(known), `${asRoot('id -u')} && echo after`);
    expect(r).toMatchObject({ code: 0, stdout: sshd.user === 'root' ? '0\nafter\n' : expect.any(String) });
  });

  it('does not start checks once the deadline has passed', async () => {
    const known = pinnedFromConsole('known_hosts_deadline');
    let now = 1_000;
    const marker = path.join(tmp, 'late');
    const ctx: CheckContext = { target: target(known), httpUrl: 'http://127.0.0.1:1/', deadline: 2_000, now: () => now };
    const results = await runChecks(
      [{ name: 'slow', run: async () => ((now = 5_000), { ok: true, output: 'took long' }) }, commandCheck({ name: 'too late', command: `touch ${marker}` })],
      ctx,
      () => {},
    );
    expect(results.map((r) => [r.name, r.ok, r.excerpt])).toEqual([
      ['slow', true, 'took long'],
      ['too late', false, "not run: the smoke test's deadline had passed"],
    ]);
    expect(results[0].durationMs).toBe(4_000);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('builds the real sample app, uploads its bundle, deploys it and reads its version back over HTTP', async () => {
    // The platform's own deploy needs systemd; on loopback a stand-in unpacks the bundle and starts the
    // application on a free port, so what is under test is the smoke side: build contract, upload, remote run, HTTP.
    const known = pinnedFromConsole('known_hosts_deploy');
    const port = await freePort();
    const deploy = path.join(tmp, 'deploy-standin.sh');
    fs.writeFileSync(
      deploy,
      [
        '#!/usr/bin/env bash',
        'set -euo pipefail',
        `app="${tmp}/deployed"`,
        'rm -rf "$app" && mkdir -p "$app"',
        'unzip -q "$1" -d "$app"',
        `PORT=${port} BIND_ADDRESS=127.0.0.1 setsid "$app/application" >"$app/log" 2>&1 </dev/null &`,
        `echo $! >"${appPidFile}"`,
        'echo "deployed $(basename "$1")"',
      ].join('\n') + '\n',
      { mode: 0o755 },
    );
    const ctx: CheckContext = { target: target(known), httpUrl: `http://127.0.0.1:${port}/` };
    const version = `smoke-${Date.now().toString(36)}`;
    const [deployed] = await runChecks([deployCheck(version, { build: path.join(sampleAppDir, 'build.sh'), command: deploy })], ctx, () => {});
    expect(deployed).toMatchObject({ ok: true, excerpt: `deployed eb-platform-smoke-${version}.zip` });
    await waitForPort(port, 10_000);
    const [answered] = await runChecks([httpCheck(version)], ctx, () => {});
    expect(answered).toMatchObject({ ok: true, excerpt: `200 OK\nsample-app ${version}` });
    // Another version's check must fail on the same answer.
    const [stale] = await runChecks([httpCheck('smoke-other')], ctx, () => {});
    expect(stale.ok).toBe(false);
    expect(stale.excerpt).toMatch(/expected 200 with 'smoke-other'/);
  }, 120_000);

  it('reports a deploy that fails on the host, and an HTTP port where nothing listens', async () => {
    const known = pinnedFromConsole('known_hosts_deploy_fail');
    const ctx: CheckContext = {
      target: target(known),
      httpUrl: `http://127.0.0.1:${await freePort()}/`,
      sleep: async () => {},
    };
    const failing = { build: path.join(sampleAppDir, 'build.sh'), command: `sh -c 'echo "deploy failed in enact/01_flip.sh" >&2; exit 1' --` };
    const results = await runChecks([deployCheck('smoke-1', failing), httpCheck('smoke-1')], ctx, () => {});
    expect(results[0]).toMatchObject({ ok: false, excerpt: 'deploy failed in enact/01_flip.sh\n(exit 1)' });
    expect(results[1].ok).toBe(false);
    expect(results[1].excerpt).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/ failed: ECONNREFUSED/);
  }, 120_000);
});
