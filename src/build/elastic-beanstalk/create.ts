import {
  ConfigurationOptionSetting,
  CreatePlatformVersionCommand,
  ElasticBeanstalkClient,
} from '@aws-sdk/client-elastic-beanstalk';
import { StepError, describeError } from '../../lib/errors';
import type { BuilderSettings } from '../../inputs';
import type { StoredBundle } from './storage';

export interface CreatedVersion {
  platformArn: string;
  builderArn?: string;
  requestId?: string;
}

/** The builder environment's settings, under the namespaces the EB CLI uses for them. */
export function builderOptionSettings(builder: BuilderSettings): ConfigurationOptionSetting[] {
  const settings: ConfigurationOptionSetting[] = [
    { Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'IamInstanceProfile', Value: builder.instanceProfile },
  ];
  if (builder.instanceType) settings.push({ Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'InstanceType', Value: builder.instanceType });
  if (builder.vpcId) {
    settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'VPCId', Value: builder.vpcId });
    if (builder.subnets.length) settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'Subnets', Value: builder.subnets.join(',') });
    settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'AssociatePublicIpAddress', Value: 'true' });
  }
  return settings;
}

/** What AWS says when custom platforms are not available to the account, in words a user can act on. */
function explainCreateFailure(error: unknown, name: string, version: string): StepError {
  const code = (error as { name?: string }).name ?? '';
  const base = `CreatePlatformVersion for ${name}/${version} failed: ${describeError(error)}`;
  const hints: Record<string, string> = {
    InsufficientPrivilegesException:
      'The credentials lack a permission the call needs (see the IAM policy in the README), or Elastic Beanstalk no longer accepts custom platforms for this account: AWS retired them with the Amazon Linux AMI branches.',
    TooManyPlatformsException: 'The account has reached its limit of custom platform versions: delete old ones (aws elasticbeanstalk delete-platform-version).',
    ElasticBeanstalkServiceException:
      'Elastic Beanstalk refused the request. AWS no longer supports custom platforms for new use, so this may be the service declining the feature for this account.',
  };
  return Object.assign(new StepError('create', hints[code] ? `${base}\n${hints[code]}` : base), { cause: error });
}

export async function createPlatformVersion(
  eb: ElasticBeanstalkClient,
  request: { name: string; version: string; bundle: StoredBundle; builder: BuilderSettings; tags: Record<string, string> },
): Promise<CreatedVersion> {
  let out;
  try {
    out = await eb.send(
      new CreatePlatformVersionCommand({
        PlatformName: request.name,
        PlatformVersion: request.version,
        PlatformDefinitionBundle: { S3Bucket: request.bundle.bucket, S3Key: request.bundle.key },
        OptionSettings: builderOptionSettings(request.builder),
        Tags: Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  } catch (error) {
    throw explainCreateFailure(error, request.name, request.version);
  }
  const platformArn = out.PlatformSummary?.PlatformArn;
  if (!platformArn) throw new StepError('create', `CreatePlatformVersion for ${request.name}/${request.version} returned no platform ARN`);
  return { platformArn, builderArn: out.Builder?.ARN, requestId: out.$metadata?.requestId };
}
