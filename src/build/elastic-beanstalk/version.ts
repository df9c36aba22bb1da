import { ElasticBeanstalkClient, PlatformSummary } from '@aws-sdk/client-elastic-beanstalk';
import { StepError } from '../../lib/errors';
import type { VersionRequest } from '../../inputs';
import { listOwnPlatformVersions, parsePlatformArn } from './platforms';

export { parsePlatformArn } from './platforms';

/** Every version of `name` the account owns, whatever its status. */
export async function listOwnVersions(eb: ElasticBeanstalkClient, name: string): Promise<PlatformSummary[]> {
  return (await listOwnPlatformVersions(eb, { name })).filter((s) => versionOf(s) !== undefined);
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
