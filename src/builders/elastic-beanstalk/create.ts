import { CreatePlatformVersionCommand, ElasticBeanstalkClient, ListTagsForResourceCommand } from '@aws-sdk/client-elastic-beanstalk';
import { errorCode, isAlreadyExists } from '../../lib/aws-errors';
import { StepError, describeError } from '../../lib/errors';
import type { BuilderSettings } from '../../inputs';
import { listOwnPlatformVersions } from './platforms';
import { builderOptionSettings } from './settings';
import type { StoredBundle } from './storage';

export interface CreatedVersion {
  platformArn: string;
  builderArn?: string;
  requestId?: string;
  /** The answer was lost and the version found afterwards, by its tags. */
  adopted?: boolean;
}

const PERMISSION_HINT =
  'The credentials lack a permission the call needs (see the IAM policy in the README), or Elastic Beanstalk no longer accepts custom platforms for this account: AWS retired them with the Amazon Linux AMI branches.';

/** What AWS says when custom platforms are not available to the account, in words a user can act on. */
function explainCreateFailure(error: unknown, name: string, version: string): StepError {
  const code = errorCode(error);
  const base = `CreatePlatformVersion for ${name}/${version} failed: ${describeError(error)}`;
  const hints: Record<string, string> = {
    InsufficientPrivilegesException: PERMISSION_HINT,
    // A plain IAM denial (403) says the same to the user: this call is not allowed for these credentials.
    AccessDenied: PERMISSION_HINT,
    AccessDeniedException: PERMISSION_HINT,
    TooManyPlatformsException: 'The account has reached its limit of custom platform versions: delete old ones (aws elasticbeanstalk delete-platform-version).',
    ElasticBeanstalkServiceException:
      'Elastic Beanstalk refused the request. AWS no longer supports custom platforms for new use, so this may be the service declining the feature for this account.',
  };
  return Object.assign(new StepError('create', hints[code] ? `${base}\n${hints[code]}` : base), { cause: error });
}

/**
 * After a lost answer the SDK's retry meets a version that "already exists":
 * the version is this run's when it carries the run's tags (the version was
 * checked not to exist just before), and is then adopted; otherwise another
 * run made it meanwhile.
 */
async function adoptLostCreate(
  eb: ElasticBeanstalkClient,
  name: string,
  version: string,
  runTags: Record<string, string>,
  error: unknown,
): Promise<CreatedVersion> {
  const found = (await listOwnPlatformVersions(eb, { name, version })).find((p) => p.PlatformStatus !== 'Deleted');
  if (!found?.PlatformArn) throw explainCreateFailure(error, name, version);
  const tags = await eb.send(new ListTagsForResourceCommand({ ResourceArn: found.PlatformArn }));
  const theirs = Object.fromEntries((tags.ResourceTags ?? []).map((t) => [t.Key, t.Value]));
  const ours = Object.keys(runTags).length > 0 && Object.entries(runTags).every(([k, v]) => theirs[k] === v);
  if (!ours) {
    throw new StepError(
      'create',
      `Platform version ${name}/${version} was created meanwhile by someone else (${found.PlatformArn}, status ${found.PlatformStatus}); this run did not start a build. Run again with platform-version 'auto' or a new version.`,
    );
  }
  return { platformArn: found.PlatformArn, adopted: true };
}

export async function createPlatformVersion(
  eb: ElasticBeanstalkClient,
  request: {
    name: string;
    version: string;
    bundle: StoredBundle;
    builder: BuilderSettings;
    tags: Record<string, string>;
    /** Tags naming this run; they also tell this run's version from another's after a lost answer. */
    runTags?: Record<string, string>;
  },
): Promise<CreatedVersion> {
  const runTags = request.runTags ?? {};
  let out;
  try {
    out = await eb.send(
      new CreatePlatformVersionCommand({
        PlatformName: request.name,
        PlatformVersion: request.version,
        PlatformDefinitionBundle: { S3Bucket: request.bundle.bucket, S3Key: request.bundle.key },
        OptionSettings: builderOptionSettings(request.builder),
        Tags: Object.entries({ ...runTags, ...request.tags }).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  } catch (error) {
    if (isAlreadyExists(error)) return adoptLostCreate(eb, request.name, request.version, runTags, error);
    throw explainCreateFailure(error, request.name, request.version);
  }
  const platformArn = out.PlatformSummary?.PlatformArn;
  if (!platformArn) throw new StepError('create', `CreatePlatformVersion for ${request.name}/${request.version} returned no platform ARN`);
  return { platformArn, builderArn: out.Builder?.ARN, requestId: out.$metadata?.requestId };
}
