/**
 * Promotion of an image that passed its smoke test: copies to other regions
 * (in parallel, one per region; one failing stops the others, and every copy
 * made is removed by teardown), launch permissions on the image and its
 * copies, then the SSM parameters launch templates read. The copies may start
 * earlier, alongside the smoke test (`startCopies`): copying is AWS's longest
 * wait after the build, and a copy is only kept once it is available, the
 * smoke test passed, and it is shared.
 */
import { DescribeImagesCommand, EC2Client, Image } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { Env } from '../env';
import { abortable } from '../lib/clock';
import { TAG } from '../resources/run-tags';
import { describeError, StepError } from '../lib/errors';
import { copyImage, keepCopiesOf } from './copy';
import { releasedDescription } from './history';
import { setParameter } from './parameter';
import { ReleaseSettings, shareTargets, sharesImage } from './settings';
import { shareImage } from './share';
import { checkSharedKeys } from './share-keys';

/** The run's environment, and what a promotion adds. */
export interface PromoteContext extends Env {
  region: string;
  platformName: string;
  release: ReleaseSettings;
  deadline: number;
}

/** Region → image id: the build's image and each copy. */
export type AmiIds = Record<string, string>;

async function sourceImage(ctx: PromoteContext, amiId: string): Promise<Image> {
  const image = (
    await ctx
      .clientsFor(ctx.region)
      .get(EC2Client)
      .send(new DescribeImagesCommand({ ImageIds: [amiId] }))
  ).Images?.[0];
  if (!image) throw new StepError('Promote', `${amiId} is not found in ${ctx.region}`);
  return image;
}

/**
 * Copies the image to every region at once, one copy per destination region
 * (EC2's limits on concurrent copies are per destination region); a throttled
 * CopyImage is retried by the SDK's adaptive retry, safely as the client token
 * makes it idempotent. The first failure, or `stopped`, stops the rest.
 */
async function copyAll(ctx: PromoteContext, image: Image, stopped?: AbortSignal): Promise<AmiIds> {
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  ctx.signal?.addEventListener('abort', onCancel);
  stopped?.addEventListener('abort', onCancel);
  const clock = abortable(ctx.clock, stop.signal);
  try {
    const results = await Promise.allSettled(
      ctx.release.regions.map(async (region) => {
        try {
          return await copyImage(
            ctx.clientsFor(region).get(EC2Client),
            { source: { region: ctx.region, image }, region, kmsKeyId: ctx.release.kmsKeyIds[region], runTags: ctx.runTags, deadline: ctx.deadline },
            { ledger: ctx.ledger, log: ctx.log, clock },
          );
        } catch (error) {
          if (!stop.signal.aborted) ctx.log.error(`Copy to ${region} failed: ${describeError(error)}`);
          stop.abort();
          throw error;
        }
      }),
    );
    const failed = ctx.release.regions.filter((_, i) => results[i].status === 'rejected');
    if (ctx.signal?.aborted || stopped?.aborted) throw new StepError('Promote', 'Cancelled during the copies; every copy is removed.');
    if (failed.length) {
      const first = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
      throw new StepError('Promote', `Copying ${image.ImageId} failed (${failed.join(', ')}): ${describeError(first)}. Every copy made is removed.`);
    }
    return Object.fromEntries(ctx.release.regions.map((region, i) => [region, (results[i] as PromiseFulfilledResult<string>).value]));
  } finally {
    ctx.signal?.removeEventListener('abort', onCancel);
    stopped?.removeEventListener('abort', onCancel);
  }
}

/** Copies begun before the promotion; `cancel` stops those still running and returns once none can be made any more. */
export interface StartedCopies {
  done: Promise<AmiIds>;
  cancel(): Promise<void>;
}

/** Starts the copies to every other region now, for the promotion to take up (or cancel) later. */
export function startCopies(ctx: PromoteContext, amiId: string): StartedCopies {
  const stop = new AbortController();
  let settled = false;
  const done = sourceImage(ctx, amiId).then((image) => copyAll(ctx, image, stop.signal));
  void done.then(
    () => (settled = true),
    () => (settled = true),
  );
  ctx.log.info(`Copying ${amiId} to ${ctx.release.regions.join(', ')} alongside the smoke test; nothing is shared or published before it passes.`);
  return {
    done,
    async cancel() {
      if (!settled) ctx.log.info(`Stopping the copies of ${amiId}: the run ends without promoting them, and teardown removes them.`);
      stop.abort();
      await done.catch(() => {});
    },
  };
}

/** What is promoted: the image, the platform version it is, and (Elastic Beanstalk) the version's ARN. */
export interface Promoted {
  amiId: string;
  version: string;
  platformArn?: string;
}

/**
 * Promotes the image: its copies (those `copies` began, found from an earlier run, or made now),
 * launch permissions, then the SSM parameters; a parameter that already holds the value is left
 * as it is (a reused image's), so its history shows releases only.
 */
export async function promote(ctx: PromoteContext, promoted: Promoted, copies?: StartedCopies): Promise<AmiIds> {
  const { log, release } = ctx;
  const { amiId, platformArn } = promoted;
  const description = releasedDescription(`${ctx.platformName} ${promoted.version}`, ctx.runTags[TAG.runUrl]);
  const copied = copies ? await copies.done : release.regions.length ? await copyAll(ctx, await sourceImage(ctx, amiId)) : {};
  const ids: AmiIds = { [ctx.region]: amiId, ...copied };

  if (sharesImage(release)) {
    const who = shareTargets(release).join(', ');
    // Before any permission: an AWS managed key refuses the share, and the keys' policies are the user's to set.
    const note = await checkSharedKeys(ctx.clientsFor, ids, who);
    if (note) log.warning(note);
    await Promise.all(Object.entries(ids).map(([region, id]) => shareImage(ctx.clientsFor(region).get(EC2Client), id, release)));
    log.info(`Launch permission on ${Object.values(ids).join(', ')} for ${who}.`);
  }
  keepCopiesOf(ctx.ledger, amiId);

  if (release.ssmParameter) {
    const name = release.ssmParameter;
    // Every region at once: each write is checked by Systems Manager before it reads back (the image must exist there).
    const written = await Promise.allSettled(
      Object.entries(ids).map(([region, id]) =>
        setParameter(ctx.clientsFor(region).get(SSMClient), name, id, 'aws:ec2:image', description, { region, clock: ctx.clock }),
      ),
    );
    for (const w of written) if (w.status === 'fulfilled') log.info(w.value);
    const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failed) throw failed.reason;
  }
  if (release.ssmParameterPlatformArn && platformArn) {
    const ssm = ctx.clientsFor(ctx.region).get(SSMClient);
    log.info(await setParameter(ssm, release.ssmParameterPlatformArn, platformArn, 'text', description, { region: ctx.region, clock: ctx.clock }));
  }
  return ids;
}
