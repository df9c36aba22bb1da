import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';

export interface AwsClients {
  eb: ElasticBeanstalkClient;
  s3: S3Client;
  ec2: EC2Client;
  /** The build's log stream, read when a build fails. */
  logs: CloudWatchLogsClient;
  /** The pre-flight check of the builder's instance profile. */
  iam: IAMClient;
}

/**
 * Clients on the SDK's default credential chain (so OIDC through
 * aws-actions/configure-aws-credentials works unchanged) and its standard
 * endpoint variables (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`).
 * Adaptive retries back off on throttling across the whole run.
 */
export function createClients(region: string): AwsClients {
  const common = {
    region,
    retryMode: 'adaptive',
    maxAttempts: 8,
    customUserAgent: 'eb-custom-platform-action',
  } as const;
  return {
    eb: new ElasticBeanstalkClient(common),
    s3: new S3Client(common),
    ec2: new EC2Client(common),
    logs: new CloudWatchLogsClient(common),
    iam: new IAMClient(common),
  };
}

export interface ClientPool {
  /** One client set per region for the whole run. */
  clientsFor(region: string): AwsClients;
  /**
   * Closes every client's connections. A kept-alive socket can hold the step's
   * process open until the server drops it (an S3 upload's does), so a step
   * ends by calling this.
   */
  destroy(): void;
}

export function clientPool(): ClientPool {
  const cache = new Map<string, AwsClients>();
  return {
    clientsFor(region) {
      let clients = cache.get(region);
      if (!clients) cache.set(region, (clients = createClients(region)));
      return clients;
    },
    destroy() {
      for (const clients of cache.values()) Object.values(clients).forEach((c) => c.destroy());
      cache.clear();
    },
  };
}
