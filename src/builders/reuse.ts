/**
 * `skip-unchanged`: a build's fingerprint, and the proven image of the
 * platform built from the same one, reused instead of building. An image is
 * proven when it passed its smoke test (its tag says when), and stays
 * reusable until a rollback leaves it. With the Elastic Beanstalk builder the
 * image's platform version must still be Ready.
 */
import { EC2Client, Image } from '@aws-sdk/client-ec2';
import { DescribePlatformVersionCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import type { Inputs } from '../inputs';
import type { AwsClients } from '../lib/aws';
import { hasCredentials } from '../lib/credentials';
import { describeError } from '../lib/errors';
import { atLeast } from '../lib/semver';
import { tagValue } from '../lib/tags';
import { IMAGE_TAG, tagImage } from '../release/image-tags';
import type { Bundle } from '../platform/bundle';
import type { PlatformDefinition } from '../platform/definition';
import type { Built, RunContext } from './context';
import { BuildInputs, changedInputs, describeBuildInputs, fingerprintOf, resolveBaseImages } from './fingerprint';
import { DEFAULT_AMAZON_PLUGIN, PLUGIN_PACKER } from './packer/defaults';
import { imageVersion, newestFirst, platformImages, VERSION_TAG } from './packer/images';

/** A build's fingerprint, or why it has none (its base image is known only to Packer). */
export type Fingerprint = { value: string; described: string; baseNames: string[] } | { unknown: string };

/** The tag the platform's templates give an image with its platform version's ARN (Elastic Beanstalk's sample templates). */
const ARN_TAG = 'eb_platform_arn';

export async function fingerprintBuild(
  inputs: Inputs,
  bundle: Bundle,
  definition: PlatformDefinition,
  clients: AwsClients,
  packer?: { version: string; pluginVersion?: string },
): Promise<Fingerprint> {
  const env =
    inputs.builder === 'packer'
      ? { ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>), AWS_REGION: inputs.region }
      : {};
  const variables = inputs.builder === 'packer' ? inputs.packer.variables : {};
  const base = await resolveBaseImages(clients.get(EC2Client), definition.template, variables, env);
  if ('unknown' in base) return base;
  const b: BuildInputs = {
    platformName: inputs.platformName,
    bundleSha256: bundle.sha256,
    baseImages: base.ids,
    builder: inputs.builder,
    packer: packer && { version: packer.version, plugin: packer.pluginVersion, variables },
  };
  return { value: fingerprintOf(b), described: describeBuildInputs(b), baseNames: base.names };
}

export interface Reuse {
  built: Built;
  image: Image;
}

/** The platform's images the account owns that are available, passed their smoke test and no rollback left, newest first. */
async function provenImages(ec2: EC2Client, platformName: string): Promise<Image[]> {
  const images = await platformImages(ec2, platformName);
  return newestFirst(images.filter((i) => i.State === 'available' && tagValue(i.Tags, IMAGE_TAG.smokePassed) && !tagValue(i.Tags, IMAGE_TAG.rolledBack)));
}

/** Why a proven image cannot stand for this run, or undefined when it can. */
async function refusal(clients: AwsClients, inputs: Inputs, image: Image): Promise<string | undefined> {
  if (!imageVersion(image)) return `${image.ImageId} has no ${VERSION_TAG} tag`;
  if (inputs.builder !== 'elastic-beanstalk') return undefined;
  const arn = tagValue(image.Tags, ARN_TAG);
  if (!arn) return `${image.ImageId} has no ${ARN_TAG} tag naming its platform version`;
  try {
    const status = (await clients.get(ElasticBeanstalkClient).send(new DescribePlatformVersionCommand({ PlatformArn: arn }))).PlatformDescription
      ?.PlatformStatus;
    return status === 'Ready' ? undefined : `its platform version ${arn} is ${status ?? 'not found'}`;
  } catch (error) {
    return `its platform version ${arn} is not described: ${describeError(error)}`;
  }
}

/**
 * The proven image to reuse, or why the run builds: no image has the fingerprint (and what changed
 * since the newest proven one), or the one that has it cannot stand for this run.
 */
export async function findReuse(clients: AwsClients, inputs: Inputs, fp: { value: string; described: string }): Promise<{ reuse?: Reuse; why: string }> {
  const proven = await provenImages(clients.get(EC2Client), inputs.platformName);
  const matching = proven.filter((i) => tagValue(i.Tags, IMAGE_TAG.fingerprint) === fp.value);
  const refused: string[] = [];
  for (const image of matching) {
    const no = await refusal(clients, inputs, image);
    if (no) {
      refused.push(no);
      continue;
    }
    const built: Built = { amiId: image.ImageId as string, version: imageVersion(image) as string, platformArn: tagValue(image.Tags, ARN_TAG) };
    const passed = tagValue(image.Tags, IMAGE_TAG.smokePassed);
    return {
      reuse: { built, image },
      why: `${built.amiId} (${inputs.platformName} ${built.version}) was built from the same inputs and passed its smoke test ${passed}`,
    };
  }
  if (refused.length) return { why: `the image built from the same inputs cannot be reused: ${refused.join('; ')}` };
  const newest = proven[0];
  if (!newest) return { why: `no image of ${inputs.platformName} has passed a smoke test yet` };
  const before = tagValue(newest.Tags, IMAGE_TAG.buildInputs);
  const changed = before ? changedInputs(before, fp.described) : [];
  return {
    why: changed.length
      ? `since ${newest.ImageId} (${imageVersion(newest) ?? '?'}), ${changed.join('; ')}`
      : `no proven image of ${inputs.platformName} was built from these inputs (the newest, ${newest.ImageId}, ${before ? 'differs in its fingerprint only' : 'predates fingerprints'})`,
  };
}

/** The step: the build's fingerprint in the log, and with skip-unchanged the image to reuse, or why the run builds. */
export async function fingerprintStep(
  ctx: RunContext,
  packer?: { version: string; pluginVersion?: string },
): Promise<{ fingerprint: Fingerprint; reuse?: Reuse }> {
  const { inputs, deps, bundle, definition, clients } = ctx;
  const fingerprint = await fingerprintBuild(inputs, bundle, definition, clients, packer);
  if ('unknown' in fingerprint) {
    const say = `No fingerprint: ${fingerprint.unknown}. The image is not tagged for reuse${inputs.skipUnchanged ? ', and skip-unchanged builds' : ''}.`;
    if (inputs.skipUnchanged) deps.log.warning(say);
    else deps.log.info(say);
    return { fingerprint };
  }
  deps.log.info(`Fingerprint ${fingerprint.value}: ${fingerprint.described} (base image ${fingerprint.baseNames.join(', ')}).`);
  if (!inputs.skipUnchanged) return { fingerprint };
  const { reuse, why } = await findReuse(clients, inputs, fingerprint);
  deps.log.info(reuse ? `Reusing: ${why}. No build and no smoke test.` : `Building: ${why}.`);
  ctx.report.release.push(reuse ? `reused: ${why}` : `built: ${why}`);
  if (reuse && inputs.platformVersion.kind === 'explicit' && inputs.platformVersion.version !== reuse.built.version)
    deps.log.warning(`platform-version ${inputs.platformVersion.version} is not made: ${reuse.built.version}, built from the same inputs, is reused.`);
  return { fingerprint, reuse };
}

/** The outputs and report of a reused image, as a build sets them. */
export function useReused({ deps, report }: RunContext, reuse: Reuse): Built {
  const { built } = reuse;
  report.reused = true;
  report.version = built.version;
  report.platformArn = built.platformArn;
  report.amiId = built.amiId;
  deps.setOutput('reused', 'true');
  deps.setOutput('platform-version', built.version);
  deps.setOutput('platform-arn', built.platformArn ?? '');
  deps.setOutput('ami-id', built.amiId);
  return built;
}

/** After the build: the image carries its fingerprint, so a later run can find it. */
export async function tagBuilt({ clients, deps }: RunContext, amiId: string, fingerprint: Fingerprint): Promise<void> {
  if ('unknown' in fingerprint) return;
  await tagImage(clients.get(EC2Client), amiId, { [IMAGE_TAG.fingerprint]: fingerprint.value, [IMAGE_TAG.buildInputs]: fingerprint.described }, deps.log);
}

/** After a passed smoke test: the image is proven, and may be reused. */
export async function tagProven({ clients, deps, clock }: RunContext, amiId: string): Promise<void> {
  await tagImage(clients.get(EC2Client), amiId, { [IMAGE_TAG.smokePassed]: new Date(clock.now()).toISOString() }, deps.log);
}

/**
 * What a dry run says of skip-unchanged: whether a real run would build or reuse, and why, read
 * with DescribeImages (and DescribePlatformVersion) only when credentials and a region are there.
 */
export async function reuseVerdict(
  inputs: Inputs,
  bundle: Bundle,
  definition: PlatformDefinition,
  clientsFor: (region: string) => AwsClients,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  if (!inputs.region) return 'could not tell whether a run would build or reuse: no region is given';
  if (!hasCredentials(env))
    return 'could not tell whether a run would build or reuse: no AWS credentials in the environment (with them, a dry run looks with DescribeImages only)';
  if (inputs.builder === 'packer' && inputs.packer.version === 'path')
    return 'could not tell whether a run would build or reuse: the packer on PATH is part of the fingerprint, and is read only at run time';
  const packer =
    inputs.builder === 'packer'
      ? {
          version: inputs.packer.version,
          pluginVersion: atLeast(inputs.packer.version, PLUGIN_PACKER) ? (inputs.packer.pluginVersion ?? DEFAULT_AMAZON_PLUGIN) : undefined,
        }
      : undefined;
  try {
    const clients = clientsFor(inputs.region);
    const fingerprint = await fingerprintBuild(inputs, bundle, definition, clients, packer);
    if ('unknown' in fingerprint) return `a run would build: no fingerprint (${fingerprint.unknown})`;
    const { reuse, why } = await findReuse(clients, inputs, fingerprint);
    return reuse ? `a run would reuse ${reuse.built.amiId}: ${why}` : `a run would build: ${why}`;
  } catch (error) {
    return `could not tell whether a run would build or reuse: ${describeError(error)}`;
  }
}
