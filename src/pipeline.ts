import * as path from 'node:path';
import type { Built, RunContext, Step } from './builders/context';
import type { InstalledPacker } from './builders/packer/install';
import { abortable, Clock } from './lib/clock';
import { describeError, StepError } from './lib/errors';
import type { Log } from './lib/log';
import { InputErrors, type Inputs } from './inputs';
import type { OutputName } from './declarations';
import type { Env } from './env';
import { Bundle, isRepositoryRoot, leftOutOfBundle, packagePlatform } from './platform/bundle';
import { PlatformDefinition, readPlatformDefinition } from './platform/definition';
import { preflightPlatform } from './platform/preflight';
import { SMOKE_FILE } from './platform/smoke-spec';
import { checkTemplateFiles, checkTemplateVariables, templateFiles } from './platform/template-files';
import { extractZip } from './platform/unzip';
import { promotes, releaseSteps, sharesImage } from './release/settings';
import { withDeadline } from './resources/run-tags';
import type { TeardownOutcome } from './teardown/teardown';
import type { PromoteContext, StartedCopies } from './release/promote';
import type { PreparedSmoke, SmokeReport, SmokeSetup } from './smoke';
import type { Fingerprint } from './builders/reuse';
import type { SbomReport } from './release/sbom-run';

export interface StepTiming {
  name: string;
  ms: number;
  ok: boolean;
  /** Warnings the step logged: a step that ended with some is not simply "ok". */
  warnings: number;
}

/** Everything a run learnt, filled in as it goes, so a failed run still reports what it did. */
export interface RunReport {
  platformName: string;
  version?: string;
  platformArn?: string;
  amiId?: string;
  bundle?: { sha256: string; bytes: number; files: number; key?: string };
  steps: StepTiming[];
  /** Every warning of the run, in order: the inputs', then the steps'. */
  warnings: string[];
  plan?: string[];
  smoke?: SmokeReport;
  /** The image's SBOM, written after a passed smoke test. */
  sbom?: SbomReport;
  /** Region → image id, once the image is built (and promoted). */
  amiIds?: Record<string, string>;
  /** skip-unchanged reused a proven image: nothing was built or smoke-tested. */
  reused?: boolean;
  /** A `mode: rollback` run. */
  rolledBack?: boolean;
  /** What the release did after the smoke test: the sweep, promotion, prune and deprecation, one line each. */
  release: string[];
  teardown: TeardownOutcome[];
}

/** The run's environment, and what the main job adds to it. */
export interface PipelineDeps extends Env {
  /** Where the bundle is written (RUNNER_TEMP on a runner). */
  workDir: string;
  /** Called as soon as an output is known, so a later failure does not lose it; only declared outputs (src/declarations.ts). */
  setOutput: (name: OutputName, value: string) => void;
}

export function newReport(platformName: string): RunReport {
  return { platformName, steps: [], warnings: [], release: [], teardown: [] };
}

/**
 * validate → package → (plan and stop on a dry run) → pre-flight → build (by
 * Elastic Beanstalk or by Packer on the runner) → smoke test, then teardown of
 * everything recorded, whatever happened. Throws the first failure after teardown.
 */
export async function runPipeline(inputs: Inputs, given: PipelineDeps, report: RunReport): Promise<RunReport> {
  const clock = given.clock;
  const deadline = clock.now() + inputs.timeoutMinutes * 60_000;
  // Everything the run creates carries its deadline: the sweep of a later run reads it.
  const deps = { ...given, log: warningsInto(given.log, report.warnings), runTags: withDeadline(given.runTags, deadline) };
  const step = stepRunner(deps, report, clock);
  if (inputs.mode === 'rollback') return (await import('./rollback-run')).runRollback(inputs, deps, report, step);

  // Packaged first: what is validated is what ships, after .ebignore.
  const bundle = await step('Package platform', () => packageBundle(inputs, deps, report));
  const definition = await step('Validate platform', () => validatePlatform(inputs, deps, bundle));
  if (inputs.dryRun) return printPlan(inputs, deps, report, bundle, definition);

  const ctx: RunContext = { inputs, deps, report, definition, bundle, clients: deps.clientsFor(inputs.region), clock, deadline };
  const held: { prepared?: PreparedSmoke; copies?: StartedCopies } = {};
  try {
    // Packer first: a missing, unverifiable or too old Packer is found before any AWS call.
    const packer = inputs.builder === 'packer' ? await step('Install Packer', () => installPacker(ctx)) : undefined;
    await step('Pre-flight checks', async () => (await import('./builders/preflight')).preflight(ctx));
    if (inputs.release.sweepOrphans) await step('Sweep what ended runs left', () => sweepOrphans(ctx));
    const reuse = await import('./builders/reuse');
    const { fingerprint, reuse: reused } = await step('Fingerprint the build', () => reuse.fingerprintStep(ctx, packer));
    const built = reused ? reuse.useReused(ctx, reused) : await buildAndProve(ctx, step, packer, fingerprint, held);
    if (reused) setAmiIds(ctx, { [inputs.region]: built.amiId });
    if (releaseSteps(inputs.release)) await release(ctx, step, built, held.copies);
  } finally {
    held.prepared?.key.cleanup();
    // A copy still running is stopped before teardown looks: none can be made after it.
    await held.copies?.cancel();
    if (deps.ledger.list().length) {
      const { teardown } = await import('./teardown/teardown');
      report.teardown = await step('Teardown', () => teardown({ ...deps, clock }, { keepBuilder: inputs.keepBuilder }));
    }
  }
  if (deps.signal?.aborted) throw new StepError('cancel', 'Cancelled; what this run created is torn down.');
  const leftover = report.teardown.filter((t) => !t.ok);
  if (leftover.length) throw new Error(`Teardown left ${leftover.length} resource(s) behind; the post step tries again.`);
  return report;
}

/**
 * The build and its smoke test: the smoke test's key pair and group are made before the build (a
 * refusal fails the run now, and the instance launches the moment the image is available), and
 * the copies to other regions start alongside the smoke test. What they create is in `held`, for
 * the caller's clean-up.
 */
async function buildAndProve(
  ctx: RunContext,
  step: Step,
  packer: InstalledPacker | undefined,
  fingerprint: Fingerprint,
  held: { prepared?: PreparedSmoke; copies?: StartedCopies },
): Promise<Built> {
  const { inputs, deps, report } = ctx;
  deps.setOutput('reused', 'false');
  if (inputs.smokeTest) held.prepared = await step('Prepare smoke test', () => prepareSmoke(ctx));
  // Each stage's modules (and the SDK clients they use) load when the run reaches it: see lib/aws.ts.
  const built = packer
    ? await (await import('./builders/packer/pipeline')).buildWithPacker(ctx, step, packer)
    : await (await import('./builders/elastic-beanstalk/pipeline')).buildWithElasticBeanstalk(ctx, step);
  report.amiId = built.amiId;
  deps.setOutput('ami-id', built.amiId);
  setAmiIds(ctx, { [inputs.region]: built.amiId });
  const { tagBuilt, tagProven } = await import('./builders/reuse');
  await tagBuilt(ctx, built.amiId, fingerprint);
  // The copies to other regions run alongside the smoke test; nothing is shared or published before it passes.
  held.copies = inputs.smokeTest ? await startCopiesEarly(ctx, built.amiId) : undefined;
  if (inputs.smokeTest) {
    await step('Smoke test', () => smokeTest(ctx, built.amiId, held.prepared));
    await tagProven(ctx, built.amiId);
    await (await import('./release/sbom-run')).publishSbom(ctx, built.amiId);
  }
  return built;
}

/** The log, with each warning also kept in `into` (the report's), so the summary can say which steps warned. */
function warningsInto(log: Log, into: string[]): Log {
  return {
    info: (m) => log.info(m),
    warning: (m) => {
      into.push(m);
      log.warning(m);
    },
    error: (m) => log.error(m),
    debug: (m) => log.debug(m),
    group: (name, fn) => log.group(name, fn),
    mask: (secret) => log.mask(secret),
  };
}

/** A step: a log group, timed in the report; a cancelled job starts none but teardown. */
function stepRunner(deps: PipelineDeps, report: RunReport, clock: Clock): Step {
  return async (name, fn) => {
    if (deps.signal?.aborted && name !== 'Teardown') throw new StepError(name, `Cancelled before '${name}'.`);
    const started = clock.now();
    const warnedBefore = report.warnings.length;
    try {
      const value = await deps.log.group(name, fn);
      report.steps.push({ name, ms: clock.now() - started, ok: true, warnings: report.warnings.length - warnedBefore });
      return value;
    } catch (error) {
      report.steps.push({ name, ms: clock.now() - started, ok: false, warnings: report.warnings.length - warnedBefore });
      if (deps.signal?.aborted) throw new StepError(name, `Cancelled during '${name}'.`);
      throw error;
    }
  };
}

/** Where the bundle is unpacked for validation, under the work directory. */
const VALIDATED_DIR = 'platform-validate';

/** platform.yaml, the template and the files it names, read from the bundle unpacked: a file .ebignore leaves out is found here. */
async function validatePlatform(inputs: Inputs, deps: PipelineDeps, bundle: Bundle): Promise<PlatformDefinition> {
  const unpacked = path.join(deps.workDir, VALIDATED_DIR);
  extractZip(bundle.path, unpacked);
  const root = isRepositoryRoot(inputs.platformDir);
  const source = {
    dir: unpacked,
    shown: inputs.platformDir,
    smokeDir: inputs.platformDir,
    absent: (rel: string) => leftOutOfBundle(inputs.platformDir, rel, root),
  };
  const def = await readPlatformDefinition(source);
  if (def.template) {
    const files = templateFiles(def.template, def.templateFile, inputs.packer.variables);
    checkTemplateFiles(files, source, def.templateFile);
    const errors = checkTemplateVariables(def.template, def.templateFile, inputs.packer.variables, inputs.builder);
    if (errors.length) throw errors.length === 1 ? errors[0] : new InputErrors(errors);
    const unread = files.filter((f) => f.rel === undefined);
    if (unread.length) deps.log.info(`Not checked before the build (resolved only by Packer): ${unread.map((f) => `${f.at} ${f.raw}`).join(', ')}`);
  }
  const warnings = preflightPlatform(def, { region: inputs.region, builder: inputs.builder, shares: sharesImage(inputs.release) });
  deps.log.info(
    `${path.relative(process.cwd(), inputs.platformDir) || '.'}: the bundle's platform.yaml valid (flavor ${def.flavor}), Packer template ${def.templateFile}` +
      (def.smoke ? `, ${SMOKE_FILE} declares ${def.smoke.checks.length} check(s)` : `, no ${SMOKE_FILE}: the smoke test runs the action's own checks only`),
  );
  for (const w of warnings) deps.log.warning(w);
  return def;
}

async function packageBundle(inputs: Inputs, deps: PipelineDeps, report: RunReport): Promise<Bundle> {
  const b = await packagePlatform(inputs.platformDir, path.join(deps.workDir, 'platform-bundle.zip'), {
    maxBytes: inputs.maxBundleBytes,
    repositoryRoot: isRepositoryRoot(inputs.platformDir),
  });
  deps.log.info(`${b.files.length} files, ${b.bytes} bytes, SHA-256 ${b.sha256}`);
  if (b.leftOut.length)
    deps.log.info(`Left out, as the platform directory is the repository's root (.ebignore's !DIR/ takes one back): ${b.leftOut.join(', ')}`);
  report.bundle = { sha256: b.sha256, bytes: b.bytes, files: b.files.length };
  deps.setOutput('bundle-sha256', b.sha256);
  return b;
}

/** A dry run's end: the plan in the log and the summary, and the outputs a dry run can know. */
async function printPlan(inputs: Inputs, deps: PipelineDeps, report: RunReport, bundle: Bundle, definition: PlatformDefinition): Promise<RunReport> {
  const { planLines } = await import('./plan-lines');
  const checked: string[] = [];
  if (inputs.builder === 'packer' && definition.template) {
    const { validateOffline } = await import('./builders/packer/offline-validate');
    const said = await validateOffline(inputs.packer, path.join(deps.workDir, VALIDATED_DIR), definition.templateFile);
    if (said.startsWith('not run')) deps.log.info(`Packer: ${said}.`);
    checked.push(said);
  }
  report.plan = planLines(inputs, bundle, definition, checked);
  let looked = false;
  if (inputs.skipUnchanged) {
    const { reuseVerdict } = await import('./builders/reuse');
    // The dry run's header says whether it looked at AWS: it did if the verdict asked for clients.
    const clientsFor = (region: string) => {
      looked = true;
      return deps.clientsFor(region);
    };
    report.plan.push(`skip-unchanged: ${await reuseVerdict(inputs, bundle, definition, clientsFor, process.env)}`);
  }
  if (inputs.platformVersion.kind === 'explicit') {
    report.version = inputs.platformVersion.version;
    deps.setOutput('platform-version', report.version);
  } else {
    report.version = 'auto (the next patch after the newest existing version, found at run time)';
  }
  deps.setOutput('plan', report.plan.join('\n'));
  deps.log.info([`Dry run: ${looked ? 'read-only AWS calls only (DescribeImages)' : 'no AWS call made'}. A real run would:`, ...report.plan].join('\n'));
  return report;
}

function smokeSetup({ inputs, deps }: RunContext): SmokeSetup {
  return {
    region: inputs.region,
    subnetId: inputs.smoke.subnetId,
    allowedCidr: inputs.smoke.allowedCidr,
    extraTags: inputs.smoke.tags,
    runTags: deps.runTags,
    sshPort: inputs.smoke.sshPort,
    httpPort: inputs.smoke.httpPort,
  };
}

async function prepareSmoke(ctx: RunContext): Promise<PreparedSmoke> {
  const [{ prepareSmokeTest }, { EC2Client }] = await Promise.all([import('./smoke'), import('@aws-sdk/client-ec2')]);
  const { clients, deps, clock } = ctx;
  return prepareSmokeTest(smokeSetup(ctx), { ...deps, ec2: clients.get(EC2Client), clock });
}

async function smokeTest(ctx: RunContext, amiId: string, prepared: PreparedSmoke | undefined): Promise<void> {
  const { inputs, clients, deps, report, clock, deadline, definition } = ctx;
  const [{ runSmokeTest }, { EC2Client }] = await Promise.all([import('./smoke'), import('@aws-sdk/client-ec2')]);
  const smoke = await runSmokeTest(
    {
      amiId,
      region: inputs.region,
      instanceType: inputs.smoke.instanceType,
      subnetId: inputs.smoke.subnetId,
      allowedCidr: inputs.smoke.allowedCidr,
      extraTags: inputs.smoke.tags,
      runTags: deps.runTags,
      userScript: inputs.smoke.script,
      spec: definition.smoke,
      sshUser: inputs.smoke.sshUser,
      sshPort: inputs.smoke.sshPort,
      httpPort: inputs.smoke.httpPort,
      address: inputs.smoke.address,
      kmsKeyId: inputs.smoke.kmsKeyId,
      deadline,
    },
    { ...deps, ec2: clients.get(EC2Client), clock },
    prepared,
  );
  // A cancel is reported as such by the step, not as failed checks.
  if (deps.signal?.aborted) throw new Error('cancelled');
  report.smoke = smoke;
  if (!smoke.ok) {
    const failed = smoke.checks.filter((c) => !c.ok).map((c) => c.name);
    throw new Error(`Smoke test failed: ${failed.join(', ') || 'see the log'}`);
  }
}

async function installPacker({ inputs, deps }: RunContext): Promise<InstalledPacker> {
  const { preparePacker } = await import('./builders/packer/install');
  return preparePacker({ version: inputs.packer.version, pluginVersion: inputs.packer.pluginVersion, workDir: deps.workDir }, deps.log);
}

function setAmiIds({ deps, report }: RunContext, ids: Record<string, string>): void {
  report.amiIds = ids;
  deps.setOutput('ami-ids', JSON.stringify(ids));
}

/** At the start: what runs of this repository that ended long ago left behind. Never fails the run. */
async function sweepOrphans({ inputs, clients, deps, report, clock }: RunContext): Promise<void> {
  const { sweep } = await import('./teardown/sweep');
  const { builderEnvironment } = await import('./builders/elastic-beanstalk/builder');
  try {
    const adoptBuilder =
      inputs.builder === 'elastic-beanstalk' && !inputs.keepBuilder
        ? (environmentName: string) => deps.ledger.record(builderEnvironment(inputs.region, environmentName))
        : undefined;
    const removed = await sweep(clients, { region: inputs.region, runTags: deps.runTags, adoptBuilder }, { log: deps.log, clock });
    report.release.push(...removed.map((o) => `swept ${o.what}, left by ${o.run}`));
  } catch (error) {
    deps.log.warning(`The sweep of ended runs' leftovers failed: ${describeError(error)}. The build goes on.`);
  }
}

function promoteContext({ inputs, deps, clock, deadline }: RunContext): PromoteContext {
  return { ...deps, clock: abortable(clock, deps.signal), region: inputs.region, platformName: inputs.platformName, release: inputs.release, deadline };
}

/** The copies to other regions, begun as the image is available when a promotion will copy it. */
async function startCopiesEarly(ctx: RunContext, amiId: string): Promise<StartedCopies | undefined> {
  if (!promotes(ctx.inputs.release) || !ctx.inputs.release.regions.length) return undefined;
  const { startCopies } = await import('./release/promote');
  return startCopies(promoteContext(ctx), amiId);
}

/** After a passed smoke test: promotion (taking up the copies begun alongside it), then the prune and the deprecation of what it replaces. */
async function release(ctx: RunContext, step: Step, built: Built, copies: StartedCopies | undefined): Promise<void> {
  const { inputs, deps, report, clock } = ctx;
  const settings = inputs.release;
  let ids: Record<string, string> = { [inputs.region]: built.amiId };
  if (promotes(settings)) {
    const { promote } = await import('./release/promote');
    ids = await step('Promote', () => promote(promoteContext(ctx), built, copies));
    setAmiIds(ctx, ids);
    report.release.push(...Object.entries(ids).map(([region, id]) => `image in ${region}: ${id}`));
  }
  if (settings.keepVersions !== undefined) {
    const keep = settings.keepVersions;
    const { prune } = await import('./release/prune');
    const lines = await step('Prune old versions', () =>
      prune({
        builder: inputs.builder,
        platformName: inputs.platformName,
        version: built.version,
        amiIds: ids,
        buildRegion: inputs.region,
        keep,
        parameters: { image: settings.ssmParameter, platformArn: settings.ssmParameterPlatformArn },
        clientsFor: deps.clientsFor,
        log: deps.log,
        clock,
      }),
    );
    report.release.push(...lines);
  }
  if (settings.deprecateAfterDays !== undefined) {
    const days = settings.deprecateAfterDays;
    const { deprecatePrevious } = await import('./release/deprecate');
    const lines = await step('Deprecate previous images', () =>
      deprecatePrevious(deps.clientsFor, { platformName: inputs.platformName, version: built.version, amiIds: ids, days }, { log: deps.log, clock }),
    );
    report.release.push(...lines);
  }
}
