import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { mockClient } from 'aws-sdk-client-mock';
import { CreatePlatformVersionCommand, CreateStorageLocationCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { builderOptionSettings, createPlatformVersion } from '../../src/build/elastic-beanstalk/create';
import { bucketOwner, bundleKey, storageBucket, uploadBundle } from '../../src/build/elastic-beanstalk/storage';

const builder = { instanceProfile: 'aws-elasticbeanstalk-custom-platform-ec2-role', subnets: [] as string[] };

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

  it('passes the builder settings under the EB CLI namespaces', () => {
    expect(builderOptionSettings({ instanceProfile: 'p', instanceType: 'c5.large', vpcId: 'vpc-0123abcd', subnets: ['subnet-1111aaaa', 'subnet-2222bbbb'] })).toEqual([
      { Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'IamInstanceProfile', Value: 'p' },
      { Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'InstanceType', Value: 'c5.large' },
      { Namespace: 'aws:ec2:vpc', OptionName: 'VPCId', Value: 'vpc-0123abcd' },
      { Namespace: 'aws:ec2:vpc', OptionName: 'Subnets', Value: 'subnet-1111aaaa,subnet-2222bbbb' },
      { Namespace: 'aws:ec2:vpc', OptionName: 'AssociatePublicIpAddress', Value: 'true' },
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
});
