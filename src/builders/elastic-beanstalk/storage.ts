import * as fs from 'node:fs';
import { CreateStorageLocationCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Clock, realClock } from '../../lib/clock';
import { isTransient } from '../../lib/aws-errors';
import { StepError, describeError } from '../../lib/errors';
import type { Log } from '../../lib/log';

export interface StoredBundle {
  bucket: string;
  key: string;
}

/** The account's Elastic Beanstalk bucket, created by the service if it does not exist yet. */
export async function storageBucket(eb: ElasticBeanstalkClient): Promise<string> {
  const out = await eb.send(new CreateStorageLocationCommand({}));
  if (!out.S3Bucket) throw new StepError('upload', 'CreateStorageLocation returned no bucket');
  return out.S3Bucket;
}

/** The account id in `elasticbeanstalk-REGION-ACCOUNT`, to pin the bucket's owner. */
export function bucketOwner(bucket: string): string | undefined {
  return /^elasticbeanstalk-[a-z0-9-]+-(\d{12})$/.exec(bucket)?.[1];
}

/**
 * Uploads the zip with its SHA-256 as a checksum S3 verifies, and refuses to
 * write into a bucket some other account owns. The SDK cannot retry a request
 * whose body is a stream, so throttling, 5xx and dropped connections are
 * retried here, each attempt on a fresh stream.
 */
export async function uploadBundle(
  s3: S3Client,
  bucket: string,
  key: string,
  bundle: { path: string; sha256: string; bytes: number },
  options: { attempts?: number; clock?: Clock; log?: Log } = {},
): Promise<StoredBundle> {
  const attempts = options.attempts ?? 6;
  const clock = options.clock ?? realClock;
  for (let attempt = 1; ; attempt++) {
    const body = fs.createReadStream(bundle.path);
    try {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: bundle.bytes,
          ContentType: 'application/zip',
          ChecksumSHA256: Buffer.from(bundle.sha256, 'hex').toString('base64'),
          ExpectedBucketOwner: bucketOwner(bucket),
        }),
      );
      return { bucket, key };
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      const pause = Math.min(30_000, 1000 * 2 ** (attempt - 1));
      options.log?.warning(`Uploading the bundle failed for now (${describeError(error)}); trying again in ${pause / 1000} s.`);
      await clock.sleep(pause);
    } finally {
      body.destroy();
    }
  }
}
