/**
 * EC2 as the action and Packer's amazon-ebs builder call it: regions, the
 * default VPC and subnet, key pairs, security groups, instances (behind a
 * machine backend), volumes, images and snapshots, tags. Shapes and element
 * names follow the API model (botocore ec2/2016-11-15, the `locationName` of
 * each member); error codes are EC2's documented ones.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { XmlValue } from './xml';
import { describeImageReferences } from './image-references';
import { ApiError, ec2Filters, list, scalars, tagSpecifications, wildcard } from './protocol';
import { Disk, InstanceState, Machine, MachineBackend, STATE_CODES } from './machines';

export const DEFAULT_VPC = 'vpc-0f1e2d3c4b5a69788';
export const DEFAULT_SUBNET = 'subnet-0a1b2c3d4e5f60718';
/** Canonical's account, which owns Ubuntu's official images. */
export const CANONICAL = '099720109477';

export type Tags = Record<string, string>;

export interface Image {
  id: string;
  name: string;
  description?: string;
  ownerId: string;
  state: 'pending' | 'available' | 'invalid' | 'deregistered' | 'transient' | 'failed' | 'error' | 'disabled';
  architecture: string;
  rootDeviceName: string;
  virtualizationType: 'hvm' | 'paravirtual';
  creationDate: string;
  enaSupport: boolean;
  snapshotId: string;
  volumeSize: number;
  tags: Tags;
  /** Accounts (and 'all') the image is shared with (LaunchPermission). */
  launchPermissions?: string[];
  /** EnableImageDeprecation's date, ISO. */
  deprecationTime?: string;
  /** Why the image is failed (StateReason). */
  stateReason?: { code: string; message: string };
  /** The KMS key its snapshot is encrypted with (an encrypted copy). */
  kmsKeyId?: string;
  encrypted?: boolean;
  /** The client token of the CopyImage call that made it. */
  copyToken?: string;
  /** When it was deregistered (epoch ms): its snapshot stays in use a while after. */
  deregisteredAt?: number;
}

interface Snapshot {
  id: string;
  disk: Disk;
  volumeSize: number;
  ownerId: string;
  state: 'pending' | 'completed';
  startTime: Date;
  tags: Tags;
  kmsKeyId?: string;
}

interface Instance {
  id: string;
  imageId: string;
  token: string;
  instanceType: string;
  keyName?: string;
  groups: string[];
  subnetId: string;
  launchTime: Date;
  tags: Tags;
  volumeId: string;
  machine: Machine;
  metadata: { httpTokens: string; hopLimit: number; httpEndpoint: string };
  rootEncrypted: boolean;
  kmsKeyId?: string;
  shutdownBehavior: 'stop' | 'terminate';
  userData?: string;
  publicKey?: string;
  enaSupport?: boolean;
}

interface Group {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ingress: { protocol: string; from: number; to: number; cidr: string }[];
  tags: Tags;
}

interface KeyPair {
  id: string;
  name: string;
  fingerprint: string;
  publicKey: string;
  tags: Tags;
}

export interface LaunchTemplate {
  id: string;
  name: string;
  createTime: Date;
  defaultVersion: number;
  /** Each version's image id (or resolve:ssm:NAME), version N at index N-1. */
  versions: string[];
}

export interface Ec2Options {
  account: string;
  /** A user's own subnets besides the default VPC's (a non-default VPC's), for runs given smoke-subnet-id. */
  subnets?: { subnetId: string; vpcId: string }[];
  /** The stand-in's time: the wall clock, or the virtual one a test shares with the action. */
  now?: () => number;
  region: string;
  machines: MachineBackend;
  /** Another region's EC2, for CopyImage's source. */
  peer?: (region: string) => Ec2;
  /** An SSM parameter's value in this region, for a launch template's resolve:ssm: image. */
  parameter?: (name: string) => string | undefined;
  /** How long a copy stays pending, in real ms. */
  copyMs?: number;
  /** Whether the next copy fails (a KMS key EC2 finds unusable only after the call; API reference, CopyImage KmsKeyId). */
  failCopy?: () => boolean;
  /** Called with each imported public key (a test's sshd or VM accepts it); ImportKeyPair answers once it settles. */
  onKeyImported?: (publicKey: string) => void | Promise<void>;
  /**
   * How long, in real ms, a snapshot stays in use after its image is deregistered: DeleteSnapshot
   * meets InvalidSnapshot.InUse meanwhile ("a few minutes" in boto#3019; 1.5 s by default here).
   */
  snapshotInUseMs?: number;
  /** An endpoint from before DeregisterImage took DeleteAssociatedSnapshots (2025-05): it answers UnknownParameter. */
  noDeleteAssociatedSnapshots?: boolean;
  /** The region's SSM parameters of data type aws:ec2:image, for DescribeImageReferences. */
  imageParameters?: () => { name: string; value: string }[];
  /** An endpoint from before DescribeImageReferences: it answers InvalidAction. */
  noImageReferences?: boolean;
}

const tagSet = (tags: Tags): XmlValue => Object.entries(tags).map(([key, value]) => ({ key, value }));
const id = (prefix: string, len = 17) => `${prefix}-${randomBytes(12).toString('hex').slice(0, len)}`;

/** A resource's attributes by EC2 filter name, with its tags as `tag:KEY`, `tag-key` and `tag-value`. */
function withTags(attrs: Record<string, (string | undefined)[]>, tags: Tags): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = v.filter((x): x is string => x !== undefined);
  for (const [k, v] of Object.entries(tags)) out[`tag:${k}`] = [v];
  out['tag-key'] = Object.keys(tags);
  out['tag-value'] = Object.values(tags);
  return out;
}

/**
 * EC2 filters: each filter must match (AND), any of its values (OR), with `*`
 * and `?` wildcards. A filter name the resource does not know is refused, as
 * EC2 refuses it ("The filter 'x' is invalid").
 */
function filtered<T>(items: T[], params: URLSearchParams, attrs: (item: T) => Record<string, string[]>, known: string[]): T[] {
  const filters = ec2Filters(params);
  for (const f of filters) {
    if (!known.includes(f.name) && !/^tag(:.+|-key|-value)$/.test(f.name)) throw new ApiError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
  }
  return items.filter((item) => {
    const a = attrs(item);
    return filters.every((f) => f.values.some((v) => (a[f.name] ?? []).some((x) => wildcard(v).test(x))));
  });
}

export function createEc2(options: Ec2Options) {
  const { account, region } = options;
  const now = options.now ?? Date.now;
  const subnets = [
    { subnetId: DEFAULT_SUBNET, vpcId: DEFAULT_VPC, defaultForAz: true },
    ...(options.subnets ?? []).map((x) => ({ ...x, defaultForAz: false })),
  ];
  const subnetVpc = (subnetId: string) => subnets.find((x) => x.subnetId === subnetId)?.vpcId;
  const keyPairs = new Map<string, KeyPair>();
  const groups = new Map<string, Group>();
  const instances = new Map<string, Instance>();
  const images = new Map<string, Image>();
  const snapshots = new Map<string, Snapshot>();
  const launchTemplates = new Map<string, LaunchTemplate>();
  const zone = `${region}a`;

  const fingerprintOf = (publicKey: string) => {
    const blob = Buffer.from(publicKey.trim().split(/\s+/)[1] ?? '', 'base64');
    return createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
  };

  /** Registers an image over a disk (a base image, or what a build produced). */
  function registerImage(image: Omit<Image, 'id' | 'snapshotId' | 'creationDate' | 'state'> & { state?: Image['state'] }, disk: Disk): Image {
    const snapshotId = id('snap');
    snapshots.set(snapshotId, {
      id: snapshotId,
      disk,
      volumeSize: image.volumeSize,
      ownerId: image.ownerId,
      state: 'completed',
      startTime: new Date(),
      tags: {},
    });
    const registered: Image = { ...image, id: id('ami'), snapshotId, creationDate: new Date().toISOString(), state: image.state ?? 'available' };
    images.set(registered.id, registered);
    return registered;
  }

  /** An image and the disk behind it, for CopyImage (also another region's). */
  function imageFor(imageId: string): { image: Image; disk: Disk } | undefined {
    const image = images.get(imageId);
    const snap = image && snapshots.get(image.snapshotId);
    return image && snap ? { image, disk: snap.disk } : undefined;
  }

  function instanceOf(instanceId: string): Instance {
    const inst = instances.get(instanceId);
    if (!inst) throw new ApiError('InvalidInstanceID.NotFound', `The instance ID '${instanceId}' does not exist`);
    return inst;
  }

  function instanceXml(i: Instance): XmlValue {
    const state = i.machine.state();
    const running = state !== 'terminated';
    const reason = i.machine.stateReason();
    return {
      instanceId: i.id,
      imageId: i.imageId,
      instanceState: { code: STATE_CODES[state], name: state },
      privateDnsName: running ? `ip-${i.machine.privateAddress.replace(/\./g, '-')}.${region}.compute.internal` : '',
      dnsName: state === 'running' ? `ec2-${i.machine.publicAddress.replace(/\./g, '-')}.${region}.compute.amazonaws.com` : '',
      keyName: i.keyName,
      amiLaunchIndex: 0,
      instanceType: i.instanceType,
      launchTime: i.launchTime,
      placement: { availabilityZone: zone, tenancy: 'default' },
      monitoring: { state: 'disabled' },
      subnetId: running ? i.subnetId : undefined,
      vpcId: running ? DEFAULT_VPC : undefined,
      privateIpAddress: running ? i.machine.privateAddress : undefined,
      // EC2 gives a public address only while the instance runs.
      ipAddress: state === 'running' ? i.machine.publicAddress : undefined,
      groupSet: i.groups.map((g) => ({ groupId: g, groupName: groups.get(g)?.name })),
      stateReason: reason ? { code: reason.code, message: reason.message } : undefined,
      architecture: 'x86_64',
      rootDeviceType: 'ebs',
      rootDeviceName: '/dev/sda1',
      blockDeviceMapping: running
        ? [{ deviceName: '/dev/sda1', ebs: { volumeId: i.volumeId, status: 'attached', attachTime: i.launchTime, deleteOnTermination: true } }]
        : [],
      virtualizationType: 'hvm',
      clientToken: i.token,
      tagSet: tagSet(i.tags),
      hypervisor: 'xen',
      enaSupport: i.enaSupport,
      metadataOptions: {
        state: 'applied',
        httpTokens: i.metadata.httpTokens,
        httpPutResponseHopLimit: i.metadata.hopLimit,
        httpEndpoint: i.metadata.httpEndpoint,
      },
    };
  }

  function imageXml(img: Image): XmlValue {
    return {
      imageId: img.id,
      imageLocation: `${img.ownerId}/${img.name}`,
      imageState: img.state,
      imageOwnerId: img.ownerId,
      creationDate: img.creationDate,
      isPublic: img.ownerId === CANONICAL,
      architecture: img.architecture,
      imageType: 'machine',
      name: img.name,
      description: img.description,
      rootDeviceType: 'ebs',
      rootDeviceName: img.rootDeviceName,
      blockDeviceMapping: [
        {
          deviceName: img.rootDeviceName,
          ebs: {
            snapshotId: img.state === 'pending' && img.copyToken ? undefined : img.snapshotId,
            volumeSize: img.volumeSize,
            deleteOnTermination: true,
            volumeType: 'gp3',
            encrypted: !!img.encrypted,
            kmsKeyId: img.kmsKeyId,
          },
        },
      ],
      virtualizationType: img.virtualizationType,
      tagSet: tagSet(img.tags),
      hypervisor: 'xen',
      enaSupport: img.enaSupport,
      stateReason: img.stateReason,
      deprecationTime: img.deprecationTime,
    };
  }

  /** CreateTags and TagSpecifications land here, on whichever resource the id names. */
  function tagResource(resourceId: string, tags: Tags): void {
    const target =
      instances.get(resourceId) ??
      images.get(resourceId) ??
      snapshots.get(resourceId) ??
      groups.get(resourceId) ??
      [...keyPairs.values()].find((k) => k.id === resourceId);
    if (!target) {
      const kind = resourceId.split('-')[0];
      const code =
        { i: 'InvalidInstanceID.NotFound', ami: 'InvalidAMIID.NotFound', snap: 'InvalidSnapshot.NotFound', sg: 'InvalidGroup.NotFound' }[kind] ?? 'InvalidID';
      throw new ApiError(code, `The ID '${resourceId}' does not exist`);
    }
    Object.assign(target.tags, tags);
  }

  const handlers: Record<string, (p: URLSearchParams) => XmlValue | Promise<XmlValue>> = {
    DescribeRegions: () => ({ regionInfo: [{ regionName: region, regionEndpoint: `ec2.${region}.amazonaws.com`, optInStatus: 'opt-in-not-required' }] }),
    DescribeAvailabilityZones: () => ({
      availabilityZoneInfo: [{ zoneName: zone, zoneState: 'available', regionName: region, zoneId: `${region.replace(/-/g, '')}-az1` }],
    }),
    DescribeVpcs: (p) => {
      const vpc = { vpcId: DEFAULT_VPC, state: 'available', cidrBlock: '172.31.0.0/16', isDefault: true, ownerId: account, instanceTenancy: 'default' };
      const ids = scalars(p, 'VpcId');
      if (ids.some((v) => v !== DEFAULT_VPC)) throw new ApiError('InvalidVpcID.NotFound', `The vpc ID '${ids.find((v) => v !== DEFAULT_VPC)}' does not exist`);
      return {
        vpcSet: filtered([vpc], p, (v) => withTags({ 'vpc-id': [v.vpcId], 'is-default': ['true'], state: ['available'] }, {}), [
          'vpc-id',
          'is-default',
          'state',
          'cidr',
        ]),
      };
    },
    DescribeSubnets: (p) => {
      const all = subnets.map((s) => ({
        ...s,
        state: 'available',
        cidrBlock: s.defaultForAz ? '172.31.16.0/20' : '10.0.1.0/24',
        availableIpAddressCount: 4000,
        availabilityZone: zone,
        mapPublicIpOnLaunch: s.defaultForAz,
        ownerId: account,
      }));
      const ids = scalars(p, 'SubnetId');
      const unknown = ids.find((id) => !subnetVpc(id));
      if (unknown) throw new ApiError('InvalidSubnetID.NotFound', `The subnet ID '${unknown}' does not exist`);
      return {
        subnetSet: filtered(
          all.filter((s) => !ids.length || ids.includes(s.subnetId)),
          p,
          (s) =>
            withTags(
              { 'subnet-id': [s.subnetId], 'vpc-id': [s.vpcId], 'availability-zone': [zone], 'default-for-az': [String(s.defaultForAz)], state: ['available'] },
              {},
            ),
          ['subnet-id', 'vpc-id', 'availability-zone', 'default-for-az', 'state'],
        ),
      };
    },

    CreateKeyPair: (p) => {
      const name = p.get('KeyName') ?? '';
      if (keyPairs.has(name)) throw new ApiError('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
      // EC2 makes an RSA key by default (KeyType rsa) and returns its private half once, PEM "BEGIN RSA PRIVATE KEY".
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const der = publicKey.export({ type: 'pkcs1', format: 'der' });
      const ssh = `ssh-rsa ${rsaWireFormat(der)}`;
      const pair: KeyPair = {
        id: id('key'),
        name,
        fingerprint: createHash('sha1')
          .update(privateKey.export({ type: 'pkcs8', format: 'der' }))
          .digest('hex')
          .match(/../g)!
          .join(':'),
        publicKey: ssh,
        tags: tagSpecifications(p, 'key-pair'),
      };
      keyPairs.set(name, pair);
      return {
        keyName: name,
        keyFingerprint: pair.fingerprint,
        keyMaterial: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
        keyPairId: pair.id,
      };
    },
    ImportKeyPair: async (p) => {
      const name = p.get('KeyName') ?? '';
      if (keyPairs.has(name)) throw new ApiError('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
      const publicKey = Buffer.from(p.get('PublicKeyMaterial') ?? '', 'base64')
        .toString('utf8')
        .trim();
      const pair: KeyPair = { id: id('key'), name, fingerprint: fingerprintOf(publicKey), publicKey, tags: tagSpecifications(p, 'key-pair') };
      keyPairs.set(name, pair);
      await options.onKeyImported?.(publicKey);
      return { keyName: name, keyFingerprint: pair.fingerprint, keyPairId: pair.id };
    },
    DescribeKeyPairs: (p) => {
      const names = scalars(p, 'KeyName');
      for (const n of names) if (!keyPairs.has(n)) throw new ApiError('InvalidKeyPair.NotFound', `The key pair '${n}' does not exist`);
      const found = [...keyPairs.values()].filter((k) => !names.length || names.includes(k.name));
      return {
        keySet: filtered(found, p, (k) => withTags({ 'key-name': [k.name], 'key-pair-id': [k.id], fingerprint: [k.fingerprint] }, k.tags), [
          'key-name',
          'key-pair-id',
          'fingerprint',
        ]).map((k) => ({ keyPairId: k.id, keyName: k.name, keyFingerprint: k.fingerprint, keyType: 'rsa', tagSet: tagSet(k.tags) })),
      };
    },
    // Deleting a key pair that does not exist succeeds (EC2 answers true either way).
    DeleteKeyPair: (p) => (keyPairs.delete(p.get('KeyName') ?? ''), { return: true }),

    CreateSecurityGroup: (p) => {
      const name = p.get('GroupName') ?? '';
      const vpcId = p.get('VpcId') || DEFAULT_VPC;
      if ([...groups.values()].some((g) => g.name === name && g.vpcId === vpcId))
        throw new ApiError('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`);
      const group: Group = {
        id: id('sg'),
        name,
        description: p.get('GroupDescription') ?? p.get('Description') ?? '',
        vpcId,
        ingress: [],
        tags: tagSpecifications(p, 'security-group'),
      };
      groups.set(group.id, group);
      return { return: true, groupId: group.id };
    },
    AuthorizeSecurityGroupIngress: (p) => {
      const g = groups.get(p.get('GroupId') ?? '');
      if (!g) throw new ApiError('InvalidGroup.NotFound', `The security group '${p.get('GroupId')}' does not exist`);
      const rules = list(p, 'IpPermissions').flatMap((perm) =>
        Object.entries(perm)
          .filter(([k]) => /^IpRanges\.\d+\.CidrIp$/.test(k))
          .map(([, cidr]) => ({ protocol: perm.IpProtocol, from: Number(perm.FromPort), to: Number(perm.ToPort), cidr })),
      );
      const dup = rules.find((r) => g.ingress.some((x) => x.protocol === r.protocol && x.from === r.from && x.to === r.to && x.cidr === r.cidr));
      if (dup)
        throw new ApiError(
          'InvalidPermission.Duplicate',
          `the specified rule "peer: ${dup.cidr}, TCP, from port: ${dup.from}, to port: ${dup.to}, ALLOW" already exists`,
        );
      g.ingress.push(...rules);
      return { return: true };
    },
    DescribeSecurityGroups: (p) => {
      const ids = scalars(p, 'GroupId');
      for (const g of ids) if (!groups.has(g)) throw new ApiError('InvalidGroup.NotFound', `The security group '${g}' does not exist`);
      const found = filtered(
        [...groups.values()].filter((g) => !ids.length || ids.includes(g.id)),
        p,
        (g) => withTags({ 'group-name': [g.name], 'group-id': [g.id], 'vpc-id': [g.vpcId] }, g.tags),
        ['group-name', 'group-id', 'vpc-id'],
      );
      return {
        securityGroupInfo: found.map((g) => ({
          ownerId: account,
          groupId: g.id,
          groupName: g.name,
          groupDescription: g.description,
          vpcId: g.vpcId,
          ipPermissions: g.ingress.map((r) => ({ ipProtocol: r.protocol, fromPort: r.from, toPort: r.to, ipRanges: [{ cidrIp: r.cidr }] })),
          tagSet: tagSet(g.tags),
        })),
      };
    },
    DeleteSecurityGroup: (p) => {
      const gid = p.get('GroupId') ?? '';
      if (!groups.has(gid)) throw new ApiError('InvalidGroup.NotFound', `The security group '${gid}' does not exist`);
      if ([...instances.values()].some((i) => i.groups.includes(gid) && i.machine.state() !== 'terminated'))
        throw new ApiError('DependencyViolation', `resource ${gid} has a dependent object`);
      groups.delete(gid);
      return { return: true };
    },

    RunInstances: (p) => {
      const token = p.get('ClientToken') ?? '';
      // The same client token returns the same instance (idempotent RunInstances).
      const existing = token ? [...instances.values()].find((i) => i.token === token) : undefined;
      const inst = existing ?? launch(p, token);
      return { reservationId: 'r-0standin', ownerId: account, groupSet: [], instancesSet: [instanceXml(inst)] };
    },
    DescribeInstances: (p) => {
      const ids = scalars(p, 'InstanceId');
      for (const i of ids) instanceOf(i);
      const found = filtered(
        [...instances.values()].filter((i) => !ids.length || ids.includes(i.id)),
        p,
        (i) =>
          withTags(
            {
              'instance-id': [i.id],
              'client-token': [i.token],
              'instance-state-name': [i.machine.state()],
              'image-id': [i.imageId],
              'key-name': [i.keyName],
              'instance.group-id': i.groups,
              'vpc-id': [DEFAULT_VPC],
            },
            i.tags,
          ),
        ['instance-id', 'client-token', 'instance-state-name', 'image-id', 'key-name', 'instance.group-id', 'vpc-id'],
      );
      return { reservationSet: found.map((i) => ({ reservationId: 'r-0standin', ownerId: account, groupSet: [], instancesSet: [instanceXml(i)] })) };
    },
    DescribeInstanceStatus: (p) => {
      const ids = scalars(p, 'InstanceId');
      const found = [...instances.values()].filter((i) => (!ids.length || ids.includes(i.id)) && i.machine.state() === 'running');
      return {
        instanceStatusSet: found.map((i) => ({
          instanceId: i.id,
          availabilityZone: zone,
          instanceState: { code: 16, name: 'running' },
          systemStatus: { status: 'ok' },
          instanceStatus: { status: 'ok' },
        })),
      };
    },
    StopInstances: (p) => transition(p, (m) => m.stop()),
    TerminateInstances: (p) => transition(p, (m) => m.terminate()),
    ModifyInstanceAttribute: (p) => {
      const inst = instanceOf(p.get('InstanceId') ?? '');
      if (p.has('EnaSupport.Value')) inst.enaSupport = p.get('EnaSupport.Value') === 'true';
      return { return: true };
    },
    GetConsoleOutput: (p) => {
      const inst = instanceOf(p.get('InstanceId') ?? '');
      return { instanceId: inst.id, timestamp: new Date(), output: Buffer.from(inst.machine.console()).toString('base64') };
    },
    DescribeVolumes: (p) => {
      const found = filtered(
        [...instances.values()].filter((i) => i.machine.state() !== 'terminated'),
        p,
        (i) => withTags({ 'volume-id': [i.volumeId], 'attachment.instance-id': [i.id], status: ['in-use'] }, {}),
        ['volume-id', 'attachment.instance-id', 'status'],
      );
      return {
        volumeSet: found.map((i) => ({
          volumeId: i.volumeId,
          size: images.get(i.imageId)?.volumeSize ?? 8,
          snapshotId: images.get(i.imageId)?.snapshotId,
          availabilityZone: zone,
          status: 'in-use',
          createTime: i.launchTime,
          attachmentSet: [
            { volumeId: i.volumeId, instanceId: i.id, device: '/dev/sda1', status: 'attached', attachTime: i.launchTime, deleteOnTermination: true },
          ],
          volumeType: 'gp3',
          encrypted: i.rootEncrypted,
        })),
      };
    },

    DescribeImages: (p) => {
      const ids = scalars(p, 'ImageId');
      const owners = scalars(p, 'Owner');
      const found = [...images.values()].filter((img) => img.state !== 'deregistered' && (!ids.length || ids.includes(img.id)));
      if (ids.length && !found.length) throw new ApiError('InvalidAMIID.NotFound', `The image id '[${ids.join(', ')}]' does not exist`);
      const owned = found.filter((img) => !owners.length || owners.some((o) => (o === 'self' ? img.ownerId === account : o === img.ownerId)));
      // "Default: No deprecated AMIs are included in the response. If you are the AMI owner, all deprecated AMIs
      // appear in the response regardless" (API reference, DescribeImages IncludeDeprecated); a past date is deprecated.
      const current = owned.filter(
        (img) =>
          ids.length > 0 || img.ownerId === account || p.get('IncludeDeprecated') === 'true' || !img.deprecationTime || Date.parse(img.deprecationTime) > now(),
      );
      return {
        imagesSet: filtered(
          current,
          p,
          (img) =>
            withTags(
              {
                name: [img.name],
                'image-id': [img.id],
                'owner-id': [img.ownerId],
                architecture: [img.architecture],
                'root-device-type': ['ebs'],
                'root-device-name': [img.rootDeviceName],
                'virtualization-type': [img.virtualizationType],
                state: [img.state],
                'is-public': [String(img.ownerId === CANONICAL)],
              },
              img.tags,
            ),
          ['name', 'image-id', 'owner-id', 'architecture', 'root-device-type', 'root-device-name', 'virtualization-type', 'state', 'is-public'],
        ).map(imageXml),
      };
    },
    CreateImage: async (p) => {
      const inst = instanceOf(p.get('InstanceId') ?? '');
      const name = p.get('Name') ?? '';
      if ([...images.values()].some((i) => i.name === name && i.ownerId === account && i.state !== 'deregistered')) {
        throw new ApiError('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${[...images.values()].find((i) => i.name === name)?.id}`);
      }
      const state = inst.machine.state();
      if (state !== 'stopped' && state !== 'running')
        throw new ApiError('IncorrectInstanceState', `The instance '${inst.id}' is not in a state from which it can be imaged.`);
      const parent = images.get(inst.imageId);
      const imageId = id('ami');
      const snapshotId = id('snap');
      const image: Image = {
        id: imageId,
        name,
        description: p.get('Description') ?? undefined,
        ownerId: account,
        state: 'pending',
        architecture: 'x86_64',
        rootDeviceName: '/dev/sda1',
        virtualizationType: 'hvm',
        creationDate: new Date().toISOString(),
        enaSupport: inst.enaSupport ?? parent?.enaSupport ?? true,
        snapshotId,
        volumeSize: parent?.volumeSize ?? 8,
        tags: tagSpecifications(p, 'image'),
      };
      images.set(imageId, image);
      const snapshot: Snapshot = {
        id: snapshotId,
        disk: { sizeGiB: image.volumeSize },
        volumeSize: image.volumeSize,
        ownerId: account,
        state: 'pending',
        startTime: new Date(),
        tags: tagSpecifications(p, 'snapshot'),
      };
      snapshots.set(snapshotId, snapshot);
      // The image stays pending while its snapshot is taken, then becomes available (or failed).
      inst.machine.snapshot().then(
        (disk) => {
          snapshot.disk = disk;
          snapshot.state = 'completed';
          if (image.state === 'pending') image.state = 'available';
        },
        () => {
          if (image.state === 'pending') image.state = 'failed';
        },
      );
      return { imageId };
    },
    ModifyImageAttribute: (p) => {
      const img = images.get(p.get('ImageId') ?? '');
      if (!img || img.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${p.get('ImageId')}]' does not exist`);
      if (p.has('Description.Value')) img.description = p.get('Description.Value') ?? '';
      const granted = (prefix: string) =>
        list(p, prefix)
          .map((x) => x.UserId ?? (x.Group === 'all' ? 'all' : (x.OrganizationArn ?? x.OrganizationalUnitArn)))
          .filter((x): x is string => !!x);
      const add = [
        ...granted('LaunchPermission.Add'),
        ...(p.get('Attribute') === 'launchPermission' && p.get('OperationType') === 'add' ? scalars(p, 'UserId') : []),
      ];
      const remove = [
        ...granted('LaunchPermission.Remove'),
        ...(p.get('Attribute') === 'launchPermission' && p.get('OperationType') === 'remove' ? scalars(p, 'UserId') : []),
      ];
      img.launchPermissions = [...new Set([...(img.launchPermissions ?? []), ...add])].filter((x) => !remove.includes(x));
      return { return: true };
    },
    /*
     * DeregisterImage (API reference): DeleteAssociatedSnapshots deletes the image's snapshots with
     * it, answering per snapshot (success, or skipped: "If a snapshot is associated with multiple
     * AMIs, it is not deleted"); an endpoint that predates the parameter (2025-05) answers
     * UnknownParameter, EC2's code for a parameter it does not know. Without it, the snapshot stays
     * "in use" a while after (boto#3019).
     */
    DeregisterImage: (p) => {
      const deleteSnapshots = p.get('DeleteAssociatedSnapshots') === 'true';
      if (p.has('DeleteAssociatedSnapshots') && options.noDeleteAssociatedSnapshots)
        throw new ApiError('UnknownParameter', 'The parameter DeleteAssociatedSnapshots is not recognized');
      const img = images.get(p.get('ImageId') ?? '');
      if (!img || img.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${p.get('ImageId')}]' does not exist`);
      // Deregistering a copy still pending stops it (EC2 user guide, "Stop a pending AMI copy operation").
      const snap = img.state === 'pending' && img.copyToken ? snapshots.get(img.snapshotId) : undefined;
      if (snap) snap.state = 'completed';
      img.state = 'deregistered';
      img.deregisteredAt = now();
      if (!deleteSnapshots) return { return: true };
      const shared = [...images.values()].some((i) => i !== img && i.snapshotId === img.snapshotId && i.state !== 'deregistered');
      if (!shared) snapshots.delete(img.snapshotId);
      return { return: true, deleteSnapshotResultSet: [{ snapshotId: img.snapshotId, returnCode: shared ? 'skipped' : 'success' }] };
    },
    DescribeSnapshots: (p) => {
      const ids = scalars(p, 'SnapshotId');
      for (const s of ids) if (!snapshots.has(s)) throw new ApiError('InvalidSnapshot.NotFound', `The snapshot '${s}' does not exist.`);
      // OwnerIds: account ids, or self for the caller's own (API reference, DescribeSnapshots).
      const ownerIds = scalars(p, 'Owner');
      const found = filtered(
        [...snapshots.values()].filter(
          (s) => (!ids.length || ids.includes(s.id)) && (!ownerIds.length || ownerIds.some((o) => (o === 'self' ? account : o) === s.ownerId)),
        ),
        p,
        (s) => withTags({ 'snapshot-id': [s.id], 'owner-id': [s.ownerId], status: [s.state] }, s.tags),
        ['snapshot-id', 'owner-id', 'status'],
      );
      return {
        snapshotSet: found.map((s) => ({
          snapshotId: s.id,
          status: s.state,
          startTime: s.startTime,
          progress: s.state === 'completed' ? '100%' : '50%',
          ownerId: s.ownerId,
          volumeSize: s.volumeSize,
          encrypted: !!s.kmsKeyId,
          kmsKeyId: s.kmsKeyId,
          tagSet: tagSet(s.tags),
        })),
      };
    },
    DeleteSnapshot: (p) => {
      const sid = p.get('SnapshotId') ?? '';
      if (!snapshots.has(sid)) throw new ApiError('InvalidSnapshot.NotFound', `The snapshot '${sid}' does not exist.`);
      const holder = [...images.values()].find(
        (i) => i.snapshotId === sid && (i.state !== 'deregistered' || now() - (i.deregisteredAt ?? 0) < (options.snapshotInUseMs ?? 1500)),
      );
      if (holder) throw new ApiError('InvalidSnapshot.InUse', `The snapshot ${sid} is currently in use by ${holder.id}`);
      snapshots.delete(sid);
      return { return: true };
    },
    /*
     * CopyImage (API reference): the copy is a new image in this region, pending until its snapshot
     * is copied; the same ClientToken returns the same image (EC2 idempotency); KmsKeyId needs
     * Encrypted (the error code for the combination is not documented: InvalidParameterCombination,
     * EC2's code for parameters that may not go together); a key EC2 cannot use fails the copy after
     * the call ("the action can appear to complete, but eventually fails"), with a state reason
     * whose exact words are not documented.
     */
    CopyImage: (p) => {
      const token = p.get('ClientToken') ?? '';
      const again = token ? [...images.values()].find((i) => i.copyToken === token) : undefined;
      if (again) return { imageId: again.id };
      const sourceRegion = p.get('SourceRegion') ?? '';
      const sourceId = p.get('SourceImageId') ?? '';
      const source = sourceRegion === region ? imageFor(sourceId) : options.peer?.(sourceRegion)?.imageFor(sourceId);
      if (!source || source.image.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${sourceId}]' does not exist`);
      if (source.image.state !== 'available') throw new ApiError('InvalidAMIID.Unavailable', `The image id '[${sourceId}]' is not available`);
      const kmsKeyId = p.get('KmsKeyId') || undefined;
      const encrypted = p.get('Encrypted') === 'true';
      if (kmsKeyId && !encrypted) throw new ApiError('InvalidParameterCombination', 'KmsKeyId requires Encrypted to be true');
      const name = p.get('Name') ?? '';
      const clash = [...images.values()].find((i) => i.name === name && i.ownerId === account && i.state !== 'deregistered');
      if (clash) throw new ApiError('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${clash.id}`);
      const snapshotId = id('snap');
      snapshots.set(snapshotId, {
        id: snapshotId,
        disk: source.disk,
        volumeSize: source.image.volumeSize,
        ownerId: account,
        state: 'pending',
        startTime: new Date(),
        tags: tagSpecifications(p, 'snapshot'),
        kmsKeyId: encrypted ? (kmsKeyId ?? 'alias/aws/ebs') : undefined,
      });
      const copy: Image = {
        ...source.image,
        id: id('ami'),
        name,
        description: p.get('Description') ?? source.image.description,
        ownerId: account,
        state: 'pending',
        creationDate: new Date().toISOString(),
        snapshotId,
        tags: tagSpecifications(p, 'image'),
        launchPermissions: [],
        deprecationTime: undefined,
        encrypted,
        kmsKeyId: encrypted ? (kmsKeyId ?? 'alias/aws/ebs') : undefined,
        copyToken: token || undefined,
      };
      images.set(copy.id, copy);
      const fails = options.failCopy?.() ?? false;
      setTimeout(() => {
        const snap = snapshots.get(snapshotId);
        if (copy.state !== 'pending') return;
        if (fails) {
          copy.state = 'failed';
          copy.stateReason = { code: 'Client.InvalidKMSKey.InvalidState', message: `The KMS key ${copy.kmsKeyId ?? ''} cannot be used to copy the snapshot.` };
          if (snap) snap.state = 'completed';
          return;
        }
        copy.state = 'available';
        if (snap) snap.state = 'completed';
      }, options.copyMs ?? 300).unref();
      return { imageId: copy.id };
    },
    // EnableImageDeprecation (API reference, DeprecateAt): "You can't specify a date in the past" (the error code is not
    // documented: InvalidParameterValue), and "Amazon EC2 rounds the seconds to the nearest minute".
    EnableImageDeprecation: (p) => {
      const img = images.get(p.get('ImageId') ?? '');
      if (!img || img.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${p.get('ImageId')}]' does not exist`);
      const at = Date.parse(p.get('DeprecateAt') ?? '');
      if (!Number.isFinite(at) || at < now() - 60_000) throw new ApiError('InvalidParameterValue', 'DeprecateAt must be a date in the future');
      img.deprecationTime = new Date(Math.round(at / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
      return { return: true };
    },
    DescribeLaunchTemplates: (p) => {
      const names = scalars(p, 'LaunchTemplateName');
      const found = [...launchTemplates.values()].filter((t) => !names.length || names.includes(t.name));
      return {
        launchTemplates: found.map((t) => ({
          launchTemplateId: t.id,
          launchTemplateName: t.name,
          createTime: t.createTime,
          createdBy: `arn:aws:iam::${account}:root`,
          defaultVersionNumber: t.defaultVersion,
          latestVersionNumber: t.versions.length,
        })),
      };
    },
    // Versions may be numbers, $Default or $Latest; ResolveAlias shows the image a resolve:ssm: value resolves to (API reference).
    DescribeLaunchTemplateVersions: (p) => {
      const t = launchTemplates.get(p.get('LaunchTemplateId') ?? '') ?? [...launchTemplates.values()].find((x) => x.name === p.get('LaunchTemplateName'));
      if (!t)
        throw new ApiError('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${p.get('LaunchTemplateId')}, does not exist.`);
      const asked = scalars(p, 'LaunchTemplateVersion');
      const numbers = asked.length
        ? [...new Set(asked.map((v) => (v === '$Default' ? t.defaultVersion : v === '$Latest' ? t.versions.length : Number(v))))]
        : t.versions.map((_, i) => i + 1);
      return {
        launchTemplateVersionSet: numbers.map((n) => {
          const image = t.versions[n - 1];
          const reference = /^resolve:ssm:(.+)$/.exec(image ?? '');
          const resolved = reference && p.get('ResolveAlias') === 'true' ? (options.parameter?.(reference[1]) ?? image) : image;
          return {
            launchTemplateId: t.id,
            launchTemplateName: t.name,
            versionNumber: n,
            createTime: t.createTime,
            defaultVersion: n === t.defaultVersion,
            launchTemplateData: { imageId: resolved },
          };
        }),
      };
    },
    DescribeImageReferences: describeImageReferences({
      account,
      region,
      instances: () => [...instances.values()].map((i) => ({ id: i.id, imageId: i.imageId, state: i.machine.state() })),
      launchTemplates: () => [...launchTemplates.values()],
      imageParameters: () => options.imageParameters?.() ?? [],
    }),
    CreateTags: (p) => {
      const tags: Tags = {};
      for (const t of list(p, 'Tag')) tags[t.Key] = t.Value ?? '';
      for (const r of scalars(p, 'ResourceId')) tagResource(r, tags);
      return { return: true };
    },
  };

  function launch(p: URLSearchParams, token: string): Instance {
    const imageId = p.get('ImageId') ?? '';
    const image = images.get(imageId);
    if (!image || image.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
    if (image.state !== 'available') throw new ApiError('InvalidAMIID.Unavailable', `The image id '[${imageId}]' is not available`);
    // EC2 takes an empty parameter as one not given (the Go SDK Packer uses sends SubnetId= when it chose none).
    const keyName = p.get('KeyName') || undefined;
    if (keyName && !keyPairs.has(keyName)) throw new ApiError('InvalidKeyPair.NotFound', `The key pair '${keyName}' does not exist`);
    const nic = list(p, 'NetworkInterface')[0];
    const sgs = [
      ...scalars(p, 'SecurityGroupId'),
      ...(nic
        ? Object.entries(nic)
            .filter(([k]) => /^SecurityGroupId\.\d+$/.test(k))
            .map(([, v]) => v)
        : []),
    ];
    for (const g of sgs) if (!groups.has(g)) throw new ApiError('InvalidGroup.NotFound', `The security group '${g}' does not exist`);
    const subnetId = nic?.SubnetId || p.get('SubnetId') || DEFAULT_SUBNET;
    const vpcId = subnetVpc(subnetId);
    if (!vpcId) throw new ApiError('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
    // EC2 refuses a group of another VPC than the subnet's (its words, as AWS CLI users quote them).
    const foreign = sgs.find((g) => groups.get(g)?.vpcId !== vpcId);
    if (foreign) throw new ApiError('InvalidParameter', `Security group ${foreign} and subnet ${subnetId} belong to different networks.`);
    const root = list(p, 'BlockDeviceMapping').find((b) => b.DeviceName === image.rootDeviceName);
    const snapshot = snapshots.get(image.snapshotId);
    const instanceId = id('i');
    const shutdownBehavior = p.get('InstanceInitiatedShutdownBehavior') === 'terminate' ? 'terminate' : 'stop';
    const publicKey = keyName ? keyPairs.get(keyName)?.publicKey : undefined;
    const tokensRequired = p.get('MetadataOptions.HttpTokens') === 'required';
    const machine = options.machines.launch({
      instanceId,
      disk: snapshot?.disk ?? { sizeGiB: image.volumeSize },
      publicKey,
      userData: p.get('UserData') ?? undefined,
      tokensRequired,
      shutdownBehavior,
    });
    const inst: Instance = {
      id: instanceId,
      imageId,
      token,
      instanceType: p.get('InstanceType') ?? 'm1.small',
      keyName,
      groups: sgs,
      subnetId,
      launchTime: new Date(),
      tags: tagSpecifications(p, 'instance'),
      volumeId: id('vol'),
      machine,
      metadata: {
        httpTokens: tokensRequired ? 'required' : 'optional',
        hopLimit: Number(p.get('MetadataOptions.HttpPutResponseHopLimit') ?? 1),
        httpEndpoint: p.get('MetadataOptions.HttpEndpoint') ?? 'enabled',
      },
      rootEncrypted: root?.['Ebs.Encrypted'] === 'true',
      kmsKeyId: root?.['Ebs.KmsKeyId'],
      shutdownBehavior,
      userData: p.get('UserData') ?? undefined,
      publicKey,
    };
    instances.set(instanceId, inst);
    return inst;
  }

  function transition(p: URLSearchParams, change: (m: Machine) => void): XmlValue {
    const ids = scalars(p, 'InstanceId');
    const found = ids.map(instanceOf);
    return {
      instancesSet: found.map((i) => {
        const previous: InstanceState = i.machine.state();
        change(i.machine);
        const current = i.machine.state();
        return {
          instanceId: i.id,
          currentState: { code: STATE_CODES[current], name: current },
          previousState: { code: STATE_CODES[previous], name: previous },
        };
      }),
    };
  }

  if (options.noImageReferences) delete handlers.DescribeImageReferences;

  return {
    handlers,
    registerImage,
    images: () => [...images.values()],
    snapshots: () => [...snapshots.values()],
    keyPairs: () => [...keyPairs.values()],
    imageFor,
    /** A launch template, as a test sets one up: each version's image id or resolve:ssm:NAME. */
    addLaunchTemplate(name: string, versions: string[], defaultVersion = 1): LaunchTemplate {
      const t: LaunchTemplate = { id: id('lt'), name, createTime: new Date(), versions, defaultVersion };
      launchTemplates.set(t.id, t);
      return t;
    },
    instances: () =>
      [...instances.values()].map((i) => ({
        id: i.id,
        state: i.machine.state(),
        tags: i.tags,
        metadata: i.metadata,
        rootEncrypted: i.rootEncrypted,
        kmsKeyId: i.kmsKeyId,
        imageId: i.imageId,
        keyName: i.keyName,
        groups: i.groups,
      })),
    instance: (instanceId: string) => instances.get(instanceId),
    setImageState(imageId: string, state: Image['state']) {
      const img = images.get(imageId);
      if (img) img.state = state;
    },
    /** What a run created and did not remove. */
    leftovers(): string[] {
      return [
        ...[...instances.values()]
          .filter((i) => !['terminated', 'shutting-down'].includes(i.machine.state()))
          .map((i) => `instance ${i.id} (${i.machine.state()})`),
        ...[...groups.values()].map((g) => `security group ${g.id} (${g.name})`),
        ...[...keyPairs.values()].map((k) => `key pair ${k.name}`),
      ];
    },
  };
}

export type Ec2 = ReturnType<typeof createEc2>;

/** An RSA public key (PKCS#1 DER) in OpenSSH's wire format, base64. */
function rsaWireFormat(pkcs1: Buffer): string {
  // PKCS#1 RSAPublicKey: SEQUENCE { INTEGER n, INTEGER e }.
  let at = 0;
  const readLength = () => {
    let len = pkcs1[at++];
    if (len & 0x80) {
      const bytes = len & 0x7f;
      len = 0;
      for (let i = 0; i < bytes; i++) len = (len << 8) | pkcs1[at++];
    }
    return len;
  };
  const readInteger = () => {
    if (pkcs1[at++] !== 0x02) throw new Error('not an INTEGER');
    const len = readLength();
    const value = pkcs1.subarray(at, at + len);
    at += len;
    return value;
  };
  if (pkcs1[at++] !== 0x30) throw new Error('not a SEQUENCE');
  readLength();
  const n = readInteger();
  const e = readInteger();
  const field = (b: Buffer) => Buffer.concat([Buffer.from([(b.length >>> 24) & 255, (b.length >>> 16) & 255, (b.length >>> 8) & 255, b.length & 255]), b]);
  return Buffer.concat([field(Buffer.from('ssh-rsa')), field(e), field(n)]).toString('base64');
}
