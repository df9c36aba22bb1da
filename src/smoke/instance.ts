import { randomBytes, randomUUID } from 'node:crypto';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  ImportKeyPairCommand,
  RunInstancesCommand,
  Tag,
} from '@aws-sdk/client-ec2';
import { Clock, realClock } from '../lib/clock';
import { backoff, sleepWithin } from '../lib/retry';
import { errorCode, isTransient } from '../lib/aws-errors';
import { StepError, describeError } from '../lib/errors';
import { creating, type Resource } from '../resources/ledger';
import type { Env } from '../env';

export interface Ec2Deps extends Pick<Env, 'ledger' | 'log'> {
  ec2: EC2Client;
  clock?: Clock;
  /** How long to wait before a second look for something whose creation was in doubt. */
  doubtMs?: number;
}

/** Runs an EC2 call; a failure becomes one StepError that says what was being done. */
async function failsAs<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StepError) throw error;
    const hint = errorCode(error).startsWith('UnauthorizedOperation') ? '\nThe credentials lack this EC2 permission.' : '';
    throw Object.assign(new StepError('smoke', `${what} failed: ${describeError(error)}${hint}`), { cause: error });
  }
}

/** A name unique to this run that says what it is. */
/** How the smoke test's key pair, security group and instance (its Name and key) are named. */
export const SMOKE_NAME_PREFIX = 'eb-platform-smoke-';

export function smokeName(env: NodeJS.ProcessEnv = process.env): string {
  const run = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : `${Date.now()}`;
  return `${SMOKE_NAME_PREFIX}${run}-${randomBytes(3).toString('hex')}`;
}

export function toTags(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export async function importKey(deps: Ec2Deps, region: string, keyName: string, publicKey: string, tags: Tag[]): Promise<void> {
  const resource: Resource = { kind: 'key-pair', region, keyName };
  const keyPairId = await creating(deps.ledger, resource, () =>
    failsAs(`Importing the run's SSH key as key pair ${keyName}`, async () => {
      try {
        const out = await deps.ec2.send(
          new ImportKeyPairCommand({
            KeyName: keyName,
            PublicKeyMaterial: Buffer.from(publicKey),
            TagSpecifications: [{ ResourceType: 'key-pair', Tags: tags }],
          }),
        );
        return out.KeyPairId;
      } catch (error) {
        // The name is this run's alone: a duplicate is the SDK's retry meeting the import whose answer was lost.
        if (errorCode(error) !== 'InvalidKeyPair.Duplicate') throw error;
        const found = await deps.ec2.send(new DescribeKeyPairsCommand({ KeyNames: [keyName] }));
        deps.log.info(`Key pair ${keyName} was imported by a call whose answer was lost; using it.`);
        return found.KeyPairs?.[0]?.KeyPairId;
      }
    }),
  );
  deps.ledger.record({ ...resource, keyPairId });
}

/** The VPC the instance will live in: the subnet's, or the region's default VPC. */
export async function resolveVpc(ec2: EC2Client, subnetId: string | undefined): Promise<string> {
  if (subnetId) {
    try {
      const out = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }));
      const vpc = out.Subnets?.[0]?.VpcId;
      if (vpc) return vpc;
    } catch (error) {
      if (errorCode(error) !== 'InvalidSubnetID.NotFound')
        throw new StepError('smoke', `Looking up subnet ${subnetId} (smoke-subnet-id) failed: ${describeError(error)}`);
    }
    throw new StepError('smoke', `Subnet ${subnetId} (smoke-subnet-id) does not exist in this region.`);
  }
  const out = await failsAs("Finding the region's default VPC", () =>
    ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })),
  );
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
  const groupId = await creating(deps.ledger, resource, () =>
    failsAs(`Creating security group ${groupName} in ${vpcId}`, async () => {
      try {
        const out = await deps.ec2.send(
          new CreateSecurityGroupCommand({
            GroupName: groupName,
            Description: 'Throwaway: smoke test of a new Elastic Beanstalk platform AMI',
            VpcId: vpcId,
            TagSpecifications: [{ ResourceType: 'security-group', Tags: tags }],
          }),
        );
        return out.GroupId as string;
      } catch (error) {
        // The name is this run's alone: a duplicate is the SDK's retry meeting the group whose answer was lost.
        if (errorCode(error) !== 'InvalidGroup.Duplicate') throw error;
        const found = await findGroup(deps.ec2, groupName, vpcId);
        if (!found) throw error;
        deps.log.info(`Security group ${groupName} was created by a call whose answer was lost; using ${found}.`);
        return found;
      }
    }),
  );
  deps.ledger.record({ ...resource, groupId });
  const unique = [...new Set(ports)];
  await failsAs(`Opening ports ${unique.join(', ')} of ${groupId} to ${cidr}`, async () => {
    try {
      await deps.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: groupId,
          IpPermissions: unique.map((port) => ({
            IpProtocol: 'tcp',
            FromPort: port,
            ToPort: port,
            IpRanges: [{ CidrIp: cidr, Description: 'smoke test runner' }],
          })),
        }),
      );
    } catch (error) {
      // The rules exist: the retry of a call whose answer was lost.
      if (errorCode(error) !== 'InvalidPermission.Duplicate') throw error;
    }
  });
  return groupId;
}

export async function findGroup(ec2: EC2Client, groupName: string, vpcId?: string): Promise<string | undefined> {
  const filters = [{ Name: 'group-name', Values: [groupName] }, ...(vpcId ? [{ Name: 'vpc-id', Values: [vpcId] }] : [])];
  const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters }));
  return out.SecurityGroups?.[0]?.GroupId;
}

const LAUNCH_HINTS: Record<string, string> = {
  InsufficientInstanceCapacity:
    'AWS has no capacity for this instance type in this zone right now: try another smoke-instance-type or smoke-subnet-id, or run again later.',
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
  options: {
    region: string;
    amiId: string;
    instanceType: string;
    keyName: string;
    groupId: string;
    subnetId?: string;
    tags: Tag[];
    /** Whether the instance needs a public address (the runner reaches it from outside the VPC). */
    publicAddress?: boolean;
    kmsKeyId?: string;
  },
): Promise<string> {
  const clientToken = randomUUID();
  const resource: Resource = { kind: 'instance', region: options.region, clientToken };
  // The root volume is encrypted whatever the image's snapshot is (AWS's baseline); its device name is the image's.
  const rootDevice = await failsAs(`Looking up ${options.amiId}`, async () => {
    const image = (await deps.ec2.send(new DescribeImagesCommand({ ImageIds: [options.amiId] }))).Images?.[0];
    if (!image?.RootDeviceName)
      throw new StepError('smoke', `${options.amiId} has no root device name: it is not an EBS-backed image the smoke test can launch`);
    return image.RootDeviceName;
  });
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
          ? {
              NetworkInterfaces: [
                {
                  DeviceIndex: 0,
                  SubnetId: options.subnetId,
                  Groups: [options.groupId],
                  AssociatePublicIpAddress: options.publicAddress ?? true,
                  DeleteOnTermination: true,
                },
              ],
            }
          : { SecurityGroupIds: [options.groupId] }),
        BlockDeviceMappings: [
          { DeviceName: rootDevice, Ebs: { Encrypted: true, DeleteOnTermination: true, ...(options.kmsKeyId ? { KmsKeyId: options.kmsKeyId } : {}) } },
        ],
        // IMDSv2 only, and no hop past the instance itself (AWS's security baseline for EC2).
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
        TagSpecifications: [
          { ResourceType: 'instance', Tags: options.tags },
          { ResourceType: 'volume', Tags: options.tags },
          { ResourceType: 'network-interface', Tags: options.tags },
        ],
      }),
    );
  } catch (error) {
    // Even a refusal stays recorded: teardown looks for an instance by the client token, since an instance is the costliest thing to leave behind.
    const hint = LAUNCH_HINTS[errorCode(error)];
    throw new StepError('smoke', `Launching a ${options.instanceType} from ${options.amiId} failed: ${describeError(error)}${hint ? `\n${hint}` : ''}`);
  }
  const instanceId = out.Instances?.[0]?.InstanceId;
  if (!instanceId) throw new StepError('smoke', 'RunInstances returned no instance');
  deps.ledger.record({ ...resource, instanceId });
  return instanceId;
}

/** Waits for the instance to run and returns the address the runner reaches it at: its public one, or its private one for a runner inside the VPC. */
export async function waitForRunning(deps: Ec2Deps, instanceId: string, deadline: number, use: 'public' | 'private' = 'public'): Promise<string> {
  const clock = deps.clock ?? realClock;
  let state = 'pending';
  const pause = backoff(2_000, 15_000);
  while (clock.now() < deadline) {
    try {
      const out = await deps.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
      const inst = out.Reservations?.[0]?.Instances?.[0];
      state = inst?.State?.Name ?? 'pending';
      if (state === 'running') {
        const address = use === 'private' ? inst?.PrivateIpAddress : inst?.PublicIpAddress;
        if (!address) {
          throw new StepError(
            'smoke',
            use === 'private'
              ? `Instance ${instanceId} runs without a private IPv4 address.`
              : `Instance ${instanceId} runs without a public IPv4 address: use a subnet that assigns one (smoke-subnet-id), or smoke-address: private from a runner inside the VPC.`,
          );
        }
        return address;
      }
      if (['shutting-down', 'terminated', 'stopping', 'stopped'].includes(state)) {
        const reason = inst?.StateReason?.Message ?? 'no reason given';
        throw new StepError('smoke', `Instance ${instanceId} is ${state} instead of running: ${reason}`);
      }
    } catch (error) {
      if (error instanceof StepError) throw error;
      if (errorCode(error) !== 'InvalidInstanceID.NotFound' && !isTransient(error)) throw error;
    }
    await sleepWithin(clock, pause.next(), deadline);
  }
  throw new StepError('smoke', `Instance ${instanceId} was still ${state} at the deadline.`);
}
