import * as path from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { abortable, Clock, realClock } from '../lib/clock';
import { StepError, describeError } from '../lib/errors';
import { Ledger, resourceKey } from '../resources/ledger';
import { removeConcurrently } from '../resources/removal-order';
import type { Log } from '../lib/log';
import type { SmokeSpec } from '../platform/smoke-spec';
import type { CheckResult } from './checks';
import { checkHost } from './check-host';
import { connect } from './connect';
import { createSecurityGroup, importKey, launchInstance, resolveVpc, smokeName, toTags, waitForRunning } from './instance';
import { runnerCidr } from './runner-address';
import { makeKey } from './ssh';
import { teardownSmokeResource } from './teardown';

export { teardownSmokeResource } from './teardown';
export { checkHost } from './check-host';
export type { HostUnderTest } from './check-host';
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
    const cidr = await runnerCidr('smoke', options.allowedCidr, deps.publicIp);
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
