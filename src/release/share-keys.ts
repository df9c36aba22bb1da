/**
 * The KMS keys of the images a release shares. "You can't share an AMI that
 * has volumes that are encrypted with an AWS managed key" (EC2 user guide,
 * "Share an AMI with specific AWS accounts"): such an image is refused before
 * any launch permission is added. An image encrypted with a customer managed
 * key launches in another account only if the key's policy lets that account
 * use it, which the action cannot grant: it says which keys and accounts, and
 * what the policy must allow, before sharing.
 */
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { AwsClients } from '../lib/aws';
import { errorCode, isPermissionDenied } from '../lib/aws-errors';
import { StepError } from '../lib/errors';

/** What the other accounts' use of an encrypted image needs from the key's policy (EC2 user guide, "Share an AMI with specific AWS accounts"). */
export const SHARED_KEY_ACTIONS = ['kms:DescribeKey', 'kms:CreateGrant', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKeyWithoutPlaintext'];

/** An image's encryption keys, region by region: image id → key ids (empty for an unencrypted image). */
async function imageKeys(ec2: EC2Client, imageId: string): Promise<string[]> {
  const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
  const keys = (image?.BlockDeviceMappings ?? []).filter((b) => b.Ebs?.Encrypted).map((b) => b.Ebs?.KmsKeyId ?? 'the default EBS key');
  return [...new Set(keys)];
}

/** Who manages a key: AWS (the aws/ebs key) or the account, or undefined when KMS will not say. */
async function keyManager(kms: KMSClient, keyId: string): Promise<'AWS' | 'CUSTOMER' | undefined> {
  try {
    return (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyManager;
  } catch (error) {
    if (isPermissionDenied(error) || errorCode(error) === 'NotFoundException') return undefined;
    throw error;
  }
}

/**
 * Refuses to share an image encrypted with an AWS managed key; returns the warning for those
 * encrypted with the account's own keys (or keys KMS would not describe), or undefined when none is.
 */
export async function checkSharedKeys(clientsFor: (region: string) => AwsClients, ids: Record<string, string>, who: string): Promise<string | undefined> {
  const own: string[] = [];
  const unknown: string[] = [];
  for (const [region, imageId] of Object.entries(ids)) {
    const clients = clientsFor(region);
    for (const key of await imageKeys(clients.get(EC2Client), imageId)) {
      const manager = key.startsWith('arn:') || !key.includes(' ') ? await keyManager(clients.get(KMSClient), key) : undefined;
      if (manager === 'AWS')
        throw new StepError(
          'Promote',
          `${imageId} in ${region} is encrypted with the AWS managed key ${key}, and an AMI encrypted with an AWS managed key cannot be shared (EC2 user guide): ` +
            `encrypt it with a customer managed key (the template's kms_key_id; ami-kms-key-ids for the copies), or share nothing.`,
        );
      (manager === 'CUSTOMER' ? own : unknown).push(`${key} (${imageId} in ${region})`);
    }
  }
  if (!own.length && !unknown.length) return undefined;
  return (
    `Sharing with ${who} images encrypted with ${[...own, ...unknown].join(', ')}: those accounts can launch them only if each key's policy lets them use it ` +
    `(${SHARED_KEY_ACTIONS.join(', ')}); the action does not change key policies.` +
    (unknown.length
      ? ` KMS did not say who manages ${unknown.map((k) => k.split(' ')[0]).join(', ')} (kms:DescribeKey): an AWS managed key cannot be shared at all.`
      : '')
  );
}
