import { mockClient } from 'aws-sdk-client-mock';
import {
  AbortEnvironmentUpdateCommand,
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
  EnvironmentStatus,
  ListPlatformVersionsCommand,
  TerminateEnvironmentCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import { builderNameFromArn, terminateBuilder } from '../../src/build/elastic-beanstalk/builder';
import { BUILDER_ENVIRONMENT } from '../../src/build/elastic-beanstalk/settings';
import { memoryLog } from '../../src/lib/log';
import { virtualClock } from '../helpers/virtual-clock';

const OWN = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.0.0';
const env = (Status: string, EnvironmentId = 'e-builder1') => ({ EnvironmentName: BUILDER_ENVIRONMENT, EnvironmentId, Status: Status as EnvironmentStatus });

describe('builder environment teardown', () => {
  const eb = mockClient(ElasticBeanstalkClient);
  const client = new ElasticBeanstalkClient({ region: 'eu-west-1' });
  beforeEach(() => {
    eb.reset();
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [] });
    eb.on(TerminateEnvironmentCommand).resolves({});
  });

  it('uses the name the EB CLI and the service use', () => {
    expect(BUILDER_ENVIRONMENT).toBe('eb-custom-platform-builder-packer');
    expect(builderNameFromArn('arn:aws:elasticbeanstalk:eu-west-1:123456789012:environment/Custom Platform Builder/eb-custom-platform-builder-packer')).toBe(
      BUILDER_ENVIRONMENT,
    );
    expect(builderNameFromArn('arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.0.0')).toBeUndefined();
  });

  it('terminates a running builder, found by name', async () => {
    eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [env('Ready')] });
    await expect(terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformArn: OWN }, memoryLog())).resolves.toBe('terminated');
    expect(eb.commandCalls(DescribeEnvironmentsCommand)[0].args[0].input).toEqual({ EnvironmentNames: [BUILDER_ENVIRONMENT], IncludeDeleted: false });
    expect(eb.commandCalls(TerminateEnvironmentCommand)[0].args[0].input).toEqual({ EnvironmentId: 'e-builder1', TerminateResources: true });
  });

  it('is idempotent: a builder already terminating or gone is success without a call', async () => {
    eb.on(DescribeEnvironmentsCommand)
      .resolvesOnce({ Environments: [env('Terminating')] })
      .resolvesOnce({ Environments: [] });
    await expect(terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformArn: OWN }, memoryLog())).resolves.toBe('already gone');
    await expect(terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformArn: OWN }, memoryLog())).resolves.toBe('already gone');
    expect(eb.commandCalls(TerminateEnvironmentCommand)).toHaveLength(0);
  });

  it('leaves the builder to another build of the account that is still running, and says how to end it', async () => {
    eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [env('Ready')] });
    eb.on(ListPlatformVersionsCommand).resolves({
      PlatformSummaryList: [
        { PlatformArn: OWN, PlatformStatus: 'Creating' },
        { PlatformArn: OWN.replace('web/1.0.0', 'api/2.0.0'), PlatformStatus: 'Creating' },
      ],
    });
    const log = memoryLog();
    await expect(terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformArn: OWN }, log)).resolves.toBe('kept: another build is running');
    expect(eb.commandCalls(TerminateEnvironmentCommand)).toHaveLength(0);
    expect(log.text()).toContain('platform/api/2.0.0');
    expect(log.text()).toContain('terminate-environment --environment-name eb-custom-platform-builder-packer');
  });

  it('terminates even though its own build is still Creating (a cancelled or timed-out run)', async () => {
    eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [env('Ready')] });
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [{ PlatformArn: OWN, PlatformStatus: 'Creating' }] });
    await expect(terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformArn: OWN }, memoryLog())).resolves.toBe('terminated');
  });

  it('waits for a builder that is still launching before terminating it', async () => {
    eb.on(DescribeEnvironmentsCommand)
      .resolvesOnce({ Environments: [env('Launching')] })
      .resolvesOnce({ Environments: [env('Launching')] })
      .resolves({ Environments: [env('Ready')] });
    const clock = virtualClock();
    await expect(terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformArn: OWN }, memoryLog(), clock)).resolves.toBe('terminated');
    expect(clock.sleeps).toHaveLength(2);
  });

  it('treats a terminate that races another teardown as done', async () => {
    eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [env('Ready')] });
    eb.on(TerminateEnvironmentCommand).rejects(
      Object.assign(new Error('No Environment found for EnvironmentId = e-builder1.'), { name: 'InvalidParameterValue' }),
    );
    await expect(terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformArn: OWN }, memoryLog())).resolves.toBe('terminated');
  });

  it('lets a permission error through', async () => {
    eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [env('Ready')] });
    eb.on(TerminateEnvironmentCommand).rejects(Object.assign(new Error('not authorized to terminate'), { name: 'InsufficientPrivilegesException' }));
    await expect(terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformArn: OWN }, memoryLog())).rejects.toThrow(/not authorized/);
  });

  it('waits for a builder that the service has not started yet while its own build is Creating', async () => {
    const summary = { PlatformArn: OWN, PlatformStatus: 'Creating' as const };
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [summary] });
    eb.on(DescribeEnvironmentsCommand)
      .resolvesOnce({ Environments: [] })
      .resolvesOnce({ Environments: [] })
      .resolves({ Environments: [env('Ready')] });
    const clock = virtualClock();
    const record = { environmentName: BUILDER_ENVIRONMENT, platformName: 'web', platformVersion: '1.0.0' };
    await expect(terminateBuilder(client, record, memoryLog(), clock)).resolves.toBe('terminated');
    expect(eb.commandCalls(ListPlatformVersionsCommand)[0].args[0].input.Filters).toEqual([
      { Type: 'PlatformOwner', Operator: '=', Values: ['self'] },
      { Type: 'PlatformName', Operator: '=', Values: ['web'] },
      { Type: 'PlatformVersion', Operator: '=', Values: ['1.0.0'] },
    ]);
  });

  it('looks again before calling the builder gone when the create call may still be landing', async () => {
    eb.on(ListPlatformVersionsCommand)
      .resolvesOnce({ PlatformSummaryList: [] })
      .resolves({ PlatformSummaryList: [{ PlatformArn: OWN, PlatformStatus: 'Creating' }] });
    eb.on(DescribeEnvironmentsCommand)
      .resolvesOnce({ Environments: [] })
      .resolves({ Environments: [env('Ready')] });
    const clock = virtualClock();
    await expect(
      terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformName: 'web', platformVersion: '1.0.0' }, memoryLog(), clock),
    ).resolves.toBe('terminated');
  });

  it('knows its own build by name and version when the create call lands between two looks', async () => {
    // The first look (this build's own) finds nothing; the create lands; the look for other builds finds it.
    eb.on(ListPlatformVersionsCommand)
      .resolvesOnce({ PlatformSummaryList: [] })
      .resolves({ PlatformSummaryList: [{ PlatformArn: OWN, PlatformStatus: 'Creating' }] });
    eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [env('Ready')] });
    const log = memoryLog();
    await expect(
      terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformName: 'web', platformVersion: '1.0.0' }, log, virtualClock()),
    ).resolves.toBe('terminated');
    expect(log.text()).not.toContain('left running');
  });

  it('gives up waiting for a builder that never appears, within its bound', async () => {
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [{ PlatformArn: OWN, PlatformStatus: 'Creating' }] });
    eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [] });
    const clock = virtualClock();
    const started = clock.now();
    await expect(
      terminateBuilder(client, { environmentName: BUILDER_ENVIRONMENT, platformName: 'web', platformVersion: '1.0.0' }, memoryLog(), clock),
    ).resolves.toBe('already gone');
    expect(clock.now() - started).toBeGreaterThanOrEqual(3 * 60_000);
    expect(clock.now() - started).toBeLessThan(4 * 60_000);
  });

  describe('a builder busy with a build (Updating), which Elastic Beanstalk will not terminate', () => {
    const invalid = () =>
      Object.assign(new Error('Environment named eb-custom-platform-builder-packer is in an invalid state for this operation. Must be Ready.'), {
        name: 'InvalidParameterValue',
      });
    const record = { environmentName: BUILDER_ENVIRONMENT, platformName: 'web', platformVersion: '1.0.0', platformArn: OWN };

    it("answers at once when the build is another run's: no wait, no terminate", async () => {
      eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [env('Updating')] });
      eb.on(ListPlatformVersionsCommand).callsFake((input) =>
        input.Filters?.some((f: { Type: string }) => f.Type === 'PlatformStatus')
          ? { PlatformSummaryList: [{ PlatformArn: OWN.replace('web/1.0.0', 'api/2.0.0'), PlatformStatus: 'Creating' }] }
          : { PlatformSummaryList: [{ PlatformArn: OWN, PlatformStatus: 'Ready' }] },
      );
      const clock = virtualClock();
      await expect(terminateBuilder(client, record, memoryLog(), clock)).resolves.toBe('kept: another build is running');
      expect(clock.sleeps).toEqual([]);
      expect(eb.commandCalls(TerminateEnvironmentCommand)).toHaveLength(0);
    });

    it('aborts its own build, then terminates the builder once it is Ready', async () => {
      let status = 'Updating';
      eb.on(DescribeEnvironmentsCommand).callsFake(() => ({ Environments: [env(status)] }));
      eb.on(ListPlatformVersionsCommand).callsFake(() => ({
        PlatformSummaryList: status === 'Updating' ? [{ PlatformArn: OWN, PlatformStatus: 'Creating' }] : [{ PlatformArn: OWN, PlatformStatus: 'Failed' }],
      }));
      eb.on(AbortEnvironmentUpdateCommand).callsFake(() => ((status = 'Ready'), {}));
      const log = memoryLog();
      await expect(terminateBuilder(client, record, log, virtualClock())).resolves.toBe('terminated');
      expect(eb.commandCalls(AbortEnvironmentUpdateCommand)[0].args[0].input).toEqual({ EnvironmentId: 'e-builder1' });
      expect(log.text()).toMatch(/still building .*asked it to abort that build/);
    });

    it.each([
      ['refused', () => eb.on(AbortEnvironmentUpdateCommand).rejects(Object.assign(new Error('has no update in progress'), { name: 'InvalidParameterValue' }))],
      ['accepted but ignored', () => eb.on(AbortEnvironmentUpdateCommand).resolves({})],
    ])('waits for its own build to end when the abort is %s, and treats a terminate refused for being busy as busy', async (_how, abort) => {
      let polls = 0;
      eb.on(DescribeEnvironmentsCommand).callsFake(() => ({ Environments: [env(++polls < 4 ? 'Updating' : 'Ready')] }));
      eb.on(ListPlatformVersionsCommand).callsFake(() => ({ PlatformSummaryList: [{ PlatformArn: OWN, PlatformStatus: polls < 4 ? 'Creating' : 'Ready' }] }));
      abort();
      // Once Ready in DescribeEnvironments, the first terminate still meets the build's last moment.
      eb.on(TerminateEnvironmentCommand).rejectsOnce(invalid()).resolves({});
      const log = memoryLog();
      await expect(terminateBuilder(client, record, log, virtualClock())).resolves.toBe('terminated');
      expect(eb.commandCalls(AbortEnvironmentUpdateCommand)).toHaveLength(1);
      expect(eb.commandCalls(TerminateEnvironmentCommand)).toHaveLength(2);
      expect(log.text()).toMatch(/Elastic Beanstalk terminates it only once it is Ready, so waiting/);
    });

    it('gives up at its bound, saying what to run later', async () => {
      eb.on(DescribeEnvironmentsCommand).resolves({ Environments: [env('Updating')] });
      eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [{ PlatformArn: OWN, PlatformStatus: 'Creating' }] });
      eb.on(AbortEnvironmentUpdateCommand).resolves({});
      const clock = virtualClock();
      await expect(terminateBuilder(client, record, memoryLog(), clock, { settleMs: 10 * 60_000 })).rejects.toThrow(
        /is still Updating building .*platform\/web\/1\.0\.0 after 10 min, and Elastic Beanstalk terminates it only once it is Ready: aws elasticbeanstalk terminate-environment --environment-name eb-custom-platform-builder-packer/,
      );
      expect(eb.commandCalls(TerminateEnvironmentCommand)).toHaveLength(0);
    });
  });
});
