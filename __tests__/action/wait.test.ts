import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { EC2Client } from '@aws-sdk/client-ec2';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { realClock } from '../../src/lib/clock';
import { StepError } from '../../src/lib/errors';
import { createEventStream } from '../../src/build/elastic-beanstalk/events';
import { memoryLog } from '../../src/lib/log';
import { waitForPlatform } from '../../src/build/elastic-beanstalk/wait';
import { virtualClock } from '../helpers/virtual-clock';
import { AMI, PLATFORM_ARN, simulateBuild, successEvents } from '../helpers/simulated-build';

const MIN = 60_000;

function setup(script: Parameters<typeof simulateBuild>[1], clock = virtualClock()) {
  const sim = simulateBuild(clock, script);
  const eb = new ElasticBeanstalkClient({ region: 'eu-west-1' });
  const ec2 = new EC2Client({ region: 'eu-west-1' });
  const logs = new CloudWatchLogsClient({ region: 'eu-west-1' });
  const log = memoryLog();
  const events = createEventStream(eb, PLATFORM_ARN, log, new Date(clock.now() - MIN));
  const wait = (deadlineMin = 60) =>
    waitForPlatform(
      { eb, ec2, logs },
      events,
      { platformArn: PLATFORM_ARN, deadline: clock.now() + deadlineMin * MIN, intervalMs: 10_000, stillRunning: 'STILL-RUNNING-HINT' },
      log,
      clock,
    );
  return { sim, log, clock, wait };
}

const eventLines = (text: string) => text.split('\n').filter((l) => / (INFO|ERROR|WARN) /.test(l));

describe('waiting for the build', () => {
  afterEach(() => jest.useRealTimers());

  it('returns the hvm AMI once Ready and available, printing each event once in order', async () => {
    const { sim, log, wait } = setup({ endsAt: 30 * MIN, amiDelay: 20_000 });
    const out = await wait();
    sim.restore();
    expect(out.amiId).toBe(AMI);
    const lines = eventLines(log.text());
    expect(lines.map((l) => l.replace(/^\S+ \S+\s+/, ''))).toEqual(successEvents(30 * MIN).map((e) => e.message));
    expect(log.text()).toContain(`AMI ${AMI} is available.`);
    expect(sim.calls.DescribeImages).toBeGreaterThan(1);
  });

  it('prints nothing twice when the service repeats events, and misses none across pages', async () => {
    const { sim, log, wait } = setup({ endsAt: 30 * MIN, repeatAll: true, pageSize: 2 });
    await wait();
    sim.restore();
    const lines = eventLines(log.text());
    expect(lines).toHaveLength(successEvents(30 * MIN).length);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('still prints an event the service records late, with an earlier timestamp', async () => {
    const events = [
      ...successEvents(30 * MIN),
      // Happened at minute 5, but only visible from minute 9, after later events were printed.
      { at: 5 * MIN, visibleAt: 9 * MIN, message: 'Late: instance i-0abc launched for Packer.' },
    ];
    const { sim, log, wait } = setup({ endsAt: 30 * MIN, events });
    await wait();
    sim.restore();
    const text = log.text();
    expect(eventLines(text).filter((l) => l.includes('Late: instance'))).toHaveLength(1);
    expect(text.indexOf('Late: instance')).toBeGreaterThan(text.indexOf('Creating CloudWatch log group'));
  });

  const packerLog = [
    '==> ebpacker: Provisioning with shell script: /tmp/packer-shell123',
    '    ebpacker: ==> 20-docker.sh',
    '    ebpacker: \u001b[0;1;31mE: Unable to locate package docker-ce\u001b[0m',
    '==> ebpacker: Provisioning step had errors: Running the cleanup provisioner, if present...',
    '==> ebpacker: Terminating the source AWS instance...',
    '==> ebpacker: Deleting temporary keypair...',
    "Build 'ebpacker' errored: Script exited with non-zero exit status: 100",
  ];

  it("fails with Packer's own error, not the generic lines after it, quoting the failing provisioner from the build's log", async () => {
    const { sim, wait } = setup({ endsAt: 12 * MIN, outcome: 'Failed', packerLog });
    const error = (await wait().catch((e) => e)) as StepError;
    sim.restore();
    expect(error).toBeInstanceOf(StepError);
    expect(error.message).toMatch(
      /^The platform build failed: Packer failed with error: \[Build "ebpacker" errored: Script exited with non-zero exit status: 100\]\n/,
    );
    expect(error.message).not.toMatch(/Unsuccessful command execution/);
    expect(error.message).toContain("The failing provisioner's last lines (CloudWatch Logs, group /aws/elasticbeanstalk/platform/web, stream 1.0.0):");
    // The provisioner's own words, without colours, and not Packer's clean-up after them.
    expect(error.message).toMatch(/\n {6}ebpacker: E: Unable to locate package docker-ce$/);
    expect(error.message).not.toMatch(/Terminating the source|Deleting temporary keypair/);
    expect(error.details.join('\n')).toContain("Failed to create platform version 'web/1.0.0'.");
    expect(error.details.join('\n')).toContain('Unsuccessful command execution');
  });

  it("says where Packer's output is when its log cannot be read", async () => {
    const { sim, wait } = setup({ endsAt: 12 * MIN, outcome: 'Failed' });
    const error = (await wait().catch((e) => e)) as StepError;
    sim.restore();
    expect(error.message).toMatch(/Packer failed with error/);
    expect(error.message).toMatch(
      /Packer's full output is in CloudWatch Logs, group \/aws\/elasticbeanstalk\/platform\/web, stream 1\.0\.0 \(could not read it: ResourceNotFoundException/,
    );
  });

  it.each(['invalid', 'disabled', 'failed'])('stops at an AMI that is %s, a state it never leaves', async (amiState) => {
    const { sim, wait } = setup({ endsAt: 10 * MIN, amiState });
    await expect(wait()).rejects.toThrow(new RegExp(`AMI ${AMI} of .* is ${amiState}; it will not become available`));
    sim.restore();
  });

  it('waits through an AMI that is transient', async () => {
    const { sim, wait } = setup({ endsAt: 10 * MIN, amiState: 'transient' });
    await expect(wait(20)).rejects.toThrow(/Gave up after the deadline: AMI .* is transient/);
    sim.restore();
  });

  it('gives up at the deadline, saying what still runs, after one call per poll', async () => {
    const { sim, clock, wait } = setup({});
    const started = clock.now();
    const error = (await wait(45).catch((e) => e)) as StepError;
    sim.restore();
    expect(error.message).toMatch(/Gave up after the deadline: .*platform\/web\/1\.0\.0 is still Creating\. STILL-RUNNING-HINT/);
    expect(clock.now() - started).toBe(45 * MIN);
    expect(new Set((clock as ReturnType<typeof virtualClock>).sleeps)).toEqual(new Set([10_000]));
    // One call per 10 s: events, and the status only every 5 minutes while no event says the build ended.
    expect(sim.totalCalls()).toBeLessThanOrEqual((45 * MIN) / 10_000);
    expect(sim.calls.DescribePlatformVersion).toBe(9);
    expect(sim.calls.DescribeEvents).toBe((45 * MIN) / 10_000 - 9);
  });

  it('notices the verdict within one poll, from the events, as the EB CLI does', async () => {
    // A build ends at any moment; this one between two polls (one ending on the 5-minute status read is counted below).
    const endsAt = 29 * MIN + 30_000;
    const { sim, clock, wait } = setup({ endsAt });
    const started = clock.now();
    await wait();
    sim.restore();
    // The verdict event comes 1 s before the build ends: seen at the next poll.
    const lag = clock.now() - started - endsAt;
    expect(lag).toBeLessThanOrEqual(10_000);
    // Over the build, one call per 10 s: no status read at all (the events named the AMI), then the AMI's lookup.
    expect(sim.totalCalls() - sim.calls.DescribeImages).toBeLessThanOrEqual((clock.now() - started) / 10_000);
    // The status at the first poll and every 5 minutes after, each in place of a poll of the events.
    expect(sim.calls.DescribePlatformVersion).toBe(6);

    // Ending just as a status read comes due: the status says Ready, and the events it trails are read once more.
    const aligned = setup({ endsAt: 30 * MIN + 10_000 });
    await aligned.wait();
    aligned.sim.restore();
    expect(aligned.sim.calls.DescribePlatformVersion).toBe(7);
    expect(aligned.sim.totalCalls() - aligned.sim.calls.DescribeImages).toBe((30 * MIN + 10_000) / 10_000 + 1);
  });

  it('says the build goes on after a minute without events, once per quiet minute', async () => {
    const { sim, log, wait } = setup({ endsAt: 30 * MIN });
    await wait();
    sim.restore();
    const lines = log
      .text()
      .split('\n')
      .filter((l) => l.startsWith('Still building after'));
    // Events at 1 s, 2 s, 4 min, then nothing until the last minutes: a line each quiet minute between.
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines[0]).toMatch(/^Still building after 1 min \d+ s \(status Creating\); last event 1 min \d+ s ago: Creating Packer builder environment/);
    expect(lines.at(-1)).toMatch(/last event \d+ min \d+ s ago: Creating CloudWatch log group/);
  });

  it('polls through throttling instead of failing the build', async () => {
    const { sim, log, wait } = setup({ endsAt: 20 * MIN, throttleUntil: 3 * MIN });
    await expect(wait()).resolves.toMatchObject({ amiId: AMI });
    sim.restore();
    expect(log.text()).toMatch(/Checking the build failed for now \(Throttling: Rate exceeded\)/);
  });

  it('stops at once on an error that polling will not fix', async () => {
    const { sim, wait } = setup({ endsAt: 20 * MIN });
    sim.eb.on(require('@aws-sdk/client-elastic-beanstalk').DescribePlatformVersionCommand).rejects(
      Object.assign(new Error('User is not authorized to perform elasticbeanstalk:DescribePlatformVersion'), {
        name: 'InsufficientPrivilegesException',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    await expect(wait()).rejects.toThrow(/InsufficientPrivilegesException: User is not authorized/);
    sim.restore();
  });

  it('works on the real timers API too (jest fake timers)', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-01T00:00:00Z') });
    const { sim, wait } = setup({ endsAt: 2 * MIN }, realClock as ReturnType<typeof virtualClock>);
    const result = wait(10);
    let settled = false;
    result.finally(() => (settled = true)).catch(() => {});
    for (let i = 0; i < 200 && !settled; i++) await jest.advanceTimersByTimeAsync(5_000);
    await expect(result).resolves.toMatchObject({ amiId: AMI });
    sim.restore();
  });
});
