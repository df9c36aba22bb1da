import { ElasticBeanstalkClient, ListPlatformVersionsCommand, PlatformFilter, PlatformSummary } from '@aws-sdk/client-elastic-beanstalk';
import { allPages } from '../../lib/paginate';

/**
 * The owner value for the account's own platforms: the EB CLI sends `self`
 * (ebcli/core/ebglobals.py, OWNED_BY_SELF) and its fixtures show summaries
 * answering PlatformOwner "self". The API reference names no value, so the
 * EB CLI's, which has worked against the service for years, is the one.
 */
export const OWNED_BY_SELF = 'self';

/** NAME and VERSION from arn:aws:elasticbeanstalk:REGION:ACCOUNT:platform/NAME/VERSION. */
export function parsePlatformArn(arn: string): { name: string; version: string } | undefined {
  const m = /:platform\/([^/]+)\/([^/]+)$/.exec(arn);
  return m ? { name: m[1], version: m[2] } : undefined;
}

/** The account's own platform versions matching every given field (filters are ANDed, one value each), across all pages. */
export async function listOwnPlatformVersions(
  eb: ElasticBeanstalkClient,
  match: { name?: string; version?: string; status?: string } = {},
): Promise<PlatformSummary[]> {
  const filters: PlatformFilter[] = [{ Type: 'PlatformOwner', Operator: '=', Values: [OWNED_BY_SELF] }];
  if (match.name) filters.push({ Type: 'PlatformName', Operator: '=', Values: [match.name] });
  if (match.version) filters.push({ Type: 'PlatformVersion', Operator: '=', Values: [match.version] });
  if (match.status) filters.push({ Type: 'PlatformStatus', Operator: '=', Values: [match.status] });
  const all = await allPages('ListPlatformVersions', async (token) => {
    const page = await eb.send(new ListPlatformVersionsCommand({ Filters: filters, MaxRecords: 100, NextToken: token }));
    return { items: page.PlatformSummaryList, next: page.NextToken };
  });
  // The service applies the filters; keep only exact matches in case one is looser than '='.
  return all.filter((s) => matchesPlatform(s, match));
}

/** Whether a listed platform version has every given field (its name read from its ARN). */
export function matchesPlatform(s: PlatformSummary, match: { name?: string; version?: string; status?: string }): boolean {
  const id = s.PlatformArn ? parsePlatformArn(s.PlatformArn) : undefined;
  if (match.name && id?.name !== match.name) return false;
  if (match.version && (s.PlatformVersion ?? id?.version) !== match.version) return false;
  if (match.status && s.PlatformStatus !== match.status) return false;
  return true;
}
