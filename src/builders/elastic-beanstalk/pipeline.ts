/**
 * The Elastic Beanstalk builder: the version chosen among the platform's
 * versions, the bundle uploaded, CreatePlatformVersion, and the wait while
 * Elastic Beanstalk runs Packer in its builder environment.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { S3Client } from '@aws-sdk/client-s3';
import { abortable } from '../../lib/clock';
import { creating } from '../../resources/ledger';
import { resolvedRunTags } from '../../platform/template';
import type { Built, RunContext, Step } from '../context';
import { builderEnvironment, builderNameFromArn } from './builder';
import { packerBuild } from '../packer/leftovers';
import { createPlatformVersion, CreatedVersion } from './create';
import { createEventStream } from './events';
import { BUILDER_ENVIRONMENT, bundleKey } from './settings';
import { storageBucket, StoredBundle, uploadBundle } from './storage';
import { resolveVersion } from './version';
import { waitForPlatform } from './wait';

export async function buildWithElasticBeanstalk(ctx: RunContext, step: Step): Promise<Built> {
  const version = await step('Resolve version', () => chooseVersion(ctx));
  const stored = await step('Upload bundle', () => upload(ctx, version));
  const created = await step('Create platform version', () => create(ctx, version, stored));
  const amiId = await step('Build platform (Packer on Elastic Beanstalk)', () => waitForBuild(ctx, created));
  return { amiId, version, platformArn: created.platformArn };
}

async function chooseVersion({ inputs, clients, deps, report }: RunContext): Promise<string> {
  const resolved = await resolveVersion(clients.get(ElasticBeanstalkClient), inputs.platformName, inputs.platformVersion);
  deps.log.info(`${inputs.platformName}/${resolved.version} (${resolved.reason})`);
  report.version = resolved.version;
  deps.setOutput('platform-version', resolved.version);
  return resolved.version;
}

async function upload({ inputs, clients, deps, report, bundle, clock }: RunContext, version: string): Promise<StoredBundle> {
  const bucket = await storageBucket(clients.get(ElasticBeanstalkClient));
  const key = bundleKey(inputs.platformName, version, bundle.sha256);
  await uploadBundle(clients.get(S3Client), bucket, key, bundle, { clock, log: deps.log });
  deps.log.info(`s3://${bucket}/${key}`);
  if (report.bundle) report.bundle.key = `s3://${bucket}/${key}`;
  return { bucket, key };
}

async function create({ inputs, clients, deps, report, definition }: RunContext, version: string, stored: StoredBundle): Promise<CreatedVersion> {
  const { ledger, log } = deps;
  const builder = builderEnvironment(inputs.region, BUILDER_ENVIRONMENT, { platformName: inputs.platformName, platformVersion: version });
  // Packer's instance carries the template's run tags: after a build that ended without Packer's own
  // clean-up, teardown finds it by them. Recorded before the builder, so that teardown (newest first)
  // stops the builder before it looks.
  const packerTags = resolvedRunTags(definition.template ?? {}, {
    AWS_EB_PLATFORM_NAME: inputs.platformName,
    AWS_EB_PLATFORM_VERSION: version,
    AWS_EB_PLATFORM_ARN: `arn:aws:elasticbeanstalk:${inputs.region}:*:platform/${inputs.platformName}/${version}`,
  });
  if (Object.keys(packerTags).length) ledger.record(packerBuild(inputs.region, `${inputs.platformName}/${version}`, packerTags));
  // Recorded first: the service may start the builder even when the answer never reaches us.
  const out = await creating(ledger, builder, () =>
    createPlatformVersion(clients.get(ElasticBeanstalkClient), {
      name: inputs.platformName,
      version,
      bundle: stored,
      builder: inputs.builderEnvironment,
      tags: inputs.tags,
      runTags: deps.runTags,
    }),
  );
  if (out.adopted) log.info(`The answer to CreatePlatformVersion was lost; the build it started is this run's (found by its tags).`);
  const named = builderNameFromArn(out.builderArn);
  if (named && named !== BUILDER_ENVIRONMENT) {
    ledger.record({ ...builder, environmentName: named, platformArn: out.platformArn });
    ledger.release(builder);
  } else {
    ledger.record({ ...builder, platformArn: out.platformArn });
  }
  log.info(`${out.platformArn}${out.builderArn ? ` (builder ${out.builderArn})` : ''}`);
  report.platformArn = out.platformArn;
  deps.setOutput('platform-arn', out.platformArn);
  return out;
}

async function waitForBuild({ inputs, clients, deps, clock, deadline }: RunContext, created: CreatedVersion): Promise<string> {
  const events = createEventStream(clients.get(ElasticBeanstalkClient), created.platformArn, deps.log, new Date(clock.now() - 60_000));
  const built = await waitForPlatform(
    { eb: clients.get(ElasticBeanstalkClient), ec2: clients.get(EC2Client), logs: clients.get(CloudWatchLogsClient) },
    events,
    {
      platformArn: created.platformArn,
      deadline,
      intervalMs: inputs.pollIntervalSeconds * 1000,
      stillRunning:
        `The build goes on in the builder environment ${BUILDER_ENVIRONMENT}` +
        (inputs.keepBuilder ? ', which keep-builder leaves running' : ', which this run now stops (aborting the build) and terminates') +
        `. Remove the unfinished version with: aws elasticbeanstalk delete-platform-version --region ${inputs.region} --platform-arn ${created.platformArn}.`,
    },
    deps.log,
    abortable(clock, deps.signal),
  );
  return built.amiId;
}
