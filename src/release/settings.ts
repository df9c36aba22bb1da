/**
 * The release inputs: where a proven image goes (copies, sharing, SSM), how
 * many of the platform's versions are kept, and the sweep of what dead runs
 * left. Parsed with the other inputs, before any AWS call.
 */
import { InputError } from '../lib/errors';
import { inputLines, listInput } from '../lib/input-text';

export interface ReleaseSettings {
  /** Regions the image is copied to, besides the build's. */
  regions: string[];
  /** A KMS key per destination region: that region's copy is encrypted with it. */
  kmsKeyIds: Record<string, string>;
  shareAccounts: string[];
  shareOrgArns: string[];
  shareOuArns: string[];
  /** An SSM parameter written with the image id in each region (data type aws:ec2:image). */
  ssmParameter?: string;
  /** An SSM parameter written with the platform version's ARN in the build region (Elastic Beanstalk builder). */
  ssmParameterPlatformArn?: string;
  /** Of the platform's versions, how many newest to keep; undefined keeps them all. */
  keepVersions?: number;
  /** Days after which the images this one replaces are deprecated; undefined leaves them. */
  deprecateAfterDays?: number;
  /** Remove what the action's runs that ended long ago left behind, at the start of the run. */
  sweepOrphans: boolean;
}

/** Who gets launch permission: accounts, organization ARNs and OU ARNs. */
export function shareTargets(r: ReleaseSettings): string[] {
  return [...r.shareAccounts, ...r.shareOrgArns, ...r.shareOuArns];
}

/** Whether the image is shared with anyone. */
export function sharesImage(r: ReleaseSettings): boolean {
  return shareTargets(r).length > 0;
}

/** Whether anything happens after the smoke test: a promotion needs a passed smoke test. */
export function promotes(r: ReleaseSettings): boolean {
  return r.regions.length > 0 || sharesImage(r) || !!r.ssmParameter || !!r.ssmParameterPlatformArn;
}

export function releaseSteps(r: ReleaseSettings): boolean {
  return promotes(r) || r.keepVersions !== undefined || r.deprecateAfterDays !== undefined;
}

const ACCOUNT = /^\d{12}$/;
// Organizations' ARN shapes (Organizations API reference, Organization.Arn and OrganizationalUnit.Arn).
const ORG_ARN = /^arn:aws[\w-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
const OU_ARN = /^arn:aws[\w-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

export function parseShareList(name: string, raw: string, kind: 'account' | 'organization' | 'ou'): string[] {
  const shape = { account: ACCOUNT, organization: ORG_ARN, ou: OU_ARN }[kind];
  const expected = {
    account: 'a 12-digit AWS account id',
    organization: 'an organization ARN such as arn:aws:organizations::123456789012:organization/o-exampleorgid',
    ou: 'an organizational unit ARN such as arn:aws:organizations::123456789012:ou/o-exampleorgid/ou-ab12-cdef3456',
  }[kind];
  const items = listInput(raw);
  for (const item of items) if (!shape.test(item)) throw new InputError(name, `'${item}' is not ${expected}`);
  return [...new Set(items)];
}

/**
 * An SSM parameter name (Systems Manager user guide, "Parameter name requirements"): letters,
 * digits and . - _ (and / for a path), at most 1011 characters, at most 15 levels, not beginning
 * with aws or ssm in any case; a path starts with /.
 */
export function parseParameterName(name: string, raw: string): string | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  const bare = v.replace(/^\//, '');
  if (!/^[A-Za-z0-9._\-/]{1,1011}$/.test(v) || v.includes('//') || v.endsWith('/') || (v.includes('/') && !v.startsWith('/'))) {
    throw new InputError(name, `'${v}' is not an SSM parameter name: expected letters, digits and . - _, or a path such as /platform/web/ami-id`);
  }
  if (/^(aws|ssm)/i.test(bare)) throw new InputError(name, `'${v}' begins with '${bare.slice(0, 3)}', which Systems Manager keeps for itself`);
  if (v.split('/').filter(Boolean).length > 15) throw new InputError(name, `'${v}' has more than 15 levels, the most Systems Manager takes`);
  return v;
}

/** The longest parameter name, ARN included: "The maximum length for a parameter name, including the full length of the parameter ARN, is 1011 characters" (Systems Manager user guide, "Parameter name requirements"). */
export const MAX_PARAMETER_ARN = 1011;

/** A parameter's ARN as that limit counts it: the partition's prefix, a 12-digit account, the name. */
export function parameterArnLength(region: string, name: string): number {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:ssm:${region}:123456789012:parameter${name.startsWith('/') ? '' : '/'}${name}`.length;
}

/** `region=key` lines, each region one the image is copied to (or the build's). */
export function parseKmsKeyMap(name: string, raw: string, parseRegion: (v: string) => string, parseKey: (v: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of inputLines(raw)) {
    const eq = line.indexOf('=');
    if (eq < 0) throw new InputError(name, `'${line}' is not region=key: expected one line per region, such as eu-central-1=alias/ami-copies`);
    const region = parseRegion(line.slice(0, eq).trim());
    if (out[region]) throw new InputError(name, `region ${region} is given twice`);
    out[region] = parseKey(line.slice(eq + 1).trim());
  }
  return out;
}
