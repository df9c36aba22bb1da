/**
 * Tags the action gives an image it built, besides the template's and the
 * run's: what the image was built from, whether it passed its smoke test,
 * and whether a rollback left it. A later run reads them to reuse a proven
 * image (`skip-unchanged`) and never to reuse one that was rolled back from.
 */
import { CreateTagsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describeError } from '../lib/errors';
import type { Log } from '../lib/log';

export const IMAGE_TAG = {
  /** SHA-256 of what the build was made from (builders/fingerprint.ts). */
  fingerprint: 'eb-platform-action:fingerprint',
  /** The same, in words, so a later run can say what changed. */
  buildInputs: 'eb-platform-action:build-inputs',
  /** When the image passed its smoke test. */
  smokePassed: 'eb-platform-action:smoke-passed',
  /** When a rollback left the image, and for which value. */
  rolledBack: 'eb-platform-action:rolled-back',
  /** SHA-256 of the image's SBOM as the run that proved it wrote it. */
  sbomSha256: 'eb-platform-action:sbom-sha256',
  /** On a copy: REGION/IMAGE it was copied from, so a later promotion of the same image finds it. */
  copiedFrom: 'eb-platform-action:copied-from',
} as const;

/** Tags an image; a refusal (the tag limit of 50, a denied CreateTags) is a warning, as the image itself is fine. */
export async function tagImage(ec2: EC2Client, imageId: string, tags: Record<string, string>, log: Log): Promise<boolean> {
  try {
    await ec2.send(new CreateTagsCommand({ Resources: [imageId], Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
    return true;
  } catch (error) {
    log.warning(`Could not tag ${imageId} with ${Object.keys(tags).join(', ')}: ${describeError(error)}.`);
    return false;
  }
}
