import { GetInstanceProfileCommand, IAMClient } from '@aws-sdk/client-iam';
import { errorCode, isPermissionDenied } from '../../lib/aws-errors';
import { describeError, StepError } from '../../lib/errors';

/**
 * The builder's instance profile must exist before the build starts: without
 * it the builder environment fails to launch minutes later. A denied lookup
 * (no iam:GetInstanceProfile) cannot tell, and is a warning, not a failure.
 */
export async function checkBuilderProfile(iam: IAMClient, profile: string): Promise<string | undefined> {
  try {
    await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profile }));
    return undefined;
  } catch (error) {
    if (errorCode(error) === 'NoSuchEntity') {
      throw new StepError(
        'preflight',
        `The builder's instance profile '${profile}' (builder-instance-profile) does not exist in this account. ` +
          `Create it with the managed policy AWSElasticBeanstalkCustomPlatformforEC2Role (ebp create makes aws-elasticbeanstalk-custom-platform-ec2-role), or name another.`,
      );
    }
    if (isPermissionDenied(error))
      return `Could not check the builder's instance profile '${profile}' (${describeError(error)}): add iam:GetInstanceProfile to the policy to have it checked before the build.`;
    throw error;
  }
}
