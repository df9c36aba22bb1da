/**
 * Sharing an encrypted image: one encrypted with the AWS managed key cannot be
 * shared, and is refused before any launch permission (and, from the
 * template, before the build); one encrypted with the account's own key gets a
 * warning naming the key, the accounts and what its policy must allow.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlatformDefinition } from '../../src/platform/definition';
import { preflightPlatform } from '../../src/platform/preflight';
import { checkSharedKeys } from '../../src/release/share-keys';
import type { Standin } from '../../test/aws-standin/server';
import { platformFixture } from '../helpers/platform-fixture';
import { standinImage, standinPerTest } from '../helpers/standin-images';

const image = (s: Standin, region: string, kmsKeyId?: string) =>
  standinImage(s, region, { name: `web-${kmsKeyId ?? 'plain'}`, encrypted: !!kmsKeyId, kmsKeyId }).id;

describe('the keys of shared images', () => {
  const each = standinPerTest();
  const clientsFor = each.clientsFor;

  it('refuses an image encrypted with the AWS managed key, naming it and the fix', async () => {
    const ids = { 'eu-west-1': image(each.standin(), 'eu-west-1'), 'us-east-1': image(each.standin(), 'us-east-1', 'alias/aws/ebs') };
    await expect(checkSharedKeys(clientsFor, ids, '210987654321')).rejects.toThrow(
      new RegExp(
        `^${ids['us-east-1']} in us-east-1 is encrypted with the AWS managed key alias/aws/ebs, and an AMI encrypted with an AWS managed key cannot be shared`,
      ),
    );
  });

  it("warns of the account's own keys, naming each, the accounts and what the key policy must allow; says nothing of unencrypted images", async () => {
    const ids = { 'eu-west-1': image(each.standin(), 'eu-west-1'), 'us-east-1': image(each.standin(), 'us-east-1', 'alias/ami-copies') };
    expect(await checkSharedKeys(clientsFor, ids, '210987654321')).toBe(
      `Sharing with 210987654321 images encrypted with alias/ami-copies (${ids['us-east-1']} in us-east-1): those accounts can launch them only if each key's policy lets them use it ` +
        `(kms:DescribeKey, kms:CreateGrant, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKeyWithoutPlaintext); the action does not change key policies.`,
    );
    expect(await checkSharedKeys(clientsFor, { 'eu-west-1': ids['eu-west-1'] }, '210987654321')).toBeUndefined();
  });

  it('warns, and does not refuse, when KMS will not say who manages a key', async () => {
    each.standin().addFault({ action: 'DescribeKey', kind: 'deny', times: Infinity });
    const ids = { 'us-east-1': image(each.standin(), 'us-east-1', 'alias/ami-copies') };
    expect(await checkSharedKeys(clientsFor, ids, '210987654321')).toMatch(
      /KMS did not say who manages alias\/ami-copies \(kms:DescribeKey\): an AWS managed key cannot be shared at all\.$/,
    );
  });
});

describe('a template that encrypts with the AWS managed key, and images to share', () => {
  it('is refused before any AWS call, naming the builder and the fix; without sharing it is fine', async () => {
    const fixture = platformFixture();
    try {
      fs.writeFileSync(path.join(fixture.dir, 'custom_platform.json'), JSON.stringify({ builders: [{ type: 'amazon-ebs', region: '', encrypt_boot: true }] }));
      const def = await readPlatformDefinition(fixture.dir);
      expect(() => preflightPlatform(def, { region: 'eu-west-1', builder: 'packer', shares: true })).toThrow(
        /^Input 'ami-share-accounts': custom_platform\.json \(builders\[0\]\) encrypts the image with the AWS managed key \(encrypt_boot without kms_key_id\), and such an image cannot be shared/,
      );
      expect(() => preflightPlatform(def, { region: 'eu-west-1', builder: 'packer', shares: false })).not.toThrow();
    } finally {
      fixture.cleanup();
    }
  });
});
