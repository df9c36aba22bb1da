/**
 * The packer builder: the same platform directory built by Packer on the
 * runner, with no Elastic Beanstalk call. Packer builds exactly what was
 * packaged (the bundle unpacked into the run's work directory), with the
 * variables Elastic Beanstalk would set: AWS_EB_PLATFORM_NAME and _VERSION,
 * and AWS_EB_PLATFORM_ARN empty, since no platform version exists to name (a
 * template that tags with it gets an empty tag); and the region in AWS_REGION.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import * as path from 'node:path';
import { describeError, StepError } from '../../lib/errors';
import { extractZip } from '../../platform/unzip';
import type { Built, RunContext, Step } from '../context';
import { resolveImageVersion, VERSION_TAG } from './images';
import type { InstalledPacker } from './install';
import { packerBuild } from './leftovers';
import type { Announced } from './output';
import { buildImage, templateForRun, validateTemplate } from './run';
import { runnerCidr } from '../../smoke/runner-address';
import { atLeast } from '../../lib/semver';

export async function buildWithPacker(ctx: RunContext, step: Step, packer: InstalledPacker): Promise<Built> {
  const version = await step('Resolve version', () => chooseVersion(ctx));
  const amiId = await step('Build image (Packer on the runner)', () => build(ctx, packer, version));
  return { amiId, version };
}

async function chooseVersion({ inputs, clients, deps, report }: RunContext): Promise<string> {
  const resolved = await resolveImageVersion(clients.get(EC2Client), inputs.platformName, inputs.platformVersion);
  deps.log.info(`${inputs.platformName}/${resolved.version} (${resolved.reason}; versions from the images' ${VERSION_TAG} tags)`);
  report.version = resolved.version;
  deps.setOutput('platform-version', resolved.version);
  deps.setOutput('platform-arn', '');
  return resolved.version;
}

/** The bundle, unpacked where Packer runs: it builds what was packaged, and the checkout stays untouched. */
async function unpack(ctx: RunContext): Promise<string> {
  const dir = path.join(ctx.deps.workDir, 'platform-build');
  try {
    extractZip(ctx.bundle.path, dir);
  } catch (error) {
    throw new StepError('packer', `Unpacking the platform bundle failed: ${describeError(error)}`);
  }
  return dir;
}

/**
 * Whether Packer's EC2 client reads AWS_ENDPOINT_URL itself: the amazon plugin's EBS builder is on
 * the AWS SDK for Go v2 from 1.8.0 (plugin CHANGELOG, #618), which reads the variable; the SDK v1 of
 * older plugins and of the builder bundled before Packer 1.10 does not, and needs custom_endpoint_ec2.
 */
export function packerSdkReadsEndpoints(packer: InstalledPacker): boolean {
  return !!packer.pluginVersion && atLeast(packer.pluginVersion, '1.8.0');
}

async function build(ctx: RunContext, packer: InstalledPacker, version: string): Promise<string> {
  const { inputs, deps, definition } = ctx;
  const dir = await unpack(ctx);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_REGION: inputs.region,
    AWS_DEFAULT_REGION: inputs.region,
    AWS_EB_PLATFORM_NAME: inputs.platformName,
    AWS_EB_PLATFORM_VERSION: version,
    AWS_EB_PLATFORM_ARN: '',
    CHECKPOINT_DISABLE: '1',
    PACKER_NO_COLOR: '1',
    ...(packer.pluginPath ? { PACKER_PLUGIN_PATH: packer.pluginPath } : {}),
  };
  const templateFile = templateForRun(dir, definition.templateFile, {
    region: inputs.region,
    endpoint: packerSdkReadsEndpoints(packer) ? undefined : env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL,
    sourceCidr: await runnerCidr('packer', inputs.smoke.allowedCidr),
    runTags: deps.runTags,
    imageTags: inputs.tags,
  });
  // Recorded before Packer starts: Packer names what it makes as it makes it, and each is added as it is announced.
  const record = packerBuild(inputs.region, `${inputs.platformName}/${version}`, deps.runTags, {
    runTagged: Object.keys(deps.runTags).length > 0,
    instanceIds: [],
    groupNames: [],
    keyNames: [],
    imageIds: [],
  });
  deps.ledger.record(record);
  const onAnnounced = ({ list, value }: Announced) => {
    // Each once: Packer names an AMI again in its build summary.
    const known = (record[list] ??= []);
    if (known.includes(value)) return;
    known.push(value);
    deps.ledger.record({ ...record });
  };
  const run = { packer: packer.path, dir, templateFile, region: inputs.region, variables: inputs.packer.variables, env, signal: deps.signal, onAnnounced };
  await validateTemplate(run);
  const amiId = await buildImage(run, deps.log);
  // The image is the product: it stays out of teardown's reach; what Packer made to build it goes.
  record.imageIds = [];
  record.builtImageId = amiId;
  deps.ledger.record({ ...record });
  deps.log.info(`Packer registered ${amiId}.`);
  ctx.report.amiId = amiId;
  return amiId;
}
