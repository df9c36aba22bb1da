import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_AMAZON_PLUGIN, DEFAULT_PACKER } from './builders/packer/defaults';
import { closest } from './lib/closest';
import { InputError } from './lib/errors';
import { KNOWN_REGIONS } from './lib/regions';
import { VERSION_INPUT } from './lib/semver';
import { inputLines, listInput, tagItems } from './lib/input-text';
import { MAX_PARAMETER_ARN, parameterArnLength, parseKmsKeyMap, parseParameterName, parseShareList, promotes, ReleaseSettings } from './release/settings';
import { isInside } from './lib/paths';
import { BUILDERS, BuilderKind, InputDeclaration, INPUTS, RUN_TAG_COUNT } from './declarations';

/** Reads one input by its action.yml name; '' when unset (as `core.getInput` does). */
export type InputSource = (name: string) => string;

export type VersionRequest = { kind: 'auto' } | { kind: 'explicit'; version: string };

export interface BuilderSettings {
  instanceType?: string;
  instanceProfile: string;
  /** The service role Elastic Beanstalk uses for the builder environment (the EB CLI always sends its default). */
  serviceRole: string;
  vpcId?: string;
  subnets: string[];
}

export interface SmokeSettings {
  instanceType: string;
  subnetId?: string;
  allowedCidr?: string;
  tags: Record<string, string>;
  script?: string;
  sshUser: string;
  sshPort: number;
  httpPort: number;
  /** Which of the instance's addresses the runner connects to: public, or private for a runner inside the VPC. */
  address: 'public' | 'private';
  /** KMS key for the instance's encrypted root volume; the account's default EBS key when unset. */
  kmsKeyId?: string;
}

export type { BuilderKind };

export interface PackerSettings {
  /** A release to install from HashiCorp's release site, or 'path' for the packer on PATH. */
  version: string;
  /** The amazon plugin asked for; undefined takes the default (Packer 1.10 and later). */
  pluginVersion?: string;
  /** Template variables, passed as -var. */
  variables: Record<string, string>;
}

/** What a run does: build and release the platform, or roll its SSM parameters back. */
export const MODES = ['build', 'rollback'] as const;
export type Mode = (typeof MODES)[number];

/** The inputs a rollback reads; any other given at a value other than its default is ignored, with a warning. */
const ROLLBACK_INPUTS = new Set([
  'mode',
  'aws-region',
  'allow-new-region',
  'ami-regions',
  'ssm-parameter',
  'ssm-parameter-platform-arn',
  'platform-name',
  'dry-run',
  'deadline-minutes',
  'timeout-minutes',
]);

export interface Inputs {
  mode: Mode;
  /** Reuse a proven image built from the same inputs instead of building. */
  skipUnchanged: boolean;
  /** The previous image's SBOM, to list what changed since; it may not exist (a first release). */
  sbomPreviousPath?: string;
  /** What the inputs passed with, but the log should say (a region newer than the action's list). */
  warnings: string[];
  /** The names of the inputs the action reads (action.yml's). */
  inputNames: ReadonlySet<string>;
  /** Who runs Packer: Elastic Beanstalk's builder environment, or the action on the runner. */
  builder: BuilderKind;
  packer: PackerSettings;
  platformDir: string;
  platformName: string;
  platformVersion: VersionRequest;
  /** Empty only on a dry run, where no AWS call is made. */
  region: string;
  timeoutMinutes: number;
  pollIntervalSeconds: number;
  smokeTest: boolean;
  keepBuilder: boolean;
  dryRun: boolean;
  tags: Record<string, string>;
  /** The Elastic Beanstalk builder environment's settings. */
  builderEnvironment: BuilderSettings;
  maxBundleBytes: number;
  smoke: SmokeSettings;
  /** Promotion, pruning and the sweep of dead runs' leftovers. */
  release: ReleaseSettings;
}

/** The EB CLI's default builder profile; the plain EB instance profile makes Packer fail. */
export const DEFAULT_BUILDER_PROFILE = 'aws-elasticbeanstalk-custom-platform-ec2-role';
/** The service role the EB CLI always sends for the builder (ebcli/lib/elasticbeanstalk.py). */
export const DEFAULT_SERVICE_ROLE = 'aws-elasticbeanstalk-service-role';
export { RUN_TAG_COUNT };

/**
 * Inputs only one builder reads, with their action.yml default (a value equal to it counts as not
 * given) and why the other builder cannot use them: given with the other builder, each is refused.
 */
export const BUILDER_INPUTS: Record<string, { builder: BuilderKind; default: string; why: string }> = Object.fromEntries(
  Object.entries(INPUTS as Record<string, InputDeclaration>).flatMap(([name, d]) => (d.only ? [[name, { ...d.only, default: d.default }]] : [])),
);

/** Thrown when several inputs are wrong at once: each keeps its own line. */
export class InputErrors extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputErrors';
  }
}

// The region shapes of AWS's partitions (aws, aws-cn, aws-us-gov, aws-iso*, eusc), as the SDK's partition data defines them.
const REGION = /^(?:(?:us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+|cn-\w+-\d+|us-gov-\w+-\d+|us-iso[bef]?-\w+-\d+|eu-isoe-\w+-\d+|eusc-\w+-\d+)$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;

/** Parses a version input: `auto`, `1.4.2`, `v1.4.2` or `refs/tags/v1.4.2`. */
export function parseVersionRequest(raw: string): VersionRequest {
  const value = raw.trim();
  if (value === '' || value === 'auto') return { kind: 'auto' };
  const bare = value.replace(/^refs\/tags\//, '').replace(/^v/, '');
  if (!VERSION_INPUT.test(bare)) {
    throw new InputError(
      'platform-version',
      `'${value}' is not a version: expected 'auto', MAJOR.MINOR.PATCH such as 1.4.2, or a tag such as v1.4.2 or refs/tags/v1.4.2`,
    );
  }
  return { kind: 'explicit', version: bare };
}

export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim();
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(name, `'${value}' is not a boolean: expected true or false`);
}

export function parseNumber(name: string, raw: string, fallback: number, min: number, max: number, integer = true): number {
  const value = raw.trim();
  if (value === '') return fallback;
  const n = Number(value);
  const kind = integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new InputError(name, `'${value}' is not valid: expected ${kind} from ${min} to ${max}`);
  }
  return n;
}

/** The tagging rules of a service: EC2's by default, Elastic Beanstalk's stricter ones for the platform version. */
export interface TagRules {
  max: number;
  keyLength: number;
  valueLength: number;
  reservedPrefixes: RegExp;
  characters?: RegExp;
  service: string;
}

export const EC2_TAG_RULES: TagRules = { max: 50 - RUN_TAG_COUNT - 1, keyLength: 128, valueLength: 256, reservedPrefixes: /^aws:/i, service: 'EC2' };
/** Elastic Beanstalk's: key up to 127, value up to 255, no aws: or elasticbeanstalk: prefix, letters, digits, spaces and _ . : / = + - @ (API model, Tag). */
export const EB_TAG_RULES: TagRules = {
  max: 50 - RUN_TAG_COUNT,
  keyLength: 127,
  valueLength: 255,
  reservedPrefixes: /^(aws|elasticbeanstalk):/i,
  characters: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
  service: 'Elastic Beanstalk',
};

/** `Key=Value` pairs, one per line or separated by commas, as AWS tags. */
export function parseTags(name: string, raw: string, rules: TagRules = EC2_TAG_RULES): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const item of tagItems(raw)) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq).trim();
    const value = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (eq < 0 || !key) throw new InputError(name, `'${item}' is not a tag: expected Key=Value, one per line`);
    if (key.length > rules.keyLength || value.length > rules.valueLength) {
      throw new InputError(
        name,
        `tag '${key}' is too long: ${rules.service} takes keys up to ${rules.keyLength} characters and values up to ${rules.valueLength}`,
      );
    }
    const reserved = rules.reservedPrefixes.exec(key);
    if (reserved) throw new InputError(name, `tag '${key}' uses the reserved prefix '${reserved[0]}': ${rules.service} keeps it for itself`);
    if (rules.characters && !(rules.characters.test(key) && rules.characters.test(value))) {
      throw new InputError(name, `tag '${key}=${value}' has a character ${rules.service} refuses: expected letters, digits, spaces and _ . : / = + - @`);
    }
    tags[key] = value;
  }
  const count = Object.keys(tags).length;
  if (count > rules.max)
    throw new InputError(name, `${count} tags given: expected at most ${rules.max} (${rules.service} takes 50 per resource; the action adds its own)`);
  return tags;
}

export function parseCidr(name: string, raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) {
    throw new InputError(name, `'${value}' is not an IPv4 CIDR block: expected a.b.c.d/n, such as 203.0.113.7/32`);
  }
  return value;
}

/** How many addresses a CIDR block holds, for the warning about a wide one. */
export function cidrAddresses(cidr: string): number {
  return 2 ** (32 - Number(cidr.split('/')[1]));
}

/**
 * A block wider than one address opens the smoke instance's SSH and HTTP to others than the runner:
 * refused unless smoke-allow-wide-cidr says so, and then a warning in the log and the summary.
 */
function checkCidrWidth(cidr: string | undefined, allowWide: boolean, warnings: string[]): void {
  if (!cidr || cidr.endsWith('/32')) return;
  const what = `${cidr} lets ${cidr.endsWith('/0') ? 'the whole internet' : `${cidrAddresses(cidr).toLocaleString('en')} addresses`} reach the smoke-test instance's SSH and HTTP ports`;
  if (!allowWide)
    throw new InputError(
      'smoke-allowed-cidr',
      `${what}: expected a /32 (the runner's address), or set smoke-allow-wide-cidr: true to allow a wider block (a runner network inside the VPC)`,
    );
  warnings.push(`smoke-allowed-cidr: ${what} (smoke-allow-wide-cidr: true).`);
}

/** How region names are held to the known list: a region newer than it passes with allow-new-region, with a warning. */
interface RegionCheck {
  allowNew: boolean;
  warnings: string[];
}

function regionCode(name: string, value: string, check: RegionCheck): string {
  const parts = value.split(/\s+/);
  if (parts.length > 1 && parts.every((p) => REGION.test(p)))
    throw new InputError(name, `'${value}' is several regions separated by spaces: expected one region per line, or a comma between them`);
  if (!REGION.test(value)) {
    const near = closest(value, KNOWN_REGIONS);
    throw new InputError(
      name,
      `'${value}' is not an AWS region: expected a region code such as us-east-1 or eu-west-2${near ? ` (did you mean ${near}?)` : ''}`,
    );
  }
  if (!KNOWN_REGIONS.includes(value)) {
    const near = closest(value, KNOWN_REGIONS);
    if (!check.allowNew)
      throw new InputError(
        name,
        `'${value}' is not an AWS region the action knows${near ? `: did you mean ${near}?` : ''} A region newer than the action's list passes with allow-new-region: true`,
      );
    check.warnings.push(
      `${name}: '${value}' is not an AWS region the action knows${near ? ` (the nearest is ${near})` : ''}; taken as a new region (allow-new-region).`,
    );
  }
  return value;
}

/**
 * deadline-minutes, or its old name timeout-minutes (deprecated: a workflow's step takes a key of
 * that name, which stops the whole step, not the build's own deadline).
 */
function parseDeadline(get: InputSource, warnings: string[]): number {
  const raw = get('deadline-minutes').trim();
  const old = get('timeout-minutes').trim();
  if (!old) return parseNumber('deadline-minutes', raw, 60, 1, 1440);
  if (raw && raw !== '60' && raw !== old)
    throw new InputError(
      'timeout-minutes',
      `and deadline-minutes are both given (${old} and ${raw}): timeout-minutes is deadline-minutes' old name, set only deadline-minutes`,
    );
  warnings.push("Input 'timeout-minutes' is deprecated: it is now deadline-minutes (a workflow step's own timeout-minutes key is another thing).");
  return parseNumber('timeout-minutes', old, 60, 1, 1440);
}

function parseRegion(raw: string, env: NodeJS.ProcessEnv, dryRun: boolean, check: RegionCheck): string {
  const value = raw.trim() || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || '';
  if (!value) {
    if (dryRun) return '';
    throw new InputError('aws-region', 'no region given: set the aws-region input or AWS_REGION (aws-actions/configure-aws-credentials sets it)');
  }
  return regionCode('aws-region', value, check);
}

/** The regions to copy the image to: each once, never the build's own (the image is there already). */
function parseCopyRegions(raw: string, buildRegion: string, check: RegionCheck): string[] {
  const regions = [...new Set(listInput(raw).map((r) => regionCode('ami-regions', r, check)))];
  if (buildRegion && regions.includes(buildRegion)) {
    throw new InputError('ami-regions', `${buildRegion} is the build's region, where the image is already: list only the regions to copy it to`);
  }
  return regions;
}

function parsePlatformName(raw: string, env: NodeJS.ProcessEnv): string {
  const value = raw.trim() || (env.GITHUB_REPOSITORY ?? '').split('/')[1] || '';
  if (!value) throw new InputError('platform-name', 'no name given: set platform-name (it defaults to the repository name on GitHub)');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value)) {
    throw new InputError(
      'platform-name',
      `'${value}' is not a platform name: expected up to 100 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
  return value;
}

function parseId(name: string, raw: string, prefix: string): string | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  if (!new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`).test(value))
    throw new InputError(name, `'${value}' is not a ${prefix} id: expected ${prefix}- followed by 8 or 17 hex digits`);
  return value;
}

/** A Packer or plugin release: empty, or MAJOR.MINOR.PATCH (a leading v is taken); `path` where the packer on PATH may stand in. */
function parsePackerVersion(name: string, raw: string, fallback: string): string;
function parsePackerVersion(name: string, raw: string): string | undefined;
function parsePackerVersion(name: string, raw: string, fallback?: string): string | undefined {
  const v = raw.trim().replace(/^v/, '');
  if (!v) return fallback;
  if (name === 'packer-version' && v === 'path') return v;
  if (!VERSION_INPUT.test(v))
    throw new InputError(
      name,
      `'${raw.trim()}' is not a version: expected MAJOR.MINOR.PATCH such as ${fallback ?? DEFAULT_AMAZON_PLUGIN}${name === 'packer-version' ? ', or path for the packer on PATH' : ''}`,
    );
  return v;
}

/** `name=value` lines, passed to `packer build` as -var; only the packer builder can pass them. */
function parsePackerVariables(raw: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of inputLines(raw)) {
    const eq = line.indexOf('=');
    const key = eq < 0 ? '' : line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) throw new InputError('packer-variables', `'${line}' is not a variable: expected name=value, one per line`);
    vars[key] = line.slice(eq + 1).trim();
  }
  return vars;
}

/** An IAM role or instance profile name (IAM: up to 128 of letters, digits and +=,.@_-). */
function parseRoleName(name: string, raw: string, fallback: string): string {
  const v = raw.trim() || fallback;
  if (!/^[\w+=,.@-]{1,128}$/.test(v)) throw new InputError(name, `'${v}' is not an IAM name: expected up to 128 letters, digits or +=,.@_-`);
  return v;
}

export function parseChoice<T extends string>(name: string, raw: string, choices: readonly T[], fallback: T): T {
  const v = raw.trim();
  if (!v) return fallback;
  if (!(choices as readonly string[]).includes(v)) throw new InputError(name, `'${v}' is not one of ${choices.join(', ')}`);
  return v as T;
}

/** A KMS key id, alias or ARN, as EC2 takes one for an encrypted volume. */
function parseKmsKey(name: string, raw: string): string | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  const id = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$/;
  const arn = /^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:(key\/[\w-]+|alias\/[\w/+=,.@-]+)$/;
  if (!(id.test(v) || arn.test(v) || /^alias\/[\w/+=,.@-]+$/.test(v))) {
    throw new InputError(name, `'${v}' is not a KMS key: expected a key id, an alias such as alias/ebs-smoke, or a key or alias ARN`);
  }
  return v;
}

function parseInstanceType(name: string, raw: string, fallback?: string): string | undefined {
  const value = raw.trim();
  if (!value) return fallback;
  if (!INSTANCE_TYPE.test(value)) throw new InputError(name, `'${value}' is not an EC2 instance type: expected a family and size such as t3.small`);
  return value;
}

function resolveInside(workspace: string, name: string, raw: string, what: 'directory' | 'file'): string {
  const full = path.resolve(workspace, raw);
  if (!isInside(workspace, full)) throw new InputError(name, `'${raw}' leaves the repository (${workspace}): expected a path inside it`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw new InputError(name, `'${raw}' does not exist in ${workspace}: expected a ${what}`);
  }
  if (what === 'directory' ? !stat.isDirectory() : !stat.isFile()) throw new InputError(name, `'${raw}' is not a ${what}`);
  return full;
}

type Attempt = <T>(fn: () => T, fallback: T) => T;

function parseBuilderEnvironment(get: InputSource, attempt: Attempt): BuilderSettings {
  return {
    instanceType: attempt(() => parseInstanceType('builder-instance-type', get('builder-instance-type')), undefined),
    instanceProfile: attempt(
      () => parseRoleName('builder-instance-profile', get('builder-instance-profile'), DEFAULT_BUILDER_PROFILE),
      DEFAULT_BUILDER_PROFILE,
    ),
    serviceRole: attempt(() => parseRoleName('builder-service-role', get('builder-service-role'), DEFAULT_SERVICE_ROLE), DEFAULT_SERVICE_ROLE),
    vpcId: attempt(() => parseId('builder-vpc-id', get('builder-vpc-id'), 'vpc'), undefined),
    subnets: attempt(
      () =>
        get('builder-subnets')
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((s) => parseId('builder-subnets', s, 'subnet') as string),
      [] as string[],
    ),
  };
}

function parseSmoke(get: InputSource, attempt: Attempt, workspace: string, warnings: string[]): SmokeSettings {
  const script = get('smoke-script').trim();
  return {
    instanceType: attempt(() => parseInstanceType('smoke-instance-type', get('smoke-instance-type'), 't3.small') as string, 't3.small'),
    subnetId: attempt(() => parseId('smoke-subnet-id', get('smoke-subnet-id'), 'subnet'), undefined),
    allowedCidr: attempt(() => {
      const cidr = parseCidr('smoke-allowed-cidr', get('smoke-allowed-cidr'));
      checkCidrWidth(cidr, parseBoolean('smoke-allow-wide-cidr', get('smoke-allow-wide-cidr'), false), warnings);
      return cidr;
    }, undefined),
    tags: attempt(() => parseTags('smoke-tags', get('smoke-tags')), {}),
    script: script ? attempt(() => resolveInside(workspace, 'smoke-script', script, 'file'), undefined) : undefined,
    sshUser: attempt(() => {
      const v = get('ssh-user').trim() || 'ubuntu';
      if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(v)) throw new InputError('ssh-user', `'${v}' is not a user name: expected lower-case letters, digits, '_' or '-'`);
      return v;
    }, 'ubuntu'),
    sshPort: attempt(() => parseNumber('ssh-port', get('ssh-port'), 22, 1, 65535), 22),
    httpPort: attempt(() => parseNumber('http-port', get('http-port'), 80, 1, 65535), 80),
    address: attempt(() => parseChoice('smoke-address', get('smoke-address'), ['public', 'private'] as const, 'public'), 'public' as const),
    kmsKeyId: attempt(() => parseKmsKey('smoke-kms-key-id', get('smoke-kms-key-id')), undefined),
  };
}

function parseRelease(get: InputSource, attempt: Attempt, check: RegionCheck): ReleaseSettings {
  const optionalCount = (name: string, max: number) =>
    attempt(() => {
      const n = parseNumber(name, get(name), 0, 0, max);
      return n === 0 ? undefined : n;
    }, undefined);
  return {
    regions: [],
    kmsKeyIds: attempt(
      () =>
        parseKmsKeyMap(
          'ami-kms-key-ids',
          get('ami-kms-key-ids'),
          (v) => regionCode('ami-kms-key-ids', v, check),
          (v) => {
            const key = parseKmsKey('ami-kms-key-ids', v);
            if (!key) throw new InputError('ami-kms-key-ids', 'a region is given without a key: expected region=key');
            return key;
          },
        ),
      {},
    ),
    shareAccounts: attempt(() => parseShareList('ami-share-accounts', get('ami-share-accounts'), 'account'), []),
    shareOrgArns: attempt(() => parseShareList('ami-share-org-arns', get('ami-share-org-arns'), 'organization'), []),
    shareOuArns: attempt(() => parseShareList('ami-share-ou-arns', get('ami-share-ou-arns'), 'ou'), []),
    ssmParameter: attempt(() => parseParameterName('ssm-parameter', get('ssm-parameter')), undefined),
    ssmParameterPlatformArn: attempt(() => parseParameterName('ssm-parameter-platform-arn', get('ssm-parameter-platform-arn')), undefined),
    keepVersions: optionalCount('keep-versions', 1000),
    // EnableImageDeprecation takes a date at most ten years ahead (EC2 API reference).
    deprecateAfterDays: optionalCount('deprecate-previous-after-days', 3650),
    sweepOrphans: attempt(() => parseBoolean('sweep-orphans', get('sweep-orphans'), true), true),
  };
}

/** Release inputs that contradict the others. */
function releaseConsistency(inputs: Inputs): InputError[] {
  const r = inputs.release;
  const errors: InputError[] = [];
  const stray = Object.keys(r.kmsKeyIds).filter((region) => !r.regions.includes(region));
  if (stray.length) {
    errors.push(
      new InputError(
        'ami-kms-key-ids',
        `${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} not in ami-regions: a key applies to the copy made in its region (the build region's image is encrypted as its template says)`,
      ),
    );
  }
  for (const [input, name, regions] of [
    ['ssm-parameter', r.ssmParameter, [inputs.region, ...r.regions]],
    ['ssm-parameter-platform-arn', r.ssmParameterPlatformArn, [inputs.region]],
  ] as const) {
    const longest = name ? Math.max(...regions.filter(Boolean).map((region) => parameterArnLength(region, name))) : 0;
    if (name && longest > MAX_PARAMETER_ARN)
      errors.push(
        new InputError(
          input,
          `'${name.slice(0, 40)}…' makes an ARN of ${longest} characters: Systems Manager counts the name with its ARN, at most ${MAX_PARAMETER_ARN}`,
        ),
      );
  }
  if (r.ssmParameter && r.ssmParameter === r.ssmParameterPlatformArn) {
    errors.push(new InputError('ssm-parameter-platform-arn', `is the same parameter as ssm-parameter (${r.ssmParameter}): expected another name`));
  }
  if (promotes(r) && !inputs.smokeTest) {
    errors.push(
      new InputError(
        'smoke-test',
        'false while the image is to be promoted (ami-regions, sharing or an SSM parameter): a promotion follows a passed smoke test only',
      ),
    );
  }
  return errors;
}

/** A rollback needs a parameter to move; the inputs only a build reads are ignored, with one warning. */
function rollbackConsistency(inputs: Inputs, get: InputSource, warnings: string[]): InputError[] {
  const ignored = Object.entries(INPUTS)
    .filter(([name, d]) => !ROLLBACK_INPUTS.has(name) && get(name).trim() && get(name).trim() !== d.default)
    .map(([name]) => name);
  if (ignored.length) warnings.push(`mode rollback builds nothing: ${ignored.join(', ')} ${ignored.length > 1 ? 'are' : 'is'} ignored.`);
  if (inputs.release.ssmParameter || inputs.release.ssmParameterPlatformArn) return [];
  return [
    new InputError(
      'mode',
      'rollback without ssm-parameter or ssm-parameter-platform-arn: expected the parameter the releases wrote, whose history says what to return to',
    ),
  ];
}

/**
 * Parses and validates every input, collecting one error per bad input, so a
 * user fixes them all in one go. Nothing here touches AWS.
 */
export function parseInputs(given: InputSource, env: NodeJS.ProcessEnv = process.env): Inputs {
  // Only declared inputs: an input given under any other name is one the action ignores, and says so.
  const get: InputSource = (name) => {
    if (!Object.hasOwn(INPUTS, name)) throw new Error(`input ${name} is not declared in src/declarations.ts`);
    return given(name);
  };
  const errors: InputError[] = [];
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof InputError) {
        errors.push(e);
        return fallback;
      }
      throw e;
    }
  };
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const mode = attempt(() => parseChoice('mode', get('mode'), MODES, 'build'), 'build' as Mode);
  const dryRun = attempt(() => parseBoolean('dry-run', get('dry-run'), false), false);
  const warnings: string[] = [];
  const regionCheck: RegionCheck = { allowNew: attempt(() => parseBoolean('allow-new-region', get('allow-new-region'), false), false), warnings };
  const smokeTest = attempt(() => parseBoolean('smoke-test', get('smoke-test'), true), true);

  const builder = attempt(() => parseChoice('builder', get('builder'), BUILDERS, 'elastic-beanstalk'), 'elastic-beanstalk' as BuilderKind);
  const inputs: Inputs = {
    mode,
    skipUnchanged: attempt(() => parseBoolean('skip-unchanged', get('skip-unchanged'), false), false),
    sbomPreviousPath: get('sbom-previous-path').trim() ? path.resolve(workspace, get('sbom-previous-path').trim()) : undefined,
    builder,
    packer: {
      version: attempt(() => parsePackerVersion('packer-version', get('packer-version'), DEFAULT_PACKER), DEFAULT_PACKER),
      pluginVersion: attempt(() => parsePackerVersion('packer-amazon-plugin-version', get('packer-amazon-plugin-version')), undefined),
      variables: attempt(() => parsePackerVariables(get('packer-variables')), {}),
    },
    // A rollback packages nothing: its workflow need not check the platform out.
    platformDir: mode === 'rollback' ? '' : attempt(() => resolveInside(workspace, 'platform-dir', get('platform-dir').trim() || 'platform', 'directory'), ''),
    platformName: attempt(() => parsePlatformName(get('platform-name'), env), ''),
    platformVersion: attempt(() => parseVersionRequest(get('platform-version')), { kind: 'auto' } as VersionRequest),
    region: attempt(() => parseRegion(get('aws-region'), env, dryRun, regionCheck), ''),
    timeoutMinutes: attempt(() => parseDeadline(get, warnings), 60),
    pollIntervalSeconds: attempt(() => parseNumber('poll-interval-seconds', get('poll-interval-seconds'), 10, 0.05, 300, false), 10),
    smokeTest,
    keepBuilder: attempt(() => parseBoolean('keep-builder', get('keep-builder'), false), false),
    dryRun,
    tags: attempt(() => parseTags('tags', get('tags'), EB_TAG_RULES), {}),
    builderEnvironment: parseBuilderEnvironment(get, attempt),
    maxBundleBytes: attempt(() => parseNumber('max-bundle-size-mb', get('max-bundle-size-mb'), 500, 1, 4000) * 1024 * 1024, 500 * 1024 * 1024),
    smoke: parseSmoke(get, attempt, workspace, warnings),
    release: parseRelease(get, attempt, regionCheck),
    warnings,
    inputNames: new Set(Object.keys(INPUTS)),
  };
  inputs.release.regions = attempt(() => parseCopyRegions(get('ami-regions'), inputs.region, regionCheck), []);
  if (inputs.smoke.address === 'private' && !get('smoke-allowed-cidr').trim() && smokeTest) {
    errors.push(
      new InputError(
        'smoke-allowed-cidr',
        "not set while smoke-address is private: expected the runner's address inside the VPC, such as 10.0.3.7/32, or its network (10.0.0.0/16) with smoke-allow-wide-cidr: true",
      ),
    );
  }
  if (mode === 'rollback') errors.push(...rollbackConsistency(inputs, get, warnings));
  else errors.push(...releaseConsistency(inputs));
  if (inputs.skipUnchanged && !smokeTest)
    errors.push(
      new InputError('skip-unchanged', 'true while smoke-test is false: only an image that passed its smoke test is reused, and this run would prove none'),
    );
  for (const [name, only] of Object.entries(BUILDER_INPUTS)) {
    const value = get(name).trim();
    if (only.builder !== builder && value && value !== only.default) errors.push(new InputError(name, `given with builder ${builder}, ${only.why}`));
  }
  if (inputs.builderEnvironment.subnets.length && !inputs.builderEnvironment.vpcId) {
    errors.push(new InputError('builder-subnets', 'subnets given without builder-vpc-id: expected the VPC that holds them'));
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new InputErrors(errors);
  return inputs;
}

/** Inputs given that the action does not read, each with the nearest one it does (a misspelling's fix). */
export function unknownInputs(given: string[], inputs: Pick<Inputs, 'inputNames'>): { name: string; nearest?: string }[] {
  const known = [...inputs.inputNames];
  return given.filter((name) => !inputs.inputNames.has(name)).map((name) => ({ name, nearest: closest(name, known) }));
}

/** What the log says of an input the action does not read. */
export const unknownInputWarning = ({ name, nearest }: { name: string; nearest?: string }): string =>
  `Input '${name}' is not an input of this action${nearest ? `: did you mean ${nearest}?` : ''} It is ignored.`;
