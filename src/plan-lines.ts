import { BUILDER_ENVIRONMENT } from './build/elastic-beanstalk/builder';
import { builderOptionSettings } from './build/elastic-beanstalk/create';
import type { Inputs } from './inputs';
import { bundleKey } from './build/elastic-beanstalk/storage';

/** The AWS calls a real run would make, in order, for a dry run to print. */
export function planLines(inputs: Inputs, bundle: { sha256: string; bytes: number }, templateFile: string): string[] {
  const region = inputs.region || '<region from AWS_REGION>';
  const name = inputs.platformName;
  const version =
    inputs.platformVersion.kind === 'explicit' ? inputs.platformVersion.version : '<next patch after the newest existing version, 1.0.0 if none>';
  const min = inputs.pollIntervalSeconds;
  const max = Math.max(min, Math.min(4 * min, 30));
  const settings = builderOptionSettings(inputs.builder)
    .map((o) => `${o.Namespace}:${o.OptionName}=${o.Value}`)
    .join(', ');
  const lines = [
    `region ${region}, platform ${name}/${version}, Packer template ${templateFile}`,
    `1. elasticbeanstalk:ListPlatformVersions (owner Self, name ${name}): ${inputs.platformVersion.kind === 'auto' ? 'choose the version' : `check that ${version} does not exist`}`,
    `2. elasticbeanstalk:CreateStorageLocation: the account's bucket elasticbeanstalk-${region}-<account>`,
    `3. s3:PutObject ${bundleKey(name, version, bundle.sha256)} (${bundle.bytes} bytes, SHA-256 ${bundle.sha256})`,
    `4. elasticbeanstalk:CreatePlatformVersion ${name}/${version} with ${settings}${Object.keys(inputs.tags).length ? `, tags ${Object.keys(inputs.tags).join(', ')}` : ''}`,
    `5. elasticbeanstalk:DescribePlatformVersion and DescribeEvents every ${min}–${max} s until Ready, Failed or ${inputs.timeoutMinutes} min; ec2:DescribeImages until the AMI is available`,
  ];
  if (inputs.smokeTest) {
    lines.push(
      `6. smoke test: ec2:ImportKeyPair, CreateSecurityGroup, AuthorizeSecurityGroupIngress (22, ${inputs.smoke.httpPort} from ${inputs.smoke.allowedCidr ?? "the runner's public address/32"}), ` +
        `RunInstances (${inputs.smoke.instanceType}), DescribeInstances, GetConsoleOutput; SSH checks as ${inputs.smoke.sshUser}; ` +
        `TerminateInstances, DeleteSecurityGroup, DeleteKeyPair`,
    );
  }
  lines.push(
    inputs.keepBuilder
      ? `${lines.length}. keep the builder environment ${BUILDER_ENVIRONMENT} (keep-builder)`
      : `${lines.length}. elasticbeanstalk:DescribeEnvironments, ListPlatformVersions, TerminateEnvironment ${BUILDER_ENVIRONMENT} (unless another build is running)`,
  );
  return lines;
}
