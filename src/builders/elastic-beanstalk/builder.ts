import {
  AbortEnvironmentUpdateCommand,
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
  EnvironmentDescription,
  PlatformSummary,
  TerminateEnvironmentCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import { Clock, realClock } from '../../lib/clock';
import { describeError } from '../../lib/errors';
import type { Log } from '../../lib/log';
import { backoff } from '../../lib/retry';
import type { ResourceKind } from '../../resources/kind';
import type { Resource } from '../../resources/ledger';
import { isLiveEnvironment } from '../../resources/states';
import { listOwnPlatformVersions, matchesPlatform } from './platforms';

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

/** This run's platform version as the service sees it now, if it exists. */
async function ownBuild(eb: ElasticBeanstalkClient, r: BuilderRecord): Promise<{ arn?: string; status?: string }> {
  if (!r.platformName || !r.platformVersion) return { arn: r.platformArn };
  const found = (await listOwnPlatformVersions(eb, { name: r.platformName, version: r.platformVersion }))[0];
  return { arn: found?.PlatformArn ?? r.platformArn, status: found?.PlatformStatus };
}

/** Whether a listed platform version is this run's build: its ARN, or its name and version (unique in an account). */
function isThisBuild(r: BuilderRecord, p: PlatformSummary, arn: string | undefined): boolean {
  if (arn && p.PlatformArn === arn) return true;
  return !!r.platformName && !!r.platformVersion && matchesPlatform(p, { name: r.platformName, version: r.platformVersion });
}

/** Elastic Beanstalk refuses to terminate an environment that is launching or running a command (a build). */
const BUSY = ['Launching', 'Updating'];
/** TerminateEnvironment's answer for a busy environment: "… is in an invalid state for this operation. Must be Ready." */
const INVALID_STATE = /invalid state for this operation/i;
/** TerminateEnvironment's answers when the environment is already gone or going. */
const ALREADY_GONE = /no environment found|not found|does not exist|already (being )?terminat|is terminating/i;

/**
 * Terminates the builder environment unless another build of the account
 * still needs it, which is known at once and answered at once. Safe to call any
 * number of times. The service starts the builder a little after it accepts a
 * build (about two minutes in real logs), so while this run's build is still
 * Creating (or its create call's fate is unknown) an absent builder is waited
 * for, within a bound, rather than taken as gone; a builder busy with this
 * run's own build is waited for too, since Elastic Beanstalk will not
 * terminate it before the build ends.
 */
export async function terminateBuilder(
  eb: ElasticBeanstalkClient,
  record: BuilderRecord,
  log: Log,
  clock: Clock = realClock,
  bounds: { settleMs?: number; appearMs?: number; doubtMs?: number } = {},
): Promise<BuilderTeardown> {
  const name = record.environmentName;
  const started = clock.now();
  const settleBy = started + (bounds.settleMs ?? 15 * 60_000);
  const appearBy = started + (bounds.appearMs ?? 3 * 60_000);
  const doubtBy = started + (bounds.doubtMs ?? 15_000);
  const pause = backoff(2_000, 20_000);
  let told = '';
  let aborted = false;
  const tell = (line: string) => {
    if (line !== told) log.info(line);
    told = line;
  };
  for (;;) {
    const own = await ownBuild(eb, record);
    const found = await eb.send(new DescribeEnvironmentsCommand({ EnvironmentNames: [name], IncludeDeleted: false }));
    const live = (found.Environments ?? []).filter(isLiveEnvironment);
    const now = clock.now();
    if (!live.length) {
      if (own.status === 'Creating' && now < appearBy) {
        tell(`Builder environment ${name} is not there yet while ${own.arn} builds; waiting for it to appear.`);
      } else if (!own.arn && record.platformName && now < doubtBy) {
        // The create call may still be landing: look once more before calling the builder gone.
      } else {
        log.info(`Builder environment ${name}: already gone.`);
        return 'already gone';
      }
      await clock.sleep(pause.next());
      continue;
    }

    // Matched by name and version too: the create call may land between the look above and this one.
    const others = (await listOwnPlatformVersions(eb, { status: 'Creating' })).filter((p) => !isThisBuild(record, p, own.arn));
    if (others.length) {
      log.warning(
        `Builder environment ${name} left running: it is still building ${others.map((p) => p.PlatformArn).join(', ')}. ` +
          `Terminate it when those builds end: aws elasticbeanstalk terminate-environment --environment-name ${name}`,
      );
      return 'kept: another build is running';
    }

    const busy = live.find((e) => BUSY.includes(e.Status ?? ''));
    if (busy?.Status === 'Updating' && own.status === 'Creating' && !aborted) {
      aborted = true;
      await abortOwnBuild(eb, busy, own.arn, log);
    }
    if (!busy) {
      const outcome = await terminate(eb, live, name, log);
      if (outcome !== 'busy') return outcome;
    }
    if (clock.now() >= settleBy) {
      throw new Error(
        `builder environment ${name} is still ${busy?.Status ?? 'busy'}${own.status === 'Creating' ? ` building ${own.arn}` : ''} after ${Math.round((settleBy - started) / 60_000)} min, ` +
          `and Elastic Beanstalk terminates it only once it is Ready: aws elasticbeanstalk terminate-environment --environment-name ${name}`,
      );
    }
    tell(
      `Builder environment ${name} is ${busy?.Status ?? 'busy'}${own.status === 'Creating' ? ` with ${own.arn}` : ''}; Elastic Beanstalk terminates it only once it is Ready, so waiting.`,
    );
    await clock.sleep(pause.next());
  }
}

/**
 * Stops the builder running this run's own build (cancelled, or past its
 * deadline), so it can be terminated. Not documented for a platform build:
 * AbortEnvironmentUpdate "cancels in-progress environment configuration update
 * or application version deployment". If it stops Packer, Packer's instance is
 * left for the teardown to find by its tags; if it is refused or changes
 * nothing, the wait goes on until the build ends or the bound passes.
 */
async function abortOwnBuild(eb: ElasticBeanstalkClient, env: EnvironmentDescription, arn: string | undefined, log: Log): Promise<void> {
  try {
    await eb.send(new AbortEnvironmentUpdateCommand({ EnvironmentId: env.EnvironmentId }));
    log.info(`Builder environment ${env.EnvironmentName} is still building ${arn}; asked it to abort that build.`);
  } catch (error) {
    log.info(`Builder environment ${env.EnvironmentName} would not abort the build of ${arn} (${describeError(error)}); waiting for the build to end.`);
  }
}

async function terminate(eb: ElasticBeanstalkClient, live: EnvironmentDescription[], name: string, log: Log): Promise<BuilderTeardown | 'busy'> {
  for (const env of live) {
    try {
      await eb.send(new TerminateEnvironmentCommand({ EnvironmentId: env.EnvironmentId, TerminateResources: true }));
      log.info(`Builder environment ${name} (${env.EnvironmentId}): terminating.`);
    } catch (error) {
      const text = describeError(error);
      if (INVALID_STATE.test(text)) return 'busy';
      // Terminating twice, or one already on its way out, is the outcome we want.
      if (ALREADY_GONE.test(text)) {
        log.info(`Builder environment ${name}: already on its way out (${text}).`);
        continue;
      }
      throw error;
    }
  }
  return 'terminated';
}

type BuilderEnvironment = Extract<Resource, { kind: 'builder-environment' }>;

/** The builder environment as the ledger records it: by name, before a build starts it or when a run adopts it. */
export const builderEnvironment = (region: string, environmentName: string, build: Omit<BuilderRecord, 'environmentName'> = {}): BuilderEnvironment => ({
  kind: 'builder-environment',
  region,
  environmentName,
  ...build,
});

/** The builder environment's entry in the table of resource kinds: terminated at teardown unless keep-builder. */
export const BUILDER_KIND: ResourceKind<BuilderEnvironment> = {
  describe: (r) => `builder environment ${r.environmentName} (${r.region})`,
  async remove(r, env) {
    if (env.keepBuilder) {
      env.log.info(`Keeping ${BUILDER_KIND.describe(r)} (keep-builder is set).`);
      env.ledger.release(r);
      return 'kept (keep-builder)';
    }
    const result = await terminateBuilder(env.clientsFor(r.region).get(ElasticBeanstalkClient), r, env.log, env.clock);
    env.ledger.release(r);
    return result;
  },
};
