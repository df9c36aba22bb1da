/**
 * Copies of the proven image in other regions. Each copy is recorded before
 * its CopyImage call by the call's client token, which is also a tag on the
 * copy and its snapshots: a copy whose answer was lost, or whose run was
 * killed, is still found and removed with its snapshots.
 */
import { randomUUID } from 'node:crypto';
import { CopyImageCommand, DescribeImagesCommand, DescribeSnapshotsCommand, EC2Client, Image, Tag } from '@aws-sdk/client-ec2';
import { errorCode } from '../lib/aws-errors';
import type { Clock } from '../lib/clock';
import { describeError, StepError } from '../lib/errors';
import type { Log } from '../lib/log';
import { allPages } from '../lib/paginate';
import { deleteSnapshot, deregisterImage } from '../resources/ec2-delete';
import { waitForImageAvailable } from '../resources/image-wait';
import type { ResourceKind } from '../resources/kind';
import { creating, Ledger, Resource } from '../resources/ledger';
import { newestFirst } from '../builders/packer/images';
import { IMAGE_TAG } from './image-tags';

/** The tag that carries a copy's CopyImage client token. */
export const COPY_TOKEN_TAG = 'eb-platform-action:copy-token';

export type CopyRecord = Extract<Resource, { kind: 'image-copy' }>;

export interface CopyRequest {
  source: { region: string; image: Image };
  region: string;
  kmsKeyId?: string;
  runTags: Record<string, string>;
  deadline: number;
}

/**
 * The source's own tags (the template's: platform name and version) and the
 * run's, given explicitly rather than through CopyImageTags, whose effect
 * beside TagSpecifications the API reference does not spell out.
 */
function copyTags(source: Image, sourceRegion: string, runTags: Record<string, string>, token: string): Tag[] {
  const tags: Record<string, string> = {};
  for (const t of source.Tags ?? []) if (t.Key && !t.Key.startsWith('aws:')) tags[t.Key] = t.Value ?? '';
  Object.assign(tags, runTags, { [COPY_TOKEN_TAG]: token, [IMAGE_TAG.copiedFrom]: `${sourceRegion}/${source.ImageId}` });
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * An available copy of the image that an earlier release made and kept (a reused image's), found by
 * the tag each copy carries; none for an image copied before the tag existed.
 */
async function earlierCopy(ec2: EC2Client, sourceRegion: string, sourceImageId: string): Promise<string | undefined> {
  const images =
    (
      await ec2.send(
        new DescribeImagesCommand({
          Owners: ['self'],
          Filters: [
            { Name: `tag:${IMAGE_TAG.copiedFrom}`, Values: [`${sourceRegion}/${sourceImageId}`] },
            { Name: 'state', Values: ['available'] },
          ],
        }),
      )
    ).Images ?? [];
  return newestFirst(images)[0]?.ImageId;
}

/** Starts one copy and waits until it is available, or takes the one an earlier release kept; returns its id. */
export async function copyImage(ec2: EC2Client, request: CopyRequest, deps: { ledger: Ledger; log: Log; clock: Clock }): Promise<string> {
  const { image } = request.source;
  const sourceImageId = image.ImageId as string;
  const earlier = await earlierCopy(ec2, request.source.region, sourceImageId);
  if (earlier) {
    deps.log.info(`${sourceImageId} is in ${request.region} already, as ${earlier}: no copy is made.`);
    return earlier;
  }
  const clientToken = randomUUID();
  const record: CopyRecord = { kind: 'image-copy', region: request.region, clientToken, sourceImageId };
  const tags = copyTags(image, request.source.region, request.runTags, clientToken);
  const out = await creating(deps.ledger, record, () =>
    ec2.send(
      new CopyImageCommand({
        SourceRegion: request.source.region,
        SourceImageId: sourceImageId,
        Name: image.Name,
        Description: image.Description,
        ClientToken: clientToken,
        // A KMS key needs Encrypted set (API reference, CopyImage KmsKeyId).
        Encrypted: request.kmsKeyId ? true : undefined,
        KmsKeyId: request.kmsKeyId,
        TagSpecifications: [
          { ResourceType: 'image', Tags: tags },
          { ResourceType: 'snapshot', Tags: tags },
        ],
      }),
    ),
  );
  const imageId = out.ImageId;
  if (!imageId) throw new StepError('Promote', `CopyImage to ${request.region} returned no image id`);
  deps.ledger.record({ ...record, imageId });
  deps.log.info(`Copying ${sourceImageId} to ${request.region} as ${imageId}${request.kmsKeyId ? `, encrypted with ${request.kmsKeyId}` : ''}.`);
  await waitForImageAvailable(
    ec2,
    imageId,
    {
      deadline: request.deadline,
      firstPauseMs: 5_000,
      what: `the copy ${imageId} in ${request.region}`,
      stillRunning: `The copy goes on in EC2; it is deregistered now.`,
      quietMs: 60_000,
    },
    deps.log,
    deps.clock,
  );
  deps.log.info(`The copy ${imageId} in ${request.region} is available.`);
  return imageId;
}

/** The copy's images (by id, or by its token tag when the id never came back). */
async function copyImages(ec2: EC2Client, copy: CopyRecord): Promise<string[]> {
  if (copy.imageId) return [copy.imageId];
  const images = await allPages('DescribeImages', async (token) => {
    const page = await ec2.send(
      new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: `tag:${COPY_TOKEN_TAG}`, Values: [copy.clientToken] }], NextToken: token }),
    );
    return { items: page.Images, next: page.NextToken };
  });
  return images.map((i) => i.ImageId as string);
}

/**
 * Deregisters a copy and deletes its snapshots, also those of a copy still
 * pending (deregistering stops a pending copy: EC2 user guide, "Stop a pending
 * AMI copy operation"), found by the token tag they were given at creation.
 * Gone is success. Returns what it removed.
 */
export async function removeImageCopy(ec2: EC2Client, copy: CopyRecord, log: Log, clock: Clock): Promise<string[]> {
  const removed: string[] = [];
  for (const imageId of await copyImages(ec2, copy)) removed.push(...(await deregisterImage(ec2, imageId, log, clock)));
  const snapshots = await allPages('DescribeSnapshots', async (token) => {
    const page = await ec2.send(
      new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: `tag:${COPY_TOKEN_TAG}`, Values: [copy.clientToken] }], NextToken: token }),
    );
    return { items: page.Snapshots, next: page.NextToken };
  });
  for (const s of snapshots) {
    if (!s.SnapshotId || removed.includes(`snapshot ${s.SnapshotId}`)) continue;
    try {
      await deleteSnapshot(ec2, s.SnapshotId, log, clock);
      removed.push(`snapshot ${s.SnapshotId}`);
    } catch (error) {
      throw new Error(`snapshot ${s.SnapshotId} of the copy: ${errorCode(error) || describeError(error)}`);
    }
  }
  return removed;
}

/** A copy's entry in the table of resource kinds: removed with its snapshots unless the promotion kept it. */
export const IMAGE_COPY_KIND: ResourceKind<CopyRecord> = {
  describe: (r) => `copy ${r.imageId ?? `with client token ${r.clientToken}`} of ${r.sourceImageId} (${r.region})`,
  async remove(r, env) {
    const removed = await removeImageCopy(env.clientsFor(r.region).get(EC2Client), r, env.log, env.clock);
    env.ledger.release(r);
    return removed.length ? `removed ${removed.join(', ')}` : 'nothing left';
  },
};

/** Available and shared, the copies of `sourceImageId` are the release's: no longer the run's to remove. */
export function keepCopiesOf(ledger: Ledger, sourceImageId: string): void {
  for (const r of ledger.list()) if (r.kind === 'image-copy' && r.sourceImageId === sourceImageId) ledger.release(r);
}
