/**
 * The packer builder: the same platform directory built by Packer on the
 * runner, with no Elastic Beanstalk call. Packer builds exactly what was
 * packaged (the bundle unpacked into the run's work directory), with the
 * variables Elastic Beanstalk would set: AWS_EB_PLATFORM_NAME and _VERSION,
 * and AWS_EB_PLATFORM_ARN empty, since no platform version exists to name (a
 * template that tags with it gets an empty tag); and the region in AWS_REGION.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StepError } from '../../lib/errors';
import { runProcess } from '../../lib/process';
import type { Resource } from '../../resources/ledger';
import type { Built, RunContext, Step } from '../context';
import { resolveImageVersion } from './images';
import { InstalledPacker, preparePacker } from './install';
import type { Announced } from './output';
import { buildImage, templateForEndpoint, validateTemplate } from './run';

export async function buildWithPacker(ctx: RunContext, step: Step): Promise<Built> {
  const version = await step('Resolve version', () => chooseVersion(ctx));
  const packer = await step('Install Packer', () => preparePacker({ ...ctx.inputs.packer, workDir: ctx.deps.workDir }, ctx.deps.log));
  const amiId = await step('Build image (Packer on the runner)', () => build(ctx, packer, version));
  return { amiId, version };
}

async function chooseVersion({ inputs, clients, deps, report }: RunContext): Promise<string> {
  const resolved = await resolveImageVersion(clients.get(EC2Client), inputs.platformName, inputs.platformVersion);
  deps.log.info(`${inputs.platformName}/${resolved.version} (${resolved.reason}; versions from the images' ${'eb_platform_version'} tags)`);
  report.version = resolved.version;
  deps.setOutput('platform-version', resolved.version);
  deps.setOutput('platform-arn', '');
  return resolved.version;
}

/** The bundle, unpacked where Packer runs: it builds what was packaged, and the checkout stays untouched. */
async function unpack(ctx: RunContext): Promise<string> {
  const dir = path.join(ctx.deps.workDir, 'platform-build');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const r = await runProcess('unzip', ['-qq', ctx.bundle.path, '-d', dir], { timeoutMs: 300_000 });
  if (r.code !== 0) throw new StepError('packer', `Unpacking the platform bundle failed: ${r.stderr.trim()}`);
  return dir;
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
  const templateFile = templateForEndpoint(dir, definition.templateFile, env);
  // Recorded before Packer starts: Packer names what it makes as it makes it, and each is added as it is announced.
  const record: Extract<Resource, { kind: 'packer-build' }> = {
    kind: 'packer-build',
    region: inputs.region,
    build: `${inputs.platformName}/${version}`,
    tags: {},
    instanceIds: [],
    groupNames: [],
    keyNames: [],
    imageIds: [],
  };
  deps.ledger.record(record);
  const onAnnounced = (what: Announced) => {
    if (what.kind === 'instance') record.instanceIds?.push(what.id);
    if (what.kind === 'security-group') record.groupNames?.push(what.name);
    if (what.kind === 'key-pair') record.keyNames?.push(what.name);
    if (what.kind === 'image') record.imageIds?.push(what.id);
    deps.ledger.record({ ...record });
  };
  const run = { packer: packer.path, dir, templateFile, region: inputs.region, variables: inputs.packer.variables, env, signal: deps.signal, onAnnounced };
  await validateTemplate(run);
  const amiId = await buildImage(run, deps.log);
  // The image is the product: it stays out of teardown's reach; what Packer made to build it goes.
  record.imageIds = [];
  deps.ledger.record({ ...record });
  deps.log.info(`Packer registered ${amiId}.`);
  ctx.report.amiId = amiId;
  return amiId;
}
