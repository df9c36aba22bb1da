/**
 * The upload and CreatePlatformVersion against the stand-in over the wire:
 * the bundle stored where the EB CLI stores it, the version created with its
 * tags, the errors the API model lists for the call, and an answer lost after
 * the version was made.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { S3Client } from '@aws-sdk/client-s3';
import { createPlatformVersion } from '../../src/builders/elastic-beanstalk/create';
import { builderOptionSettings, bundleKey } from '../../src/builders/elastic-beanstalk/settings';
import { bucketOwner, storageBucket, StoredBundle, uploadBundle } from '../../src/builders/elastic-beanstalk/storage';
import { startStandin, Standin } from '../../test/aws-standin/server';
import { standinClients } from '../helpers/standin-clients';

const builder = { instanceProfile: 'aws-elasticbeanstalk-custom-platform-ec2-role', serviceRole: 'aws-elasticbeanstalk-service-role', subnets: [] as string[] };
const ARN = 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.2.3';

describe('upload and create', () => {
  let standin: Standin;
  let clients: ReturnType<typeof standinClients>;
  let dir: string;
  beforeEach(async () => {
    standin = await startStandin({});
    // Three attempts, as the SDK's default: a lost answer is retried.
    clients = standinClients(standin, 'eu-west-1', 3);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-'));
  });
  afterEach(async () => {
    clients.destroy();
    await standin.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const eb = () => clients.get(ElasticBeanstalkClient);
  const calls = (action: string) => standin.seen.filter((s) => s.action === action);

  /** A bundle uploaded as a run uploads it. */
  async function uploaded(bytes = 'zip bytes'): Promise<StoredBundle & { sha256: string }> {
    const file = path.join(dir, 'b.zip');
    fs.writeFileSync(file, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const bucket = await storageBucket(eb());
    const key = bundleKey('web', '1.2.3', sha256);
    await uploadBundle(clients.get(S3Client), bucket, key, { path: file, sha256, bytes: Buffer.byteLength(bytes) });
    return { bucket, key, sha256 };
  }

  it('uploads to the account bucket under a key holding the hash, with a checksum S3 verifies', async () => {
    const { bucket, key, sha256 } = await uploaded();
    expect(bucket).toBe('elasticbeanstalk-eu-west-1-123456789012');
    expect(key).toBe(`custom-platforms/web/1.2.3-${sha256}.zip`);
    expect(standin.object(bucket, key)?.toString()).toBe('zip bytes');
    const put = calls('PutObject')[0].headers;
    expect(put['x-amz-checksum-sha256']).toBe(Buffer.from(sha256, 'hex').toString('base64'));
    expect(put['x-amz-expected-bucket-owner']).toBe('123456789012');
    expect(put['content-length']).toBe('9');
    expect(bucketOwner('my-own-bucket')).toBeUndefined();
  });

  it('refuses to store a bundle whose bytes do not match the hash it claims', async () => {
    const file = path.join(dir, 'b.zip');
    fs.writeFileSync(file, 'zip bytes');
    const wrong = createHash('sha256').update('other bytes').digest('hex');
    const bucket = await storageBucket(eb());
    // The SDK warns of the refused stream on the console; the error is what counts here.
    jest.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(uploadBundle(clients.get(S3Client), bucket, 'k.zip', { path: file, sha256: wrong, bytes: 9 })).rejects.toThrow(/BadDigest|SHA256/);
    expect(standin.object(bucket, 'k.zip')).toBeUndefined();
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

  it('creates the version and returns its ARN, with the tags it was given', async () => {
    const bundle = await uploaded();
    const out = await createPlatformVersion(eb(), { name: 'web', version: '1.2.3', bundle, builder, tags: { team: 'web' } });
    expect(out.platformArn).toBe(ARN);
    expect(standin.platforms()).toEqual([expect.objectContaining({ arn: ARN, status: 'Creating', tags: { team: 'web' } })]);
  });

  it.each([
    ['InsufficientPrivilegesException', { kind: 'deny-downstream' as const }, /no longer accepts custom platforms/],
    ['AccessDenied', { kind: 'deny' as const }, /The credentials lack a permission the call needs .* no longer accepts custom platforms/],
    [
      'TooManyPlatformsException',
      { kind: 'error' as const, error: { code: 'TooManyPlatformsException', message: 'You have exceeded the maximum number of allowed platforms.' } },
      /limit of custom platform versions/,
    ],
    [
      'ElasticBeanstalkServiceException',
      { kind: 'error' as const, error: { code: 'ElasticBeanstalkServiceException', message: 'A generic service exception has occurred.' } },
      /no longer supports custom platforms/,
    ],
  ])('turns %s into one clear error', async (code, fault, hint) => {
    const bundle = await uploaded();
    standin.addFault({ action: 'CreatePlatformVersion', ...fault });
    const error = await createPlatformVersion(eb(), { name: 'web', version: '1.2.3', bundle, builder, tags: {} }).catch((e) => e);
    expect(error.message).toMatch(new RegExp(`^CreatePlatformVersion for web/1\\.2\\.3 failed: ${code}: `));
    expect(error.message).toMatch(hint);
    expect(standin.platforms()).toEqual([]);
  });

  describe('an answer lost after the version was created (the retry meets "already exists")', () => {
    const runTags = { 'eb-platform-action:run-id': '4242', 'eb-platform-action:run-attempt': '1' };
    const create = (bundle: StoredBundle) => createPlatformVersion(eb(), { name: 'web', version: '1.2.3', bundle, builder, tags: { team: 'web' }, runTags });

    it('adopts the version when it carries this run’s tags, and tags every version it creates so', async () => {
      const bundle = await uploaded();
      standin.addFault({ action: 'CreatePlatformVersion', kind: 'lose' });
      await expect(create(bundle)).resolves.toEqual({ platformArn: ARN, adopted: true });
      // One version, made by the first call; the retry met it.
      expect(calls('CreatePlatformVersion')).toHaveLength(2);
      expect(standin.platforms()).toEqual([expect.objectContaining({ arn: ARN, tags: { team: 'web', ...runTags } })]);
      const filters = Object.fromEntries([...calls('ListPlatformVersions')[0].params].filter(([k]) => k.startsWith('Filters.')));
      expect(Object.values(filters)).toEqual(expect.arrayContaining(['PlatformOwner', 'self', 'PlatformVersion', '1.2.3']));
    });

    it('refuses a version another run created meanwhile', async () => {
      const bundle = await uploaded();
      standin.eb.addPlatform('web', '1.2.3', 'Creating');
      standin.eb.platforms()[0].tags = { 'eb-platform-action:run-id': '9999' };
      await expect(create(bundle)).rejects.toThrow(/Platform version web\/1\.2\.3 was created meanwhile by someone else .*this run did not start a build/);
    });
  });
});
