/** Key pairs: created (EC2 keeps the public half, answers the private one once) or imported. */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { ApiError, scalars, tagSpecifications } from '../protocol';
import { Ec2State, filtered, Handlers, id, KeyPair, tagSet, withTags } from './state';

export function keyPairBackend(ec2: Ec2State) {
  const { options, keyPairs } = ec2;

  const fingerprintOf = (publicKey: string) => {
    const blob = Buffer.from(publicKey.trim().split(/\s+/)[1] ?? '', 'base64');
    return createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
  };

  const handlers: Handlers = {
    CreateKeyPair: (p) => {
      const name = p.get('KeyName') ?? '';
      if (keyPairs.has(name)) throw new ApiError('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
      // EC2 makes an RSA key by default (KeyType rsa) and returns its private half once, PEM "BEGIN RSA PRIVATE KEY".
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const der = publicKey.export({ type: 'pkcs1', format: 'der' });
      const ssh = `ssh-rsa ${rsaWireFormat(der)}`;
      const pair: KeyPair = {
        id: id('key'),
        name,
        fingerprint: createHash('sha1')
          .update(privateKey.export({ type: 'pkcs8', format: 'der' }))
          .digest('hex')
          .match(/../g)!
          .join(':'),
        publicKey: ssh,
        tags: tagSpecifications(p, 'key-pair'),
      };
      keyPairs.set(name, pair);
      return {
        keyName: name,
        keyFingerprint: pair.fingerprint,
        keyMaterial: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
        keyPairId: pair.id,
      };
    },
    ImportKeyPair: async (p) => {
      const name = p.get('KeyName') ?? '';
      if (keyPairs.has(name)) throw new ApiError('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
      const publicKey = Buffer.from(p.get('PublicKeyMaterial') ?? '', 'base64')
        .toString('utf8')
        .trim();
      const pair: KeyPair = { id: id('key'), name, fingerprint: fingerprintOf(publicKey), publicKey, tags: tagSpecifications(p, 'key-pair') };
      keyPairs.set(name, pair);
      await options.onKeyImported?.(publicKey);
      return { keyName: name, keyFingerprint: pair.fingerprint, keyPairId: pair.id };
    },
    DescribeKeyPairs: (p) => {
      const names = scalars(p, 'KeyName');
      for (const n of names) if (!keyPairs.has(n)) throw new ApiError('InvalidKeyPair.NotFound', `The key pair '${n}' does not exist`);
      const found = [...keyPairs.values()].filter((k) => !names.length || names.includes(k.name));
      return {
        keySet: filtered(found, p, (k) => withTags({ 'key-name': [k.name], 'key-pair-id': [k.id], fingerprint: [k.fingerprint] }, k.tags), [
          'key-name',
          'key-pair-id',
          'fingerprint',
        ]).map((k) => ({ keyPairId: k.id, keyName: k.name, keyFingerprint: k.fingerprint, keyType: 'rsa', tagSet: tagSet(k.tags) })),
      };
    },
    // Deleting a key pair that does not exist succeeds (EC2 answers true either way).
    DeleteKeyPair: (p) => (keyPairs.delete(p.get('KeyName') ?? ''), { return: true }),
  };

  return {
    handlers,
    keyPairs: () => [...keyPairs.values()],
    /** Its part of leftovers(). */
    leftovers: () => [...keyPairs.values()].map((k) => `key pair ${k.name}`),
  };
}

/** An RSA public key (PKCS#1 DER) in OpenSSH's wire format, base64. */
function rsaWireFormat(pkcs1: Buffer): string {
  // PKCS#1 RSAPublicKey: SEQUENCE { INTEGER n, INTEGER e }.
  let at = 0;
  const readLength = () => {
    let len = pkcs1[at++];
    if (len & 0x80) {
      const bytes = len & 0x7f;
      len = 0;
      for (let i = 0; i < bytes; i++) len = (len << 8) | pkcs1[at++];
    }
    return len;
  };
  const readInteger = () => {
    if (pkcs1[at++] !== 0x02) throw new Error('not an INTEGER');
    const len = readLength();
    const value = pkcs1.subarray(at, at + len);
    at += len;
    return value;
  };
  if (pkcs1[at++] !== 0x30) throw new Error('not a SEQUENCE');
  readLength();
  const n = readInteger();
  const e = readInteger();
  const field = (b: Buffer) => Buffer.concat([Buffer.from([(b.length >>> 24) & 255, (b.length >>> 16) & 255, (b.length >>> 8) & 255, b.length & 255]), b]);
  return Buffer.concat([field(Buffer.from('ssh-rsa')), field(e), field(n)]).toString('base64');
}
