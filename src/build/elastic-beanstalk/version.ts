import {
  ElasticBeanstalkClient,
  ListPlatformVersionsCommand,
  PlatformFilter,
  PlatformSummary,
} from '@aws-sdk/client-elastic-beanstalk';
import { StepError } from '../../lib/errors';
import type { VersionRequest } from '../../inputs';

/** Every version of `name` the account owns, whatever its status, across all pages. */
export async function listOwnVersions(eb: ElasticBeanstalkClient, name: string): Promise<PlatformSummary[]> {
  const filters: PlatformFilter[] = [
    { Type: 'PlatformOwner', Operator: '=', Values: ['Self'] },
    { Type: 'PlatformName', Operator: '=', Values: [name] },
  ];
  const all: PlatformSummary[] = [];
  const seenTokens = new Set<string>();
  let token: string | undefined;
  do {
    const page = await eb.send(new ListPlatformVersionsCommand({ Filters: filters, MaxRecords: 100, NextToken: token }));
    all.push(...(page.PlatformSummaryList ?? []));
    token = page.NextToken || undefined;
    // A service that hands back a token it already gave would loop forever.
    if (token && seenTokens.has(token)) throw new StepError('version', `ListPlatformVersions returned the same NextToken twice ('${token}')`);
    if (token) seenTokens.add(token);
  } while (token);
  // The filter is applied by the service; keep only exact matches in case it is looser than '='.
  return all.filter((s) => versionOf(s) !== undefined && nameOf(s) === name);
}

/** NAME and VERSION from arn:aws:elasticbeanstalk:REGION:ACCOUNT:platform/NAME/VERSION. */
export function parsePlatformArn(arn: string): { name: string; version: string } | undefined {
  const m = /:platform\/([^/]+)\/([^/]+)$/.exec(arn);
  return m ? { name: m[1], version: m[2] } : undefined;
}

function nameOf(s: PlatformSummary): string | undefined {
  return s.PlatformArn ? parsePlatformArn(s.PlatformArn)?.name : undefined;
}

function versionOf(s: PlatformSummary): string | undefined {
  return s.PlatformVersion ?? (s.PlatformArn ? parsePlatformArn(s.PlatformArn)?.version : undefined);
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * The next patch after the newest version, counting Failed ones as the EB CLI
 * does (a failed 1.0.3 makes the next 1.0.4), 1.0.0 when there is none.
 */
export function nextPatch(existing: PlatformSummary[]): string {
  const versions = existing
    .map(versionOf)
    .filter((v): v is string => !!v && /^\d+\.\d+\.\d+$/.test(v))
    .sort(compareVersions);
  const newest = versions.at(-1);
  if (!newest) return '1.0.0';
  const [major, minor, patch] = newest.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}

export interface ResolvedVersion {
  version: string;
  /** How it was chosen, for the log. */
  reason: string;
}

/** Chooses the version to create and refuses one that already exists. */
export async function resolveVersion(eb: ElasticBeanstalkClient, name: string, request: VersionRequest): Promise<ResolvedVersion> {
  const existing = await listOwnVersions(eb, name);
  const live = existing.filter((s) => s.PlatformStatus !== 'Deleted');
  if (request.kind === 'auto') {
    const version = nextPatch(existing);
    const newest = existing.length ? `newest of ${existing.length} existing is ${nextPatchBase(existing)}` : 'no version exists yet';
    return { version, reason: `auto: ${newest}` };
  }
  const clash = live.find((s) => versionOf(s) === request.version);
  if (clash) {
    throw new StepError(
      'version',
      `Platform version ${name}/${request.version} already exists (status ${clash.PlatformStatus ?? 'unknown'}, ${clash.PlatformArn}). ` +
        `Set platform-version to a new version, or to 'auto' for ${nextPatch(existing)}.`,
    );
  }
  return { version: request.version, reason: 'given' };
}

function nextPatchBase(existing: PlatformSummary[]): string {
  return existing.map(versionOf).filter((v): v is string => !!v).sort(compareVersions).at(-1) ?? 'none';
}
