/**
 * The smoke test's kinds of resource (its instance, security group and key
 * pair): how each is described, removed from whatever the ledger knew when the
 * run ended or died, and found when an ended run left it.
 */
import { DescribeInstancesCommand, DescribeKeyPairsCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { Clock, realClock } from '../lib/clock';
import { allPages } from '../lib/paginate';
import type { Resource } from '../resources/ledger';
import { kindOf, KindTable, RemovalEnv, ResourceKind } from '../resources/kind';
import { deleteKeyPair, deleteSecurityGroup, terminateInstances } from '../resources/ec2-delete';
import { LIVE_INSTANCE_STATES } from '../resources/states';
import { Ec2Deps, findGroup } from './instance';

type Of<K extends Resource['kind']> = Extract<Resource, { kind: K }>;

/** How a smoke-test kind is removed once, and whether the ledger holds its AWS id (without one, its creation is in doubt). */
interface SmokeKind<R extends Resource> extends ResourceKind<R> {
  removeOnce(r: R, deps: Ec2Deps, clock: Clock): Promise<void>;
  identified(r: R): boolean;
}

/** Removes through `teardownSmokeResource`, with the region's EC2. */
const removeWith = (r: Resource, env: RemovalEnv) =>
  teardownSmokeResource(r, { ec2: env.clientsFor(r.region).get(EC2Client), ledger: env.ledger, log: env.log, clock: env.clock }).then(() => 'deleted');

const instance: SmokeKind<Of<'instance'>> = {
  describe: (r) => `instance ${r.instanceId ?? `with client token ${r.clientToken}`} (${r.region})`,
  identified: (r) => !!r.instanceId,
  async removeOnce(r, deps, clock) {
    await terminateInstances(deps.ec2, await instanceIds(deps.ec2, r), deps.log, clock);
  },
  remove: removeWith,
  async tagged(clients, region, filters) {
    const ec2 = clients.get(EC2Client);
    const pages = await allPages('DescribeInstances', async (token) => {
      const page = await ec2.send(
        new DescribeInstancesCommand({ Filters: [...filters, { Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES }], NextToken: token }),
      );
      return { items: page.Reservations, next: page.NextToken };
    });
    return pages
      .flatMap((p) => p.Instances ?? [])
      .map((i) => ({
        record: { kind: 'instance', region, clientToken: i.ClientToken || (i.InstanceId as string), instanceId: i.InstanceId },
        tags: i.Tags,
      }));
  },
};

const securityGroup: SmokeKind<Of<'security-group'>> = {
  describe: (r) => `security group ${r.groupId ?? r.groupName} (${r.region})`,
  // An instance may still hold the group until it is terminated.
  after: ['instance'],
  identified: (r) => !!r.groupId,
  async removeOnce(r, deps, clock) {
    const groupId = r.groupId ?? (await findGroup(deps.ec2, r.groupName, r.vpcId));
    if (groupId) await deleteSecurityGroup(deps.ec2, groupId, deps.log, clock);
  },
  remove: removeWith,
  async tagged(clients, region, filters) {
    const ec2 = clients.get(EC2Client);
    const groups = await allPages('DescribeSecurityGroups', async (token) => {
      const page = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters, NextToken: token }));
      return { items: page.SecurityGroups, next: page.NextToken };
    });
    return groups.map((g) => ({
      record: { kind: 'security-group', region, groupName: g.GroupName as string, vpcId: g.VpcId, groupId: g.GroupId },
      tags: g.Tags,
    }));
  },
};

const keyPair: SmokeKind<Of<'key-pair'>> = {
  describe: (r) => `key pair ${r.keyName} (${r.region})`,
  identified: (r) => !!r.keyPairId,
  async removeOnce(r, deps) {
    await deleteKeyPair(deps.ec2, r.keyName);
  },
  remove: removeWith,
  async tagged(clients, region, filters) {
    const keys = (await clients.get(EC2Client).send(new DescribeKeyPairsCommand({ Filters: filters }))).KeyPairs ?? [];
    return keys.map((k) => ({ record: { kind: 'key-pair', region, keyName: k.KeyName as string, keyPairId: k.KeyPairId }, tags: k.Tags }));
  },
};

/** The smoke test's kinds: what it made, and only that, is its own to remove. */
export const SMOKE_KINDS = { instance, 'security-group': securityGroup, 'key-pair': keyPair } satisfies Partial<KindTable>;

async function instanceIds(ec2: EC2Client, r: Of<'instance'>): Promise<string[]> {
  if (r.instanceId) return [r.instanceId];
  const out = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: [r.clientToken] }] }));
  return (out.Reservations ?? [])
    .flatMap((res) => res.Instances ?? [])
    .filter((i) => i.State?.Name !== 'terminated')
    .map((i) => i.InstanceId as string);
}

/**
 * Deletes one recorded smoke-test resource and releases it from the ledger.
 * Works from whatever the ledger knew when the run died: a client token, a
 * group name. Something already gone is success.
 */
export async function teardownSmokeResource(resource: Resource, deps: Ec2Deps): Promise<void> {
  const clock = deps.clock ?? realClock;
  const kind = kindOf(SMOKE_KINDS, resource) as SmokeKind<Resource>;
  await kind.removeOnce(resource, deps, clock);
  // Without an id, the creating call's fate is unknown: a request sent just before the run died
  // can still land after the first look. Look once more a little later.
  if (!kind.identified(resource)) {
    await clock.sleep(deps.doubtMs ?? 15_000);
    await kind.removeOnce(resource, deps, clock);
  }
  deps.ledger.release(resource);
  deps.log.info(`Removed ${kind.describe(resource)}.`);
}
