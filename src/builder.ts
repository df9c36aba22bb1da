import {
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
  EnvironmentDescription,
  ListPlatformVersionsCommand,
  TerminateEnvironmentCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import { Clock, realClock } from './clock';
import { describeError } from './errors';
import type { Log } from './log';

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

/**
 * Terminates the builder environment unless another build of the account
 * still needs it. Safe to call any number of times.
 */
export async function terminateBuilder(
  eb: ElasticBeanstalkClient,
  environmentName: string,
  ownPlatformArn: string | undefined,
  log: Log,
  clock: Clock = realClock,
  settleMs = 15 * 60 * 1000,
): Promise<BuilderTeardown> {
  // An environment still launching or updating cannot be terminated yet: wait, within a bound, for it to settle.
  const settleBy = clock.now() + settleMs;
  let live: EnvironmentDescription[];
  for (;;) {
    const found = await eb.send(new DescribeEnvironmentsCommand({ EnvironmentNames: [environmentName], IncludeDeleted: false }));
    live = (found.Environments ?? []).filter((e) => e.Status !== 'Terminated' && e.Status !== 'Terminating');
    const busy = live.filter((e) => e.Status === 'Launching' || e.Status === 'Updating');
    if (!busy.length || clock.now() >= settleBy) break;
    log.info(`Builder environment ${environmentName} is ${busy[0].Status}; waiting for it to settle before terminating it.`);
    await clock.sleep(Math.min(20_000, Math.max(0, settleBy - clock.now())));
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
  const others = (creating.PlatformSummaryList ?? []).filter((p) => p.PlatformArn !== ownPlatformArn);
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
