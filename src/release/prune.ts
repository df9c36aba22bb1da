/**
 * keep-versions: the platform's versions beyond the newest N, removed where
 * nothing uses them. With the Elastic Beanstalk builder, platform versions in
 * the build region (DeletePlatformVersion) and the images copied to other
 * regions; with Packer, the images in every region (deregistered with their
 * snapshots). Everything decided is logged before the first removal.
 */
import { EC2Client, Image } from '@aws-sdk/client-ec2';
import { DeletePlatformVersionCommand, ElasticBeanstalkClient, PlatformSummary } from '@aws-sdk/client-elastic-beanstalk';
import { listOwnPlatformVersions } from '../builders/elastic-beanstalk/platforms';
import { imageVersion, platformImages } from '../builders/packer/images';
import type { BuilderKind } from '../inputs';
import { errorCode } from '../lib/aws-errors';
import { describeError } from '../lib/errors';
import type { Env } from '../env';
import { deregisterImage } from '../resources/ec2-delete';
import { FINAL_IMAGE_STATES } from '../resources/image-wait';
import { SSMClient } from '@aws-sdk/client-ssm';
import { imageUses, parameterValues, platformUses } from './in-use';
import { decidePrune, describeDecision, PruneCandidate, PruneDecision } from './prune-rules';

export interface PruneContext extends Pick<Env, 'clientsFor' | 'log' | 'clock'> {
  builder: BuilderKind;
  platformName: string;
  version: string;
  /** Region → this run's image id: the regions the platform lives in. */
  amiIds: Record<string, string>;
  buildRegion: string;
  keep: number;
  parameters: { image?: string; platformArn?: string };
}

/** What a prune did, one line each, for the log and the summary. */
export type PruneReport = string[];

async function imageDecisions(ctx: PruneContext, region: string): Promise<PruneDecision[]> {
  const clients = ctx.clientsFor(region);
  const images = (await platformImages(clients.get(EC2Client), ctx.platformName)).filter((i) => i.State !== 'deregistered');
  const uses = await imageUses(
    clients,
    images.map((i) => i.ImageId as string),
    ctx.parameters.image ? [ctx.parameters.image] : [],
    ctx.log,
  );
  const candidates: PruneCandidate[] = images.map((i) => ({
    id: i.ImageId as string,
    version: imageVersion(i) ?? '',
    failed: FINAL_IMAGE_STATES.includes(i.State ?? ''),
    building: i.State === 'pending' || i.State === 'transient',
    usedBy: uses.get(i.ImageId as string) ?? [],
  }));
  return decidePrune(candidates, ctx.keep, ctx.version);
}

/** Elastic Beanstalk builder: the build region's platform versions and images, listed once for both decisions on them. */
interface BuildRegionListing {
  versions: PlatformSummary[];
  images: Image[];
}

async function listBuildRegion(ctx: PruneContext): Promise<BuildRegionListing> {
  const clients = ctx.clientsFor(ctx.buildRegion);
  return {
    versions: await listOwnPlatformVersions(clients.get(ElasticBeanstalkClient), { name: ctx.platformName }),
    images: await platformImages(clients.get(EC2Client), ctx.platformName),
  };
}

async function platformDecisions(ctx: PruneContext, { versions, images }: BuildRegionListing): Promise<PruneDecision[]> {
  const clients = ctx.clientsFor(ctx.buildRegion);
  const uses = await platformUses(clients, ctx.parameters.platformArn ? [ctx.parameters.platformArn] : []);
  const byImage = await imageParameterVersions(ctx, images);
  const candidates: PruneCandidate[] = versions.map((v) => ({
    id: v.PlatformArn as string,
    version: v.PlatformVersion ?? '',
    failed: v.PlatformStatus === 'Failed',
    building: v.PlatformStatus === 'Creating' || v.PlatformStatus === 'Deleting',
    usedBy: [...(uses.get(v.PlatformArn as string) ?? []), ...(byImage.get(v.PlatformVersion ?? '') ?? [])],
  }));
  return decidePrune(candidates, ctx.keep, ctx.version);
}

/**
 * Elastic Beanstalk builder: the platform versions whose images the image parameter holds in the
 * build region, now or as its rollback target (version → which), so the version goes with neither.
 */
async function imageParameterVersions(ctx: PruneContext, images: Image[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (!ctx.parameters.image) return found;
  const held = await parameterValues(ctx.clientsFor(ctx.buildRegion).get(SSMClient), [ctx.parameters.image]);
  if (!held.size) return found;
  for (const image of images) {
    const version = imageVersion(image);
    const what = held.get(image.ImageId ?? '');
    if (version && what) found.set(version, [...(found.get(version) ?? []), ...what.map((w) => `${w} (${image.ImageId})`)]);
  }
  return found;
}

/**
 * Elastic Beanstalk builder: images in the build region that the platform's tags name and whose
 * platform version is gone. Whether DeletePlatformVersion deregisters the version's AMI is not
 * documented (the API reference says only that it deletes the platform version), so an image whose
 * version is Deleted or no longer listed, and that nothing uses, is deregistered with its snapshots
 * as a Packer-built one is. A version this prune just deleted is still Deleting: its image waits
 * for a later prune, and nothing races Elastic Beanstalk's own clean-up.
 */
async function orphanImageDecisions(ctx: PruneContext, listing: BuildRegionListing): Promise<PruneDecision[]> {
  const clients = ctx.clientsFor(ctx.buildRegion);
  const alive = new Set(listing.versions.filter((v) => v.PlatformStatus !== 'Deleted').map((v) => v.PlatformVersion));
  const images = listing.images.filter((i) => i.State !== 'deregistered' && !alive.has(imageVersion(i)) && imageVersion(i) !== ctx.version);
  if (!images.length) return [];
  const uses = await imageUses(
    clients,
    images.map((i) => i.ImageId as string),
    ctx.parameters.image ? [ctx.parameters.image] : [],
    ctx.log,
  );
  return images.map((i) => {
    const usedBy = uses.get(i.ImageId as string) ?? [];
    const building = i.State === 'pending' || i.State === 'transient';
    const candidate = { id: i.ImageId as string, version: imageVersion(i) ?? '', failed: false, building, usedBy };
    if (usedBy.length) return { candidate, remove: false, reason: `its platform version is gone, but ${usedBy.join(', ')} uses it` };
    if (building) return { candidate, remove: false, reason: `its platform version is gone, but it is still ${i.State}` };
    return { candidate, remove: true, reason: 'its platform version is gone and nothing uses it' };
  });
}

/** Removes one decided version; a refusal keeps it, with AWS's reason. */
async function remove(ctx: PruneContext, region: string, kind: 'platform' | 'image', d: PruneDecision): Promise<string> {
  const clients = ctx.clientsFor(region);
  try {
    if (kind === 'platform') {
      await clients.get(ElasticBeanstalkClient).send(new DeletePlatformVersionCommand({ PlatformArn: d.candidate.id }));
      return `removed platform version ${d.candidate.version} (${d.reason})`;
    }
    const removed = await deregisterImage(clients.get(EC2Client), d.candidate.id, ctx.log, ctx.clock);
    return `removed ${d.candidate.version} in ${region}: ${removed.join(', ') || 'already gone'} (${d.reason})`;
  } catch (error) {
    ctx.log.warning(`Could not remove ${d.candidate.version} (${d.candidate.id}) in ${region}: ${describeError(error)}; it stays.`);
    return `kept ${d.candidate.version} in ${region}: removing it failed (${errorCode(error) || describeError(error)})`;
  }
}

export async function prune(ctx: PruneContext): Promise<PruneReport> {
  const plans: { region: string; kind: 'platform' | 'image'; decisions: PruneDecision[] }[] = [];
  const listing = ctx.builder === 'elastic-beanstalk' ? await listBuildRegion(ctx) : undefined;
  if (listing) plans.push({ region: ctx.buildRegion, kind: 'platform', decisions: await platformDecisions(ctx, listing) });
  for (const region of Object.keys(ctx.amiIds)) {
    // The build region's images are Elastic Beanstalk's platform versions': they go with those.
    if (ctx.builder === 'elastic-beanstalk' && region === ctx.buildRegion) continue;
    plans.push({ region, kind: 'image', decisions: await imageDecisions(ctx, region) });
  }
  const orphans = listing ? await orphanImageDecisions(ctx, listing) : [];
  if (orphans.length) plans.push({ region: ctx.buildRegion, kind: 'image', decisions: orphans });
  for (const plan of plans) {
    const what = plan.kind === 'platform' ? `platform versions of ${ctx.platformName}` : `images of ${ctx.platformName} in ${plan.region}`;
    ctx.log.info([`Prune of the ${what}:`, ...plan.decisions.map((d) => `  ${describeDecision(d)}`)].join('\n'));
  }
  const report: PruneReport = [];
  for (const plan of plans) {
    for (const d of plan.decisions) {
      if (!d.remove) continue;
      const line = await remove(ctx, plan.region, plan.kind, d);
      ctx.log.info(line.charAt(0).toUpperCase() + line.slice(1) + '.');
      report.push(line);
    }
  }
  const kept = plans.flatMap((p) =>
    p.decisions.filter((d) => !d.remove).map((d) => `kept ${d.candidate.version}${p.kind === 'image' ? ` in ${p.region}` : ''}: ${d.reason}`),
  );
  return [...kept, ...report];
}
