/**
 * What a killed Packer build leaves, found and removed against the stand-in
 * over the wire: by this run's tags alone (the amazon plugin tags its instance,
 * key pair, security group, and the AMI and snapshot from CreateImage on), the
 * image the build finished kept, another run's untouched; and images
 * deregistered with their snapshots, on an EC2 that takes
 * DeleteAssociatedSnapshots and on one that does not (the snapshot stays in
 * use a while after its image goes).
 */
import {
  CreateImageCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  EC2Client,
  RunInstancesCommand,
  Tag,
  TagSpecification,
} from '@aws-sdk/client-ec2';
import { removePackerLeftovers } from '../../src/builders/packer/leftovers';
import { realClock } from '../../src/lib/clock';
import { memoryLog } from '../../src/lib/log';
import { deregisterImage } from '../../src/resources/ec2-delete';
import { startStandin, Standin } from '../../test/aws-standin/server';
import { standinClients } from '../helpers/standin-clients';
import { standinImage } from '../helpers/standin-images';

const RUN = { 'eb-platform-action:repository': 'acme/web', 'eb-platform-action:run-id': '7', 'eb-platform-action:run-attempt': '1' };
const OTHER = { ...RUN, 'eb-platform-action:run-id': '8' };
const tags = (t: Record<string, string>): Tag[] => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
const spec = (t: Record<string, string>, ...types: TagSpecification['ResourceType'][]): TagSpecification[] =>
  types.map((ResourceType) => ({ ResourceType, Tags: tags(t) }));

describe("Packer's leftovers", () => {
  let standin: Standin;
  let ec2: EC2Client;
  let base: string;
  beforeEach(async () => {
    standin = await startStandin({});
    ec2 = standinClients(standin, 'eu-west-1').get(EC2Client);
    base = standinImage(standin, 'eu-west-1', { name: 'ubuntu', ownerId: '099720109477' }).id;
  });
  afterEach(async () => {
    ec2.destroy();
    await standin.stop();
  });

  /** What the plugin makes for one build tagged `t`: key pair, group, instance, and an image begun from it. */
  async function packerBuild(t: Record<string, string>, suffix: string) {
    await ec2.send(new CreateKeyPairCommand({ KeyName: `packer_key${suffix}`, TagSpecifications: spec(t, 'key-pair') }));
    const sg = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: `packer_sg${suffix}`,
        Description: 'Temporary group for Packer',
        TagSpecifications: spec(t, 'security-group'),
      }),
    );
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: base,
        MinCount: 1,
        MaxCount: 1,
        KeyName: `packer_key${suffix}`,
        SecurityGroupIds: [sg.GroupId!],
        TagSpecifications: spec(t, 'instance'),
      }),
    );
    const instanceId = run.Instances![0].InstanceId!;
    await new Promise((r) => setTimeout(r, 300));
    const image = await ec2.send(new CreateImageCommand({ InstanceId: instanceId, Name: `web-${suffix}`, TagSpecifications: spec(t, 'image', 'snapshot') }));
    return { instanceId, groupId: sg.GroupId!, imageId: image.ImageId! };
  }

  it("finds by this run's tags alone everything a killed build left, keeps the image it finished, and touches no other run's", async () => {
    const built = await packerBuild(RUN, '-built');
    const left = await packerBuild(RUN, '-left');
    const other = await packerBuild(OTHER, '-other');
    const builtSnapshot = standin.ec2.images().find((i) => i.id === built.imageId)!.snapshotId;
    const removed = await removePackerLeftovers(ec2, { tags: RUN, runTagged: true, builtImageId: built.imageId }, memoryLog(), realClock);
    expect(removed).toEqual(
      expect.arrayContaining([
        `instance ${built.instanceId}`,
        `instance ${left.instanceId}`,
        `security group ${left.groupId}`,
        'key pair packer_key-left',
        `image ${left.imageId}`,
      ]),
    );
    expect(removed.join(' ')).not.toMatch(new RegExp(`${built.imageId}|${builtSnapshot}|${other.imageId}|-other`));
    expect(standin.ec2.images().find((i) => i.id === built.imageId)?.state).toBe('available');
    expect(standin.ec2.snapshots().some((s) => s.id === builtSnapshot)).toBe(true);
    const leftSnapshot = standin.ec2.images().find((i) => i.id === left.imageId)!.snapshotId;
    expect(standin.ec2.snapshots().some((s) => s.id === leftSnapshot)).toBe(false);
    expect(standin.ec2.keyPairs().map((k) => k.name)).toEqual(['packer_key-other']);
    // Again: nothing left, nothing fails.
    expect(await removePackerLeftovers(ec2, { tags: RUN, runTagged: true, builtImageId: built.imageId }, memoryLog(), realClock)).toEqual([]);
  });

  it("leaves the smoke test's key pair, group and instance, which carry this run's tags too", async () => {
    const left = await packerBuild(RUN, '-left');
    // What the smoke test made before the build, named as it names them.
    const name = 'eb-platform-smoke-7-1-abcdef';
    await ec2.send(new CreateKeyPairCommand({ KeyName: name, TagSpecifications: spec(RUN, 'key-pair') }));
    const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: 'smoke test', TagSpecifications: spec(RUN, 'security-group') }));
    const smoke = await ec2.send(
      new RunInstancesCommand({
        ImageId: base,
        MinCount: 1,
        MaxCount: 1,
        KeyName: name,
        SecurityGroupIds: [sg.GroupId!],
        TagSpecifications: spec(RUN, 'instance'),
      }),
    );
    const removed = await removePackerLeftovers(ec2, { tags: RUN, runTagged: true }, memoryLog(), realClock);
    expect(removed).toEqual(expect.arrayContaining([`instance ${left.instanceId}`, `security group ${left.groupId}`, 'key pair packer_key-left']));
    expect(removed.join(' ')).not.toMatch(new RegExp(`${name}|${sg.GroupId}|${smoke.Instances![0].InstanceId}`));
    expect(standin.ec2.keyPairs().map((k) => k.name)).toEqual([name]);
    expect(standin.ec2.instances().find((i) => i.id === smoke.Instances![0].InstanceId)?.state).toMatch(/^(pending|running)$/);
  });

  it("finds no image by tags that are not this run's own (the template's, with Elastic Beanstalk)", async () => {
    const template = { eb_platform_name: 'web', eb_platform_version: '1.0.0' };
    const b = await packerBuild(template, '-eb');
    const removed = await removePackerLeftovers(ec2, { tags: template }, memoryLog(), realClock);
    expect(removed).toContain(`instance ${b.instanceId}`);
    expect(standin.ec2.images().find((i) => i.id === b.imageId)?.state).not.toBe('deregistered');
  });
});

describe('deregistering an image with its snapshots', () => {
  const image = (s: Standin) => standinImage(s, 'eu-west-1', { name: 'web-1.0.0' });

  it.each([
    ['takes DeleteAssociatedSnapshots', false],
    ['does not know DeleteAssociatedSnapshots, and holds the snapshot in use a while', true],
  ])('removes both on an EC2 that %s', async (_name, old) => {
    const standin = await startStandin({ noDeleteAssociatedSnapshots: old, snapshotInUseMs: 1500 });
    const clients = standinClients(standin, 'eu-west-1');
    try {
      const img = image(standin);
      const log = memoryLog();
      expect(await deregisterImage(clients.get(EC2Client), img.id, log, realClock)).toEqual([`image ${img.id}`, `snapshot ${img.snapshotId}`]);
      expect(standin.ec2.snapshots().map((s) => s.id)).not.toContain(img.snapshotId);
      expect(log.text()).toMatch(old ? /Snapshot snap-[0-9a-f]+ still in use by the image just deregistered; trying again/ : /^$/);
      const deregisters = standin.seen.filter((x) => x.action === 'DeregisterImage').length;
      expect(deregisters).toBe(old ? 2 : 1);
    } finally {
      clients.destroy();
      await standin.stop();
    }
  });

  it('keeps a snapshot another image uses, as EC2 answers skipped', async () => {
    const standin = await startStandin({});
    const clients = standinClients(standin, 'eu-west-1');
    try {
      const img = image(standin);
      const twin = standinImage(standin, 'eu-west-1', { name: 'twin' });
      standin.ec2.images().find((i) => i.id === twin.id)!.snapshotId = img.snapshotId;
      expect(await deregisterImage(clients.get(EC2Client), img.id, memoryLog(), realClock)).toEqual([`image ${img.id}`]);
      expect(standin.ec2.snapshots().map((s) => s.id)).toContain(img.snapshotId);
    } finally {
      clients.destroy();
      await standin.stop();
    }
  });
});
