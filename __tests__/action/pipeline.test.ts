import { mockClient } from 'aws-sdk-client-mock';
import {
  CreatePlatformVersionCommand,
  CreateStorageLocationCommand,
  DescribeEnvironmentsCommand,
  ListPlatformVersionsCommand,
  TerminateEnvironmentCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetInstanceProfileCommand, IAMClient } from '@aws-sdk/client-iam';
import { createClients } from '../../src/lib/aws';
import { createLedger, parseLedger } from '../../src/resources/ledger';
import { memoryLog } from '../../src/lib/log';
import { parseInputs } from '../../src/inputs';
import { newReport, runPipeline } from '../../src/pipeline';
import { platformFixture } from '../helpers/platform-fixture';
import { AMI, PLATFORM_ARN, simulateBuild } from '../helpers/simulated-build';
import { virtualClock } from '../helpers/virtual-clock';

const BUILDER_ARN = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:environment/Custom Platform Builder/eb-custom-platform-builder-packer';

describe('pipeline', () => {
  const fixture = platformFixture();
  const savedEnv = { ...process.env };
  beforeEach(() => {
    // The SDK's own chain reads these, as it reads what configure-aws-credentials exports.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });
    delete process.env.AWS_CREDENTIAL_EXPIRATION;
  });
  afterAll(() => {
    process.env = savedEnv;
    fixture.cleanup();
  });

  function harness(script: Parameters<typeof simulateBuild>[1], given: Record<string, string> = {}) {
    const clock = virtualClock();
    const sim = simulateBuild(clock, script);
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    const iam = mockClient(IAMClient);
    iam.on(GetInstanceProfileCommand).resolves({ InstanceProfile: { InstanceProfileName: 'aws-elasticbeanstalk-custom-platform-ec2-role' } as never });
    sim.eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [] });
    sim.eb.on(CreateStorageLocationCommand).resolves({ S3Bucket: 'elasticbeanstalk-eu-west-1-123456789012' });
    sim.eb
      .on(CreatePlatformVersionCommand)
      .resolves({ PlatformSummary: { PlatformArn: PLATFORM_ARN, PlatformStatus: 'Creating' }, Builder: { ARN: BUILDER_ARN } });
    let builderStatus = 'Ready';
    sim.eb.on(DescribeEnvironmentsCommand).callsFake(() => ({
      Environments: builderStatus === 'gone' ? [] : [{ EnvironmentName: 'eb-custom-platform-builder-packer', EnvironmentId: 'e-b1', Status: builderStatus }],
    }));
    sim.eb.on(TerminateEnvironmentCommand).callsFake(() => {
      builderStatus = 'Terminating';
      return {};
    });
    const saved: string[] = [];
    const ledger = createLedger((s) => saved.push(s));
    const outputs: Record<string, string> = {};
    const log = memoryLog();
    const inputs = parseInputs((n) => ({ 'smoke-test': 'false', ...given })[n] ?? '', {
      GITHUB_WORKSPACE: fixture.root,
      GITHUB_REPOSITORY: 'acme/web',
      AWS_REGION: 'eu-west-1',
    });
    const report = newReport(inputs.platformName);
    const run = () =>
      runPipeline(
        inputs,
        {
          clientsFor: (region) => createClients(region),
          ledger,
          log,
          workDir: fixture.root,
          runTags: {},
          setOutput: (k, v) => (outputs[k] = v),
          clock,
        },
        report,
      );
    return {
      sim,
      s3,
      saved,
      ledger,
      outputs,
      log,
      report,
      run,
      builderTerminated: () => builderStatus === 'Terminating',
      iam,
      restore: () => (sim.restore(), s3.restore(), iam.restore()),
    };
  }

  it('warns before the build when the credentials expire before the deadline, and stops when the instance profile is missing', async () => {
    // The harness's virtual clock starts at 2026-01-01T00:00:00Z: these credentials last 20 of the run's 60 minutes.
    process.env.AWS_CREDENTIAL_EXPIRATION = '2026-01-01T00:20:00Z';
    const h = harness({ endsAt: 25 * 60_000 });
    h.iam
      .on(GetInstanceProfileCommand)
      .rejects(Object.assign(new Error('Instance Profile aws-elasticbeanstalk-custom-platform-ec2-role cannot be found.'), { name: 'NoSuchEntity' }));
    const error = await h.run().catch((e) => e);
    h.restore();
    expect(h.log.text()).toMatch(/The AWS credentials expire at .*, 40 min before this run's deadline \(deadline-minutes: 60\).*role-duration-seconds/);
    expect(error.message).toMatch(
      /The builder's instance profile 'aws-elasticbeanstalk-custom-platform-ec2-role' \(builder-instance-profile\) does not exist in this account/,
    );
    expect(h.sim.eb.commandCalls(CreatePlatformVersionCommand)).toHaveLength(0);
    expect(h.ledger.list()).toEqual([]);
  });

  it('builds, sets every output as soon as it is known, and terminates the builder', async () => {
    const h = harness({ endsAt: 25 * 60_000 });
    await h.run();
    h.restore();
    expect(h.outputs).toEqual({
      'bundle-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
      'platform-version': '1.0.0',
      'platform-arn': PLATFORM_ARN,
      'ami-id': AMI,
      'ami-ids': JSON.stringify({ 'eu-west-1': AMI }),
    });
    expect(h.builderTerminated()).toBe(true);
    expect(h.ledger.list()).toEqual([]);
    // The builder was recorded before CreatePlatformVersion was sent.
    expect(parseLedger(h.saved[0])).toEqual([
      { kind: 'builder-environment', region: 'eu-west-1', environmentName: 'eb-custom-platform-builder-packer', platformName: 'web', platformVersion: '1.0.0' },
    ]);
    expect(h.report.steps.map((s) => s.name)).toEqual([
      'Package platform',
      'Validate platform',
      'Pre-flight checks',
      'Sweep what ended runs left',
      'Resolve version',
      'Upload bundle',
      'Create platform version',
      'Build platform (Packer on Elastic Beanstalk)',
      'Teardown',
    ]);
    const key = h.s3.commandCalls(PutObjectCommand)[0].args[0].input.Key;
    expect(key).toBe(`custom-platforms/web/1.0.0-${h.outputs['bundle-sha256']}.zip`);
  });

  it('tears the builder down when the build fails, and fails with the reason', async () => {
    const h = harness({ endsAt: 10 * 60_000, outcome: 'Failed' });
    await expect(h.run()).rejects.toThrow(/The platform build failed: Packer failed with error/);
    h.restore();
    expect(h.builderTerminated()).toBe(true);
    expect(h.ledger.list()).toEqual([]);
    expect(h.outputs['ami-id']).toBeUndefined();
  });

  it('tears the builder down when the build never finishes, and says what is still running', async () => {
    const h = harness({}, { 'deadline-minutes': '40' });
    const error = await h.run().catch((e) => e);
    h.restore();
    expect(error.message).toMatch(/Gave up after the deadline.*still Creating.*delete-platform-version --region eu-west-1 --platform-arn/s);
    expect(h.builderTerminated()).toBe(true);
  });

  it('keeps the builder when asked', async () => {
    const h = harness({ endsAt: 5 * 60_000 }, { 'keep-builder': 'true' });
    await h.run();
    h.restore();
    expect(h.builderTerminated()).toBe(false);
    expect(h.log.text()).toContain('keep-builder is set');
  });

  it('records nothing and terminates nothing when creating the version is refused', async () => {
    const h = harness({ endsAt: 5 * 60_000 });
    h.sim.eb
      .on(CreatePlatformVersionCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'InsufficientPrivilegesException', $metadata: { httpStatusCode: 403 } }));
    await expect(h.run()).rejects.toThrow(/InsufficientPrivilegesException: denied\n.*no longer accepts custom platforms/);
    h.restore();
    // The builder was recorded in case the service started it; teardown found nothing to stop.
    expect(h.ledger.list()).toEqual([]);
    expect(h.sim.eb.commandCalls(TerminateEnvironmentCommand)).toHaveLength(0);
  });

  it('makes no AWS call at all on a dry run, and prints the plan', async () => {
    const h = harness({}, { 'dry-run': 'true', 'platform-version': 'v2.3.4' });
    await h.run();
    h.restore();
    expect(h.sim.eb.calls()).toHaveLength(0);
    expect(h.s3.calls()).toHaveLength(0);
    expect(h.report.plan?.join('\n')).toMatch(/CreatePlatformVersion web\/2\.3\.4/);
    expect(h.log.text()).toContain('Dry run: no AWS call made');
  });
});
