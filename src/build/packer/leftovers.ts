/**
 * What a Packer build leaves when it ends without its own clean-up (Elastic
 * Beanstalk's builder stopped, or the runner killed): its build instance, the
 * temporary security group and key pair it made for it. The instance is found
 * by the run tags the template gives it, or by the id Packer announced; the
 * group and key pair through the instance, and only when named as Packer names
 * its temporary ones, so nothing of anyone else's is touched.
 */
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client, Instance } from '@aws-sdk/client-ec2';
import { Clock, realClock } from '../../lib/clock';
import type { Log } from '../../lib/log';
import type { Resource } from '../../resources/ledger';
import { deleteKeyPair, deleteSecurityGroup, deregisterImage, terminateInstances } from '../../resources/ec2-delete';

/** Packer's names for its temporary key pair and security group (amazon-ebs: `packer_<uuid>`). */
export const PACKER_TEMPORARY = /^packer[_-]/;

/** What the ledger knows of a Packer build: its run tags and whatever it announced it made. */
export type PackerLeftovers = Omit<Extract<Resource, { kind: 'packer-build' }>, 'kind' | 'region' | 'build'>;

const LIVE = ['pending', 'running', 'stopping', 'stopped'];

async function findInstances(ec2: EC2Client, what: PackerLeftovers): Promise<Instance[]> {
  const found: Instance[] = [];
  const queries = [];
  if (Object.keys(what.tags).length) {
    queries.push({
      Filters: [...Object.entries(what.tags).map(([k, v]) => ({ Name: `tag:${k}`, Values: [v] })), { Name: 'instance-state-name', Values: LIVE }],
    });
  }
  if (what.instanceIds?.length)
    queries.push({
      Filters: [
        { Name: 'instance-id', Values: what.instanceIds },
        { Name: 'instance-state-name', Values: LIVE },
      ],
    });
  for (const q of queries) {
    const out = await ec2.send(new DescribeInstancesCommand(q));
    for (const i of (out.Reservations ?? []).flatMap((r) => r.Instances ?? [])) if (!found.some((f) => f.InstanceId === i.InstanceId)) found.push(i);
  }
  return found;
}

/** Removes the build instance, then its temporary group and key pair. Safe to run any number of times. */
export async function removePackerLeftovers(ec2: EC2Client, what: PackerLeftovers, log: Log, clock: Clock = realClock): Promise<string[]> {
  const removed: string[] = [];
  const instances = await findInstances(ec2, what);
  const groups = new Set(what.groupIds ?? []);
  for (const name of what.groupNames ?? []) {
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [name] }] }));
    for (const g of out.SecurityGroups ?? []) if (g.GroupId) groups.add(g.GroupId);
  }
  const keys = new Set(what.keyNames ?? []);
  for (const i of instances) {
    for (const g of i.SecurityGroups ?? []) if (g.GroupId && PACKER_TEMPORARY.test(g.GroupName ?? '')) groups.add(g.GroupId);
    if (i.KeyName && PACKER_TEMPORARY.test(i.KeyName)) keys.add(i.KeyName);
  }
  const ids = instances.map((i) => i.InstanceId as string);
  if (ids.length) {
    log.info(`Packer's build instance ${ids.join(', ')} outlived its build; terminating it.`);
    await terminateInstances(ec2, ids, log, clock);
    removed.push(...ids.map((id) => `instance ${id}`));
  }
  for (const groupId of groups) {
    if (await deleteSecurityGroup(ec2, groupId, log, clock)) removed.push(`security group ${groupId}`);
  }
  for (const keyName of keys) {
    await deleteKeyPair(ec2, keyName);
    removed.push(`key pair ${keyName}`);
  }
  for (const imageId of what.imageIds ?? []) removed.push(...(await deregisterImage(ec2, imageId)));
  if (removed.length) log.info(`Removed what Packer left: ${removed.join(', ')}.`);
  return removed;
}
