/**
 * The whole run as the main step runs it, against the stand-in over the wire on
 * one virtual clock shared by the action and the stand-in: a 25-minute build,
 * a builder that launches in two, the deadline and every wait pass at once.
 */
import { clientPool } from '../../src/lib/aws';
import { createLedger, parseLedger } from '../../src/resources/ledger';
import { memoryLog } from '../../src/lib/log';
import { parseInputs } from '../../src/inputs';
import { newReport, runPipeline } from '../../src/pipeline';
import { BUILDER_NAME } from '../../test/aws-standin/elastic-beanstalk';
import type { StandinOptions } from '../../test/aws-standin/server';
import { platformFixture } from '../helpers/platform-fixture';
import { STANDIN_CREDENTIALS, standinsPerTest } from '../helpers/standin-clients';
import { standinImage } from '../helpers/standin-images';
import { CANONICAL } from '../../test/aws-standin/ec2';
import * as fs from 'node:fs';
import * as path from 'node:path';

const PLATFORM_ARN = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.0.0';
const MIN = 60_000;

describe('pipeline', () => {
  const fixture = platformFixture();
  const savedEnv = { ...process.env };
  const startStandin = standinsPerTest();
  beforeEach(() => {
    // The SDK's own chain reads these, as it reads what configure-aws-credentials exports.
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: STANDIN_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: STANDIN_CREDENTIALS.secretAccessKey,
      AWS_SESSION_TOKEN: 'token',
    });
    delete process.env.AWS_CREDENTIAL_EXPIRATION;
  });
  afterAll(() => {
    process.env = savedEnv;
    fixture.cleanup();
  });

  async function harness(options: StandinOptions = {}, given: Record<string, string> = {}) {
    const { standin, clock } = await startStandin({ buildMs: 25 * MIN, builderLaunchMs: 2 * MIN, ...options });
    // The action's own clients, from the environment as a run makes them: AWS_ENDPOINT_URL points them at the stand-in.
    process.env.AWS_ENDPOINT_URL = standin.url;
    const pool = clientPool();
    const clientsFor = (region: string) => pool.clientsFor(region);
    startStandin.afterThisTest(() => pool.destroy());
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
      runPipeline(inputs, { clientsFor, ledger, log, workDir: fixture.root, runTags: {}, setOutput: (k, v) => (outputs[k] = v), clock }, report);
    const calls = (action: string) => standin.seen.filter((x) => x.action === action);
    const builderStatus = () => standin.eb.environments().find((e) => e.name === BUILDER_NAME)?.status;
    return { standin, saved, ledger, outputs, log, report, run, calls, builderTerminated: () => /^Terminat/.test(builderStatus() ?? '') };
  }

  it('warns before the build when the credentials expire before the deadline, and stops when the instance profile is missing', async () => {
    // The harness's virtual clock starts at 2026-01-01T00:00:00Z: these credentials last 20 of the run's 60 minutes.
    process.env.AWS_CREDENTIAL_EXPIRATION = '2026-01-01T00:20:00Z';
    const h = await harness({ instanceProfiles: [] });
    const error = await h.run().catch((e) => e);
    expect(h.log.text()).toMatch(/The AWS credentials expire at .*, 40 min before this run's deadline \(deadline-minutes: 60\).*role-duration-seconds/);
    expect(error.message).toMatch(
      /The builder's instance profile 'aws-elasticbeanstalk-custom-platform-ec2-role' \(builder-instance-profile\) does not exist in this account/,
    );
    expect(h.calls('CreatePlatformVersion')).toHaveLength(0);
    expect(h.calls('PutObject')).toHaveLength(0);
    expect(h.ledger.list()).toEqual([]);
  });

  it('builds, sets every output as soon as it is known, and terminates the builder', async () => {
    const h = await harness();
    await h.run();
    const images = h.standin.ec2.images().filter((i) => i.ownerId === h.standin.account);
    expect(images).toHaveLength(1);
    expect(h.outputs).toEqual({
      'bundle-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
      'platform-version': '1.0.0',
      'platform-arn': PLATFORM_ARN,
      'ami-id': images[0].id,
      'ami-ids': JSON.stringify({ 'eu-west-1': images[0].id }),
      reused: 'false',
    });
    expect(h.builderTerminated()).toBe(true);
    expect(h.standin.leftovers()).toEqual([]);
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
      'Fingerprint the build',
      'Resolve version',
      'Upload bundle',
      'Create platform version',
      'Build platform (Packer on Elastic Beanstalk)',
      'Teardown',
    ]);
    expect(h.standin.object(h.standin.bucket, `custom-platforms/web/1.0.0-${h.outputs['bundle-sha256']}.zip`)).toBeDefined();
    // Each of the build's events printed once, in order, from the service's own words.
    expect(h.log.text()).toMatch(
      /Initiated platform version creation[\s\S]*Starting Packer building task[\s\S]*Successfully created platform version 'web\/1\.0\.0'/,
    );
  });

  it('tears the builder down when the build fails, and fails with the reason', async () => {
    const h = await harness();
    h.standin.addFault({ action: 'CreatePlatformVersion', kind: 'fail-build' });
    await expect(h.run()).rejects.toThrow(
      /The platform build failed: Packer failed with error: \[Build "ebpacker" errored: Script exited with non-zero exit status: 100/,
    );
    expect(h.builderTerminated()).toBe(true);
    expect(h.ledger.list()).toEqual([]);
    expect(h.outputs['ami-id']).toBeUndefined();
    expect(h.standin.leftovers()).toEqual([]);
  });

  it('tears the builder down when the build never finishes, and says what is still running', async () => {
    const h = await harness({ buildMs: 10 * 60 * MIN }, { 'deadline-minutes': '40' });
    const error = await h.run().catch((e) => e);
    expect(error.message).toMatch(/Gave up after the deadline.*still Creating.*delete-platform-version --region eu-west-1 --platform-arn/s);
    expect(h.builderTerminated()).toBe(true);
    expect(h.standin.leftovers()).toEqual([]);
  });

  it('keeps the builder when asked', async () => {
    const h = await harness({}, { 'keep-builder': 'true' });
    await h.run();
    expect(h.builderTerminated()).toBe(false);
    expect(h.calls('TerminateEnvironment')).toHaveLength(0);
    expect(h.log.text()).toContain('keep-builder is set');
  });

  it('records nothing and terminates nothing when creating the version is refused', async () => {
    const h = await harness();
    h.standin.addFault({ action: 'CreatePlatformVersion', kind: 'deny-downstream' });
    await expect(h.run()).rejects.toThrow(/InsufficientPrivilegesException: .*\n.*no longer accepts custom platforms/);
    // The builder was recorded in case the service started it; teardown found nothing to stop.
    expect(h.ledger.list()).toEqual([]);
    expect(h.calls('TerminateEnvironment')).toHaveLength(0);
    expect(h.standin.platforms()).toEqual([]);
  });

  it('makes no AWS call at all on a dry run, and prints the plan', async () => {
    const h = await harness({}, { 'dry-run': 'true', 'platform-version': 'v2.3.4' });
    await h.run();
    expect(h.standin.seen).toEqual([]);
    expect(h.report.plan?.join('\n')).toMatch(/CreatePlatformVersion web\/2\.3\.4/);
    expect(h.log.text()).toContain('Dry run: no AWS call made');
  });

  it('says on a dry run with skip-unchanged whether a run would build, with DescribeImages only; without credentials, that it could not tell', async () => {
    const templatePath = path.join(fixture.dir, 'custom_platform.json');
    const template = fs.readFileSync(templatePath, 'utf8');
    const filter = { filters: { name: 'ubuntu/images/*/ubuntu-noble-24.04-amd64-server-*' }, owners: [CANONICAL], most_recent: true };
    fs.writeFileSync(templatePath, JSON.stringify({ builders: [{ type: 'amazon-ebs', region: '', source_ami_filter: filter }] }));
    try {
      const h = await harness({}, { 'dry-run': 'true', 'skip-unchanged': 'true', 'smoke-test': 'true' });
      standinImage(h.standin, 'eu-west-1', { name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260101', ownerId: CANONICAL });
      await h.run();
      expect([...new Set(h.standin.seen.map((x) => x.action))]).toEqual(['DescribeImages']);
      expect(h.report.plan?.join('\n')).toMatch(/^skip-unchanged: a run would build: no image of web has passed a smoke test yet$/m);
      expect(h.log.text()).toContain('Dry run: read-only AWS calls only (DescribeImages)');
    } finally {
      fs.writeFileSync(templatePath, template);
    }

    delete process.env.AWS_ACCESS_KEY_ID;
    const blind = await harness({}, { 'dry-run': 'true', 'skip-unchanged': 'true', 'smoke-test': 'true' });
    await blind.run();
    expect(blind.standin.seen).toEqual([]);
    expect(blind.report.plan?.join('\n')).toMatch(/^skip-unchanged: could not tell whether a run would build or reuse: no AWS credentials in the environment/m);
    expect(blind.log.text()).toContain('Dry run: no AWS call made');
  });

  it('rolls back on mode rollback with the outputs a release sets, and builds nothing', async () => {
    const h = await harness({}, { mode: 'rollback', 'ssm-parameter': '/platform/web/ami-id' });
    const images = ['1.0.0', '1.0.1'].map(
      (v) => standinImage(h.standin, 'eu-west-1', { name: `web-${v}`, tags: { eb_platform_name: 'web', eb_platform_version: v } }).id,
    );
    // Two releases, as the parameter's history holds them.
    const { SSMClient, PutParameterCommand } = await import('@aws-sdk/client-ssm');
    const ssm = new SSMClient({ region: 'eu-west-1', endpoint: h.standin.url, credentials: STANDIN_CREDENTIALS });
    await ssm.send(new PutParameterCommand({ Name: '/platform/web/ami-id', Value: images[0], Type: 'String', DataType: 'aws:ec2:image', Overwrite: true }));
    await h.standin.ssmIn('eu-west-1').settled();
    await ssm.send(new PutParameterCommand({ Name: '/platform/web/ami-id', Value: images[1], Type: 'String', DataType: 'aws:ec2:image', Overwrite: true }));
    await h.standin.ssmIn('eu-west-1').settled();
    ssm.destroy();
    const from = h.standin.seen.length;
    await h.run();
    expect(h.outputs).toEqual({
      'ami-id': images[0],
      'ami-ids': JSON.stringify({ 'eu-west-1': images[0] }),
      'rolled-back-from': JSON.stringify({ 'eu-west-1': images[1] }),
      'platform-version': '1.0.0',
    });
    expect(h.report.steps.map((s) => s.name)).toEqual(['Roll back']);
    expect([...new Set(h.standin.seen.slice(from).map((x) => x.action))].sort()).toEqual([
      'CreateTags',
      'DescribeImages',
      'DescribeParameters',
      'GetParameter',
      'GetParameterHistory',
      'PutParameter',
    ]);
  });
});
