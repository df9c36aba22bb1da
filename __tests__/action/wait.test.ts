/**
 * Waiting for a platform build against the stand-in over the wire, on one
 * virtual clock shared by the action and the stand-in: the build is accepted,
 * its builder launches in 2 minutes, Packer runs for the rest, and the
 * service's events, status, log stream and image move on that clock.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { createEventStream } from '../../src/builders/elastic-beanstalk/events';
import { waitForPlatform } from '../../src/builders/elastic-beanstalk/wait';
import { realClock } from '../../src/lib/clock';
import { StepError } from '../../src/lib/errors';
import { memoryLog } from '../../src/lib/log';
import type { Fault, StandinOptions } from '../../test/aws-standin/server';
import { standinsPerTest, startPlatformBuild } from '../helpers/standin-clients';

const MIN = 60_000;
const LAUNCH = 2 * MIN;
const PLATFORM_ARN = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.0.0';

describe('waiting for the build', () => {
  const startStandin = standinsPerTest();

  /** A build of web/1.0.0 accepted now, ending `endsAt` after (the builder's launch included); never, without it. */
  async function setup(endsAt: number | undefined, options: StandinOptions = {}, faults: Fault[] = []) {
    const { standin, clients, clock } = await startStandin({
      builderLaunchMs: LAUNCH,
      buildMs: endsAt === undefined ? 24 * 60 * MIN : endsAt - LAUNCH,
      ...options,
    });
    faults.forEach((f) => standin.addFault(f));
    await startPlatformBuild(standin, clients, 'web', '1.0.0');
    const eb = clients.get(ElasticBeanstalkClient);
    const log = memoryLog();
    const events = createEventStream(eb, PLATFORM_ARN, log, new Date(clock.now() - MIN));
    const wait = (deadlineMin = 60) =>
      waitForPlatform(
        { eb, ec2: clients.get(EC2Client), logs: clients.get(CloudWatchLogsClient) },
        events,
        { platformArn: PLATFORM_ARN, deadline: clock.now() + deadlineMin * MIN, intervalMs: 10_000, stillRunning: 'STILL-RUNNING-HINT' },
        log,
        clock,
      );
    const calls = (action: string) => standin.seen.filter((x) => x.action === action).length;
    const builtImage = () => standin.ec2.images().find((i) => i.ownerId === standin.account)?.id;
    /** The build's events as the service holds them, oldest first. */
    const serviceEvents = () => [...standin.eb.platforms()[0].events].sort((a, b) => a.at - b.at).map((e) => e.message);
    return { standin, log, clock, wait, calls, builtImage, serviceEvents };
  }

  const eventLines = (text: string) => text.split('\n').filter((l) => / (INFO|ERROR|WARN) /.test(l));

  it('returns the hvm AMI once Ready and available, printing each event once in order', async () => {
    const { log, wait, calls, builtImage, serviceEvents } = await setup(30 * MIN, { builtImage: { delayMs: 20_000 } });
    const out = await wait();
    expect(out.amiId).toBe(builtImage());
    const lines = eventLines(log.text());
    expect(lines.map((l) => l.replace(/^\S+ \S+\s+/, ''))).toEqual(serviceEvents());
    expect(serviceEvents()).toEqual([
      "Initiated platform version creation for 'web/1.0.0'.",
      "Creating Packer builder environment 'eb-custom-platform-builder-packer'.",
      'Starting Packer building task.',
      "Creating CloudWatch log group '/aws/elasticbeanstalk/platform/web'.",
      `Successfully built AMI(s): '${out.amiId}' for '${PLATFORM_ARN}'`,
      "Successfully created platform version 'web/1.0.0'.",
    ]);
    expect(log.text()).toContain(`AMI ${out.amiId} is available.`);
    expect(calls('DescribeImages')).toBeGreaterThan(1);
  });

  it('prints nothing twice when the service repeats events, and misses none across pages', async () => {
    const { log, wait, serviceEvents } = await setup(30 * MIN, { eventsIgnoreStartTime: true, pageSize: 2 });
    await wait();
    const lines = eventLines(log.text());
    expect(lines).toHaveLength(serviceEvents().length);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('still prints an event the service records late, with an earlier timestamp', async () => {
    const { standin, log, clock, wait } = await setup(30 * MIN);
    const start = clock.now();
    const waiting = wait();
    // Once later events are printed, the service records one that happened at minute 1.
    while (!log.text().includes('Creating CloudWatch log group')) await new Promise((r) => setImmediate(r));
    standin.eb.recordLate(PLATFORM_ARN, 'Late: instance i-0abc launched for Packer.', start + MIN);
    await waiting;
    const text = log.text();
    expect(eventLines(text).filter((l) => l.includes('Late: instance'))).toHaveLength(1);
    expect(text.indexOf('Late: instance')).toBeGreaterThan(text.indexOf('Creating CloudWatch log group'));
  });

  it("fails with Packer's own error, not the generic lines after it, quoting the failing provisioner from the build's log", async () => {
    const { wait } = await setup(12 * MIN, {}, [{ action: 'CreatePlatformVersion', kind: 'fail-build' }]);
    const error = (await wait().catch((e) => e)) as StepError;
    expect(error).toBeInstanceOf(StepError);
    expect(error.message).toMatch(
      /^The platform build failed: Packer failed with error: \[Build "ebpacker" errored: Script exited with non-zero exit status: 100\]\n/,
    );
    expect(error.message).not.toMatch(/Unsuccessful command execution/);
    expect(error.message).toContain("The failing provisioner's last lines (CloudWatch Logs, group /aws/elasticbeanstalk/platform/web, stream 1.0.0):");
    // The provisioner's own words, and not Packer's clean-up after them.
    expect(error.message).toMatch(/\n {6}ebpacker: E: Unable to locate package docker-ce$/);
    expect(error.message).not.toMatch(/Terminating the source|Deleting temporary keypair/);
    expect(error.details.join('\n')).toContain("Failed to create platform version 'web/1.0.0'.");
    expect(error.details.join('\n')).toContain('Unsuccessful command execution');
  });

  it("says where Packer's output is when its log cannot be read", async () => {
    const { wait } = await setup(12 * MIN, {}, [
      { action: 'CreatePlatformVersion', kind: 'fail-build' },
      // CloudWatch Logs' answer for a stream that is not there (API reference, GetLogEvents).
      {
        action: 'GetLogEvents',
        kind: 'error',
        times: Infinity,
        error: { code: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' },
      },
    ]);
    const error = (await wait().catch((e) => e)) as StepError;
    expect(error.message).toMatch(/Packer failed with error/);
    expect(error.message).toMatch(
      /Packer's full output is in CloudWatch Logs, group \/aws\/elasticbeanstalk\/platform\/web, stream 1\.0\.0 \(could not read it: ResourceNotFoundException/,
    );
  });

  it.each(['invalid' as const, 'disabled' as const, 'failed' as const])('stops at an AMI that is %s, a state it never leaves', async (state) => {
    const { wait, builtImage } = await setup(10 * MIN, { builtImage: { state } });
    const error = await wait().catch((e) => e);
    expect(error.message).toMatch(new RegExp(`AMI ${builtImage()} of .* is ${state}; it will not become available`));
  });

  it('waits through an AMI that is transient', async () => {
    const { wait } = await setup(10 * MIN, { builtImage: { state: 'transient' } });
    await expect(wait(20)).rejects.toThrow(/Gave up after the deadline: AMI .* is transient/);
  });

  it('gives up at the deadline, saying what still runs, after one call per poll', async () => {
    const { clock, wait, calls, standin } = await setup(undefined);
    const before = standin.seen.length;
    const started = clock.now();
    const error = (await wait(45).catch((e) => e)) as StepError;
    expect(error.message).toMatch(/Gave up after the deadline: .*platform\/web\/1\.0\.0 is still Creating\. STILL-RUNNING-HINT/);
    expect(clock.now() - started).toBe(45 * MIN);
    expect(new Set(clock.sleeps)).toEqual(new Set([10_000]));
    // One call per 10 s: events, and the status only every 5 minutes while no event says the build ended.
    expect(standin.seen.length - before).toBeLessThanOrEqual((45 * MIN) / 10_000);
    expect(calls('DescribePlatformVersion')).toBe(9);
    expect(calls('DescribeEvents')).toBe((45 * MIN) / 10_000 - 9);
  });

  it('notices the verdict within one poll, from the events, as the EB CLI does', async () => {
    // A build ends at any moment; this one between two polls.
    const endsAt = 29 * MIN + 30_000;
    const { clock, wait, calls, standin } = await setup(endsAt);
    const before = standin.seen.length;
    const started = clock.now();
    await wait();
    const lag = clock.now() - started - endsAt;
    expect(lag).toBeLessThanOrEqual(10_000);
    // Over the build, one call per 10 s (the status at the first poll and every 5 minutes after, each in place of a poll of
    // the events; none once the events named the AMI), then the AMI's lookup.
    expect(standin.seen.length - before - calls('DescribeImages')).toBeLessThanOrEqual((clock.now() - started) / 10_000);
    expect(calls('DescribePlatformVersion')).toBe(6);

    // Ending just as a status read comes due (the first at the first poll, 10 s in, then every 5 minutes): the status says
    // Ready, and the events it trails are read once more.
    const aligned = await setup(30 * MIN + 10_000);
    const alignedBefore = aligned.standin.seen.length;
    await aligned.wait();
    expect(aligned.calls('DescribePlatformVersion')).toBe(7);
    expect(aligned.standin.seen.length - alignedBefore - aligned.calls('DescribeImages')).toBe((30 * MIN + 10_000) / 10_000 + 1);
  });

  it('says the build goes on after a minute without events, once per quiet minute', async () => {
    const { log, wait } = await setup(30 * MIN);
    await wait();
    const lines = log
      .text()
      .split('\n')
      .filter((l) => l.startsWith('Still building after'));
    // Events at the start and at 2 min (the builder ready), then nothing until the end: a line each quiet minute between.
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines[0]).toMatch(/^Still building after 1 min \d+ s \(status Creating\); last event 1 min \d+ s ago: Creating Packer builder environment/);
    expect(lines.at(-1)).toMatch(/last event \d+ min \d+ s ago: Creating CloudWatch log group/);
  });

  it('polls through throttling instead of failing the build', async () => {
    const { log, wait, builtImage } = await setup(20 * MIN, {}, [
      { action: 'DescribePlatformVersion', kind: 'throttle', times: 2 },
      { action: 'DescribeEvents', kind: 'throttle', times: 12 },
    ]);
    const out = await wait();
    expect(out.amiId).toBe(builtImage());
    expect(log.text()).toMatch(/Checking the build failed for now \(Throttling: Rate exceeded\)/);
  });

  it('stops at once on an error that polling will not fix', async () => {
    const { clock, wait } = await setup(20 * MIN, {}, [{ action: 'DescribePlatformVersion', kind: 'deny-downstream', times: Infinity }]);
    const started = clock.now();
    await expect(wait()).rejects.toThrow(/InsufficientPrivilegesException: The service lacks a permission it needs for DescribePlatformVersion/);
    expect(clock.now() - started).toBeLessThan(MIN);
  });
});

describe('the wait on the real timers API', () => {
  it('sleeps through jest fake timers as through real ones', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-01T00:00:00Z') });
    try {
      let woke = false;
      void realClock.sleep(10_000).then(() => (woke = true));
      await jest.advanceTimersByTimeAsync(9_999);
      expect(woke).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(woke).toBe(true);
      expect(realClock.now()).toBe(Date.parse('2026-03-01T00:00:10Z'));
    } finally {
      jest.useRealTimers();
    }
  });
});
