import { EC2Client, LaunchPermission, ModifyImageAttributeCommand } from '@aws-sdk/client-ec2';
import type { ReleaseSettings } from './settings';

/** The launch permissions to add: accounts, organizations and organizational units (API model, LaunchPermission). */
export function launchPermissions(r: ReleaseSettings): LaunchPermission[] {
  return [
    ...r.shareAccounts.map((UserId) => ({ UserId })),
    ...r.shareOrgArns.map((OrganizationArn) => ({ OrganizationArn })),
    ...r.shareOuArns.map((OrganizationalUnitArn) => ({ OrganizationalUnitArn })),
  ];
}

/**
 * Grants launch permission on one image. The snapshots need no permission of
 * their own to launch it: "You do not need to share the Amazon EBS snapshots
 * that an AMI references in order to share the AMI ... However, you do need to
 * share any KMS keys used to encrypt snapshots" (EC2 user guide, "Share an AMI
 * with specific AWS accounts"). Adding a permission that exists is no error.
 */
export async function shareImage(ec2: EC2Client, imageId: string, r: ReleaseSettings): Promise<void> {
  await ec2.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: launchPermissions(r) } }));
}
