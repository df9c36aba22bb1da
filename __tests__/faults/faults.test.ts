/**
 * The action's two steps against the AWS stand-in, in this process on a
 * virtual clock the stand-in shares (harness.ts): a clean run, a fault at
 * each step, bad input (the smoke test's faults are in smoke-faults.test.ts).
 * After every run the stand-in must hold no builder environment, instance,
 * security group or key pair. The bundled dist/ killed at each step is in
 * kills.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fault } from '../../test/aws-standin/server';
import { expectNoSecretsInOutputs, readPolicy, scenario, seenActions } from './harness';
import { errorLine } from '../helpers/run-action';
import { codeSends, codeTagsAtCreation } from '../helpers/iam-policy';
import { afterAllRuns } from '../helpers/whole-file';

const ops = [
  'ListPlatformVersions',
  'CreateStorageLocation',
  'PutObject',
  'CreatePlatformVersion',
  'DescribePlatformVersion',
  'DescribeEvents',
  'DescribeImages',
  'DescribeEnvironments',
  'TerminateEnvironment',
];

describe('the action against the AWS stand-in', () => {
  afterAllRuns('no secret in any output of these runs', () => expectNoSecretsInOutputs({ smokeRuns: false }));

  it('builds the platform on a clean run, sets the outputs, and leaves nothing', async () => {
    const { run, leftovers, standin } = await scenario({});
    expect(run.main.code).toBe(0);
    expect(run.outputs['platform-version']).toBe('1.0.0');
    expect(run.outputs['ami-id']).toMatch(/^ami-[0-9a-f]+$/);
    expect(run.outputs['bundle-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputs['platform-arn']).toBe('arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web-platform/1.0.0');
    expect(run.summary).toMatch(/Elastic Beanstalk custom platform ✅ built/);
    expect(run.post.output).toMatch(/Nothing left to tear down/);
    expect(standin.platforms()).toEqual([expect.objectContaining({ status: 'Ready' })]);
    expect(leftovers).toEqual([]);
  }, 60_000);

  const transient: [string, Fault][] = ops.flatMap((action) =>
    (['throttle', '5xx', 'drop'] as const).map((kind): [string, Fault] => [`${kind} on ${action}`, { action, kind, times: 2 }]),
  );
  it.each(transient)(
    'rides out a %s and leaves nothing',
    async (_name, fault) => {
      const { run, leftovers } = await scenario({ faults: [fault] });
      expect(errorLine(run.main.output)).toBe('');
      expect(run.main.code).toBe(0);
      expect(leftovers).toEqual([]);
    },
    90_000,
  );

  it.each(['ListPlatformVersions', 'CreateStorageLocation', 'PutObject', 'CreatePlatformVersion', 'DescribePlatformVersion', 'DescribeImages'])(
    'fails clearly when %s is refused for good, and leaves nothing',
    async (action) => {
      const { run, leftovers } = await scenario({ faults: [{ action, kind: 'deny', times: Infinity }] });
      expect(run.main.code).toBe(1);
      expect(run.main.output).toMatch(/::error::.*(InsufficientPrivileges|AccessDenied|UnauthorizedOperation|not authorized)/);
      expect(leftovers).toEqual([]);
    },
    90_000,
  );

  it("fails with Packer's own error and the failing provisioner's last lines when the build fails, and leaves nothing", async () => {
    const { run, leftovers } = await scenario({ faults: [{ action: 'CreatePlatformVersion', kind: 'fail-build' }] });
    expect(run.main.code).toBe(1);
    const error = run.main.output.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    // The message a user reads: Packer's error, not the generic "Unsuccessful command execution" after it.
    expect(error).toMatch(
      /^::error::The platform build failed: Packer failed with error: \[Build "ebpacker" errored: Script exited with non-zero exit status: 100\]/,
    );
    expect(error).not.toMatch(/Unsuccessful command execution/);
    expect(error).toMatch(/The failing provisioner's last lines \(CloudWatch Logs, group \/aws\/elasticbeanstalk\/platform\/web-platform, stream 1\.0\.0\)/);
    expect(error).toMatch(/ebpacker: E: Unable to locate package docker-ce/);
    // The transcript's full sequence is in the log.
    expect(run.main.output).toMatch(
      /ERROR Unsuccessful command execution on instance id\(s\) 'i-[0-9a-f]+'\. Aborting the operation\.[\s\S]*INFO {2}Failed to create platform version 'web-platform\/1\.0\.0'\./,
    );
    expect(leftovers).toEqual([]);
  }, 60_000);

  it("sends the option settings the EB CLI sends, tags the version with the run, and checks the builder's instance profile first", async () => {
    const { run, leftovers, standin } = await scenario({ inputs: { 'builder-service-role': 'my-eb-service-role' } });
    expect(run.main.code).toBe(0);
    const [platform] = standin.platforms();
    expect(platform.optionSettings).toEqual(
      expect.arrayContaining([
        { namespace: 'aws:autoscaling:launchconfiguration', name: 'IamInstanceProfile', value: 'aws-elasticbeanstalk-custom-platform-ec2-role' },
        { namespace: 'aws:elasticbeanstalk:healthreporting:system', name: 'SystemType', value: 'enhanced' },
        { namespace: 'aws:elasticbeanstalk:environment', name: 'ServiceRole', value: 'my-eb-service-role' },
      ]),
    );
    expect(platform.tags).toMatchObject({ 'eb-platform-action:run-id': '4242', 'eb-platform-action:repository': 'acme/web-platform' });
    const ops = standin.seen.map((x) => x.action);
    expect(ops.indexOf('GetInstanceProfile')).toBeGreaterThan(-1);
    expect(ops.indexOf('GetInstanceProfile')).toBeLessThan(ops.indexOf('CreatePlatformVersion'));
    // The builder took time to launch and was busy (Updating) while it built; teardown still ended it.
    expect(run.main.output).toMatch(/Creating Packer builder environment 'eb-custom-platform-builder-packer'/);
    expect(leftovers).toEqual([]);
  }, 60_000);

  it("stops before the build when the builder's instance profile does not exist", async () => {
    const { run, leftovers, standin } = await scenario({ inputs: { 'builder-instance-profile': 'no-such-profile' } });
    expect(run.main.code).toBe(1);
    expect(run.main.output).toMatch(/::error::The builder's instance profile 'no-such-profile' \(builder-instance-profile\) does not exist in this account/);
    expect(standin.seen.map((x) => x.action)).not.toContain('CreatePlatformVersion');
    expect(leftovers).toEqual([]);
  }, 60_000);

  it('reads every page of the events, each event once', async () => {
    const { run, leftovers, standin } = await scenario({ pageSize: 2 });
    expect(run.main.code).toBe(0);
    const pages = standin.seen.filter((x) => x.action === 'DescribeEvents').length;
    expect(pages).toBeGreaterThan(3);
    const events = run.main.output.split('\n').filter((l) => / (INFO|ERROR) /.test(l) && /platform version|Packer|builder|AMI/.test(l));
    expect(new Set(events).size).toBe(events.length);
    for (const m of [
      'Initiated platform version creation',
      'Starting Packer building task',
      'Successfully built AMI',
      'Successfully created platform version',
    ]) {
      expect(events.filter((e) => e.includes(m))).toHaveLength(1);
    }
    expect(leftovers).toEqual([]);
  }, 60_000);

  it.each(['CreatePlatformVersion', 'PutObject', 'CreateStorageLocation'])(
    'finds and finishes what %s did when its answer was lost, and leaves nothing',
    async (action) => {
      const { run, leftovers, standin } = await scenario({ faults: [{ action, kind: 'lose' }] });
      expect(standin.seen.filter((x) => x.action === action).length).toBeGreaterThan(1);
      expect(errorLine(run.main.output)).toBe('');
      expect(run.main.code).toBe(0);
      if (action === 'CreatePlatformVersion')
        expect(run.main.output).toMatch(/The answer to CreatePlatformVersion was lost; the build it started is this run's/);
      expect(standin.platforms()).toHaveLength(1);
      expect(leftovers).toEqual([]);
    },
    90_000,
  );

  it.each([
    ['deny', /AccessDenied: .*\n?.*The credentials lack a permission the call needs .*AWS retired them/],
    ['deny-downstream', /InsufficientPrivilegesException: .*\n?.*The credentials lack a permission the call needs/],
  ] as const)(
    'explains CreatePlatformVersion refused (%s) in words a user can act on, and leaves nothing',
    async (kind, message) => {
      const { run, leftovers } = await scenario({ faults: [{ action: 'CreatePlatformVersion', kind, times: Infinity }] });
      expect(run.main.code).toBe(1);
      expect(run.main.output).toMatch(message);
      expect(leftovers).toEqual([]);
    },
    60_000,
  );

  it('gives up at its deadline on a build that never ends, aborts it on the busy builder, and leaves nothing', async () => {
    const { run, leftovers, standin } = await scenario({ buildMs: 10 * 60_000, inputs: { 'deadline-minutes': '1' } });
    expect(run.main.code).toBe(1);
    expect(run.main.output).toMatch(/::error::Gave up after the deadline/);
    expect(run.main.output).toMatch(/delete-platform-version/);
    // Elastic Beanstalk will not terminate a builder that is Updating: the build is aborted first.
    const ops = standin.seen.map((x) => x.action);
    expect(ops.indexOf('AbortEnvironmentUpdate')).toBeGreaterThan(-1);
    expect(ops.lastIndexOf('TerminateEnvironment')).toBeGreaterThan(ops.indexOf('AbortEnvironmentUpdate'));
    expect(leftovers).toEqual([]);
  }, 120_000);

  it('waits through slow answers', async () => {
    const { run, leftovers } = await scenario({ faults: [{ action: 'DescribePlatformVersion', kind: 'slow', delayMs: 3000 }] });
    expect(run.main.code).toBe(0);
    expect(leftovers).toEqual([]);
  }, 60_000);

  describe('bad input', () => {
    const cases: [string, Record<string, string>, RegExp, { workspace?: string; env?: NodeJS.ProcessEnv }?][] = [
      ['a version that is not one', { 'platform-version': '1.2' }, /Input 'platform-version': '1\.2' is not a version/],
      ['a tag that is not a version', { 'platform-version': 'refs/tags/release-7' }, /Input 'platform-version'/],
      ['an unknown region', { 'aws-region': 'moon-base-1' }, /Input 'aws-region': 'moon-base-1' is not an AWS region/],
      ['a missing platform dir', { 'platform-dir': 'no-such-dir' }, /Input 'platform-dir': 'no-such-dir' does not exist/],
      ['a platform.yaml that is not YAML', { 'platform-dir': 'bad-yaml' }, /Input 'platform-dir': .*platform\.yaml: is not valid YAML/],
      ['a platform.yaml without provisioner', { 'platform-dir': 'no-provisioner' }, /Input 'platform-dir': .*platform\.yaml: lacks 'provisioner'/],
      ['a bundle over the size limit', { 'platform-dir': 'too-big', 'max-bundle-size-mb': '1' }, /Input 'max-bundle-size-mb': the bundle of .* exceeds 1 MiB/],
      ['a deadline that is not a number', { 'deadline-minutes': 'soon' }, /Input 'deadline-minutes'/],
      ['a boolean that is not one', { 'smoke-test': 'yes please' }, /Input 'smoke-test'/],
      ['a CIDR that is not one', { 'smoke-allowed-cidr': '10.0.0.0/64' }, /Input 'smoke-allowed-cidr'/],
      ['a tag with a prefix Elastic Beanstalk keeps', { tags: 'elasticbeanstalk:env=x' }, /Input 'tags': tag 'elasticbeanstalk:env' uses the reserved prefix/],
      ['a tag with a character Elastic Beanstalk refuses', { tags: 'team=a&b' }, /Input 'tags': tag 'team=a&b' has a character Elastic Beanstalk refuses/],
      [
        'a flavor the builder has no bootstrap for',
        { 'platform-dir': 'ubuntu2404' },
        /Input 'platform-dir': .*'provisioner\.flavor' is 'ubuntu2404': Elastic Beanstalk's builder accepts only amazon, ubuntu1604, rhel7, rhel6/,
      ],
      [
        'a template whose region is not aws-region',
        { 'platform-dir': 'other-region' },
        /Input 'aws-region': 'eu-west-1' is not where custom_platform\.json \(builders\[0\]\.region\) builds: it says 'us-east-1'/,
      ],
    ];
    let workspace: string;
    beforeAll(() => {
      workspace = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'bad-input-'));
      fs.cpSync(path.resolve(__dirname, '../../platform'), path.join(workspace, 'platform'), { recursive: true });
      fs.cpSync(path.join(workspace, 'platform'), path.join(workspace, 'bad-yaml'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'bad-yaml/platform.yaml'), 'version: "1.0"\nprovisioner: [unclosed\n');
      fs.cpSync(path.join(workspace, 'platform'), path.join(workspace, 'no-provisioner'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'no-provisioner/platform.yaml'), 'version: "1.0"\nmetadata:\n  maintainer: x\n');
      fs.cpSync(path.join(workspace, 'platform'), path.join(workspace, 'too-big'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'too-big/builder/blob.bin'), require('node:crypto').randomBytes(2 * 1024 * 1024));
      fs.cpSync(path.join(workspace, 'platform'), path.join(workspace, 'ubuntu2404'), { recursive: true });
      const yaml = path.join(workspace, 'ubuntu2404/platform.yaml');
      fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('flavor: ubuntu1604', 'flavor: ubuntu2404'));
      fs.cpSync(path.join(workspace, 'platform'), path.join(workspace, 'other-region'), { recursive: true });
      const template = path.join(workspace, 'other-region/custom_platform.json');
      const t = JSON.parse(fs.readFileSync(template, 'utf8'));
      t.builders[0].region = 'us-east-1';
      fs.writeFileSync(template, JSON.stringify(t));
    });
    afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

    it.each(cases)(
      'names the input for %s, with no request sent',
      async (_name, inputs, message) => {
        const { run, standin, leftovers } = await scenario({ inputs, workspace });
        expect(run.main.code).toBe(1);
        const errors = run.main.output.split('\n').filter((l) => l.startsWith('::error::'));
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(message);
        expect(standin.seen).toEqual([]);
        expect(leftovers).toEqual([]);
      },
      60_000,
    );
  });

  afterAllRuns("the README's IAM policy allows every call these runs made, and nothing else", () => {
    const allowed = readPolicy();
    const seen = seenActions();
    expect(seen.filter((op) => !allowed.has(op))).toEqual([]);
    // Every allowed action is one the action's code sends (the smoke test's EC2 calls are seen in
    // smoke-faults.test.ts and the runs on the local instance); ec2:CreateTags is what AWS checks for
    // tags given at creation.
    const unused = [...allowed].filter((a) => !codeSends(a) && a !== 'ec2:CreateTags');
    expect(unused).toEqual([]);
    expect(codeTagsAtCreation()).toBe(true);
    // And the runs above did exercise the Elastic Beanstalk and S3 side fully.
    for (const a of [...allowed].filter((x) => !x.startsWith('ec2:') || x === 'ec2:DescribeImages')) expect(seen).toContain(a);
  });
});
