import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../src/lib/errors';
import { DEFAULT_BUILDER_PROFILE, InputErrors, parseInputs, parseTags, parseVersionRequest } from '../../src/inputs';

describe('inputs', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-'));
    fs.mkdirSync(path.join(workspace, 'platform'));
    fs.writeFileSync(path.join(workspace, 'check.sh'), '#!/bin/sh\n');
  });
  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const env = () => ({ GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/web-platform', AWS_REGION: 'eu-west-1' });
  const parse = (given: Record<string, string>, e: NodeJS.ProcessEnv = env()) => parseInputs((n) => given[n] ?? '', e);
  const errorOf = (fn: () => unknown): Error => {
    try {
      fn();
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected an error');
  };

  it('applies the documented defaults', () => {
    const inputs = parse({});
    expect(inputs).toMatchObject({
      platformDir: path.join(workspace, 'platform'),
      platformName: 'web-platform',
      platformVersion: { kind: 'auto' },
      region: 'eu-west-1',
      timeoutMinutes: 60,
      pollIntervalSeconds: 10,
      smokeTest: true,
      keepBuilder: false,
      dryRun: false,
      maxBundleBytes: 500 * 1024 * 1024,
      builder: 'elastic-beanstalk',
      packer: { version: '1.16.0', pluginVersion: undefined, variables: {} },
      builderEnvironment: { instanceProfile: 'aws-elasticbeanstalk-custom-platform-ec2-role', serviceRole: 'aws-elasticbeanstalk-service-role', subnets: [] },
      smoke: { instanceType: 't3.small', sshUser: 'ubuntu', sshPort: 22, httpPort: 80, address: 'public' },
    });
  });

  it('reads the packer builder and its settings, and refuses -var variables Elastic Beanstalk cannot take', () => {
    expect(parse({ builder: 'packer', 'packer-version': 'v1.11.2', 'packer-variables': 'docker_source=distro\ninstance_type = t3.large' })).toMatchObject({
      builder: 'packer',
      packer: { version: '1.11.2', pluginVersion: undefined, variables: { docker_source: 'distro', instance_type: 't3.large' } },
    });
    expect(parse({ builder: 'packer', 'packer-version': 'path', 'packer-amazon-plugin-version': '1.8.1' }).packer).toMatchObject({
      version: 'path',
      pluginVersion: '1.8.1',
    });
    for (const name of ['packer-version', 'packer-amazon-plugin-version'])
      expect(errorOf(() => parse({ [name]: '1.16.0' })).message).toMatch(
        new RegExp(`^Input '${name}': given with builder elastic-beanstalk, whose builder runs its own Packer: leave it empty, or use builder: packer$`),
      );
    expect(errorOf(() => parse({ 'packer-variables': 'docker_source=distro' })).message).toMatch(
      /Input 'packer-variables': given with builder elastic-beanstalk, whose builder runs the template without -var/,
    );
    expect(errorOf(() => parse({ builder: 'codebuild' })).message).toMatch(/Input 'builder': 'codebuild' is not one of elastic-beanstalk, packer/);
    expect(errorOf(() => parse({ builder: 'packer', 'packer-version': 'latest' })).message).toMatch(
      /Input 'packer-version': 'latest' is not a version: expected MAJOR\.MINOR\.PATCH such as 1\.16\.0, or path for the packer on PATH/,
    );
    expect(errorOf(() => parse({ builder: 'packer', 'packer-variables': 'no equals sign' })).message).toMatch(
      /Input 'packer-variables': 'no equals sign' is not a variable/,
    );
  });

  it.each([
    ['auto', { kind: 'auto' }],
    ['', { kind: 'auto' }],
    ['1.4.2', { kind: 'explicit', version: '1.4.2' }],
    ['v1.4.2', { kind: 'explicit', version: '1.4.2' }],
    ['refs/tags/v1.4.2', { kind: 'explicit', version: '1.4.2' }],
    ['refs/tags/10.0.12', { kind: 'explicit', version: '10.0.12' }],
  ])('reads the version %p', (raw, expected) => {
    expect(parseVersionRequest(raw)).toEqual(expected);
  });

  it.each(['1.4', '1.4.2.1', 'v1.4.x', 'refs/heads/main', 'latest', '01.2.3', '1.2.3-rc1'])('refuses the version %p', (raw) => {
    const e = errorOf(() => parseVersionRequest(raw));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toContain("Input 'platform-version'");
    expect(e.message).toContain(raw);
    expect(e.message).toContain('MAJOR.MINOR.PATCH');
  });

  it.each([
    ['aws-region', 'mars-north-1', 'not an AWS region'],
    ['aws-region', 'us-east', 'not an AWS region'],
    ['platform-dir', 'missing', 'does not exist'],
    ['platform-dir', '../outside', 'leaves the repository'],
    ['platform-dir', 'check.sh', 'not a directory'],
    ['platform-name', 'bad/name', 'not a platform name'],
    ['platform-name', 'has:colon', 'not a platform name'],
    ['timeout-minutes', '0', 'whole number from 1 to 1440'],
    ['timeout-minutes', 'ten', 'whole number'],
    ['poll-interval-seconds', '-1', 'number from'],
    ['smoke-test', 'yes', 'expected true or false'],
    ['keep-builder', '1', 'expected true or false'],
    ['dry-run', 'maybe', 'expected true or false'],
    ['tags', 'novalue', 'expected Key=Value'],
    ['tags', 'aws:x=1', "reserved prefix 'aws:'"],
    ['builder-instance-type', 'big', 'not an EC2 instance type'],
    ['builder-vpc-id', 'vpc-xyz', 'not a vpc id'],
    ['builder-instance-profile', 'has space', 'not an IAM name'],
    ['builder-service-role', 'has space', 'not an IAM name'],
    ['tags', 'elasticbeanstalk:x=1', "reserved prefix 'elasticbeanstalk:': Elastic Beanstalk keeps it for itself"],
    ['tags', `${'k'.repeat(128)}=v`, 'Elastic Beanstalk takes keys up to 127 characters and values up to 255'],
    ['tags', `k=${'v'.repeat(256)}`, 'values up to 255'],
    ['tags', 'team=web#1', 'has a character Elastic Beanstalk refuses: expected letters, digits, spaces and _ . : / = + - @'],
    ['smoke-tags', `${'k'.repeat(129)}=v`, 'EC2 takes keys up to 128 characters'],
    ['smoke-address', 'elastic', 'not one of public, private'],
    ['smoke-kms-key-id', 'my key', 'not a KMS key'],
    ['max-bundle-size-mb', '0', 'whole number from 1'],
    ['smoke-instance-type', 'T3.SMALL', 'not an EC2 instance type'],
    ['smoke-subnet-id', 'subnet-1', 'not a subnet id'],
    ['smoke-subnet-id', 'subnet-0123456789ab', 'not a subnet id'],
    ['smoke-allowed-cidr', '10.0.0.300/32', 'not an IPv4 CIDR'],
    ['smoke-allowed-cidr', '0.0.0.0', 'not an IPv4 CIDR'],
    ['smoke-script', 'nope.sh', 'does not exist'],
    ['ssh-user', 'Root User', 'not a user name'],
    ['ssh-port', '70000', 'from 1 to 65535'],
    ['http-port', '8o', 'whole number'],
  ])('names %s when it is %p', (name, value, expected) => {
    const e = errorOf(() => parse({ [name]: value }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toContain(`Input '${name}'`);
    expect(e.message).toContain(expected);
  });

  it('needs a region unless it is a dry run', () => {
    const noRegion = { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/p' };
    expect(errorOf(() => parse({}, noRegion)).message).toMatch(/Input 'aws-region': no region given/);
    expect(parse({ 'dry-run': 'true' }, noRegion).region).toBe('');
  });

  it('needs a name when there is no repository to take it from', () => {
    expect(errorOf(() => parse({}, { GITHUB_WORKSPACE: workspace, AWS_REGION: 'us-east-1' })).message).toMatch(/Input 'platform-name': no name given/);
  });

  it('reports every bad input at once, one line each', () => {
    const e = errorOf(() => parse({ 'platform-version': 'x', 'timeout-minutes': '-5', 'ssh-port': '0' }));
    expect(e).toBeInstanceOf(InputErrors);
    expect((e as InputErrors).errors.map((x) => x.input)).toEqual(['platform-version', 'timeout-minutes', 'ssh-port']);
    expect(e.message.split('\n')).toHaveLength(3);
  });

  it('wants a VPC with builder subnets', () => {
    expect(errorOf(() => parse({ 'builder-subnets': 'subnet-0123456789abcdef0' })).message).toMatch(/Input 'builder-subnets'.*builder-vpc-id/);
    expect(parse({ 'builder-vpc-id': 'vpc-0123abcd', 'builder-subnets': 'subnet-0123abcd, subnet-4567abcd' }).builderEnvironment.subnets).toEqual([
      'subnet-0123abcd',
      'subnet-4567abcd',
    ]);
  });

  it('reads tags one per line or comma-separated', () => {
    expect(parseTags('tags', 'team=web\nstage = prod, cost-centre=42')).toEqual({ team: 'web', stage: 'prod', 'cost-centre': '42' });
    expect(() => parseTags('tags', Array.from({ length: 51 }, (_, i) => `k${i}=v`).join('\n'))).toThrow(
      /51 tags given: expected at most 43 \(EC2 takes 50 per resource; the action adds its own\)/,
    );
  });

  it('reads the release inputs, with one clear error for each that is wrong', () => {
    const r = parse({
      'ami-regions': 'eu-central-1, us-east-1\nus-east-1',
      'ami-kms-key-ids': 'us-east-1=alias/ami-copies',
      'ami-share-accounts': '210987654321,111122223333',
      'ami-share-ou-arns': 'arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef3456',
      'ssm-parameter': '/platform/web/ami-id',
      'keep-versions': '5',
      'deprecate-previous-after-days': '30',
    }).release;
    expect(r).toEqual({
      regions: ['eu-central-1', 'us-east-1'],
      kmsKeyIds: { 'us-east-1': 'alias/ami-copies' },
      shareAccounts: ['210987654321', '111122223333'],
      shareOrgArns: [],
      shareOuArns: ['arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef3456'],
      ssmParameter: '/platform/web/ami-id',
      ssmParameterPlatformArn: undefined,
      keepVersions: 5,
      deprecateAfterDays: 30,
      sweepOrphans: true,
    });
    expect(parse({}).release).toMatchObject({ regions: [], keepVersions: undefined, deprecateAfterDays: undefined, sweepOrphans: true });
    const wrong = errorOf(() =>
      parse({
        'ami-regions': 'eu-west-1, mars-1',
        'ami-kms-key-ids': 'ap-south-1=alias/x',
        'ami-share-accounts': '12345',
        'ami-share-org-arns': 'o-abcdefghij',
        'ssm-parameter': '/aws/reserved',
        'keep-versions': '-1',
        'sweep-orphans': 'maybe',
      }),
    ) as InputErrors;
    expect(wrong.errors.map((e) => e.message)).toEqual([
      "Input 'ami-share-accounts': '12345' is not a 12-digit AWS account id",
      expect.stringMatching(/^Input 'ami-share-org-arns': 'o-abcdefghij' is not an organization ARN/),
      "Input 'ssm-parameter': '/aws/reserved' begins with 'aws', which Systems Manager keeps for itself",
      "Input 'keep-versions': '-1' is not valid: expected a whole number from 0 to 1000",
      "Input 'sweep-orphans': 'maybe' is not a boolean: expected true or false",
      "Input 'ami-regions': 'mars-1' is not an AWS region: expected a region code such as us-east-1 or eu-west-2",
      expect.stringMatching(/^Input 'ami-kms-key-ids': ap-south-1 is not in ami-regions: a key applies to the copy made in its region/),
    ]);
    expect(errorOf(() => parse({ 'ami-regions': 'eu-west-1' })).message).toMatch(/Input 'ami-regions': eu-west-1 is the build's region/);
    expect(errorOf(() => parse({ 'ami-kms-key-ids': 'us-east-1=alias/x' })).message).toMatch(/Input 'ami-kms-key-ids': us-east-1 is not in ami-regions/);
    expect(errorOf(() => parse({ 'ami-regions': 'us-east-1', 'smoke-test': 'false' })).message).toMatch(
      /Input 'smoke-test': false while the image is to be promoted .*a promotion follows a passed smoke test only/,
    );
    expect(errorOf(() => parse({ builder: 'packer', 'ssm-parameter-platform-arn': '/p/arn' })).message).toMatch(
      /Input 'ssm-parameter-platform-arn': given with builder packer/,
    );
    // Pruning and the sweep need no smoke test.
    expect(parse({ 'keep-versions': '3', 'smoke-test': 'false' }).release.keepVersions).toBe(3);
  });

  it("keeps room for the action's own tags within Elastic Beanstalk's 50, and takes its characters", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v`).join('\n');
    expect(Object.keys(parse({ tags: many(44) }).tags)).toHaveLength(44);
    expect(errorOf(() => parse({ tags: many(45) })).message).toMatch(/Input 'tags': 45 tags given: expected at most 44/);
    expect(parse({ tags: 'owner=Jo Doe, url=https://x.example/a+b@c' }).tags).toEqual({ owner: 'Jo Doe', url: 'https://x.example/a+b@c' });
  });

  it('refuses a smoke CIDR wider than one address unless smoke-allow-wide-cidr says so, and then warns', () => {
    for (const [cidr, what] of [
      ['0.0.0.0/0', 'the whole internet'],
      ['10.0.0.0/16', '65,536 addresses'],
      ['203.0.113.0/31', '2 addresses'],
    ]) {
      const error = errorOf(() => parse({ 'smoke-allowed-cidr': cidr }));
      expect(error.message).toBe(
        `Input 'smoke-allowed-cidr': ${cidr} lets ${what} reach the smoke-test instance's SSH and HTTP ports: expected a /32 (the runner's address), or set smoke-allow-wide-cidr: true to allow a wider block (a runner network inside the VPC)`,
      );
      const allowed = parse({ 'smoke-allowed-cidr': cidr, 'smoke-allow-wide-cidr': 'true' });
      expect(allowed.smoke.allowedCidr).toBe(cidr);
      expect(allowed.warnings).toEqual([
        `smoke-allowed-cidr: ${cidr} lets ${what} reach the smoke-test instance's SSH and HTTP ports (smoke-allow-wide-cidr: true).`,
      ]);
    }
    expect(parse({ 'smoke-allowed-cidr': '203.0.113.7/32' }).warnings).toEqual([]);
  });

  it('keeps a comma inside a tag value unless another Key= follows it', () => {
    expect(parse({ 'smoke-tags': 'Team=web,api\nOwner=Jo' }).smoke.tags).toEqual({ Team: 'web,api', Owner: 'Jo' });
    expect(parse({ 'smoke-tags': 'A=1,B=2, C=x,y' }).smoke.tags).toEqual({ A: '1', B: '2', C: 'x,y' });
    // Elastic Beanstalk refuses the comma itself, and says so of the whole value.
    expect(errorOf(() => parse({ tags: 'Team=web,api' })).message).toMatch(/tag 'Team=web,api' has a character Elastic Beanstalk refuses/);
  });

  it('refuses an input the chosen builder does not use, naming the builder; its action.yml default counts as not given', () => {
    const packerOnly = { builder: 'packer', 'packer-version': 'path' };
    for (const [name, value] of [
      ['builder-vpc-id', 'vpc-12345678'],
      ['builder-instance-type', 't3.large'],
      ['builder-instance-profile', 'my-profile'],
      ['keep-builder', 'true'],
      ['poll-interval-seconds', '5'],
      ['ssm-parameter-platform-arn', '/web/arn'],
    ]) {
      expect(errorOf(() => parse({ ...packerOnly, [name]: value })).message).toMatch(new RegExp(`^Input '${name}': given with builder packer, which`));
    }
    expect(errorOf(() => parse({ 'packer-version': '1.16.0' })).message).toMatch(
      /^Input 'packer-version': given with builder elastic-beanstalk, whose builder runs its own Packer/,
    );
    // What action.yml fills in for an input the workflow leaves out is no choice of the user's.
    expect(parse({ ...packerOnly, 'keep-builder': 'false', 'poll-interval-seconds': '10', 'builder-instance-profile': DEFAULT_BUILDER_PROFILE }).builder).toBe(
      'packer',
    );
  });

  it('takes timeout-minutes as deadline-minutes, with a deprecation warning; both at once is an error', () => {
    expect(parse({ 'deadline-minutes': '90' })).toMatchObject({ timeoutMinutes: 90, warnings: [] });
    const old = parse({ 'timeout-minutes': '45', 'deadline-minutes': '60' });
    expect(old.timeoutMinutes).toBe(45);
    expect(old.warnings).toEqual([expect.stringMatching(/^Input 'timeout-minutes' is deprecated: it is now deadline-minutes/)]);
    expect(errorOf(() => parse({ 'timeout-minutes': '45', 'deadline-minutes': '90' })).message).toMatch(
      /^Input 'timeout-minutes': and deadline-minutes are both given/,
    );
  });

  it('wants the runner network for a private address, and takes a KMS key in each form EC2 does', () => {
    expect(errorOf(() => parse({ 'smoke-address': 'private' })).message).toMatch(/Input 'smoke-allowed-cidr': not set while smoke-address is private/);
    expect(parse({ 'smoke-address': 'private', 'smoke-allowed-cidr': '10.0.3.7/32' }).smoke.address).toBe('private');
    expect(parse({ 'smoke-address': 'private', 'smoke-allowed-cidr': '10.0.0.0/16', 'smoke-allow-wide-cidr': 'true' }).smoke.allowedCidr).toBe('10.0.0.0/16');
    for (const key of [
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      'alias/ebs-smoke',
      'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    ]) {
      expect(parse({ 'smoke-kms-key-id': key }).smoke.kmsKeyId).toBe(key);
    }
  });

  it('resolves the smoke script inside the repository', () => {
    expect(parse({ 'smoke-script': 'check.sh' }).smoke.script).toBe(path.join(workspace, 'check.sh'));
  });

  it('takes mode rollback without a platform directory, wants a parameter to move, and names the inputs it ignores', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-bare-'));
    try {
      const e = { ...env(), GITHUB_WORKSPACE: bare };
      const inputs = parse({ mode: 'rollback', 'ssm-parameter': '/platform/web/ami-id', 'keep-versions': '3', 'smoke-instance-type': 't3.large' }, e);
      expect(inputs).toMatchObject({ mode: 'rollback', platformDir: '' });
      expect(inputs.warnings).toEqual(['mode rollback builds nothing: smoke-instance-type, keep-versions are ignored.']);
      expect(errorOf(() => parse({ mode: 'rollback' }, e)).message).toMatch(
        /^Input 'mode': rollback without ssm-parameter or ssm-parameter-platform-arn: expected the parameter/,
      );
      expect(errorOf(() => parse({ mode: 'undo' }, e)).message).toMatch(/^Input 'mode': /);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  it('refuses skip-unchanged without the smoke test that proves what it would reuse', () => {
    expect(parse({ 'skip-unchanged': 'true' }).skipUnchanged).toBe(true);
    expect(errorOf(() => parse({ 'skip-unchanged': 'true', 'smoke-test': 'false' })).message).toMatch(
      /^Input 'skip-unchanged': true while smoke-test is false: only an image that passed its smoke test is reused/,
    );
  });
});
