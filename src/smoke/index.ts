import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EC2Client, GetConsoleOutputCommand } from '@aws-sdk/client-ec2';
import { abortable, Clock, realClock } from '../lib/clock';
import { StepError, describeError } from '../lib/errors';
import { duration } from '../lib/duration';
import { backoff } from '../lib/retry';
import { Ledger, resourceKey } from '../resources/ledger';
import { removeConcurrently } from '../resources/removal-order';
import type { Log } from '../lib/log';
import type { SmokeSpec } from '../platform/smoke-spec';
import { CheckResult, runChecks, smokeChecks } from './checks';
import { fingerprint, hostFingerprintsFromConsole, hostKeysFromConsole, matchesFingerprint, sshdTrouble } from './host-keys';
import { createSecurityGroup, importKey, launchInstance, resolveVpc, smokeName, teardownSmokeResource, toTags, waitForRunning } from './instance';
import { SshFailure, SshTarget, classifySshFailure, makeKey, scanHostKeys, shareConnection, sshRun, writeKnownHosts } from './ssh';

export { teardownSmokeResource } from './instance';
export type { CheckResult, CommandCheckSpec } from './checks';
export { runChecks, smokeChecks } from './checks';
export type { SshTarget } from './ssh';
export { makeKey, writeKnownHosts } from './ssh';

export interface SmokeOptions {
  amiId: string;
  region: string;
  instanceType: string;
  subnetId?: string;
  allowedCidr?: string;
  extraTags: Record<string, string>;
  runTags: Record<string, string>;
  userScript?: string;
  /** What the platform declares about itself (smoke.yaml); undefined when it declares nothing. */
  spec?: SmokeSpec;
  sshUser: string;
  sshPort: number;
  httpPort: number;
  /** The address the runner connects to. */
  address?: 'public' | 'private';
  kmsKeyId?: string;
  deadline: number;
}

export interface SmokeReport {
  ok: boolean;
  instanceId?: string;
  publicAddress?: string;
  hostKeyPinned: boolean;
  checks: CheckResult[];
}

export interface SmokeDeps {
  ec2: EC2Client;
  ledger: Ledger;
  log: Log;
  clock?: Clock;
  /** The runner's public IPv4 address, when smoke-allowed-cidr is not given. */
  publicIp?: () => Promise<string>;
  /** Asks the console for host keys for this long after sshd first answers, before falling back to trust on first use. */
  consoleGraceMs?: number;
  /**
   * The job was cancelled: nothing new is created, waits and checks stop at
   * once, and what was created is torn down (with real waits) before returning.
   */
  signal?: AbortSignal;
}

async function runnerAddress(): Promise<string> {
  const res = await fetch('https://checkip.amazonaws.com', { signal: AbortSignal.timeout(10_000) });
  const ip = (await res.text()).trim();
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) throw new Error(`checkip.amazonaws.com answered '${ip.slice(0, 40)}'`);
  return ip;
}

/** The instance's console output, decoded ('' while there is none yet), or why it could not be read. */
async function consoleText(ec2: EC2Client, instanceId: string): Promise<{ text: string; error?: string }> {
  let error = '';
  // `Latest` gives the live buffer on Nitro instances; other types refuse it and get the last snapshot instead.
  for (const latest of [true, false]) {
    try {
      const out = await ec2.send(new GetConsoleOutputCommand({ InstanceId: instanceId, ...(latest ? { Latest: true } : {}) }));
      return { text: out.Output ? Buffer.from(out.Output, 'base64').toString('utf8') : '' };
    } catch (e) {
      // The console is a help, not a requirement: remember why, for the log, and go on without it.
      error = describeError(e);
    }
  }
  return { text: '', error };
}

function describeKeys(keys: string[]): string {
  return keys.map((k) => `${k.split(' ')[0]} ${fingerprint(k)}`).join(', ');
}

function tail(text: string, lines: number): string[] {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => l.trim())
    .slice(-lines);
}

/**
 * Waits until SSH answers with a host key we can vouch for. Keys come from the
 * console when the instance prints them, or from sshd itself when they match
 * the fingerprints the console printed; otherwise, once sshd has answered and
 * the console stayed silent for a grace period, from the first contact, and
 * the log says so with a warning.
 */
/** What the SSH wait is waiting for, in words. */
function waitingFor(answered: boolean, pinned: boolean | undefined, last: SshFailure): string {
  if (!answered) return 'the instance is booting (sshd has not answered yet)';
  if (pinned === undefined) return 'sshd answers; waiting for the instance to print its host keys to the console';
  if (last === 'refused') return "sshd does not accept the run's key yet (the instance installs it at first boot)";
  return `the last attempt: ${last}`;
}

async function connect(
  target: Omit<SshTarget, 'knownHostsPath'>,
  knownHostsPath: string,
  instanceId: string,
  deps: SmokeDeps,
  deadline: number,
): Promise<{ pinned: boolean }> {
  const clock = deps.clock ?? realClock;
  const log = deps.log;
  const graceMs = deps.consoleGraceMs ?? 180_000;
  const where = `${target.host}:${target.port}`;
  const pause = backoff(3_000, 15_000);
  const started = clock.now();
  let quietSince = started;
  let firstAnswer: number | undefined;
  let last: SshFailure = 'unreachable';
  let lastError = '';
  let pinned: boolean | undefined;
  let consoleError: string | undefined;
  while (clock.now() < deadline) {
    if (pinned === undefined) {
      const { text, error } = await consoleText(deps.ec2, instanceId);
      consoleError = error;
      const keys = hostKeysFromConsole(text);
      const prints = hostFingerprintsFromConsole(text);
      if (keys.length) {
        writeKnownHosts(knownHostsPath, target.host, target.port, keys);
        pinned = true;
        log.info(`Pinned ${keys.length} host key(s) from the instance's console output: ${describeKeys(keys)}.`);
      } else {
        const offered = await scanHostKeys(target.host, target.port);
        if (offered.length) firstAnswer ??= clock.now();
        if (offered.length && prints.length) {
          const vouched = offered.filter((k) => matchesFingerprint(k, prints));
          if (!vouched.length) {
            throw new StepError(
              'smoke',
              `SSH to ${where} refused: host key mismatch. None of the host keys sshd offers (${offered.map((k) => fingerprint(k)).join(', ')}) ` +
                `matches the fingerprints the instance printed to its console (${prints.join(', ')}). Someone may be in the middle.`,
            );
          }
          writeKnownHosts(knownHostsPath, target.host, target.port, vouched);
          pinned = true;
          log.info(`Pinned ${vouched.length} host key(s) that match the fingerprints in the instance's console output: ${describeKeys(vouched)}.`);
        } else if (offered.length && firstAnswer !== undefined && (clock.now() - firstAnswer >= graceMs || deadline - clock.now() <= 60_000)) {
          writeKnownHosts(knownHostsPath, target.host, target.port, offered);
          pinned = false;
          log.warning(
            `${consoleError ? `The instance's console could not be read (${consoleError})` : 'The instance printed no host keys or fingerprints to its console'}, so its SSH host key was trusted on first use ` +
              `(${describeKeys(offered)}), not verified.`,
          );
        }
      }
    }
    if (pinned !== undefined) {
      const r = await sshRun({ ...target, knownHostsPath }, 'true', { timeoutMs: 30_000, signal: deps.signal });
      last = classifySshFailure(r);
      lastError = r.stderr.trim();
      if (last === 'ok') return { pinned };
      if (last !== 'unreachable') firstAnswer ??= clock.now();
      if (last === 'host key mismatch') {
        throw new StepError(
          'smoke',
          `SSH to ${where} refused: host key mismatch. The server's key is not the one ${pinned ? 'the instance printed to its console' : 'it showed first'}. Someone may be in the middle.\n${lastError}`,
        );
      }
    }
    const left = deadline - clock.now();
    if (left <= 0) break;
    // A boot takes minutes on some instance types: one line a minute so the wait never looks hung.
    if (clock.now() - quietSince >= 60_000) {
      quietSince = clock.now();
      log.info(`Still waiting for SSH on ${where} after ${duration(clock.now() - started)}: ${waitingFor(firstAnswer !== undefined, pinned, last)}.`);
    }
    await clock.sleep(Math.min(pause.next(), left));
  }
  const { text, error: unreadable } = await consoleText(deps.ec2, instanceId);
  const trouble = sshdTrouble(text);
  const what =
    last === 'refused'
      ? `sshd answered but refused the run's key for user '${target.user}' (check ssh-user: Ubuntu images use 'ubuntu') (${lastError})`
      : last === 'dropped'
        ? `sshd accepted connections but closed them before authentication (${lastError})`
        : firstAnswer === undefined
          ? 'sshd never answered'
          : pinned === undefined
            ? 'sshd answered but no host key could be pinned'
            : `sshd stopped answering (${lastError || 'no error text'})`;
  const because = trouble
    ? ` The console says: ${trouble}.`
    : firstAnswer === undefined
      ? ' The console shows no sshd failure: a slow boot, or a network path (subnet, route, security group) that does not reach it.'
      : '';
  const consoleTail = tail(text, 40);
  throw new StepError(
    'smoke',
    `SSH to ${where} was not usable by the deadline: ${what}.${because}`,
    consoleTail.length
      ? ['The last lines of the instance console:', ...consoleTail.map((l) => `  ${l}`)]
      : [unreadable ? `The instance console could not be read (${unreadable}).` : 'The instance console was empty.'],
  );
}

/**
 * Launches one instance from the AMI, checks it over SSH, and removes every
 * trace before returning or throwing. Each resource is in the ledger before
 * the call that creates it, so the post step can finish if this run dies.
 */
export async function runSmokeTest(options: SmokeOptions, given: SmokeDeps): Promise<SmokeReport> {
  const { ec2, ledger, log, signal } = given;
  const clock = given.clock ?? realClock;
  // Waiting and checking stop at a cancel; teardown below keeps the real clock.
  const deps = { ...given, clock: abortable(clock, signal) };
  const notCancelled = () => {
    if (signal?.aborted) throw new StepError('smoke', 'Cancelled.');
  };
  const name = smokeName();
  const tags = toTags({ ...options.runTags, ...options.extraTags, Name: name });
  // Whatever this run adds to the ledger is this run's to remove, including what a failed call may have created.
  const before = new Set(ledger.list().map(resourceKey));
  const report: SmokeReport = { ok: false, hostKeyPinned: false, checks: [] };
  const key = await makeKey(log, name);
  try {
    let cidr = options.allowedCidr;
    if (!cidr) {
      try {
        cidr = `${await (deps.publicIp ?? runnerAddress)()}/32`;
      } catch (error) {
        throw new StepError('smoke', `Could not find the runner's public address (${describeError(error)}): set smoke-allowed-cidr.`);
      }
    }
    log.info(`Smoke test ${name}: ${options.instanceType} from ${options.amiId}, reachable from ${cidr} only.`);
    notCancelled();
    await importKey(deps, options.region, name, key.publicKey, tags);
    const vpcId = await resolveVpc(ec2, options.subnetId);
    notCancelled();
    const groupId = await createSecurityGroup(deps, options.region, name, vpcId, cidr, [options.sshPort, options.httpPort], tags);
    notCancelled();
    const instanceId = await launchInstance(deps, {
      region: options.region,
      amiId: options.amiId,
      instanceType: options.instanceType,
      keyName: name,
      groupId,
      subnetId: options.subnetId,
      tags,
      publicAddress: options.address !== 'private',
      kmsKeyId: options.kmsKeyId,
    });
    report.instanceId = instanceId;
    const address = await waitForRunning(deps, instanceId, options.deadline, options.address);
    report.publicAddress = address;
    log.info(`Instance ${instanceId} is running at ${address}.`);

    const knownHostsPath = path.join(key.dir, 'known_hosts');
    const target = { host: address, port: options.sshPort, user: options.sshUser, keyPath: key.privateKeyPath };
    const { pinned } = await connect(target, knownHostsPath, instanceId, deps, options.deadline);
    report.hostKeyPinned = pinned;

    report.checks = await checkHost(
      {
        target: { ...target, knownHostsPath },
        httpUrl: `http://${address.includes(':') ? `[${address}]` : address}:${options.httpPort}`,
        spec: options.spec,
        userScript: options.userScript,
        // The run's unique name makes the version unique too, so the HTTP check cannot be fooled by an earlier deploy.
        version: name.replace(/^eb-platform-/, ''),
        deadline: options.deadline,
        signal,
        controlDir: key.dir,
      },
      log,
      deps.clock,
    );
    report.ok = report.checks.every((c) => c.ok);
    return report;
  } finally {
    key.cleanup();
    // The instance and the key pair at once, the security group once the instance is gone.
    const mine = ledger.list().filter((r) => r.kind !== 'builder-environment' && !before.has(resourceKey(r)));
    await removeConcurrently(mine, async (resource) => {
      try {
        await teardownSmokeResource(resource, { ec2, ledger, log, clock });
      } catch (error) {
        log.error(`Could not remove ${resource.kind}: ${describeError(error)} (the post step tries again)`);
      }
    });
  }
}

/** A host to prove, reachable over SSH with a key whose host key is already pinned in `target.knownHostsPath`. */
export interface HostUnderTest {
  target: SshTarget;
  /** Where the runner reaches the host's web server, without a path. */
  httpUrl: string;
  /** What the platform declares about itself (smoke.yaml). */
  spec?: SmokeSpec;
  userScript?: string;
  /** The sample app version to deploy and read back; unique per run. */
  version: string;
  deadline?: number;
  signal?: AbortSignal;
  /** A directory only this run can read, for the shared connection's socket; a fresh private one when not given. */
  controlDir?: string;
  /** One SSH connection for every check (the default), or one per command (the bench's comparison). */
  connections?: 'shared' | 'per-command';
}

/**
 * Runs the platform's check list against any SSH host: the smoke test's EC2
 * instance, or a local VM on a forwarded loopback port. Each result is logged
 * as it comes; a failed check does not stop the ones after it.
 */
export async function checkHost(host: HostUnderTest, log: Log, clock: Clock = realClock): Promise<CheckResult[]> {
  if (!host.spec)
    log.info(
      `The platform declares no smoke checks: only the checks that hold for any image run. Declare its own in smoke.yaml beside platform.yaml (see the README).`,
    );
  const ownDir = host.controlDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'eb-platform-ssh-control-'));
  const shared = host.connections === 'per-command' ? undefined : await shareConnection(host.target, host.controlDir ?? ownDir!, { log });
  try {
    return await log.group('Smoke test checks', () =>
      runChecks(
        smokeChecks(host.spec, host.version, host.userScript),
        {
          target: shared?.target ?? host.target,
          httpUrl: host.httpUrl,
          userScript: host.userScript,
          deadline: host.deadline,
          signal: host.signal,
          now: () => clock.now(),
          sleep: (ms) => clock.sleep(ms),
        },
        (r) => {
          const line = `${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${(r.durationMs / 1000).toFixed(1)} s)${r.excerpt ? `\n${indent(r.excerpt)}` : ''}`;
          if (r.ok) log.info(line);
          else log.error(line);
        },
      ),
    );
  } finally {
    await shared?.close();
    if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
