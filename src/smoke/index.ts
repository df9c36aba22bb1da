import * as path from 'node:path';
import { EC2Client, GetConsoleOutputCommand } from '@aws-sdk/client-ec2';
import { Clock, realClock } from '../clock';
import { StepError, describeError } from '../errors';
import { Ledger, resourceKey } from '../ledger';
import type { Log } from '../log';
import { CheckResult, platformChecks, runChecks } from './checks';
import { hostKeysFromConsole, sshdTrouble } from './host-keys';
import { createSecurityGroup, importKey, launchInstance, resolveVpc, smokeName, teardownSmokeResource, toTags, waitForRunning } from './instance';
import { SshFailure, SshTarget, classifySshFailure, makeKey, scanHostKeys, sshRun, writeKnownHosts } from './ssh';

export { teardownSmokeResource } from './instance';
export type { CheckResult } from './checks';

export interface SmokeOptions {
  amiId: string;
  region: string;
  instanceType: string;
  subnetId?: string;
  allowedCidr?: string;
  extraTags: Record<string, string>;
  runTags: Record<string, string>;
  userScript?: string;
  sampleAppDir: string;
  sshUser: string;
  sshPort: number;
  httpPort: number;
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
}

async function runnerAddress(): Promise<string> {
  const res = await fetch('https://checkip.amazonaws.com', { signal: AbortSignal.timeout(10_000) });
  const ip = (await res.text()).trim();
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) throw new Error(`checkip.amazonaws.com answered '${ip.slice(0, 40)}'`);
  return ip;
}

async function consoleText(ec2: EC2Client, instanceId: string): Promise<string> {
  try {
    const out = await ec2.send(new GetConsoleOutputCommand({ InstanceId: instanceId, Latest: true }));
    return out.Output ? Buffer.from(out.Output, 'base64').toString('utf8') : '';
  } catch {
    return '';
  }
}

/**
 * Waits until SSH answers with a host key we can vouch for. Keys come from the
 * console when the instance prints them; otherwise, once sshd has answered
 * and the console stayed silent for a grace period, from the first contact,
 * and the log says so.
 */
async function connect(
  target: Omit<SshTarget, 'knownHostsPath'>,
  knownHostsPath: string,
  instanceId: string,
  deps: SmokeDeps,
  deadline: number,
): Promise<{ pinned: boolean }> {
  const clock = deps.clock ?? realClock;
  const graceMs = deps.consoleGraceMs ?? 180_000;
  let pause = 3_000;
  let firstAnswer: number | undefined;
  let last: SshFailure = 'unreachable';
  let lastError = '';
  let pinned: boolean | undefined;
  while (clock.now() < deadline) {
    if (pinned === undefined) {
      const keys = hostKeysFromConsole(await consoleText(deps.ec2, instanceId));
      if (keys.length) {
        writeKnownHosts(knownHostsPath, target.host, target.port, keys);
        pinned = true;
        deps.log.info(`Pinned ${keys.length} host key(s) from the instance's console output.`);
      } else if (firstAnswer !== undefined && clock.now() - firstAnswer >= graceMs) {
        const scanned = await scanHostKeys(target.host, target.port);
        if (scanned.length) {
          writeKnownHosts(knownHostsPath, target.host, target.port, scanned);
          pinned = false;
          deps.log.warning(
            `The instance printed no host keys to its console, so its SSH host key was trusted on first use (${scanned.length} key(s) from ssh-keyscan), not verified.`,
          );
        }
      }
    }
    if (pinned !== undefined) {
      const r = await sshRun({ ...target, knownHostsPath }, 'true', { timeoutMs: 30_000 });
      last = classifySshFailure(r);
      lastError = r.stderr.trim();
      if (last === 'ok') return { pinned };
      if (last === 'host key mismatch') {
        throw new StepError('smoke', `SSH to ${target.host}:${target.port} refused: the host key does not match the one ${pinned ? 'the console printed' : 'first seen'}. Someone may be in the middle.\n${lastError}`);
      }
    } else {
      // Probe without trusting anything, to know when sshd starts answering.
      const scanned = await scanHostKeys(target.host, target.port);
      if (scanned.length && firstAnswer === undefined) firstAnswer = clock.now();
    }
    await clock.sleep(Math.min(pause, Math.max(0, deadline - clock.now())));
    pause = Math.min(pause * 1.5, 15_000);
  }
  const trouble = sshdTrouble(await consoleText(deps.ec2, instanceId));
  const what =
    last === 'refused'
      ? `sshd answered but refused the run's key as ${target.user} (${lastError})`
      : firstAnswer === undefined
        ? 'sshd never answered'
        : pinned === undefined
          ? 'sshd answered but no host key could be pinned'
          : `sshd stopped answering (${lastError || 'no error text'})`;
  throw new StepError('smoke', `SSH to ${target.host}:${target.port} was not usable by the deadline: ${what}.${trouble ? ` The console says: ${trouble}.` : ''}`);
}

/**
 * Launches one instance from the AMI, checks it over SSH, and removes every
 * trace before returning or throwing. Each resource is in the ledger before
 * the call that creates it, so the post step can finish if this run dies.
 */
export async function runSmokeTest(options: SmokeOptions, deps: SmokeDeps): Promise<SmokeReport> {
  const { ec2, ledger, log } = deps;
  const clock = deps.clock ?? realClock;
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
    await importKey(deps, options.region, name, key.publicKey, tags);
    const vpcId = await resolveVpc(ec2, options.subnetId);
    const groupId = await createSecurityGroup(deps, options.region, name, vpcId, cidr, [options.sshPort, options.httpPort], tags);
    const instanceId = await launchInstance(deps, {
      region: options.region,
      amiId: options.amiId,
      instanceType: options.instanceType,
      keyName: name,
      groupId,
      subnetId: options.subnetId,
      tags,
    });
    report.instanceId = instanceId;
    const address = await waitForRunning(deps, instanceId, options.deadline);
    report.publicAddress = address;
    log.info(`Instance ${instanceId} is running at ${address}.`);

    const knownHostsPath = path.join(key.dir, 'known_hosts');
    const target = { host: address, port: options.sshPort, user: options.sshUser, keyPath: key.privateKeyPath };
    const { pinned } = await connect(target, knownHostsPath, instanceId, deps, options.deadline);
    report.hostKeyPinned = pinned;

    const version = `smoke-${Date.now().toString(36)}`;
    report.checks = await runChecks(
      platformChecks(version, options.userScript),
      {
        target: { ...target, knownHostsPath },
        httpUrl: `http://${address.includes(':') ? `[${address}]` : address}:${options.httpPort}/`,
        sampleAppDir: options.sampleAppDir,
        userScript: options.userScript,
      },
      (r) => (r.ok ? log.info : log.error)(`${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${(r.durationMs / 1000).toFixed(1)} s)${r.excerpt ? `\n${indent(r.excerpt)}` : ''}`),
      clock.now,
    );
    report.ok = report.checks.every((c) => c.ok);
    return report;
  } finally {
    key.cleanup();
    // Newest first: the instance before the security group it uses, then the key pair.
    const mine = ledger.list().filter((r) => r.kind !== 'builder-environment' && !before.has(resourceKey(r)));
    for (const resource of mine.reverse()) {
      try {
        await teardownSmokeResource(resource, { ec2, ledger, log, clock });
      } catch (error) {
        log.error(`Could not remove ${resource.kind}: ${describeError(error)} (the post step tries again)`);
      }
    }
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
