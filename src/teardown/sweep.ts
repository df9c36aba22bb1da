/**
 * The sweep: a runner that dies takes its post step with it, and what its run
 * created stays. At the start of a run, the instances, security groups and key
 * pairs this repository's earlier runs created (found by the action's tags,
 * never by name) are removed once their run is over: its deadline tag passed
 * more than an hour ago. This run's own and those of runs that may still be
 * going are never touched; a failure to sweep is a warning, not the run's.
 */
import type { AwsClients } from '../lib/aws';
import { DescribeInstancesCommand, DescribeKeyPairsCommand, DescribeSecurityGroupsCommand, EC2Client, Filter, Tag } from '@aws-sdk/client-ec2';
import { DescribeEnvironmentsCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { BUILDER_ENVIRONMENT } from '../builders/elastic-beanstalk/settings';
import { listOwnPlatformVersions } from '../builders/elastic-beanstalk/platforms';
import type { Clock } from '../lib/clock';
import type { Log } from '../lib/log';
import { allPages } from '../lib/paginate';
import { deleteKeyPair, deleteSecurityGroup, terminateInstances } from '../resources/ec2-delete';
import { tagValue } from '../lib/tags';
import { TAG } from '../resources/run-tags';
import { isLiveEnvironment, LIVE_INSTANCE_STATES } from '../resources/states';

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

export interface Orphan {
  kind: 'instance' | 'security group' | 'key pair' | 'builder environment';
  id: string;
  run: string;
  deadline: string;
}

/** Whether a resource's tags say it belongs to a run of this repository that ended over an hour ago. */
export function isOrphan(tags: Tag[] | undefined, own: Record<string, string>, now: number): boolean {
  const deadline = Date.parse(tagValue(tags, TAG.deadline) ?? '');
  if (!Number.isFinite(deadline) || now - deadline < GRACE_MS) return false;
  if (tagValue(tags, TAG.repository) !== own[TAG.repository]) return false;
  const sameRun = tagValue(tags, TAG.runId) === own[TAG.runId] && tagValue(tags, TAG.runAttempt) === own[TAG.runAttempt];
  return !sameRun;
}

function describe(kind: Orphan['kind'], id: string | undefined, tags: Tag[] | undefined): Orphan {
  return {
    kind,
    id: id ?? '?',
    run: tagValue(tags, TAG.runUrl) ?? `run ${tagValue(tags, TAG.runId) ?? '?'}`,
    deadline: tagValue(tags, TAG.deadline) ?? '?',
  };
}

/** The action's resources of this repository, by their tags. */
async function tagged(ec2: EC2Client, own: Record<string, string>) {
  const filters: Filter[] = [
    { Name: `tag:${TAG.managedBy}`, Values: [own[TAG.managedBy]] },
    { Name: `tag:${TAG.repository}`, Values: [own[TAG.repository]] },
  ];
  const reservations = await allPages('DescribeInstances', async (token) => {
    const page = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [...filters, { Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES }],
        NextToken: token,
      }),
    );
    return { items: page.Reservations, next: page.NextToken };
  });
  const groups = await allPages('DescribeSecurityGroups', async (token) => {
    const page = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters, NextToken: token }));
    return { items: page.SecurityGroups, next: page.NextToken };
  });
  const keys = (await ec2.send(new DescribeKeyPairsCommand({ Filters: filters }))).KeyPairs ?? [];
  return { instances: reservations.flatMap((r) => r.Instances ?? []), groups, keys };
}

/** Finds and removes the leftovers of ended runs; returns what it removed. */
export async function sweep(clients: AwsClients, request: SweepRequest, deps: { log: Log; clock: Clock }): Promise<Orphan[]> {
  const { log, clock } = deps;
  const own = request.runTags;
  if (!own[TAG.repository]) {
    log.info('No repository to sweep for (GITHUB_REPOSITORY is not set).');
    return [];
  }
  const now = clock.now();
  const ec2 = clients.get(EC2Client);
  const found = await tagged(ec2, own);
  const instances = found.instances.filter((i) => isOrphan(i.Tags, own, now));
  const groups = found.groups.filter((g) => isOrphan(g.Tags, own, now));
  const keys = found.keys.filter((k) => isOrphan(k.Tags, own, now));
  const orphans = [
    ...instances.map((i) => describe('instance', i.InstanceId, i.Tags)),
    ...groups.map((g) => describe('security group', g.GroupId, g.Tags)),
    ...keys.map((k) => describe('key pair', k.KeyName, k.Tags)),
  ];
  for (const o of orphans) log.info(`Removing ${o.kind} ${o.id}, left by ${o.run} (its deadline was ${o.deadline}).`);
  // The groups wait for the instances that may use them; the key pairs need not.
  await Promise.all([
    terminateInstances(
      ec2,
      instances.map((i) => i.InstanceId as string),
      log,
      clock,
    ).then(() => Promise.all(groups.map((g) => deleteSecurityGroup(ec2, g.GroupId as string, log, clock)))),
    ...keys.map((k) => deleteKeyPair(ec2, k.KeyName as string)),
  ]);
  if (request.adoptBuilder && (await idleBuilder(clients.get(ElasticBeanstalkClient), log))) {
    request.adoptBuilder(BUILDER_ENVIRONMENT);
    log.info(`Builder environment ${BUILDER_ENVIRONMENT} was left running with no build: this run's build reuses it, and its teardown ends it.`);
    orphans.push({ kind: 'builder environment', id: BUILDER_ENVIRONMENT, run: 'a build whose run ended', deadline: '-' });
  }
  if (!orphans.length) log.info('Nothing left by ended runs.');
  return orphans;
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
