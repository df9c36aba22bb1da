/**
 * What one region's EC2 holds, shared by every resource family (ec2/*.ts): the
 * maps of resources, the account, region, zone and subnets, the one injected
 * clock; and the helpers every family's answers use (ids, tag sets, filters).
 */
import { randomBytes } from 'node:crypto';
import type { XmlValue } from '../xml';
import { ApiError, ec2Filters, wildcard } from '../protocol';
import type { Disk, Machine, MachineBackend } from '../machines';
import type { Ec2 } from '../ec2';

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

export interface Snapshot {
  id: string;
  disk: Disk;
  volumeSize: number;
  ownerId: string;
  state: 'pending' | 'completed';
  startTime: Date;
  tags: Tags;
  kmsKeyId?: string;
}

export interface Instance {
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

export interface Group {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ingress: { protocol: string; from: number; to: number; cidr: string }[];
  tags: Tags;
}

export interface KeyPair {
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
  /** How long a copy stays pending, in the stand-in's ms. */
  copyMs?: number;
  /** Whether the next copy fails (a KMS key EC2 finds unusable only after the call; API reference, CopyImage KmsKeyId). */
  failCopy?: () => boolean;
  /** Called with each imported public key (a test's sshd or VM accepts it); ImportKeyPair answers once it settles. */
  onKeyImported?: (publicKey: string) => void | Promise<void>;
  /**
   * How long, in the stand-in's ms, a snapshot stays in use after its image is deregistered: DeleteSnapshot
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

/** A family's answers, by action: the one router merges every family's. */
export type Handlers = Record<string, (p: URLSearchParams) => XmlValue | Promise<XmlValue>>;

/** One region's EC2: every family's resources, and what they share. */
export interface Ec2State {
  options: Ec2Options;
  account: string;
  region: string;
  /** The region's one availability zone. */
  zone: string;
  /** The stand-in's clock (options.now, or the wall clock). */
  now: () => number;
  subnets: { subnetId: string; vpcId: string; defaultForAz: boolean }[];
  subnetVpc: (subnetId: string) => string | undefined;
  keyPairs: Map<string, KeyPair>;
  groups: Map<string, Group>;
  instances: Map<string, Instance>;
  images: Map<string, Image>;
  snapshots: Map<string, Snapshot>;
  launchTemplates: Map<string, LaunchTemplate>;
}

export function createState(options: Ec2Options): Ec2State {
  const { account, region } = options;
  const now = options.now ?? Date.now;
  const subnets = [
    { subnetId: DEFAULT_SUBNET, vpcId: DEFAULT_VPC, defaultForAz: true },
    ...(options.subnets ?? []).map((x) => ({ ...x, defaultForAz: false })),
  ];
  return {
    options,
    account,
    region,
    zone: `${region}a`,
    now,
    subnets,
    subnetVpc: (subnetId: string) => subnets.find((x) => x.subnetId === subnetId)?.vpcId,
    keyPairs: new Map<string, KeyPair>(),
    groups: new Map<string, Group>(),
    instances: new Map<string, Instance>(),
    images: new Map<string, Image>(),
    snapshots: new Map<string, Snapshot>(),
    launchTemplates: new Map<string, LaunchTemplate>(),
  };
}

export const tagSet = (tags: Tags): XmlValue => Object.entries(tags).map(([key, value]) => ({ key, value }));
export const id = (prefix: string, len = 17) => `${prefix}-${randomBytes(12).toString('hex').slice(0, len)}`;

/** A resource's attributes by EC2 filter name, with its tags as `tag:KEY`, `tag-key` and `tag-value`. */
export function withTags(attrs: Record<string, (string | undefined)[]>, tags: Tags): Record<string, string[]> {
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
export function filtered<T>(items: T[], params: URLSearchParams, attrs: (item: T) => Record<string, string[]>, known: string[]): T[] {
  const filters = ec2Filters(params);
  for (const f of filters) {
    if (!known.includes(f.name) && !/^tag(:.+|-key|-value)$/.test(f.name)) throw new ApiError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
  }
  return items.filter((item) => {
    const a = attrs(item);
    return filters.every((f) => f.values.some((v) => (a[f.name] ?? []).some((x) => wildcard(v).test(x))));
  });
}
