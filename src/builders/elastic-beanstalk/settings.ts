/**
 * What a build asks of Elastic Beanstalk that needs no SDK call to know: the
 * builder environment's name and settings, and the bundle's key. The dry
 * run's plan prints them without loading the SDK.
 */
import type { ConfigurationOptionSetting } from '@aws-sdk/client-elastic-beanstalk';
import type { BuilderSettings } from '../../inputs';

/**
 * The environment Elastic Beanstalk starts to run Packer. The API does not
 * return its name (CreatePlatformVersion gives only an ARN), and the EB CLI
 * hard-codes this one; there is a single builder per region, reused by builds.
 */
export const BUILDER_ENVIRONMENT = 'eb-custom-platform-builder-packer';

/**
 * The builder environment's settings, as the EB CLI sends them
 * (ebcli/lib/elasticbeanstalk.py, create_platform_version): the launch
 * configuration and VPC the user chose, and always enhanced health and the
 * service role.
 */
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
  settings.push({ Namespace: 'aws:elasticbeanstalk:healthreporting:system', OptionName: 'SystemType', Value: 'enhanced' });
  settings.push({ Namespace: 'aws:elasticbeanstalk:environment', OptionName: 'ServiceRole', Value: builder.serviceRole });
  return settings;
}

/** Where the bundle goes: its content hash is part of the key, so a changed platform never overwrites an old one. */
export function bundleKey(platformName: string, version: string, sha256: string): string {
  return `custom-platforms/${platformName}/${version}-${sha256}.zip`;
}
