/**
 * `mode: rollback`: no build and no smoke test. The SSM parameters a release
 * wrote go back to the last value that passed before the current one, in
 * every region the release wrote them, read from each parameter's own history
 * (release/history.ts). Every target is checked first (the image still there,
 * available and not deprecated; the platform version Ready): when one is not,
 * nothing is changed.
 */
import { DescribeImagesCommand, EC2Client, Image } from '@aws-sdk/client-ec2';
import { DescribePlatformVersionCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { SSMClient } from '@aws-sdk/client-ssm';
import { imageVersion } from '../builders/packer/images';
import type { Env } from '../env';
import { isNotFound } from '../lib/aws-errors';
import { describeError, StepError } from '../lib/errors';
import { TAG } from '../resources/run-tags';
import { parameterHistory, ParameterVersion, rollbackTarget, rolledBackDescription } from './history';
import { IMAGE_TAG, tagImage } from './image-tags';
import { confirmParameter, ParameterDataType, writeParameter } from './parameter';

export interface RollbackContext extends Pick<Env, 'clientsFor' | 'log' | 'clock' | 'runTags'> {
  /** The build region, where the platform ARN parameter lives. */
  region: string;
  /** The other regions the release wrote the image parameter in. */
  regions: string[];
  imageParameter?: string;
  platformArnParameter?: string;
}

/** One parameter in one region: what it holds, and what it goes back to. */
interface Move {
  region: string;
  name: string;
  dataType: ParameterDataType;
  from: ParameterVersion;
  to: ParameterVersion;
  /** The platform version the target is (an image's version tag, or the ARN's). */
  version?: string;
}

export interface RollbackResult {
  /** Region → the image the parameter points at now. */
  amiIds: Record<string, string>;
  /** Region → the image it pointed at before. */
  from: Record<string, string>;
  version?: string;
  platformArn?: string;
  lines: string[];
}

/** Why an image cannot be returned to, or undefined when it can. */
function imageRefusal(image: Image | undefined, now: number): string | undefined {
  if (!image) return 'is deregistered (pruned, or removed by hand)';
  if (image.State !== 'available') return `is ${image.State}`;
  if (image.DeprecationTime && Date.parse(image.DeprecationTime) <= now) return `is deprecated since ${image.DeprecationTime}`;
  return undefined;
}

async function describeImage(ec2: EC2Client, imageId: string): Promise<Image | undefined> {
  try {
    return (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
  } catch (error) {
    if (isNotFound(error, 'InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable')) return undefined;
    throw error;
  }
}

/** The move of one parameter in one region, or why there is none. */
async function planMove(ctx: RollbackContext, region: string, name: string, dataType: ParameterDataType): Promise<Move | string> {
  const clients = ctx.clientsFor(region);
  const history = await parameterHistory(clients.get(SSMClient), name);
  if (!history) return `SSM parameter ${name} does not exist in ${region}: nothing was released there to roll back`;
  const { current, target, none } = rollbackTarget(history);
  if (!current || !target) return `SSM parameter ${name} in ${region}: ${none}`;
  if (dataType === 'aws:ec2:image') {
    const image = await describeImage(clients.get(EC2Client), target.value);
    const refusal = imageRefusal(image, ctx.clock.now());
    if (refusal) return `SSM parameter ${name} in ${region} would go back to ${target.value} (version ${target.version}), which ${refusal}`;
    return { region, name, dataType, from: current, to: target, version: image && imageVersion(image) };
  }
  try {
    const platform = (await clients.get(ElasticBeanstalkClient).send(new DescribePlatformVersionCommand({ PlatformArn: target.value }))).PlatformDescription;
    if (platform?.PlatformStatus !== 'Ready')
      return `SSM parameter ${name} in ${region} would go back to ${target.value}, which is ${platform?.PlatformStatus ?? 'not found'}`;
    return { region, name, dataType, from: current, to: target, version: platform.PlatformVersion };
  } catch (error) {
    return `SSM parameter ${name} in ${region} would go back to ${target.value}, which Elastic Beanstalk does not describe: ${describeError(error)}`;
  }
}

/** Every move, checked before any is made; one error listing each that cannot be made. */
export async function planRollback(ctx: RollbackContext): Promise<Move[]> {
  const wanted: [string, string, ParameterDataType][] = [];
  if (ctx.imageParameter) for (const region of [ctx.region, ...ctx.regions]) wanted.push([region, ctx.imageParameter, 'aws:ec2:image']);
  if (ctx.platformArnParameter) wanted.push([ctx.region, ctx.platformArnParameter, 'text']);
  const planned = await Promise.all(wanted.map(([region, name, type]) => planMove(ctx, region, name, type)));
  const refused = planned.filter((p): p is string => typeof p === 'string');
  if (refused.length) throw new StepError('Roll back', `Nothing was changed: ${refused.join('; ')}.`);
  return planned as Move[];
}

const moveLine = (m: Move) =>
  `SSM parameter ${m.name} in ${m.region}: ${m.from.value} (version ${m.from.version}) → ${m.to.value} (version ${m.to.version}${m.version ? `, platform version ${m.version}` : ''})`;

/** Rolls the parameters back; returns what each points at now and pointed at before. */
export async function rollback(ctx: RollbackContext): Promise<RollbackResult> {
  const moves = await planRollback(ctx);
  const versions = [...new Set(moves.map((m) => m.version).filter(Boolean))];
  if (versions.length > 1) ctx.log.warning(`The regions go back to different platform versions (${versions.join(', ')}): their releases differed.`);
  ctx.log.info(['Rolling back:', ...moves.map((m) => `  ${moveLine(m)}`)].join('\n'));
  const result: RollbackResult = { amiIds: {}, from: {}, version: versions[0], lines: [] };
  for (const m of moves) {
    const clients = ctx.clientsFor(m.region);
    const ssm = clients.get(SSMClient);
    const written = await writeParameter(ssm, m.name, m.to.value, m.dataType, rolledBackDescription(m.from.value, ctx.runTags[TAG.runUrl]));
    await confirmParameter(ssm, m.name, m.to.value, written, ctx.clock);
    result.lines.push(moveLine(m));
    if (m.dataType === 'text') {
      result.platformArn = m.to.value;
      continue;
    }
    result.amiIds[m.region] = m.to.value;
    result.from[m.region] = m.from.value;
    // The image left is never reused by skip-unchanged: it was proven, then found wanting.
    await tagImage(clients.get(EC2Client), m.from.value, { [IMAGE_TAG.rolledBack]: new Date(ctx.clock.now()).toISOString() }, ctx.log);
  }
  return result;
}
