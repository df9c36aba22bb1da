import { randomBytes, randomUUID } from 'node:crypto';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  ImportKeyPairCommand,
  RunInstancesCommand,
  Tag,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { Clock, isTransient, realClock } from '../lib/clock';
import { StepError, describeError } from '../lib/errors';
import type { Ledger, Resource } from '../resources/ledger';
import type { Log } from '../lib/log';

export interface Ec2Deps {
  ec2: EC2Client;
  ledger: Ledger;
  log: Log;
  clock?: Clock;
  /** How long to wait before a second look for something whose creation was in doubt. */
  doubtMs?: number;
}

const code = (e: unknown) => (e as { name?: string; Code?: string }).Code ?? (e as { name?: string }).name ?? '';

/** Runs an EC2 call; a failure becomes one StepError that says what was being done. */
async function failsAs<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StepError) throw error;
    const hint = code(error).startsWith('UnauthorizedOperation') ? '\nThe credentials lack this EC2 permission.' : '';
    throw Object.assign(new StepError('smoke', `${what} failed: ${describeError(error)}${hint}`), { cause: error });
  }
}

/**
 * Runs a creating call for a resource already in the ledger. A refusal means
 * nothing was created, so the record goes; a lost answer (throttling, 5xx, a
 * dropped connection) leaves it for teardown to settle.
 */
async function creating<T>(deps: Ec2Deps, resource: Resource, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    if (!isTransient(cause)) deps.ledger.release(resource);
    throw error;
  }
}

/** A name unique to this run that says what it is. */
export function smokeName(env: NodeJS.ProcessEnv = process.env): string {
  const run = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : `${Date.now()}`;
  return `eb-platform-smoke-${run}-${randomBytes(3).toString('hex')}`;
}

export function toTags(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export async function importKey(deps: Ec2Deps, region: string, keyName: string, publicKey: string, tags: Tag[]): Promise<void> {
  const resource: Resource = { kind: 'key-pair', region, keyName };
  deps.ledger.record(resource);
  const out = await creating(deps, resource, () =>
    failsAs(`Importing the run's SSH key as key pair ${keyName}`, () =>
      deps.ec2.send(new ImportKeyPairCommand({ KeyName: keyName, PublicKeyMaterial: Buffer.from(publicKey), TagSpecifications: [{ ResourceType: 'key-pair', Tags: tags }] })),
    ),
  );
  deps.ledger.record({ ...resource, keyPairId: out.KeyPairId });
}

/** The VPC the instance will live in: the subnet's, or the region's default VPC. */
export async function resolveVpc(ec2: EC2Client, subnetId: string | undefined): Promise<string> {
  if (subnetId) {
    try {
      const out = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }));
      const vpc = out.Subnets?.[0]?.VpcId;
      if (vpc) return vpc;
    } catch (error) {
      if (code(error) !== 'InvalidSubnetID.NotFound') throw new StepError('smoke', `Looking up subnet ${subnetId} (smoke-subnet-id) failed: ${describeError(error)}`);
    }
    throw new StepError('smoke', `Subnet ${subnetId} (smoke-subnet-id) does not exist in this region.`);
  }
  const out = await failsAs("Finding the region's default VPC", () => ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })));
  const vpc = out.Vpcs?.[0]?.VpcId;
  if (!vpc) throw new StepError('smoke', 'The region has no default VPC: set smoke-subnet-id to a subnet that gives instances a public IPv4 address.');
  return vpc;
}

export async function createSecurityGroup(
  deps: Ec2Deps,
  region: string,
  groupName: string,
  vpcId: string,
  cidr: string,
  ports: number[],
  tags: Tag[],
): Promise<string> {
  const resource: Resource = { kind: 'security-group', region, groupName, vpcId };
  deps.ledger.record(resource);
  const out = await creating(deps, resource, () =>
    failsAs(`Creating security group ${groupName} in ${vpcId}`, () =>
      deps.ec2.send(
        new CreateSecurityGroupCommand({
          GroupName: groupName,
          Description: 'Throwaway: smoke test of a new Elastic Beanstalk platform AMI',
          VpcId: vpcId,
          TagSpecifications: [{ ResourceType: 'security-group', Tags: tags }],
        }),
      ),
    ),
  );
  const groupId = out.GroupId as string;
  deps.ledger.record({ ...resource, groupId });
  await failsAs(`Opening ports ${[...new Set(ports)].join(', ')} of ${groupId} to ${cidr}`, () =>
    deps.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [...new Set(ports)].map((port) => ({
          IpProtocol: 'tcp',
          FromPort: port,
          ToPort: port,
          IpRanges: [{ CidrIp: cidr, Description: 'smoke test runner' }],
        })),
      }),
    ),
  );
  return groupId;
}

const LAUNCH_HINTS: Record<string, string> = {
  InsufficientInstanceCapacity: 'AWS has no capacity for this instance type in this zone right now: try another smoke-instance-type or smoke-subnet-id, or run again later.',
  'InvalidSubnetID.NotFound': 'The subnet does not exist in this region: check smoke-subnet-id.',
  InvalidSubnet: 'The subnet cannot be used: check smoke-subnet-id.',
  'InvalidAMIID.NotFound': 'The AMI is not visible to this account in this region.',
  'InvalidAMIID.Unavailable': 'The AMI is not available yet.',
  Unsupported: 'The instance type is not offered in this zone: choose another smoke-instance-type or smoke-subnet-id.',
  VcpuLimitExceeded: "The account's vCPU quota for this instance family is used up.",
  InstanceLimitExceeded: "The account's instance quota is used up.",
  InvalidParameterValue: 'AWS refused a launch parameter.',
};

export async function launchInstance(
  deps: Ec2Deps,
  options: { region: string; amiId: string; instanceType: string; keyName: string; groupId: string; subnetId?: string; tags: Tag[] },
): Promise<string> {
  const clientToken = randomUUID();
  const resource: Resource = { kind: 'instance', region: options.region, clientToken };
  deps.ledger.record(resource);
  let out;
  try {
    out = await deps.ec2.send(
      new RunInstancesCommand({
        ImageId: options.amiId,
        InstanceType: options.instanceType as never,
        MinCount: 1,
        MaxCount: 1,
        KeyName: options.keyName,
        ClientToken: clientToken,
        // If every teardown path fails, the instance still ends itself: it powers off after two hours and terminates on shutdown.
        InstanceInitiatedShutdownBehavior: 'terminate',
        UserData: Buffer.from('#!/bin/sh\nshutdown -h +120 "smoke-test instance expiring"\n').toString('base64'),
        ...(options.subnetId
          ? { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: options.subnetId, Groups: [options.groupId], AssociatePublicIpAddress: true, DeleteOnTermination: true }] }
          : { SecurityGroupIds: [options.groupId] }),
        MetadataOptions: { HttpTokens: 'required' },
        TagSpecifications: [
          { ResourceType: 'instance', Tags: options.tags },
          { ResourceType: 'volume', Tags: options.tags },
          { ResourceType: 'network-interface', Tags: options.tags },
        ],
      }),
    );
  } catch (error) {
    // Even a refusal stays recorded: teardown looks for an instance by the client token, since an instance is the costliest thing to leave behind.
    const hint = LAUNCH_HINTS[code(error)];
    throw new StepError('smoke', `Launching a ${options.instanceType} from ${options.amiId} failed: ${describeError(error)}${hint ? `\n${hint}` : ''}`);
  }
  const instanceId = out.Instances?.[0]?.InstanceId;
  if (!instanceId) throw new StepError('smoke', 'RunInstances returned no instance');
  deps.ledger.record({ ...resource, instanceId });
  return instanceId;
}

/** Waits for the instance to run and returns its public address. */
export async function waitForRunning(deps: Ec2Deps, instanceId: string, deadline: number): Promise<string> {
  const clock = deps.clock ?? realClock;
  let state = 'pending';
  let pause = 2_000;
  while (clock.now() < deadline) {
    try {
      const out = await deps.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
      const inst = out.Reservations?.[0]?.Instances?.[0];
      state = inst?.State?.Name ?? 'pending';
      if (state === 'running') {
        const address = inst?.PublicIpAddress;
        if (!address) throw new StepError('smoke', `Instance ${instanceId} runs without a public IPv4 address: use a subnet that assigns one (smoke-subnet-id).`);
        return address;
      }
      if (['shutting-down', 'terminated', 'stopping', 'stopped'].includes(state)) {
        const reason = inst?.StateReason?.Message ?? 'no reason given';
        throw new StepError('smoke', `Instance ${instanceId} is ${state} instead of running: ${reason}`);
      }
    } catch (error) {
      if (error instanceof StepError) throw error;
      if (code(error) !== 'InvalidInstanceID.NotFound' && !isTransient(error)) throw error;
    }
    await clock.sleep(Math.min(pause, Math.max(0, deadline - clock.now())));
    pause = Math.min(pause * 1.5, 15_000);
  }
  throw new StepError('smoke', `Instance ${instanceId} was still ${state} at the deadline.`);
}

async function instanceIds(ec2: EC2Client, r: Extract<Resource, { kind: 'instance' }>): Promise<string[]> {
  if (r.instanceId) return [r.instanceId];
  const out = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: [r.clientToken] }] }));
  return (out.Reservations ?? []).flatMap((res) => res.Instances ?? []).filter((i) => i.State?.Name !== 'terminated').map((i) => i.InstanceId as string);
}

async function terminateInstance(deps: Ec2Deps, r: Extract<Resource, { kind: 'instance' }>, clock: Clock): Promise<void> {
  const ids = await instanceIds(deps.ec2, r);
  if (!ids.length) return;
  try {
    await deps.ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
  } catch (error) {
    if (code(error) === 'InvalidInstanceID.NotFound') return;
    throw error;
  }
  deps.log.info(`Terminating ${ids.join(', ')}…`);
  // The security group cannot go until the instance is gone.
  const until = clock.now() + 10 * 60_000;
  let pause = 2_000;
  while (clock.now() < until) {
    try {
      const out = await deps.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
      const states = (out.Reservations ?? []).flatMap((res) => res.Instances ?? []).map((i) => i.State?.Name);
      if (states.every((s) => s === 'terminated')) return;
    } catch (error) {
      if (code(error) === 'InvalidInstanceID.NotFound') return;
      if (!isTransient(error)) throw error;
    }
    await clock.sleep(pause);
    pause = Math.min(pause * 1.5, 15_000);
  }
  throw new Error(`${ids.join(', ')} still not terminated after 10 minutes`);
}

async function deleteSecurityGroup(deps: Ec2Deps, r: Extract<Resource, { kind: 'security-group' }>, clock: Clock): Promise<void> {
  let groupId = r.groupId;
  if (!groupId) {
    const filters = [{ Name: 'group-name', Values: [r.groupName] }, ...(r.vpcId ? [{ Name: 'vpc-id', Values: [r.vpcId] }] : [])];
    const out = await deps.ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters }));
    groupId = out.SecurityGroups?.[0]?.GroupId;
    if (!groupId) return;
  }
  // AWS keeps reporting the terminated instance's network interface for a while.
  const until = clock.now() + 5 * 60_000;
  let pause = 3_000;
  for (;;) {
    try {
      await deps.ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
      return;
    } catch (error) {
      const c = code(error);
      if (c === 'InvalidGroup.NotFound' || c === 'InvalidGroupId.NotFound') return;
      if ((c !== 'DependencyViolation' && !isTransient(error)) || clock.now() >= until) throw error;
      deps.log.info(`Security group ${groupId} still in use; trying again in ${Math.round(pause / 1000)} s.`);
    }
    await clock.sleep(pause);
    pause = Math.min(pause * 1.5, 20_000);
  }
}

/**
 * Deletes one recorded smoke-test resource and releases it from the ledger.
 * Works from whatever the ledger knew when the run died: a client token, a
 * group name. Something already gone is success.
 */
export async function teardownSmokeResource(resource: Resource, deps: Ec2Deps): Promise<void> {
  const clock = deps.clock ?? realClock;
  await removeOnce(resource, deps, clock);
  // Without an id, the creating call's fate is unknown: a request sent just before the run died
  // can still land after the first look. Look once more a little later.
  const inDoubt =
    (resource.kind === 'instance' && !resource.instanceId) ||
    (resource.kind === 'security-group' && !resource.groupId) ||
    (resource.kind === 'key-pair' && !resource.keyPairId);
  if (inDoubt) {
    await clock.sleep(deps.doubtMs ?? 15_000);
    await removeOnce(resource, deps, clock);
  }
  deps.ledger.release(resource);
  deps.log.info(`Removed ${resource.kind} ${'instanceId' in resource ? resource.instanceId ?? resource.clientToken : 'groupId' in resource ? resource.groupId ?? resource.groupName : resource.kind === 'key-pair' ? resource.keyName : ''}.`);
}

async function removeOnce(resource: Resource, deps: Ec2Deps, clock: Clock): Promise<void> {
  switch (resource.kind) {
    case 'instance':
      await terminateInstance(deps, resource, clock);
      break;
    case 'security-group':
      await deleteSecurityGroup(deps, resource, clock);
      break;
    case 'key-pair':
      try {
        await deps.ec2.send(new DeleteKeyPairCommand({ KeyName: resource.keyName }));
      } catch (error) {
        if (code(error) !== 'InvalidKeyPair.NotFound') throw error;
      }
      break;
    default:
      throw new Error(`not a smoke-test resource: ${resource.kind}`);
  }
}
