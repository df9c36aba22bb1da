import {
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
  EnvironmentDescription,
  ListPlatformVersionsCommand,
  TerminateEnvironmentCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import { Clock, realClock } from '../../lib/clock';
import { describeError } from '../../lib/errors';
import type { Log } from '../../lib/log';

/**
 * The environment Elastic Beanstalk starts to run Packer. The API does not
 * return its name (CreatePlatformVersion gives only an ARN), and the EB CLI
 * hard-codes this one; there is a single builder per region, reused by builds.
 */
export const BUILDER_ENVIRONMENT = 'eb-custom-platform-builder-packer';

/** The environment name in a builder ARN such as `…:environment/APP/NAME`, if it has that shape. */
export function builderNameFromArn(arn: string | undefined): string | undefined {
  const m = arn ? /:environment\/[^/]+\/([^/]+)$/.exec(arn) : null;
  return m?.[1];
}

export type BuilderTeardown = 'terminated' | 'already gone' | 'kept: another build is running';

export interface BuilderRecord {
  environmentName: string;
  /** Known once CreatePlatformVersion answered. */
  platformArn?: string;
  /** Known before the call, so a run killed mid-call can still find its build. */
  platformName?: string;
  platformVersion?: string;
}

const ownFilters = (r: BuilderRecord) => [
  { Type: 'PlatformOwner', Operator: '=', Values: ['Self'] },
  { Type: 'PlatformName', Operator: '=', Values: [r.platformName as string] },
  { Type: 'PlatformVersion', Operator: '=', Values: [r.platformVersion as string] },
];

/** This run's platform version as the service sees it now, if it exists. */
async function ownBuild(eb: ElasticBeanstalkClient, r: BuilderRecord): Promise<{ arn?: string; status?: string }> {
  if (!r.platformName || !r.platformVersion) return { arn: r.platformArn };
  const out = await eb.send(new ListPlatformVersionsCommand({ Filters: ownFilters(r) }));
  const found = out.PlatformSummaryList?.[0];
  return { arn: found?.PlatformArn ?? r.platformArn, status: found?.PlatformStatus };
}

/**
 * Terminates the builder environment unless another build of the account
 * still needs it. Safe to call any number of times. The service starts the
 * builder a little after it accepts a build, so while this run's build is
 * still Creating (or its create call's fate is unknown) an absent builder is
 * waited for, within a bound, rather than taken as gone.
 */
export async function terminateBuilder(
  eb: ElasticBeanstalkClient,
  record: BuilderRecord,
  log: Log,
  clock: Clock = realClock,
  bounds: { settleMs?: number; appearMs?: number; doubtMs?: number } = {},
): Promise<BuilderTeardown> {
  const environmentName = record.environmentName;
  const started = clock.now();
  const settleBy = started + (bounds.settleMs ?? 15 * 60_000);
  const appearBy = started + (bounds.appearMs ?? 3 * 60_000);
  const doubtBy = started + (bounds.doubtMs ?? 15_000);
  let pause = 2_000;
  let own = await ownBuild(eb, record);
  let live: EnvironmentDescription[];
  for (;;) {
    const found = await eb.send(new DescribeEnvironmentsCommand({ EnvironmentNames: [environmentName], IncludeDeleted: false }));
    live = (found.Environments ?? []).filter((e) => e.Status !== 'Terminated' && e.Status !== 'Terminating');
    const now = clock.now();
    const busy = live.find((e) => e.Status === 'Launching' || e.Status === 'Updating');
    if (busy && now < settleBy) {
      // An environment still launching or updating cannot be terminated yet.
      log.info(`Builder environment ${environmentName} is ${busy.Status}; waiting for it to settle before terminating it.`);
    } else if (!live.length && own.status === 'Creating' && now < appearBy) {
      log.info(`Builder environment ${environmentName} is not there yet while ${own.arn} builds; waiting for it to appear.`);
    } else if (!live.length && !own.arn && record.platformName && now < doubtBy) {
      // The create call may still be landing: look once more before calling the builder gone.
    } else {
      break;
    }
    await clock.sleep(pause);
    pause = Math.min(pause * 1.5, 20_000);
    if (!live.length) own = await ownBuild(eb, record);
  }
  if (!live.length) {
    log.info(`Builder environment ${environmentName}: already gone.`);
    return 'already gone';
  }

  const creating = await eb.send(
    new ListPlatformVersionsCommand({
      Filters: [
        { Type: 'PlatformOwner', Operator: '=', Values: ['Self'] },
        { Type: 'PlatformStatus', Operator: '=', Values: ['Creating'] },
      ],
    }),
  );
  const others = (creating.PlatformSummaryList ?? []).filter((p) => p.PlatformArn !== own.arn);
  if (others.length) {
    log.warning(
      `Builder environment ${environmentName} left running: it is still building ${others.map((p) => p.PlatformArn).join(', ')}. ` +
        `Terminate it when those builds end: aws elasticbeanstalk terminate-environment --environment-name ${environmentName}`,
    );
    return 'kept: another build is running';
  }

  for (const env of live) {
    try {
      await eb.send(new TerminateEnvironmentCommand({ EnvironmentId: env.EnvironmentId, TerminateResources: true }));
      log.info(`Builder environment ${environmentName} (${env.EnvironmentId}): terminating.`);
    } catch (error) {
      // Terminating twice, or one already on its way out, is the outcome we want.
      if (/no environment found|not found|does not exist|already (being )?terminat|is terminating/i.test(describeError(error))) {
        log.info(`Builder environment ${environmentName}: already on its way out (${describeError(error)}).`);
        continue;
      }
      throw error;
    }
  }
  return 'terminated';
}
