import { describeError, StepError } from './errors';

/** What the SDK's credential providers resolve to, as far as this check reads it. */
export type CredentialsProvider = () => Promise<{ expiration?: Date; sessionToken?: string }>;

/** The shortest session STS gives (AssumeRole's DurationSeconds minimum, 900 s). */
const MIN_SESSION_MINUTES = 15;

/**
 * Whether the credentials last until the run's deadline. SDK credentials carry
 * an expiry when their source gives one (assumed roles, web identity, SSO, or
 * AWS_CREDENTIAL_EXPIRATION beside keys in the environment); OIDC sessions from
 * aws-actions/configure-aws-credentials last one hour unless role-duration-seconds
 * says otherwise, and a build plus a smoke test can take longer.
 */
export async function credentialsWarning(provider: CredentialsProvider, deadline: number, timeoutMinutes: number): Promise<string | undefined> {
  let credentials;
  try {
    credentials = await provider();
  } catch (error) {
    throw new StepError(
      'preflight',
      `No AWS credentials: ${describeError(error)}. Configure them before this step, with aws-actions/configure-aws-credentials (OIDC) or the AWS_* environment variables.`,
    );
  }
  const expiry = credentials.expiration?.getTime();
  if (expiry !== undefined && expiry < deadline) {
    const short = Math.ceil((deadline - expiry) / 60_000);
    return (
      `The AWS credentials expire at ${new Date(expiry).toISOString()}, ${short} min before this run's deadline (deadline-minutes: ${timeoutMinutes}): ` +
      `calls after that fail, teardown included. Ask for a longer session (configure-aws-credentials' role-duration-seconds, up to the role's maximum session duration), or lower deadline-minutes.`
    );
  }
  // A session lasts from 15 minutes (STS's DurationSeconds minimum, 900) up: any deadline past that may outlive one whose expiry is unknown.
  if (expiry === undefined && credentials.sessionToken && timeoutMinutes > MIN_SESSION_MINUTES) {
    return (
      `The AWS credentials are a session whose expiry is not known here (no AWS_CREDENTIAL_EXPIRATION), and this run may take ${timeoutMinutes} min (deadline-minutes): ` +
      `a session can last as little as ${MIN_SESSION_MINUTES} min, and configure-aws-credentials' OIDC sessions one hour by default. Make sure role-duration-seconds covers the run.`
    );
  }
  return undefined;
}

/**
 * Whether the environment names credentials the SDK would find without asking the network: keys
 * (what aws-actions/configure-aws-credentials exports), a web identity token, a profile or a
 * container endpoint. A dry run looks at AWS only then; the instance metadata service, which the
 * SDK would otherwise wait on, is not tried.
 */
export function hasCredentials(env: NodeJS.ProcessEnv): boolean {
  return (
    !!(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) ||
    !!(env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) ||
    !!env.AWS_PROFILE ||
    !!env.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
    !!env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
  );
}
