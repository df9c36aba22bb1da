import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { duration } from '../../lib/duration';
import { DescribePlatformVersionCommand, ElasticBeanstalkClient, PlatformDescription } from '@aws-sdk/client-elastic-beanstalk';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { waitForImageAvailable } from '../../resources/image-wait';
import { StepError, describeError } from '../../lib/errors';
import { Clock, realClock } from '../../lib/clock';
import { isTransient } from '../../lib/aws-errors';
import { sleepWithin } from '../../lib/retry';
import { BuildEvent, EventStream, amiFromEvents, formatEvent } from './events';
import { buildFailureReason, packerLogStream, packerLogTail } from './failure';
import { parsePlatformArn } from './platforms';
import type { Log } from '../../lib/log';

export interface WaitOptions {
  platformArn: string;
  /** Epoch ms after which the wait gives up. */
  deadline: number;
  /** The pause between polls: each poll is one call, so this is also the most a verdict waits to be seen. */
  intervalMs: number;
  /** How often the status is read when no event says the build ended (a safety net for a verdict with no event). */
  statusEveryMs?: number;
  /** How long without a new event before a progress line is printed. */
  quietMs?: number;
  /** What to tell the user is still running when the deadline passes. */
  stillRunning: string;
}

export interface BuildResult {
  amiId: string;
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
  clients: { eb: ElasticBeanstalkClient; ec2: EC2Client; logs: CloudWatchLogsClient },
  events: EventStream,
  options: WaitOptions,
  log: Log,
  clock: Clock = realClock,
): Promise<BuildResult> {
  const { eb, ec2 } = clients;
  const started = clock.now();
  const statusEveryMs = options.statusEveryMs ?? 5 * 60_000;
  const quietMs = options.quietMs ?? 60_000;
  let status = 'Creating';
  let transientFailures = 0;
  // The first poll reads the status: the version exists and may be read, before minutes of events.
  let statusReadAt = started - statusEveryMs;
  let lastEventAt = started;
  let lastEvent: BuildEvent | undefined;
  let toldAt = started;
  const identity = parsePlatformArn(options.platformArn);

  // One call per poll, as the EB CLI polls: the events carry the verdict (and the AMI), so the status
  // is read only now and then, in place of a poll, in case a build ended without its event.
  while (clock.now() < options.deadline) {
    await sleepWithin(clock, options.intervalMs, options.deadline);
    let verdict: BuildEvent | undefined;
    let description: PlatformDescription | undefined;
    try {
      const now = clock.now();
      if (now - statusReadAt >= statusEveryMs) {
        description = (await eb.send(new DescribePlatformVersionCommand({ PlatformArn: options.platformArn }))).PlatformDescription;
        statusReadAt = clock.now();
        const next = description?.PlatformStatus ?? 'unknown';
        if (next !== status) log.info(`Platform status: ${next}`);
        status = next;
        // A verdict without its event: the events it trails are read once more.
        if (['Ready', 'Failed'].includes(status)) await drain(events, log);
      } else {
        const fresh = await events.poll();
        if (fresh.length) {
          lastEventAt = now;
          lastEvent = fresh[fresh.length - 1];
        }
        verdict = fresh.find((e) => VERDICT.test(e.message));
      }
      transientFailures = 0;
    } catch (error) {
      if (!isTransient(error)) throw new StepError('wait', `Checking ${options.platformArn} failed: ${describeError(error)}`);
      transientFailures++;
      log.warning(`Checking the build failed for now (${describeError(error)}); trying again (${transientFailures} in a row).`);
    }

    if (verdict && SUCCESS.test(verdict.message)) status = 'Ready';
    else if (verdict) status = 'Failed';
    if (status === 'Ready') {
      log.info(`Platform status: Ready`);
      const amiId = (description && amiOf(description)) ?? amiFromEvents(events.tail()) ?? (await amiFromStatus(eb, options.platformArn));
      if (!amiId)
        throw new StepError('wait', `${options.platformArn} is Ready but names no AMI (no CustomAmiList, no AMI in its events).`, lastEvents(events.tail()));
      await waitForImage(ec2, amiId, options, log, clock);
      return { amiId };
    }
    if (status === 'Failed') {
      log.info(`Platform status: Failed`);
      throw await buildFailure(clients.logs, identity, events.tail());
    }
    if (status === 'Deleting' || status === 'Deleted') {
      throw new StepError('wait', `${options.platformArn} is ${status}: it was deleted while building.`, lastEvents(events.tail()));
    }
    const now = clock.now();
    if (now - lastEventAt >= quietMs && now - toldAt >= quietMs) {
      toldAt = now;
      log.info(progressLine(now - started, status, lastEvent, now - lastEventAt));
    }
  }

  throw new StepError('wait', `Gave up after the deadline: ${options.platformArn} is still ${status}. ${options.stillRunning}`, lastEvents(events.tail()));
}

/** The events that end a build, as the EB CLI reads them (ebcli: platform create's event stream). */
const VERDICT = /^(Successfully created platform version|Failed to create platform version|Unmatched region for created AMI)/;
const SUCCESS = /^Successfully created platform version/;

/** The AMI from the platform's description, when its events did not name it. */
async function amiFromStatus(eb: ElasticBeanstalkClient, platformArn: string): Promise<string | undefined> {
  const out = await eb.send(new DescribePlatformVersionCommand({ PlatformArn: platformArn }));
  return out.PlatformDescription ? amiOf(out.PlatformDescription) : undefined;
}

/** One line saying the build goes on, so a long quiet stretch never looks like a hang. */
function progressLine(elapsedMs: number, status: string, last: BuildEvent | undefined, quietForMs: number): string {
  return `Still building after ${duration(elapsedMs)} (status ${status}); ${last ? `last event ${duration(quietForMs)} ago: ${last.message}` : 'no event yet'}`;
}

/**
 * A failed build, in Packer's words: its error from the events (not the
 * generic lines that follow it), then the last lines of its output from the
 * build's CloudWatch Logs stream, where the failing provisioner speaks.
 */
async function buildFailure(logs: CloudWatchLogsClient, identity: { name: string; version: string } | undefined, tail: BuildEvent[]): Promise<StepError> {
  const [name, version] = [identity?.name ?? '<name>', identity?.version ?? '<version>'];
  const { group, stream } = packerLogStream(name, version);
  const output = identity ? await packerLogTail(logs, name, version) : { lines: [], error: 'the platform ARN names no name and version' };
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
async function waitForImage(ec2: EC2Client, amiId: string, options: WaitOptions, log: Log, clock: Clock): Promise<void> {
  const what = `AMI ${amiId} of ${options.platformArn}`;
  await waitForImageAvailable(
    ec2,
    amiId,
    { deadline: options.deadline, firstPauseMs: Math.min(options.intervalMs, 5_000), what, stillRunning: options.stillRunning },
    log,
    clock,
  );
  log.info(`AMI ${amiId} is available.`);
}
