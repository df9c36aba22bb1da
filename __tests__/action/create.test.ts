import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreatePlatformVersionCommand,
  CreateStorageLocationCommand,
  ElasticBeanstalkClient,
  ListPlatformVersionsCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPlatformVersion } from '../../src/build/elastic-beanstalk/create';
import { builderOptionSettings, bundleKey } from '../../src/build/elastic-beanstalk/settings';
import { bucketOwner, storageBucket, uploadBundle } from '../../src/build/elastic-beanstalk/storage';

const builder = { instanceProfile: 'aws-elasticbeanstalk-custom-platform-ec2-role', serviceRole: 'aws-elasticbeanstalk-service-role', subnets: [] as string[] };

describe('upload and create', () => {
  const eb = mockClient(ElasticBeanstalkClient);
  const s3 = mockClient(S3Client);
  beforeEach(() => {
    eb.reset();
    s3.reset();
  });

  it('uploads to the account bucket under a key holding the hash, with a checksum S3 verifies', async () => {
    eb.on(CreateStorageLocationCommand).resolves({ S3Bucket: 'elasticbeanstalk-eu-west-1-123456789012' });
    s3.on(PutObjectCommand).resolves({});
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-'));
    const file = path.join(dir, 'b.zip');
    fs.writeFileSync(file, 'zip bytes');
    const sha256 = createHash('sha256').update('zip bytes').digest('hex');
    const bucket = await storageBucket(new ElasticBeanstalkClient({ region: 'eu-west-1' }));
    const key = bundleKey('web', '1.2.3', sha256);
    await uploadBundle(new S3Client({ region: 'eu-west-1' }), bucket, key, { path: file, sha256, bytes: 9 });
    const input = s3.commandCalls(PutObjectCommand)[0].args[0].input;
    // The mock never reads the stream; close it before its file goes.
    const body = input.Body as fs.ReadStream;
    await new Promise<void>((resolve) => body.once('close', () => resolve()).destroy());
    fs.rmSync(dir, { recursive: true });
    expect(input).toMatchObject({
      Bucket: 'elasticbeanstalk-eu-west-1-123456789012',
      Key: `custom-platforms/web/1.2.3-${sha256}.zip`,
      ContentLength: 9,
      ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      ExpectedBucketOwner: '123456789012',
    });
    expect(bucketOwner('my-own-bucket')).toBeUndefined();
  });

  it('passes the builder settings under the EB CLI namespaces, with the enhanced health and service role the EB CLI always sends', () => {
    expect(
      builderOptionSettings({
        instanceProfile: 'p',
        serviceRole: 'my-eb-role',
        instanceType: 'c5.large',
        vpcId: 'vpc-0123abcd',
        subnets: ['subnet-1111aaaa', 'subnet-2222bbbb'],
      }),
    ).toEqual([
      { Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'IamInstanceProfile', Value: 'p' },
      { Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'InstanceType', Value: 'c5.large' },
      { Namespace: 'aws:ec2:vpc', OptionName: 'VPCId', Value: 'vpc-0123abcd' },
      { Namespace: 'aws:ec2:vpc', OptionName: 'Subnets', Value: 'subnet-1111aaaa,subnet-2222bbbb' },
      { Namespace: 'aws:ec2:vpc', OptionName: 'AssociatePublicIpAddress', Value: 'true' },
      { Namespace: 'aws:elasticbeanstalk:healthreporting:system', OptionName: 'SystemType', Value: 'enhanced' },
      { Namespace: 'aws:elasticbeanstalk:environment', OptionName: 'ServiceRole', Value: 'my-eb-role' },
    ]);
  });

  it('creates the version and returns its ARN and the builder', async () => {
    eb.on(CreatePlatformVersionCommand).resolves({
      PlatformSummary: { PlatformArn: 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.2.3', PlatformStatus: 'Creating' },
      Builder: { ARN: 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:environment/Custom Platform Builder/eb-custom-platform-builder-packer' },
    });
    const out = await createPlatformVersion(new ElasticBeanstalkClient({ region: 'eu-west-1' }), {
      name: 'web',
      version: '1.2.3',
      bundle: { bucket: 'b', key: 'k' },
      builder,
      tags: { team: 'web' },
    });
    expect(out.platformArn).toMatch(/platform\/web\/1\.2\.3$/);
    expect(eb.commandCalls(CreatePlatformVersionCommand)[0].args[0].input).toMatchObject({
      PlatformName: 'web',
      PlatformVersion: '1.2.3',
      PlatformDefinitionBundle: { S3Bucket: 'b', S3Key: 'k' },
      Tags: [{ Key: 'team', Value: 'web' }],
    });
  });

  it.each([
    ['InsufficientPrivilegesException', /no longer accepts custom platforms/],
    ['AccessDenied', /The credentials lack a permission the call needs .* no longer accepts custom platforms/],
    ['TooManyPlatformsException', /limit of custom platform versions/],
    ['ElasticBeanstalkServiceException', /no longer supports custom platforms/],
  ])('turns %s into one clear error', async (name, hint) => {
    eb.on(CreatePlatformVersionCommand).rejects(Object.assign(new Error('denied'), { name }));
    const error = await createPlatformVersion(new ElasticBeanstalkClient({ region: 'eu-west-1' }), {
      name: 'web',
      version: '1.2.3',
      bundle: { bucket: 'b', key: 'k' },
      builder,
      tags: {},
    }).catch((e) => e);
    expect(error.message).toMatch(new RegExp(`^CreatePlatformVersion for web/1\\.2\\.3 failed: ${name}: denied`));
    expect(error.message).toMatch(hint);
  });

  describe('an answer lost after the version was created (the retry meets "already exists")', () => {
    const ARN = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.2.3';
    const runTags = { 'eb-platform-action:run-id': '4242', 'eb-platform-action:run-attempt': '1' };
    const create = () =>
      createPlatformVersion(new ElasticBeanstalkClient({ region: 'eu-west-1' }), {
        name: 'web',
        version: '1.2.3',
        bundle: { bucket: 'b', key: 'k' },
        builder,
        tags: { team: 'web' },
        runTags,
      });
    beforeEach(() => {
      eb.on(CreatePlatformVersionCommand).rejects(Object.assign(new Error('Platform version web/1.2.3 already exists.'), { name: 'InvalidParameterValue' }));
      eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [{ PlatformArn: ARN, PlatformStatus: 'Creating', PlatformVersion: '1.2.3' }] });
    });

    it('adopts the version when it carries this run’s tags, and tags every version it creates so', async () => {
      eb.on(ListTagsForResourceCommand).resolves({
        ResourceArn: ARN,
        ResourceTags: [{ Key: 'team', Value: 'web' }, ...Object.entries(runTags).map(([Key, Value]) => ({ Key, Value }))],
      });
      await expect(create()).resolves.toEqual({ platformArn: ARN, adopted: true });
      expect(eb.commandCalls(CreatePlatformVersionCommand)[0].args[0].input.Tags).toEqual(
        expect.arrayContaining([
          { Key: 'eb-platform-action:run-id', Value: '4242' },
          { Key: 'team', Value: 'web' },
        ]),
      );
      expect(eb.commandCalls(ListPlatformVersionsCommand)[0].args[0].input.Filters).toEqual(
        expect.arrayContaining([
          { Type: 'PlatformOwner', Operator: '=', Values: ['self'] },
          { Type: 'PlatformVersion', Operator: '=', Values: ['1.2.3'] },
        ]),
      );
    });

    it('refuses a version another run created meanwhile', async () => {
      eb.on(ListTagsForResourceCommand).resolves({ ResourceArn: ARN, ResourceTags: [{ Key: 'eb-platform-action:run-id', Value: '9999' }] });
      await expect(create()).rejects.toThrow(/Platform version web\/1\.2\.3 was created meanwhile by someone else .*this run did not start a build/);
    });
  });
});
