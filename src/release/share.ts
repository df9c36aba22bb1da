import { EC2Client, LaunchPermission, ModifyImageAttributeCommand } from '@aws-sdk/client-ec2';
import { ReleaseSettings, sharesImage } from './settings';

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

/** What a user must do for an encrypted copy the others launch: the key's policy is theirs to set. */
export function kmsSharingNote(r: ReleaseSettings): string | undefined {
  const keys = Object.entries(r.kmsKeyIds);
  if (!keys.length || !sharesImage(r)) return undefined;
  return (
    `The copies in ${keys.map(([region]) => region).join(', ')} are encrypted with your KMS keys: the accounts they are shared with can launch them only ` +
    `if each key's policy lets them use it (kms:DescribeKey, kms:CreateGrant, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKeyWithoutPlaintext).`
  );
}
