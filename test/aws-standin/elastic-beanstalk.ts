/**
 * Elastic Beanstalk's custom-platform calls and the builder environment, as
 * AWS's API model, the developer guide, the EB CLI and real `ebp create`
 * transcripts show them (public transcripts of real `ebp create` runs, 2017 and 2019). What a build does is a build
 * engine's: a simulated one on a short clock, or the real Packer
 * (packer-build.ts).
 */
import { randomBytes } from 'node:crypto';
import type { XmlValue } from './xml';
import { builderLogLine } from './builder-log';
import { ApiError, list, values } from './protocol';
import { describeEvents, eventLog } from './elastic-beanstalk/events';
import type { BuildEvent } from './elastic-beanstalk/events';

export type { BuildEvent } from './elastic-beanstalk/events';

export const BUILDER_NAME = 'eb-custom-platform-builder-packer';
/** The application the EB CLI names for the builder (ebcli: "Custom Platform Builder"). */
const BUILDER_APPLICATION = 'Custom Platform Builder';
/** Elastic Beanstalk's answer to changing an environment that is not Ready. */
const invalidState = (name: string) =>
  new ApiError('InvalidParameterValue', `Environment named ${name} is in an invalid state for this operation. Must be Ready.`);

export type PlatformStatus = 'Creating' | 'Ready' | 'Failed' | 'Deleting' | 'Deleted';

export interface Platform {
  arn: string;
  name: string;
  version: string;
  status: PlatformStatus;
  created: number;
  events: BuildEvent[];
  tags: Record<string, string>;
  optionSettings: { namespace: string; name: string; value: string }[];
  bundle: { bucket: string; key: string };
  amiId?: string;
  /** Whether the builder has taken it up. */
  started: boolean;
  /** The failure to simulate, from a fail-build fault. */
  fails: boolean;
  deletingSince?: number;
}

interface Environment {
  id: string;
  name: string;
  /** An application's environment (not the builder): the platform version it runs. */
  platformArn?: string;
  application?: string;
  status: 'Launching' | 'Ready' | 'Updating' | 'Terminating' | 'Terminated';
  changedAt: number;
  /** The EC2 instance the builder runs on (named in failure events). */
  instanceId: string;
  /** The build it runs now. */
  building?: Platform;
  abort?: () => void;
  /** When DescribeEnvironments first lists it (see builderAppearsMs). */
  appearsAt?: number;
}

/** What a build engine reports as the build goes. */
export interface BuildReport {
  /** A line of Packer's output, for the build's CloudWatch Logs stream. */
  log(line: string): void;
  succeeded(amiId: string): void;
  /** Packer's own error (its last "Build '…' errored" line). */
  failed(packerError: string): void;
}

export interface BuildEngine {
  /** Starts a build; returns how to kill it. */
  start(platform: Platform, report: BuildReport): { abort(): void };
  /** Moves builds on the stand-in's clock along (called at every tick). */
  tick?(): void;
}

export interface ElasticBeanstalkOptions {
  account: string;
  /** The stand-in's time: the wall clock, or the virtual one a test shares with the action. */
  now?: () => number;
  region: string;
  engine: BuildEngine;
  /** How long the builder environment takes to launch (about two minutes in real logs), in the stand-in's ms. */
  builderLaunchMs?: number;
  /**
   * How long after CreatePlatformVersion the builder environment is listed at all. Not documented:
   * public transcripts of `ebp create` show "Creating Packer builder environment" at once and the
   * build starting minutes later, which fits a builder listed as Launching at once (0, the default)
   * as well as one listed only later; a test picks the other answer with this.
   */
  builderAppearsMs?: number;
  /** Whether this CreatePlatformVersion's build is to fail (a fail-build fault). */
  failBuild: () => boolean;
  /** Whether the S3 object the bundle names exists. */
  bundleExists: (bucket: string, key: string) => boolean;
  /** Appends to the build's CloudWatch Logs stream. */
  appendLog: (group: string, stream: string, line: string) => void;
  /** The most events DescribeEvents returns per page, below the caller's MaxRecords (AWS may return fewer than asked). */
  eventsPageSize?: number;
  /**
   * DescribeEvents answering every event of the version whatever its StartTime. The API reference
   * says StartTime returns "events that occur on or after this time"; whether an event stamped
   * exactly then comes again is not said, so the action must print nothing twice either way.
   */
  eventsIgnoreStartTime?: boolean;
  /**
   * What AbortEnvironmentUpdate does to a builder running a build. Not
   * documented: the API says it "cancels in-progress environment configuration
   * update or application version deployment". Each plausible answer can be chosen.
   */
  abortUpdate?: 'kills-build' | 'refused' | 'ignored';
}

export function createElasticBeanstalk(options: ElasticBeanstalkOptions) {
  const { account, region } = options;
  const clock = options.now ?? Date.now;
  const platforms = new Map<string, Platform>();
  const environments = new Map<string, Environment>();
  const launchMs = options.builderLaunchMs ?? 300;
  const id = (prefix: string, len = 10) => `${prefix}-${randomBytes(8).toString('hex').slice(0, len)}`;

  const { event, failBuild } = eventLog(clock);
  const logGroup = (p: Platform) => `/aws/elasticbeanstalk/platform/${p.name}`;

  function liveBuilder(): Environment | undefined {
    return [...environments.values()].find((e) => e.name === BUILDER_NAME && e.status !== 'Terminated' && e.status !== 'Terminating');
  }

  /** Starts a queued build once the builder is Ready; a builder runs one build at a time. */
  function startNext(env: Environment): void {
    if (env.status !== 'Ready') return;
    const next = [...platforms.values()].filter((p) => p.status === 'Creating' && !p.started).sort((a, b) => a.created - b.created)[0];
    if (!next) return;
    next.started = true;
    Object.assign(env, { status: 'Updating', changedAt: clock(), building: next });
    event(next, 'INFO', 'Starting Packer building task.');
    event(next, 'INFO', `Creating CloudWatch log group '${logGroup(next)}'.`);
    const finish = (apply: () => void) => {
      if (env.building !== next) return;
      apply();
      Object.assign(env, { status: 'Ready', changedAt: clock(), building: undefined, abort: undefined });
      startNext(env);
    };
    const build = options.engine.start(next, {
      log: (line) => options.appendLog(logGroup(next), next.version, builderLogLine(line)),
      succeeded: (amiId) =>
        finish(() => {
          next.amiId = amiId;
          event(next, 'INFO', `Successfully built AMI(s): '${amiId}' for '${next.arn}'`);
          next.status = 'Ready';
          event(next, 'INFO', `Successfully created platform version '${next.name}/${next.version}'.`);
        }),
      failed: (packerError) => finish(() => failBuild(next, env, packerError)),
    });
    env.abort = () =>
      finish(() => {
        build.abort();
        failBuild(next, env, 'the build was aborted');
      });
  }

  /** Moves the environments along: launches finish, terminations end. */
  function tick(): void {
    options.engine.tick?.();
    const now = clock();
    for (const e of environments.values()) {
      if (e.status === 'Launching' && now - e.changedAt >= launchMs) {
        Object.assign(e, { status: 'Ready', changedAt: now });
        startNext(e);
      }
      if (e.status === 'Terminating' && now - e.changedAt > 200) Object.assign(e, { status: 'Terminated', changedAt: now });
    }
    for (const p of platforms.values()) if (p.status === 'Deleting' && now - (p.deletingSince ?? now) > 200) p.status = 'Deleted';
  }

  const summary = (p: Platform): XmlValue => ({
    PlatformArn: p.arn,
    PlatformOwner: 'self',
    PlatformStatus: p.status,
    PlatformCategory: 'custom',
    PlatformVersion: p.version,
    PlatformBranchName: undefined,
  });

  const handlers: Record<string, (p: URLSearchParams) => XmlValue> = {
    CreateStorageLocation: () => ({ S3Bucket: `elasticbeanstalk-${region}-${account}` }),
    ListPlatformVersions: (p) => {
      const filters = list(p, 'Filters').map((f) => ({ type: f.Type, op: f.Operator, values: values(f, 'Values') }));
      const all = [...platforms.values()].filter(
        (v) =>
          v.status !== 'Deleted' &&
          filters.every((f) => {
            // The EB CLI's owner value for one's own platforms is "self" (ebcli/core/ebglobals.py); the stand-in answers it alone.
            const field = { PlatformName: v.name, PlatformVersion: v.version, PlatformStatus: v.status, PlatformOwner: 'self' }[f.type as string];
            if (field === undefined) throw new ApiError('InvalidParameterValue', `Invalid filter type: ${f.type}`);
            return f.values.includes(field);
          }),
      );
      const size = Math.min(Number(p.get('MaxRecords') ?? 100), options.eventsPageSize ?? Infinity);
      const offset = Number(p.get('NextToken') ?? 0);
      return { PlatformSummaryList: all.slice(offset, offset + size).map(summary), NextToken: offset + size < all.length ? String(offset + size) : undefined };
    },
    CreatePlatformVersion: (p) => {
      const name = p.get('PlatformName') ?? '';
      const version = p.get('PlatformVersion') ?? '';
      const bundle = { bucket: p.get('PlatformDefinitionBundle.S3Bucket') ?? '', key: p.get('PlatformDefinitionBundle.S3Key') ?? '' };
      if (!options.bundleExists(bundle.bucket, bundle.key))
        throw new ApiError('InvalidParameterValue', `The platform definition archive s3://${bundle.bucket}/${bundle.key} does not exist.`);
      const arn = `arn:aws:elasticbeanstalk:${region}:${account}:platform/${name}/${version}`;
      // The service's exact words for an existing version are not documented; the action matches "already exists".
      if ([...platforms.values()].some((v) => v.arn === arn && v.status !== 'Deleted'))
        throw new ApiError('InvalidParameterValue', `Platform version ${name}/${version} already exists.`);
      const tags: Record<string, string> = {};
      for (const t of list(p, 'Tags')) tags[t.Key] = t.Value ?? '';
      const platform: Platform = {
        arn,
        name,
        version,
        status: 'Creating',
        created: clock(),
        events: [],
        tags,
        optionSettings: list(p, 'OptionSettings').map((o) => ({ namespace: o.Namespace, name: o.OptionName, value: o.Value })),
        bundle,
        started: false,
        fails: options.failBuild(),
      };
      platforms.set(arn, platform);
      event(platform, 'INFO', `Initiated platform version creation for '${name}/${version}'.`);
      let builder = liveBuilder();
      if (!builder) {
        const appears = clock() + (options.builderAppearsMs ?? 0);
        builder = { id: id('e'), name: BUILDER_NAME, status: 'Launching', changedAt: appears, appearsAt: appears, instanceId: id('i', 17) };
        environments.set(builder.id, builder);
        event(platform, 'INFO', `Creating Packer builder environment '${BUILDER_NAME}'.`);
      } else {
        startNext(builder);
      }
      return {
        PlatformSummary: summary(platform),
        Builder: { ARN: `arn:aws:elasticbeanstalk:${region}:${account}:environment/${BUILDER_APPLICATION}/${builder.name}` },
      };
    },
    DescribePlatformVersion: (p) => {
      const v = platforms.get(p.get('PlatformArn') ?? '');
      if (!v) throw new ApiError('InvalidParameterValue', 'No Platform found');
      return {
        PlatformDescription: {
          PlatformArn: v.arn,
          PlatformOwner: 'self',
          PlatformName: v.name,
          PlatformVersion: v.version,
          PlatformStatus: v.status,
          PlatformCategory: 'custom',
          DateCreated: new Date(v.created),
          CustomAmiList: v.status === 'Ready' && v.amiId ? [{ VirtualizationType: 'hvm', ImageId: v.amiId }] : [],
        },
      };
    },
    DescribeEvents: describeEvents(platforms, options),
    /*
     * DeletePlatformVersion (API reference): refused with PlatformVersionStillReferencedException while an
     * environment runs the version, and OperationInProgressException while an operation on it is in
     * progress (a version still Creating, or already Deleting: which of the two cases the service
     * reports so is not documented). The version goes Deleting, then Deleted, and is no longer listed.
     * Whether the service deregisters the version's AMI is not documented either: here it does not
     * (the image stays, with its eb_platform_* tags), the answer that leaves something behind; the
     * action's prune removes such an image itself, which suits either answer.
     */
    DeletePlatformVersion: (p) => {
      const v = platforms.get(p.get('PlatformArn') ?? '');
      if (!v || v.status === 'Deleted') throw new ApiError('InvalidParameterValue', `No platform version found for ${p.get('PlatformArn')}.`);
      if ([...environments.values()].some((e) => e.platformArn === v.arn && e.status !== 'Terminated'))
        throw new ApiError(
          'PlatformVersionStillReferencedException',
          `You cannot delete the platform version because there are still environments running on it.`,
        );
      if (v.status === 'Creating' || v.status === 'Deleting')
        throw new ApiError('OperationInProgressFailure', `An operation is in progress on platform version ${v.arn}.`);
      v.status = 'Deleting';
      v.deletingSince = clock();
      return { PlatformSummary: summary(v) };
    },
    ListTagsForResource: (p) => {
      const v = platforms.get(p.get('ResourceArn') ?? '');
      if (!v) throw new ApiError('ResourceNotFoundException', `Resource ${p.get('ResourceArn')} not found.`, 404);
      return { ResourceArn: v.arn, ResourceTags: Object.entries(v.tags).map(([Key, Value]) => ({ Key, Value })) };
    },
    DescribeEnvironments: (p) => {
      const names = values(Object.fromEntries(p), 'EnvironmentNames');
      const envs = [...environments.values()].filter(
        (e) => (!names.length || names.includes(e.name)) && e.status !== 'Terminated' && (e.appearsAt ?? 0) <= clock(),
      );
      return {
        Environments: envs.map((e) => ({
          EnvironmentId: e.id,
          EnvironmentName: e.name,
          ApplicationName: e.application ?? BUILDER_APPLICATION,
          PlatformArn: e.platformArn,
          Status: e.status,
          Health: 'Grey',
        })),
      };
    },
    TerminateEnvironment: (p) => {
      const e =
        environments.get(p.get('EnvironmentId') ?? '') ??
        [...environments.values()].find((x) => x.name === p.get('EnvironmentName') && x.status !== 'Terminated');
      if (!e || e.status === 'Terminated') throw new ApiError('InvalidParameterValue', `No Environment found for EnvironmentId = '${p.get('EnvironmentId')}'.`);
      // Busy (launching, or running a build as a command): refused until Ready.
      if (e.status === 'Launching' || e.status === 'Updating') throw invalidState(e.name);
      if (e.status !== 'Terminating') Object.assign(e, { status: 'Terminating', changedAt: clock() });
      return { EnvironmentId: e.id, EnvironmentName: e.name, Status: 'Terminating' };
    },
    AbortEnvironmentUpdate: (p) => {
      const e =
        environments.get(p.get('EnvironmentId') ?? '') ??
        [...environments.values()].find((x) => x.name === p.get('EnvironmentName') && x.status !== 'Terminated');
      if (!e) throw new ApiError('InvalidParameterValue', `No Environment found for EnvironmentName = '${p.get('EnvironmentName')}'.`);
      const behaviour = options.abortUpdate ?? 'kills-build';
      if (e.status !== 'Updating' || behaviour === 'refused')
        throw new ApiError('InvalidParameterValue', `Environment named ${e.name} has no update in progress that can be aborted.`);
      // kills-build: the command running Packer is stopped, so Packer ends without its own clean-up.
      if (behaviour === 'kills-build') e.abort?.();
      return {};
    },
  };

  return {
    handlers,
    tick,
    platforms: () => [...platforms.values()],
    /**
     * An event the service records late, stamped earlier than events it already answered (its
     * EventDate is when it happened): the action must still print it, once.
     */
    recordLate(arn: string, message: string, at: number): void {
      platforms.get(arn)?.events.push({ at, severity: 'INFO', message });
    },
    environments: () => [...environments.values()],
    /** An application's environment on a platform version, as a test sets one up. */
    addEnvironment(name: string, platformArn: string): void {
      const e: Environment = { id: id('e'), name, platformArn, application: 'web', status: 'Ready', changedAt: clock(), instanceId: 'i-0app' };
      environments.set(e.id, e);
    },
    /** The builder environment as a finished build leaves it: Ready, with no build (the EB CLI only prints a note about it: it stays until terminated). */
    leaveBuilder(): void {
      const e: Environment = { id: id('e'), name: BUILDER_NAME, status: 'Ready', changedAt: clock(), instanceId: id('i', 17) };
      environments.set(e.id, e);
    },
    /** A platform version as a test sets one up (an earlier release). */
    addPlatform(name: string, version: string, status: PlatformStatus, amiId?: string): string {
      const arn = `arn:aws:elasticbeanstalk:${region}:${account}:platform/${name}/${version}`;
      platforms.set(arn, {
        arn,
        name,
        version,
        status,
        created: clock(),
        events: [],
        tags: {},
        optionSettings: [],
        bundle: { bucket: '', key: '' },
        amiId,
        started: true,
        fails: false,
      });
      return arn;
    },
    leftovers: () =>
      [...environments.values()]
        .filter((e) => !e.platformArn && e.status !== 'Terminated' && e.status !== 'Terminating')
        .map((e) => `builder environment ${e.name} (${e.status})`),
  };
}

export type ElasticBeanstalk = ReturnType<typeof createElasticBeanstalk>;
