/**
 * One release of a HashiCorp product (Packer, its amazon plugin) from
 * HashiCorp's release site, checked the way HashiCorp's own installer checks
 * it (hashicorp/hc-install, internal/releasesjson): the SHA256SUMS file's
 * detached signature against HashiCorp's pinned key (`…_SHA256SUMS.72D7468F.sig`,
 * else `…_SHA256SUMS.sig`), then the zip's SHA-256 against that file. Nothing
 * downloaded is unpacked or run before both hold.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as tc from '@actions/tool-cache';
import { StepError } from '../../lib/errors';
import type { Log } from '../../lib/log';
import { HASHICORP_FINGERPRINT, HASHICORP_KEY_ID, HASHICORP_PUBLIC_KEY } from './hashicorp-key';

/** HashiCorp's release site; a mirror with the same layout and HashiCorp's signatures can stand in for it (PACKER_RELEASES_URL). */
export const RELEASES = 'https://releases.hashicorp.com';

/** Where releases come from and the key that signs them. */
export interface ReleaseSource {
  url: string;
  publicKey: string;
  fingerprint: string;
  keyId: string;
}

export function hashicorpReleases(env: NodeJS.ProcessEnv = process.env): ReleaseSource {
  return {
    url: (env.PACKER_RELEASES_URL || RELEASES).replace(/\/$/, ''),
    publicKey: HASHICORP_PUBLIC_KEY,
    fingerprint: HASHICORP_FINGERPRINT,
    keyId: HASHICORP_KEY_ID,
  };
}

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** The release's zip name for this runner (`packer_1.16.0_linux_amd64.zip`); releases exist for Linux runners here. */
export function releaseZipName(product: string, version: string): string {
  const arch = ARCH[process.arch];
  if (!arch || process.platform !== 'linux')
    throw new StepError('packer', `No ${product} release is fetched for ${process.platform}/${process.arch}: set packer-version: path and put packer on PATH.`);
  return `${product}_${version}_linux_${arch}.zip`;
}

const statusOf = (error: unknown) => (error as { httpStatusCode?: number }).httpStatusCode;

async function fetchFile(url: string): Promise<Buffer> {
  return fs.readFileSync(await tc.downloadTool(url));
}

/** The SHA256SUMS file's signature: the one named for HashiCorp's key first, as hc-install looks for it, then the plain one. */
async function fetchSignature(base: string, source: ReleaseSource): Promise<Buffer> {
  try {
    return await fetchFile(`${base}.${source.keyId}.sig`);
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    return fetchFile(`${base}.sig`);
  }
}

/**
 * Whether `signature` (binary, detached, as the release site publishes it) is a valid signature of
 * `data` by the pinned key. openpgp checks the signing subkey's validity at the signature's time;
 * `expectSigned` makes a bad signature throw rather than come back as an unawaited promise.
 */
export async function verifySignature(data: Buffer, signature: Buffer, source: ReleaseSource): Promise<void> {
  const openpgp = await import('openpgp');
  const key = await openpgp.readKey({ armoredKey: source.publicKey });
  if (key.getFingerprint().toUpperCase() !== source.fingerprint)
    throw new Error(`the pinned key's fingerprint is ${key.getFingerprint()}, not ${source.fingerprint}`);
  await openpgp.verify({
    message: await openpgp.createMessage({ binary: new Uint8Array(data) }),
    signature: await openpgp.readSignature({ binarySignature: new Uint8Array(signature) }),
    verificationKeys: key,
    expectSigned: true,
  });
}

/** Downloads one release's zip for this runner and verifies it; returns the zip's path. */
export async function verifiedRelease(product: string, version: string, source: ReleaseSource, log: Log): Promise<string> {
  const file = releaseZipName(product, version);
  const dir = `${source.url}/${product}/${version}`;
  const sumsName = `${product}_${version}_SHA256SUMS`;
  log.info(`Downloading ${product} ${version} from ${source.url}`);
  let zip: string;
  let sums: Buffer;
  let signature: Buffer;
  try {
    sums = await fetchFile(`${dir}/${sumsName}`);
    signature = await fetchSignature(`${dir}/${sumsName}`, source);
    zip = await tc.downloadTool(`${dir}/${file}`);
  } catch (error) {
    const status = statusOf(error);
    throw new StepError(
      'packer',
      `Downloading ${product} ${version} from ${source.url} failed (${status ? `HTTP ${status}` : (error as Error).message})${status === 404 ? `: no such release, check the version` : ''}.`,
    );
  }
  try {
    await verifySignature(sums, signature, source);
  } catch (error) {
    throw new StepError(
      'packer',
      `${sumsName} from ${source.url} is not signed by HashiCorp's key ${source.fingerprint} (${(error as Error).message}): nothing from it is used.`,
    );
  }
  const expected = sums
    .toString('utf8')
    .split('\n')
    .find((l) => l.trim().endsWith(`  ${file}`))
    ?.split(/\s+/)[0];
  if (!expected) throw new StepError('packer', `HashiCorp's signed SHA-256 sums for ${product} ${version} do not list ${file}.`);
  const actual = createHash('sha256').update(fs.readFileSync(zip)).digest('hex');
  if (expected !== actual)
    throw new StepError('packer', `${product} ${version} failed verification: ${file} has SHA-256 ${actual}, HashiCorp's signed sums say ${expected}.`);
  log.info(`${file}: signature by ${source.fingerprint} and SHA-256 verified.`);
  return zip;
}
