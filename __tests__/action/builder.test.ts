/**
 * The builder environment's teardown against the stand-in over the wire, on
 * one virtual clock shared by the action and the stand-in: builds really
 * queue, the builder really launches, runs one build at a time and refuses to
 * terminate while busy. Where AWS's answer is not documented (what an abort
 * does, when the builder is first listed), each plausible answer is taken.
 */
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { builderNameFromArn, terminateBuilder } from '../../src/builders/elastic-beanstalk/builder';
import { BUILDER_ENVIRONMENT } from '../../src/builders/elastic-beanstalk/settings';
import { memoryLog } from '../../src/lib/log';
import type { Standin, StandinOptions } from '../../test/aws-standin/server';
import { standinClients, standinsPerTest, startPlatformBuild } from '../helpers/standin-clients';
import { virtualClock } from '../helpers/virtual-clock';

const OWN = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.0.0';
const OTHER = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/api/2.0.0';
const MIN = 60_000;

describe('builder environment teardown', () => {
  const startStandin = standinsPerTest();
  let standin: Standin | undefined;
  let clients: ReturnType<typeof standinClients> | undefined;
  let clock: ReturnType<typeof virtualClock>;

  /** A stand-in on the test's virtual clock (builds of 20 minutes, a builder launching in 2 by default). */
  async function start(options: StandinOptions = {}) {
    const started = await startStandin({ buildMs: 20 * MIN, builderLaunchMs: 2 * MIN, ...options });
    ({ standin, clients, clock } = started);
    return { s: started.standin, eb: started.clients.get(ElasticBeanstalkClient) };
  }
  const createBuild = (name: string, version: string) => startPlatformBuild(standin!, clients!, name, version);
  const calls = (action: string) => standin!.seen.filter((x) => x.action === action);
  const builder = () => standin!.eb.environments().find((e) => e.name === BUILDER_ENVIRONMENT);
  const own = { environmentName: BUILDER_ENVIRONMENT, platformName: 'web', platformVersion: '1.0.0' };

  it('uses the name the EB CLI and the service use', () => {
    expect(BUILDER_ENVIRONMENT).toBe('eb-custom-platform-builder-packer');
    expect(builderNameFromArn('arn:aws:elasticbeanstalk:eu-west-1:123456789012:environment/Custom Platform Builder/eb-custom-platform-builder-packer')).toBe(
      BUILDER_ENVIRONMENT,
    );
    expect(builderNameFromArn(OWN)).toBeUndefined();
  });

  it('terminates the builder a finished build left Ready, found by name', async () => {
    const { s, eb } = await start();
    s.eb.addPlatform('web', '1.0.0', 'Ready');
    s.eb.leaveBuilder();
    await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, memoryLog(), clock)).resolves.toBe('terminated');
    expect(Object.fromEntries(calls('DescribeEnvironments')[0].params)).toMatchObject({
      'EnvironmentNames.member.1': BUILDER_ENVIRONMENT,
      IncludeDeleted: 'false',
    });
    expect(Object.fromEntries(calls('TerminateEnvironment')[0].params)).toMatchObject({ EnvironmentId: builder()!.id, TerminateResources: 'true' });
    expect(s.leftovers()).toEqual([]);
  });

  it('is idempotent: a builder already terminating or gone is success without a call', async () => {
    const { s, eb } = await start();
    s.eb.leaveBuilder();
    await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, memoryLog(), clock)).resolves.toBe('terminated');
    await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, memoryLog(), clock)).resolves.toBe('already gone');
    clock.advance(MIN);
    await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, memoryLog(), clock)).resolves.toBe('already gone');
    expect(builder()?.status).toBe('Terminated');
    expect(calls('TerminateEnvironment')).toHaveLength(1);
  });

  it('leaves the builder to another build of the account that is still running, and says how to end it', async () => {
    const { s, eb } = await start();
    s.eb.addPlatform('web', '1.0.0', 'Ready');
    await createBuild('api', '2.0.0');
    const log = memoryLog();
    await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, log, clock)).resolves.toBe('kept: another build is running');
    expect(calls('TerminateEnvironment')).toHaveLength(0);
    expect(clock.sleeps).toEqual([]);
    expect(log.text()).toContain(OTHER);
    expect(log.text()).toContain('terminate-environment --environment-name eb-custom-platform-builder-packer');
  });

  it('treats a terminate that races another teardown as done', async () => {
    const { s, eb } = await start();
    s.eb.leaveBuilder();
    // Another teardown's terminate lands between this one's look and its call.
    s.addFault({
      action: 'TerminateEnvironment',
      kind: 'error',
      error: { code: 'InvalidParameterValue', message: "No Environment found for EnvironmentId = 'e-builder1'." },
    });
    await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, memoryLog(), clock)).resolves.toBe('terminated');
  });

  it('lets a permission error through', async () => {
    const { s, eb } = await start();
    s.eb.leaveBuilder();
    s.addFault({ action: 'TerminateEnvironment', kind: 'deny-downstream' });
    await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, memoryLog(), clock)).rejects.toMatchObject({ name: 'InsufficientPrivilegesException' });
    expect(builder()?.status).toBe('Ready');
  });

  it.each([
    ['listed as Launching at once', 0],
    ['listed only a while after the build was accepted', 90_000],
  ])('waits for the builder of its own build (%s), then for the build the abort ends, and terminates it', async (_how, builderAppearsMs) => {
    const { s, eb } = await start({ builderAppearsMs });
    await createBuild('web', '1.0.0');
    const log = memoryLog();
    // A run cancelled right after its create call: only the name and version were recorded.
    await expect(terminateBuilder(eb, own, log, clock)).resolves.toBe('terminated');
    expect(clock.sleeps.length).toBeGreaterThan(0);
    expect(Object.fromEntries(calls('ListPlatformVersions')[0].params)).toMatchObject({
      'Filters.member.1.Type': 'PlatformOwner',
      'Filters.member.1.Values.member.1': 'self',
      'Filters.member.2.Type': 'PlatformName',
      'Filters.member.2.Values.member.1': 'web',
      'Filters.member.3.Type': 'PlatformVersion',
      'Filters.member.3.Values.member.1': '1.0.0',
    });
    expect(Object.fromEntries(calls('AbortEnvironmentUpdate')[0].params)).toMatchObject({ EnvironmentId: builder()!.id });
    expect(log.text()).toMatch(/still building .*asked it to abort that build/);
    expect(s.platforms()).toEqual([expect.objectContaining({ arn: OWN, status: 'Failed' })]);
    expect(s.leftovers()).toEqual([]);
  });

  it('looks again before calling the builder gone when the create call may still be landing', async () => {
    const { s, eb } = await start();
    // The create call lands just after this run's first look at its build.
    s.addFault({ action: 'ListPlatformVersions', kind: 'answer', answer: { PlatformSummaryList: [] } });
    s.addFault({ action: 'DescribeEnvironments', kind: 'answer', answer: { Environments: [] } });
    const landing = s.waitFor('DescribeEnvironments').then(() => createBuild('web', '1.0.0'));
    await expect(terminateBuilder(eb, own, memoryLog(), clock)).resolves.toBe('terminated');
    await landing;
    expect(s.leftovers()).toEqual([]);
  });

  it('knows its own build by name and version when the create call lands between two looks', async () => {
    const { s, eb } = await start({ builderLaunchMs: 0 });
    // The first look (this build's own) finds nothing; the create lands; the look for other builds finds it.
    await createBuild('web', '1.0.0');
    s.addFault({ action: 'ListPlatformVersions', kind: 'answer', answer: { PlatformSummaryList: [] } });
    const log = memoryLog();
    await expect(terminateBuilder(eb, own, log, clock)).resolves.toBe('terminated');
    expect(log.text()).not.toContain('left running');
  });

  it('gives up waiting for a builder that never appears, within its bound', async () => {
    const { s, eb } = await start();
    // A version Creating with no builder listed: the service has not started one.
    s.eb.addPlatform('web', '1.0.0', 'Creating');
    const started = clock.now();
    await expect(terminateBuilder(eb, own, memoryLog(), clock)).resolves.toBe('already gone');
    expect(clock.now() - started).toBeGreaterThanOrEqual(3 * MIN);
    expect(clock.now() - started).toBeLessThan(4 * MIN);
  });

  describe('a builder busy with a build (Updating), which Elastic Beanstalk will not terminate', () => {
    it("answers at once when the build is another run's: no wait, no terminate", async () => {
      const { s, eb } = await start({ builderLaunchMs: 0 });
      s.eb.addPlatform('web', '1.0.0', 'Ready');
      await createBuild('api', '2.0.0');
      clock.advance(1_000);
      s.eb.tick();
      expect(builder()?.status).toBe('Updating');
      await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, memoryLog(), clock)).resolves.toBe('kept: another build is running');
      expect(clock.sleeps).toEqual([]);
      expect(calls('TerminateEnvironment')).toHaveLength(0);
    });

    it.each([['refused' as const], ['ignored' as const]])(
      'waits for its own build to end when the abort is %s, and treats a terminate refused for being busy as busy',
      async (abortUpdate) => {
        const { s, eb } = await start({ abortUpdate, builderLaunchMs: 0, buildMs: 5 * MIN });
        await createBuild('web', '1.0.0');
        clock.advance(1_000);
        s.eb.tick();
        // Once Ready in DescribeEnvironments, the first terminate still meets the build's last moment.
        s.addFault({
          action: 'TerminateEnvironment',
          kind: 'error',
          error: {
            code: 'InvalidParameterValue',
            message: `Environment named ${BUILDER_ENVIRONMENT} is in an invalid state for this operation. Must be Ready.`,
          },
        });
        const log = memoryLog();
        await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, log, clock)).resolves.toBe('terminated');
        expect(calls('AbortEnvironmentUpdate')).toHaveLength(1);
        expect(calls('TerminateEnvironment')).toHaveLength(2);
        expect(log.text()).toMatch(/Elastic Beanstalk terminates it only once it is Ready, so waiting/);
        // The build ran to its end.
        expect(s.platforms()).toEqual([expect.objectContaining({ arn: OWN, status: 'Ready' })]);
        expect(s.leftovers()).toEqual([]);
      },
    );

    it('gives up at its bound, saying what to run later', async () => {
      const { s, eb } = await start({ abortUpdate: 'ignored', builderLaunchMs: 0, buildMs: 60 * MIN });
      await createBuild('web', '1.0.0');
      clock.advance(1_000);
      s.eb.tick();
      await expect(terminateBuilder(eb, { ...own, platformArn: OWN }, memoryLog(), clock, { settleMs: 10 * MIN })).rejects.toThrow(
        /is still Updating building .*platform\/web\/1\.0\.0 after 10 min, and Elastic Beanstalk terminates it only once it is Ready: aws elasticbeanstalk terminate-environment --environment-name eb-custom-platform-builder-packer/,
      );
      expect(calls('TerminateEnvironment')).toHaveLength(0);
    });
  });
});
