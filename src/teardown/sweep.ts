/**
 * The sweep: a runner that dies takes its post step with it, and what its run
 * created stays. At the start of a run, the instances, security groups and key
 * pairs this repository's earlier runs created (found by the action's tags,
 * never by name) are removed once their run is over: its deadline tag passed
 * more than an hour ago. This run's own and those of runs that may still be
 * going are never touched; a failure to sweep is a warning, not the run's.
 */
import type { AwsClients } from '../lib/aws';
import type { Tag } from '@aws-sdk/client-ec2';
import { DescribeEnvironmentsCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { BUILDER_ENVIRONMENT } from '../builders/elastic-beanstalk/settings';
import { listOwnPlatformVersions } from '../builders/elastic-beanstalk/platforms';
import type { Clock } from '../lib/clock';
import type { Log } from '../lib/log';
import { kindOf, Orphan, removeConcurrently, ResourceKind } from '../resources/kind';
import { createLedger, Resource } from '../resources/ledger';
import { tagValue } from '../lib/tags';
import { TAG } from '../resources/run-tags';
import { isLiveEnvironment } from '../resources/states';
import { describeResource, RESOURCE_KINDS } from './kinds';

/** How long after a run's deadline its leftovers are taken as a dead run's: its post step has had time to run. */
export const GRACE_MS = 60 * 60_000;

export interface SweepRequest {
  region: string;
  /** This run's tags: its repository and run, never swept. */
  runTags: Record<string, string>;
  /**
   * Elastic Beanstalk's builder environment, left running by a build whose run died, is handed to
   * this: the run takes it on as its own (its build reuses it, its teardown ends it). Unset with
   * builder packer (no Elastic Beanstalk call at all) and with keep-builder.
   */
  adoptBuilder?: (environmentName: string) => void;
}

/** What the sweep removed (or adopted), in words, and the run that left it. */
export interface Swept {
  what: string;
  run: string;
}

/** Whether a resource's tags say it belongs to a run of this repository that ended over an hour ago. */
export function isOrphan(tags: Tag[] | undefined, own: Record<string, string>, now: number): boolean {
  const deadline = Date.parse(tagValue(tags, TAG.deadline) ?? '');
  if (!Number.isFinite(deadline) || now - deadline < GRACE_MS) return false;
  if (tagValue(tags, TAG.repository) !== own[TAG.repository]) return false;
  const sameRun = tagValue(tags, TAG.runId) === own[TAG.runId] && tagValue(tags, TAG.runAttempt) === own[TAG.runAttempt];
  return !sameRun;
}

/** The ended runs' leftovers of every kind that can be found by tags. */
async function orphans(clients: AwsClients, region: string, own: Record<string, string>, now: number): Promise<Orphan[]> {
  const filters = [
    { Name: `tag:${TAG.managedBy}`, Values: [own[TAG.managedBy]] },
    { Name: `tag:${TAG.repository}`, Values: [own[TAG.repository]] },
  ];
  const kinds = Object.values(RESOURCE_KINDS) as ResourceKind<Resource>[];
  const found = await Promise.all(kinds.map((k) => k.tagged?.(clients, region, filters) ?? []));
  return found.flat().filter((o) => isOrphan(o.tags, own, now));
}

/** Finds and removes the leftovers of ended runs; returns what it removed. */
export async function sweep(clients: AwsClients, request: SweepRequest, deps: { log: Log; clock: Clock }): Promise<Swept[]> {
  const { log, clock } = deps;
  const own = request.runTags;
  if (!own[TAG.repository]) {
    log.info('No repository to sweep for (GITHUB_REPOSITORY is not set).');
    return [];
  }
  const found = await orphans(clients, request.region, own, clock.now());
  const swept = found.map((o): Swept => ({
    what: describeResource(o.record),
    run: tagValue(o.tags, TAG.runUrl) ?? `run ${tagValue(o.tags, TAG.runId) ?? '?'}`,
  }));
  for (const [i, o] of found.entries()) log.info(`Removing ${swept[i].what}, left by ${swept[i].run} (its deadline was ${tagValue(o.tags, TAG.deadline)}).`);
  // Not this run's: nothing of them is recorded, and a removal that fails is the next run's to try.
  const env = { clientsFor: () => clients, ledger: createLedger(() => {}), log, clock, keepBuilder: false };
  await removeConcurrently(
    found.map((o) => o.record),
    RESOURCE_KINDS,
    (r) => kindOf(RESOURCE_KINDS, r).remove(r, env),
  );
  if (request.adoptBuilder && (await idleBuilder(clients.get(ElasticBeanstalkClient), log))) {
    request.adoptBuilder(BUILDER_ENVIRONMENT);
    log.info(`Builder environment ${BUILDER_ENVIRONMENT} was left running with no build: this run's build reuses it, and its teardown ends it.`);
    swept.push({ what: `builder environment ${BUILDER_ENVIRONMENT}`, run: 'a build whose run ended' });
  }
  if (!swept.length) log.info('Nothing left by ended runs.');
  return swept;
}

/** Whether Elastic Beanstalk's builder environment is up and idle: Ready, and no platform version of the account Creating. */
async function idleBuilder(eb: ElasticBeanstalkClient, log: Log): Promise<boolean> {
  const env = (await eb.send(new DescribeEnvironmentsCommand({ EnvironmentNames: [BUILDER_ENVIRONMENT], IncludeDeleted: false }))).Environments?.find(
    isLiveEnvironment,
  );
  if (!env) return false;
  const building = await listOwnPlatformVersions(eb, { status: 'Creating' });
  if (env.Status === 'Ready' && !building.length) return true;
  log.info(`Builder environment ${BUILDER_ENVIRONMENT} is ${env.Status}${building.length ? ` while ${building[0].PlatformArn} builds` : ''}: left alone.`);
  return false;
}
