import * as path from 'node:path';
import type { EC2Client, Tag } from '@aws-sdk/client-ec2';
import { abortable, Clock, realClock } from '../lib/clock';
import { StepError, describeError } from '../lib/errors';
import { resourceKey } from '../resources/ledger';
import type { Env } from '../env';
import { inTable, kindOf, removeConcurrently } from '../resources/kind';
import type { SmokeSpec } from '../platform/smoke-spec';
import type { CheckResult } from './checks';
import { checkHost } from './check-host';
import { connect } from './connect';
import { createSecurityGroup, importKey, launchInstance, resolveVpc, smokeName, toTags, waitForRunning } from './instance';
import { runnerCidr } from './runner-address';
import { collectInventory, Inventory } from './inventory';
import { KeyMaterial, makeKey } from './ssh';
import { SMOKE_KINDS, teardownSmokeResource } from './teardown';

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
  /** What the booted image holds, read once its checks passed; undefined when reading it failed (the log says why). */
  inventory?: Inventory;
}

/** The run's ledger, log and cancel signal, the region's EC2, and a clock (the runner's when not given). */
export interface SmokeDeps extends Pick<Env, 'ledger' | 'log' | 'signal'> {
  ec2: EC2Client;
  clock?: Clock;
  /** The runner's public IPv4 address, when smoke-allowed-cidr is not given. */
  publicIp?: () => Promise<string>;
  /** Asks the console for host keys for this long after sshd first answers, before falling back to trust on first use. */
  consoleGraceMs?: number;
}

/**
 * What the smoke test needs before it has an image: its SSH key, the key pair
 * and the security group (each in the ledger before it is made). Made before
 * the build, so that a refused call fails the run in seconds rather than after
 * the build, and the instance launches the moment the image is available.
 */
export interface PreparedSmoke {
  name: string;
  tags: Tag[];
  key: KeyMaterial;
  cidr: string;
  groupId: string;
  /** The ledger as it was before: what is new in it, of the smoke test's kinds, is the smoke test's. */
  before: Set<string>;
}

export type SmokeSetup = Pick<SmokeOptions, 'region' | 'subnetId' | 'allowedCidr' | 'extraTags' | 'runTags' | 'sshPort' | 'httpPort'>;

/** Makes the key, the key pair and the security group; on a failure, removes what it made and throws. */
export async function prepareSmokeTest(options: SmokeSetup, given: SmokeDeps): Promise<PreparedSmoke> {
  const { ec2, ledger, log, signal } = given;
  const deps = { ...given, clock: abortable(given.clock ?? realClock, signal) };
  const name = smokeName();
  const tags = toTags({ ...options.runTags, ...options.extraTags, Name: name });
  const before = new Set(ledger.list().map(resourceKey));
  const key = await makeKey(log, name);
  const prepared: PreparedSmoke = { name, tags, key, cidr: '', groupId: '', before };
  try {
    prepared.cidr = await runnerCidr('smoke', options.allowedCidr, deps.publicIp);
    notCancelled(signal);
    await importKey(deps, options.region, name, key.publicKey, tags);
    const vpcId = await resolveVpc(ec2, options.subnetId);
    notCancelled(signal);
    prepared.groupId = await createSecurityGroup(deps, options.region, name, vpcId, prepared.cidr, [options.sshPort, options.httpPort], tags);
    log.info(`Smoke test ${name}: key pair and security group ${prepared.groupId} ready, reachable from ${prepared.cidr} only.`);
    return prepared;
  } catch (error) {
    await finishSmokeTest(prepared, given);
    throw error;
  }
}

function notCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StepError('smoke', 'Cancelled.');
}

/**
 * Launches one instance from the AMI, checks it over SSH, and removes every
 * trace before returning or throwing, what `prepared` made included (prepared
 * here when not given). Each resource is in the ledger before the call that
 * creates it, so the post step can finish if this run dies.
 */
export async function runSmokeTest(options: SmokeOptions, given: SmokeDeps, prepared?: PreparedSmoke): Promise<SmokeReport> {
  const { log, signal } = given;
  // Waiting and checking stop at a cancel; teardown keeps the real clock.
  const deps = { ...given, clock: abortable(given.clock ?? realClock, signal) };
  const ready = prepared ?? (await prepareSmokeTest(options, given));
  const { name, key, tags, groupId } = ready;
  const report: SmokeReport = { ok: false, hostKeyPinned: false, checks: [] };
  try {
    notCancelled(signal);
    log.info(`Smoke test ${name}: ${options.instanceType} from ${options.amiId}.`);
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
    // While the instance is there: what the image holds, for its SBOM. A failure here is the SBOM's, not the image's.
    if (report.ok)
      report.inventory = await collectInventory({ ...target, knownHostsPath }, signal).catch((error) => {
        log.warning(`No SBOM: ${describeError(error)}.`);
        return undefined;
      });
    return report;
  } finally {
    await finishSmokeTest(ready, given);
  }
}

/** Removes the key and what the smoke test made: the instance and the key pair at once, the security group once the instance is gone. */
async function finishSmokeTest(prepared: PreparedSmoke, given: SmokeDeps): Promise<void> {
  const { ec2, ledger, log } = given;
  const clock = given.clock ?? realClock;
  prepared.key.cleanup();
  const mine = ledger.list().filter((r) => inTable(SMOKE_KINDS, r) && !prepared.before.has(resourceKey(r)));
  await removeConcurrently(mine, SMOKE_KINDS, async (resource) => {
    try {
      await teardownSmokeResource(resource, { ec2, ledger, log, clock });
    } catch (error) {
      log.error(`Could not remove ${kindOf(SMOKE_KINDS, resource).describe(resource)}: ${describeError(error)} (the post step tries again)`);
    }
  });
}
