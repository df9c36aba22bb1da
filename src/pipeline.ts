import * as path from 'node:path';
import type { AwsClients } from './lib/aws';
import { BUILDER_ENVIRONMENT, builderNameFromArn } from './build/elastic-beanstalk/builder';
import { packagePlatform } from './platform/bundle';
import { abortable, Clock, realClock } from './lib/clock';
import { createPlatformVersion } from './build/elastic-beanstalk/create';
import { createEventStream } from './build/elastic-beanstalk/events';
import type { Inputs } from './inputs';
import { creating, type Ledger } from './resources/ledger';
import type { Log } from './lib/log';
import { StepError } from './lib/errors';
import { readPlatformDefinition } from './platform/definition';
import { preflightPlatform } from './platform/preflight';
import { resolvedRunTags } from './platform/template';
import { checkBuilderProfile } from './build/elastic-beanstalk/preflight';
import { credentialsWarning } from './lib/credentials';
import { runSmokeTest, SmokeReport } from './smoke';
import { bundleKey, storageBucket, uploadBundle } from './build/elastic-beanstalk/storage';
import { TeardownOutcome, teardown } from './resources/teardown';
import { resolveVersion } from './build/elastic-beanstalk/version';
import { waitForPlatform } from './build/elastic-beanstalk/wait';
import { planLines } from './plan-lines';

export interface StepTiming {
  name: string;
  ms: number;
  ok: boolean;
}

/** Everything a run learnt, filled in as it goes, so a failed run still reports what it did. */
export interface RunReport {
  platformName: string;
  version?: string;
  platformArn?: string;
  amiId?: string;
  bundle?: { sha256: string; bytes: number; files: number; key?: string };
  steps: StepTiming[];
  plan?: string[];
  smoke?: SmokeReport;
  teardown: TeardownOutcome[];
}

export interface PipelineDeps {
  /** Clients for a region; never called on a dry run. */
  clientsFor: (region: string) => AwsClients;
  ledger: Ledger;
  log: Log;
  /** Where the bundle is written (RUNNER_TEMP on a runner). */
  workDir: string;
  /** Tags that say which repository and run made a resource. */
  runTags: Record<string, string>;
  /** Called as soon as an output is known, so a later failure does not lose it. */
  setOutput: (name: string, value: string) => void;
  clock?: Clock;
  /** Stops the wait early (the job was cancelled). */
  signal?: AbortSignal;
}

export function newReport(platformName: string): RunReport {
  return { platformName, steps: [], teardown: [] };
}

/**
 * validate → package → (plan and stop on a dry run) → version → upload →
 * create → wait → smoke test, then teardown of everything recorded, whatever
 * happened. Throws the first failure after teardown.
 */
export async function runPipeline(inputs: Inputs, deps: PipelineDeps, report: RunReport): Promise<RunReport> {
  const { log, ledger } = deps;
  const clock = deps.clock ?? realClock;
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    // A cancelled job starts nothing new; teardown is not a step that can be skipped.
    if (deps.signal?.aborted && name !== 'Teardown') throw new StepError(name, `Cancelled before '${name}'.`);
    const started = clock.now();
    try {
      const value = await log.group(name, fn);
      report.steps.push({ name, ms: clock.now() - started, ok: true });
      return value;
    } catch (error) {
      report.steps.push({ name, ms: clock.now() - started, ok: false });
      if (deps.signal?.aborted) throw new StepError(name, `Cancelled during '${name}'.`);
      throw error;
    }
  };
  const deadline = clock.now() + inputs.timeoutMinutes * 60_000;

  const definition = await step('Validate platform', async () => {
    const def = await readPlatformDefinition(inputs.platformDir);
    const warnings = preflightPlatform(def, { region: inputs.region, builder: 'elastic-beanstalk' });
    log.info(`${path.relative(process.cwd(), inputs.platformDir) || '.'}: platform.yaml valid (flavor ${def.flavor}), Packer template ${def.templateFile}`);
    for (const w of warnings) log.warning(w);
    return def;
  });
  const bundle = await step('Package platform', async () => {
    const b = await packagePlatform(inputs.platformDir, path.join(deps.workDir, 'platform-bundle.zip'), { maxBytes: inputs.maxBundleBytes });
    log.info(`${b.files.length} files, ${b.bytes} bytes, SHA-256 ${b.sha256}`);
    return b;
  });
  report.bundle = { sha256: bundle.sha256, bytes: bundle.bytes, files: bundle.files.length };
  deps.setOutput('bundle-sha256', bundle.sha256);

  if (inputs.dryRun) {
    report.plan = planLines(inputs, bundle, definition.templateFile);
    log.info(['Dry run: no AWS call made. A real run would:', ...report.plan].join('\n'));
    return report;
  }

  const { eb, s3, ec2, logs, iam } = deps.clientsFor(inputs.region);
  try {
    await step('Pre-flight checks', async () => {
      const credentials = await credentialsWarning(() => eb.config.credentials(), deadline, inputs.timeoutMinutes);
      if (credentials) log.warning(credentials);
      const profile = await checkBuilderProfile(iam, inputs.builder.instanceProfile);
      if (profile) log.warning(profile);
      else log.info(`The builder's instance profile ${inputs.builder.instanceProfile} exists.`);
    });

    const { version } = await step('Resolve version', async () => {
      const resolved = await resolveVersion(eb, inputs.platformName, inputs.platformVersion);
      log.info(`${inputs.platformName}/${resolved.version} (${resolved.reason})`);
      return resolved;
    });
    report.version = version;
    deps.setOutput('platform-version', version);

    const stored = await step('Upload bundle', async () => {
      const bucket = await storageBucket(eb);
      const key = bundleKey(inputs.platformName, version, bundle.sha256);
      await uploadBundle(s3, bucket, key, bundle, { clock, log });
      log.info(`s3://${bucket}/${key}`);
      return { bucket, key };
    });
    report.bundle.key = `s3://${stored.bucket}/${stored.key}`;

    const since = new Date(clock.now() - 60_000);
    const builder = {
      kind: 'builder-environment' as const,
      region: inputs.region,
      environmentName: BUILDER_ENVIRONMENT,
      platformName: inputs.platformName,
      platformVersion: version,
    };
    // Recorded before the builder, so that teardown (newest first) stops the builder before it looks
    // for what its Packer left: Packer's instance carries the template's run tags.
    const packerTags = resolvedRunTags(definition.template ?? {}, {
      AWS_EB_PLATFORM_NAME: inputs.platformName,
      AWS_EB_PLATFORM_VERSION: version,
      AWS_EB_PLATFORM_ARN: `arn:aws:elasticbeanstalk:${inputs.region}:*:platform/${inputs.platformName}/${version}`,
    });
    const created = await step('Create platform version', async () => {
      if (Object.keys(packerTags).length) ledger.record({ kind: 'packer-build', region: inputs.region, build: `${inputs.platformName}/${version}`, tags: packerTags });
      // Recorded first: the service may start the builder even when the answer never reaches us.
      const out = await creating(ledger, builder, () =>
        createPlatformVersion(eb, {
          name: inputs.platformName,
          version,
          bundle: stored,
          builder: inputs.builder,
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
      return out;
    });
    report.platformArn = created.platformArn;
    deps.setOutput('platform-arn', created.platformArn);

    const built = await step('Build platform (Packer on Elastic Beanstalk)', async () => {
      const events = createEventStream(eb, created.platformArn, log, since);
      const minIntervalMs = inputs.pollIntervalSeconds * 1000;
      return waitForPlatform(
        { eb, ec2, logs },
        events,
        {
          platformArn: created.platformArn,
          deadline,
          minIntervalMs,
          maxIntervalMs: Math.max(minIntervalMs, Math.min(4 * minIntervalMs, 30_000)),
          stillRunning:
            `The build goes on in the builder environment ${BUILDER_ENVIRONMENT}` +
            (inputs.keepBuilder ? ', which keep-builder leaves running' : ', which this run now terminates (stopping the build)') +
            `. Remove the unfinished version with: aws elasticbeanstalk delete-platform-version --region ${inputs.region} --platform-arn ${created.platformArn}` +
            `; Packer's own instance (tag Name=packer) may need terminating by hand if the build stops midway.`,
        },
        log,
        abortable(clock, deps.signal),
      );
    });
    report.amiId = built.amiId;
    deps.setOutput('ami-id', built.amiId);

    if (inputs.smokeTest) {
      const smoke = await step('Smoke test', async () =>
        runSmokeTest(
          {
            amiId: built.amiId,
            region: inputs.region,
            instanceType: inputs.smoke.instanceType,
            subnetId: inputs.smoke.subnetId,
            allowedCidr: inputs.smoke.allowedCidr,
            extraTags: inputs.smoke.tags,
            runTags: deps.runTags,
            userScript: inputs.smoke.script,
            sampleAppDir: path.join(inputs.platformDir, 'sample-app'),
            sshUser: inputs.smoke.sshUser,
            sshPort: inputs.smoke.sshPort,
            httpPort: inputs.smoke.httpPort,
            address: inputs.smoke.address,
            kmsKeyId: inputs.smoke.kmsKeyId,
            deadline,
          },
          { ec2, ledger, log, clock, signal: deps.signal },
        ).then((r) => {
          // Reported as a cancel by the step, not as failed checks.
          if (deps.signal?.aborted) throw new Error('cancelled');
          return r;
        }),
      );
      report.smoke = smoke;
      if (!smoke.ok) {
        const failed = smoke.checks.filter((c) => !c.ok).map((c) => c.name);
        throw new Error(`Smoke test failed: ${failed.join(', ') || 'see the log'}`);
      }
    }
  } finally {
    if (ledger.list().length) {
      report.teardown = await step('Teardown', () => teardown(ledger, deps.clientsFor, log, { keepBuilder: inputs.keepBuilder }));
    }
  }
  if (deps.signal?.aborted) throw new StepError('cancel', 'Cancelled; what this run created is torn down.');
  const leftover = report.teardown.filter((t) => !t.ok);
  if (leftover.length) throw new Error(`Teardown left ${leftover.length} resource(s) behind; the post step tries again.`);
  return report;
}
