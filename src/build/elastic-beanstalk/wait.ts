import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DescribePlatformVersionCommand, ElasticBeanstalkClient, PlatformDescription } from '@aws-sdk/client-elastic-beanstalk';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { StepError, describeError } from '../../lib/errors';
import { Clock, realClock } from '../../lib/clock';
import { isNotFound, isTransient } from '../../lib/aws-errors';
import { Backoff, backoff, sleepWithin } from '../../lib/retry';
import { BuildEvent, EventStream, amiFromEvents, formatEvent } from './events';
import { buildFailureReason, packerLogStream, packerLogTail } from './failure';
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

/** EC2 image states after which an image never becomes available (API model, ImageState). */
const FINAL_IMAGE_STATES = ['invalid', 'deregistered', 'failed', 'error', 'disabled'];

function lastEvents(events: BuildEvent[]): string[] {
  return events.map(formatEvent);
}

/**
 * Polls the platform version until it is Ready with an available AMI, printing
 * build events as they come. Throttling, 5xx and dropped connections are
 * polled through; anything else, a Failed build or the deadline is an error.
 */
export async function waitForPlatform(
  clients: { eb: ElasticBeanstalkClient; ec2: EC2Client; logs: CloudWatchLogsClient },
  events: EventStream,
  options: WaitOptions,
  log: Log,
  clock: Clock = realClock,
): Promise<BuildResult> {
  const { eb, ec2 } = clients;
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
      if (!amiId)
        throw new StepError('wait', `${options.platformArn} is Ready but names no AMI (no CustomAmiList, no AMI in its events).`, lastEvents(events.tail()));
      await waitForImage(ec2, amiId, options, log, clock, pause);
      return { amiId, description };
    }
    if (status === 'Failed') {
      await drain(events, log);
      const tail = events.tail();
      throw await buildFailure(clients.logs, description, tail);
    }
    if (status === 'Deleting' || status === 'Deleted') {
      throw new StepError('wait', `${options.platformArn} is ${status}: it was deleted while building.`, lastEvents(events.tail()));
    }
    await sleepWithin(clock, pause.next(), options.deadline);
  }

  throw new StepError('wait', `Gave up after the deadline: ${options.platformArn} is still ${status}. ${options.stillRunning}`, lastEvents(events.tail()));
}

/**
 * A failed build, in Packer's words: its error from the events (not the
 * generic lines that follow it), then the last lines of its output from the
 * build's CloudWatch Logs stream, where the failing provisioner speaks.
 */
async function buildFailure(logs: CloudWatchLogsClient, description: PlatformDescription | undefined, tail: BuildEvent[]): Promise<StepError> {
  const [name, version] = [description?.PlatformName ?? '<name>', description?.PlatformVersion ?? '<version>'];
  const { group, stream } = packerLogStream(name, version);
  const output =
    description?.PlatformName && description.PlatformVersion
      ? await packerLogTail(logs, name, version)
      : { lines: [], error: 'the platform has no name and version' };
  const where = `CloudWatch Logs, group ${group}, stream ${stream}`;
  const quoted = output.lines.length
    ? `\nThe failing provisioner's last lines (${where}):\n${output.lines.map((l) => `  ${l}`).join('\n')}`
    : `\nPacker's full output is in ${where}${output.error ? ` (could not read it: ${output.error})` : ''}.`;
  return new StepError('wait', `The platform build failed: ${buildFailureReason(tail)}${quoted}`, lastEvents(tail));
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
async function waitForImage(ec2: EC2Client, amiId: string, options: WaitOptions, log: Log, clock: Clock, pause: Backoff): Promise<void> {
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
      // pending and transient pass; the others are final.
      if (FINAL_IMAGE_STATES.includes(state)) {
        const reason = out.Images?.[0]?.StateReason?.Message;
        throw new StepError('wait', `AMI ${amiId} of ${options.platformArn} is ${state}${reason ? `: ${reason}` : ''}; it will not become available.`);
      }
    } catch (error) {
      if (error instanceof StepError) throw error;
      if (!isNotFound(error, 'InvalidAMIID.NotFound') && !isTransient(error))
        throw new StepError('wait', `Looking up AMI ${amiId} failed: ${describeError(error)}`);
    }
    await sleepWithin(clock, pause.next(), options.deadline);
  }
  throw new StepError('wait', `Gave up after the deadline: AMI ${amiId} is ${state}. ${options.stillRunning}`);
}
