/**
 * KMS's DescribeKey (JSON 1.1, target prefix TrentService; API reference), per
 * region, for the release's check of the keys of images it shares. KeyId may be
 * a key id, a key ARN, an alias name or an alias ARN. `alias/aws/ebs` is the
 * AWS managed key EBS encrypts with by default (KeyManager AWS); any other key
 * a test names stands for one of the account's own (KeyManager CUSTOMER).
 */
import { createHash } from 'node:crypto';
import { ApiError } from './protocol';

export function createKms(options: { account: string; region: string }) {
  const keyId = (name: string) => {
    const h = createHash('sha256').update(`${options.region}/${name}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
  const awsManaged = keyId('alias/aws/ebs');
  return {
    handlers: {
      DescribeKey: (body: Record<string, unknown>) => {
        const asked = String(body.KeyId ?? '');
        if (!asked) throw new ApiError('ValidationException', 'KeyId is required');
        const alias = /(?:^|:)(alias\/.+)$/.exec(asked)?.[1];
        const id = alias === 'alias/aws/ebs' || asked.endsWith(awsManaged) ? awsManaged : keyId(alias ?? asked.split('/').pop() ?? asked);
        return {
          KeyMetadata: {
            AWSAccountId: options.account,
            KeyId: id,
            Arn: `arn:aws:kms:${options.region}:${options.account}:key/${id}`,
            KeyManager: id === awsManaged ? 'AWS' : 'CUSTOMER',
            KeyState: 'Enabled',
            Enabled: true,
            KeyUsage: 'ENCRYPT_DECRYPT',
          },
        };
      },
    } as Record<string, (body: Record<string, unknown>) => unknown>,
  };
}

export type Kms = ReturnType<typeof createKms>;
