import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SSMClient } from '@aws-sdk/client-ssm';

export interface AwsClients {
  readonly eb: ElasticBeanstalkClient;
  readonly s3: S3Client;
  readonly ec2: EC2Client;
  /** The build's log stream, read when a build fails. */
  readonly logs: CloudWatchLogsClient;
  /** The pre-flight check of the builder's instance profile. */
  readonly iam: IAMClient;
  /** The promotion's parameters (ssm-parameter). */
  readonly ssm: SSMClient;
}

type ClientConfig = { region: string; retryMode: 'adaptive'; maxAttempts: number; customUserAgent: string };

/*
 * Each SDK package is loaded the first time its client is asked for: loading
 * all five costs hundreds of milliseconds before the first call, and most runs
 * never reach EC2's (the largest) until the smoke test, or CloudWatch's at all.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const makers: { [K in keyof AwsClients]: (config: ClientConfig) => AwsClients[K] } = {
  eb: (c) => new (require('@aws-sdk/client-elastic-beanstalk') as typeof import('@aws-sdk/client-elastic-beanstalk')).ElasticBeanstalkClient(c),
  s3: (c) => new (require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3')).S3Client(c),
  ec2: (c) => new (require('@aws-sdk/client-ec2') as typeof import('@aws-sdk/client-ec2')).EC2Client(c),
  logs: (c) => new (require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient(c),
  iam: (c) => new (require('@aws-sdk/client-iam') as typeof import('@aws-sdk/client-iam')).IAMClient(c),
  ssm: (c) => new (require('@aws-sdk/client-ssm') as typeof import('@aws-sdk/client-ssm')).SSMClient(c),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface RegionClients extends AwsClients {
  /** Closes the connections of the clients made so far. */
  destroy(): void;
}

/**
 * Clients on the SDK's default credential chain (so OIDC through
 * aws-actions/configure-aws-credentials works unchanged) and its standard
 * endpoint variables (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`).
 * Adaptive retries back off on throttling across the whole run. Each is made
 * on first use.
 */
export function createClients(region: string): RegionClients {
  const config: ClientConfig = { region, retryMode: 'adaptive', maxAttempts: 8, customUserAgent: 'eb-custom-platform-action' };
  const made: Partial<Record<keyof AwsClients, { destroy(): void }>> = {};
  const get = <K extends keyof AwsClients>(key: K): AwsClients[K] => (made[key] ??= makers[key](config)) as AwsClients[K];
  return {
    get eb() {
      return get('eb');
    },
    get s3() {
      return get('s3');
    },
    get ec2() {
      return get('ec2');
    },
    get logs() {
      return get('logs');
    },
    get iam() {
      return get('iam');
    },
    get ssm() {
      return get('ssm');
    },
    destroy() {
      for (const client of Object.values(made)) client.destroy();
    },
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
  const cache = new Map<string, RegionClients>();
  return {
    clientsFor(region) {
      let clients = cache.get(region);
      if (!clients) cache.set(region, (clients = createClients(region)));
      return clients;
    },
    destroy() {
      for (const clients of cache.values()) clients.destroy();
      cache.clear();
    },
  };
}
