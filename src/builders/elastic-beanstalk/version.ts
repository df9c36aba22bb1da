import { ElasticBeanstalkClient, PlatformSummary } from '@aws-sdk/client-elastic-beanstalk';
import type { VersionRequest } from '../../inputs';
import { chooseVersion, nextPatchOf, ResolvedVersion } from '../versions';
import { listOwnPlatformVersions, parsePlatformArn } from './platforms';

export { parsePlatformArn } from './platforms';
export { compareVersions } from '../versions';
export type { ResolvedVersion } from '../versions';

/** Every version of `name` the account owns, whatever its status. */
export async function listOwnVersions(eb: ElasticBeanstalkClient, name: string): Promise<PlatformSummary[]> {
  return (await listOwnPlatformVersions(eb, { name })).filter((s) => versionOf(s) !== undefined);
}

function versionOf(s: PlatformSummary): string | undefined {
  return s.PlatformVersion ?? (s.PlatformArn ? parsePlatformArn(s.PlatformArn)?.version : undefined);
}

/**
 * The next patch after the newest version, counting Failed ones as the EB CLI
 * does (a failed 1.0.3 makes the next 1.0.4), 1.0.0 when there is none.
 */
export function nextPatch(existing: PlatformSummary[]): string {
  return nextPatchOf(existing.map(versionOf).filter((v): v is string => !!v));
}

/** Chooses the version to create and refuses one that already exists. */
export async function resolveVersion(eb: ElasticBeanstalkClient, name: string, request: VersionRequest): Promise<ResolvedVersion> {
  const existing = await listOwnVersions(eb, name);
  const live = new Map(
    existing.filter((s) => s.PlatformStatus !== 'Deleted').map((s) => [versionOf(s) as string, `status ${s.PlatformStatus ?? 'unknown'}, ${s.PlatformArn}`]),
  );
  return chooseVersion(
    name,
    request,
    existing.map(versionOf).filter((v): v is string => !!v),
    live,
  );
}
