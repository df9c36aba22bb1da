import { DescribePlatformVersionCommand, ElasticBeanstalkClient, PlatformDescription } from '@aws-sdk/client-elastic-beanstalk';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { StepError, describeError } from '../../lib/errors';
import { Clock, isTransient, realClock } from '../../lib/clock';
import { BuildEvent, EventStream, amiFromEvents, formatEvent } from './events';
import type { Log } from '../../lib/log';

export interface WaitOptions {
  platformArn: string;
  /** Epoch ms after which the wait gives up. */
  deadline: number;
  /** The first and shortest pause between polls. */
  minIntervalMs: number;
  /** The longest pause, reached when nothing changes for a while. */
  maxIntervalMs: number;
  /** What to tell the user is still running when the deadline passes. */
  stillRunning: string;
}

export interface BuildResult {
  amiId: string;
  description: PlatformDescription;
}

const BACKOFF = 1.5;

/** Pauses that grow while nothing happens and shrink back when the build moves. */
function backoff(min: number, max: number) {
  let current = min;
  return {
    next: () => {
      const ms = current;
      current = Math.min(max, current * BACKOFF);
      return ms;
    },
    reset: () => {
      current = min;
    },
  };
}

async function sleepUntil(clock: Clock, ms: number, deadline: number): Promise<void> {
  await clock.sleep(Math.max(0, Math.min(ms, deadline - clock.now())));
}

function lastEvents(events: BuildEvent[]): string[] {
  return events.map(formatEvent);
}

/**
 * Polls the platform version until it is Ready with an available AMI, printing
 * build events as they come. Throttling, 5xx and dropped connections are
 * polled through; anything else, a Failed build or the deadline is an error.
 */
export async function waitForPlatform(
  eb: ElasticBeanstalkClient,
  ec2: EC2Client,
  events: EventStream,
  options: WaitOptions,
  log: Log,
  clock: Clock = realClock,
): Promise<BuildResult> {
  const pause = backoff(options.minIntervalMs, options.maxIntervalMs);
  let status = 'unknown';
  let description: PlatformDescription | undefined;
  let transientFailures = 0;

  while (clock.now() < options.deadline) {
    try {
      const fresh = await events.poll();
      const out = await eb.send(new DescribePlatformVersionCommand({ PlatformArn: options.platformArn }));
      description = out.PlatformDescription;
      const next = description?.PlatformStatus ?? 'unknown';
      if (next !== status || fresh.length) pause.reset();
      if (next !== status) log.info(`Platform status: ${next}`);
      status = next;
      transientFailures = 0;
    } catch (error) {
      if (!isTransient(error)) throw new StepError('wait', `Checking ${options.platformArn} failed: ${describeError(error)}`);
      transientFailures++;
      log.warning(`Checking the build failed for now (${describeError(error)}); trying again (${transientFailures} in a row).`);
    }

    if (status === 'Ready' && description) {
      await drain(events, log);
      const amiId = amiOf(description) ?? amiFromEvents(events.tail());
      if (!amiId) throw new StepError('wait', `${options.platformArn} is Ready but names no AMI (no CustomAmiList, no AMI in its events).`, lastEvents(events.tail()));
      await waitForImage(ec2, amiId, options, log, clock, pause);
      return { amiId, description };
    }
    if (status === 'Failed') {
      await drain(events, log);
      const tail = events.tail();
      // The last ERROR only repeats that creation failed; the one before it says why.
      const errors = tail.filter((e) => e.severity === 'ERROR').reverse();
      const reason = (errors.find((e) => !/^Failed to create platform version/.test(e.message)) ?? errors[0])?.message ?? 'no error event was recorded';
      const [name, version] = [description?.PlatformName, description?.PlatformVersion];
      throw new StepError(
        'wait',
        `The platform build failed: ${reason}\nPacker's full output is in CloudWatch Logs, group /aws/elasticbeanstalk/platform/${name ?? '<name>'}, stream ${version ?? '<version>'}.`,
        lastEvents(tail),
      );
    }
    if (status === 'Deleting' || status === 'Deleted') {
      throw new StepError('wait', `${options.platformArn} is ${status}: it was deleted while building.`, lastEvents(events.tail()));
    }
    await sleepUntil(clock, pause.next(), options.deadline);
  }

  throw new StepError(
    'wait',
    `Gave up after the deadline: ${options.platformArn} is still ${status}. ${options.stillRunning}`,
    lastEvents(events.tail()),
  );
}

/** Events can trail the status; one more look makes the failure's reason part of the log. */
async function drain(events: EventStream, log: Log): Promise<void> {
  try {
    await events.poll();
  } catch (error) {
    log.warning(`Could not read the last build events: ${describeError(error)}`);
  }
}

export function amiOf(description: PlatformDescription): string | undefined {
  const amis = description.CustomAmiList ?? [];
  return (amis.find((a) => a.VirtualizationType === 'hvm') ?? amis[0])?.ImageId;
}

/** The AMI must exist and be available in EC2 before anything launches from it. */
async function waitForImage(
  ec2: EC2Client,
  amiId: string,
  options: WaitOptions,
  log: Log,
  clock: Clock,
  pause: ReturnType<typeof backoff>,
): Promise<void> {
  pause.reset();
  let state = 'not found yet';
  while (clock.now() < options.deadline) {
    try {
      const out = await ec2.send(new DescribeImagesCommand({ ImageIds: [amiId] }));
      state = out.Images?.[0]?.State ?? 'not found yet';
      if (state === 'available') {
        log.info(`AMI ${amiId} is available.`);
        return;
      }
      if (state === 'failed' || state === 'deregistered' || state === 'error') {
        throw new StepError('wait', `AMI ${amiId} of ${options.platformArn} is ${state}.`);
      }
    } catch (error) {
      if (error instanceof StepError) throw error;
      const notFound = (error as { name?: string }).name === 'InvalidAMIID.NotFound';
      if (!notFound && !isTransient(error)) throw new StepError('wait', `Looking up AMI ${amiId} failed: ${describeError(error)}`);
    }
    await sleepUntil(clock, pause.next(), options.deadline);
  }
  throw new StepError('wait', `Gave up after the deadline: AMI ${amiId} is ${state}. ${options.stillRunning}`);
}
