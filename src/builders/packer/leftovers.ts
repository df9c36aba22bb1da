/**
 * What a Packer build leaves when it ends without its own clean-up (Elastic
 * Beanstalk's builder stopped, or the runner killed the job: GitHub's runner
 * sends SIGINT, then SIGTERM 7.5 s later and kills the process tree 2.5 s after
 * that, actions/runner src/Runner.Sdk/ProcessInvoker.cs): its build instance,
 * the temporary security group and key pair it made for it, and an AMI (with
 * its snapshot) it had begun. Found two ways, each enough alone:
 * - what Packer announced (ids and names in the ledger), and through the
 *   instance its group and key pair, only when named as Packer names its
 *   temporary ones (`packer_<uuid>`), so nothing of anyone else's is touched;
 * - the tags Packer gave them: the template's run tags (Elastic Beanstalk), or
 *   with builder packer this run's own tags, which the amazon plugin puts on
 *   the instance, key pair and security group (builder/ebs/builder.go) and on
 *   the AMI and snapshot from CreateImage on (builder/ebs/step_create_ami.go).
 *   Only this run's own tags are trusted to find images, and never the image
 *   the build finished.
 */
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  Filter,
  Instance,
} from '@aws-sdk/client-ec2';
import { isNotFound } from '../../lib/aws-errors';
import type { Clock } from '../../lib/clock';
import type { Log } from '../../lib/log';
import { allPages } from '../../lib/paginate';
import { tagFilters } from '../../lib/tags';
import { SMOKE_NAME_PREFIX } from '../../smoke/instance';
import type { ResourceKind } from '../../resources/kind';
import type { Resource } from '../../resources/ledger';
import { deleteKeyPair, deleteSecurityGroup, deleteSnapshot, deregisterImage, imageSnapshots, terminateInstances } from '../../resources/ec2-delete';
import { LIVE_INSTANCE_STATES } from '../../resources/states';

/** Packer's names for its temporary key pair and security group (amazon-ebs: `packer_<uuid>`). */
export const PACKER_TEMPORARY = /^packer[_-]/;

/**
 * The smoke test's key pair, group and instance carry this run's tags too (made before the build,
 * they are there while Packer's are looked for): they are named by the smoke test, and left to it.
 */
const smokeTests = (name: string | undefined): boolean => !!name?.startsWith(SMOKE_NAME_PREFIX);

/** What the ledger knows of a Packer build: its tags and whatever it announced it made. */
export type PackerLeftovers = Omit<Extract<Resource, { kind: 'packer-build' }>, 'kind' | 'region' | 'build'>;

async function findInstances(ec2: EC2Client, what: PackerLeftovers): Promise<Instance[]> {
  const found: Instance[] = [];
  const queries: Filter[][] = [];
  const live = { Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES };
  if (Object.keys(what.tags).length) queries.push([...tagFilters(what.tags), live]);
  if (what.instanceIds?.length) queries.push([{ Name: 'instance-id', Values: what.instanceIds }, live]);
  for (const Filters of queries) {
    const out = await ec2.send(new DescribeInstancesCommand({ Filters }));
    for (const i of (out.Reservations ?? []).flatMap((r) => r.Instances ?? []))
      if (!smokeTests(i.KeyName) && !found.some((f) => f.InstanceId === i.InstanceId)) found.push(i);
  }
  return found;
}

/** The group ids and key names Packer made: named in the ledger, found through its instances, or (this run's tags) by tag. */
async function findGroupsAndKeys(ec2: EC2Client, what: PackerLeftovers, instances: Instance[]): Promise<{ groups: Set<string>; keys: Set<string> }> {
  const groups = new Set(what.groupIds ?? []);
  const keys = new Set(what.keyNames ?? []);
  for (const name of what.groupNames ?? []) {
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [name] }] }));
    for (const g of out.SecurityGroups ?? []) if (g.GroupId) groups.add(g.GroupId);
  }
  for (const i of instances) {
    for (const g of i.SecurityGroups ?? []) if (g.GroupId && PACKER_TEMPORARY.test(g.GroupName ?? '')) groups.add(g.GroupId);
    if (i.KeyName && PACKER_TEMPORARY.test(i.KeyName)) keys.add(i.KeyName);
  }
  if (what.runTagged) {
    const Filters = tagFilters(what.tags);
    for (const g of (await ec2.send(new DescribeSecurityGroupsCommand({ Filters }))).SecurityGroups ?? [])
      if (g.GroupId && !smokeTests(g.GroupName)) groups.add(g.GroupId);
    for (const k of (await ec2.send(new DescribeKeyPairsCommand({ Filters }))).KeyPairs ?? []) if (k.KeyName && !smokeTests(k.KeyName)) keys.add(k.KeyName);
  }
  return { groups, keys };
}

/** Images the build began and did not finish: announced, or (this run's tags) tagged; never the one it finished. */
async function findImages(ec2: EC2Client, what: PackerLeftovers): Promise<string[]> {
  const images = new Set(what.imageIds ?? []);
  if (what.runTagged) {
    const tagged = await allPages('DescribeImages', async (token) => {
      const page = await ec2.send(new DescribeImagesCommand({ Owners: ['self'], Filters: tagFilters(what.tags), NextToken: token, MaxResults: 1000 }));
      return { items: page.Images, next: page.NextToken };
    });
    for (const i of tagged) if (i.ImageId && i.State !== 'deregistered') images.add(i.ImageId);
  }
  if (what.builtImageId) images.delete(what.builtImageId);
  return [...images];
}

/** Snapshots carrying this run's tags that no image of the build kept: one whose AMI was never registered, or whose deletion with it failed. */
async function findSnapshots(ec2: EC2Client, what: PackerLeftovers, keep: Set<string>): Promise<string[]> {
  if (!what.runTagged) return [];
  const snapshots = await allPages('DescribeSnapshots', async (token) => {
    const page = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: tagFilters(what.tags), NextToken: token }));
    return { items: page.Snapshots, next: page.NextToken };
  });
  return snapshots.map((s) => s.SnapshotId as string).filter((id) => id && !keep.has(id));
}

/** The snapshots of the image the build finished, which stay with it. */
async function builtSnapshots(ec2: EC2Client, what: PackerLeftovers): Promise<Set<string>> {
  if (!what.builtImageId) return new Set();
  const image = await ec2.send(new DescribeImagesCommand({ ImageIds: [what.builtImageId] })).then(
    (out) => out.Images?.[0],
    (error) => {
      if (isNotFound(error, 'InvalidAMIID.NotFound')) return undefined;
      throw error;
    },
  );
  return new Set(imageSnapshots(image));
}

/** Removes the build instance, then its temporary group and key pair, then an unfinished AMI and its snapshots. Safe to run any number of times. */
export async function removePackerLeftovers(ec2: EC2Client, what: PackerLeftovers, log: Log, clock: Clock): Promise<string[]> {
  const removed: string[] = [];
  const instances = await findInstances(ec2, what);
  const { groups, keys } = await findGroupsAndKeys(ec2, what, instances);
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
  for (const imageId of await findImages(ec2, what)) removed.push(...(await deregisterImage(ec2, imageId, log, clock)));
  for (const snapshotId of await findSnapshots(ec2, what, await builtSnapshots(ec2, what))) {
    if (removed.includes(`snapshot ${snapshotId}`)) continue;
    await deleteSnapshot(ec2, snapshotId, log, clock);
    removed.push(`snapshot ${snapshotId}`);
  }
  if (removed.length) log.info(`Removed what Packer left: ${removed.join(', ')}.`);
  return removed;
}

type PackerBuild = Extract<Resource, { kind: 'packer-build' }>;

/** A Packer build as the ledger records it before Packer starts: by its name and the tags its instance will carry. */
export const packerBuild = (region: string, build: string, tags: Record<string, string>, known: Partial<PackerLeftovers> = {}): PackerBuild => ({
  kind: 'packer-build',
  region,
  build,
  tags,
  ...known,
});

/** A Packer build's entry in the table of resource kinds: what it left goes at teardown, never the image it finished. */
export const PACKER_BUILD_KIND: ResourceKind<PackerBuild> = {
  describe: (r) => `what Packer's build ${r.build} may have left (${r.region})`,
  async remove(r, env) {
    const removed = await removePackerLeftovers(env.clientsFor(r.region).get(EC2Client), r, env.log, env.clock);
    env.ledger.release(r);
    return removed.length ? `removed ${removed.join(', ')}` : 'nothing left';
  },
};
