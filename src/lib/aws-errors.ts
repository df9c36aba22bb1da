/**
 * The one place that reads an AWS error: its code, whether it is worth trying
 * again, and what kind of refusal it is. SDK v3 errors carry the service's code
 * in `name` (query protocols also in `Code`), the HTTP status in `$metadata`.
 */

type AwsError = { name?: string; Code?: string; code?: string; message?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };

/** The service's error code (`InvalidGroup.Duplicate`, `Throttling`…), or '' for something that is not an AWS error. */
export function errorCode(error: unknown): string {
  const e = error as AwsError;
  return e?.Code ?? e?.name ?? '';
}

const TRANSIENT_CODES = [
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestTimeout',
  'TimeoutError',
  'ServiceUnavailable',
  'InternalError',
  'InternalFailure',
  'SlowDown',
];
const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED'];

/**
 * Throttling, 5xx and dropped connections: the request may not have reached
 * AWS, or AWS may have acted and the answer was lost. Anything else is AWS's
 * final word.
 */
export function isTransient(error: unknown): boolean {
  const e = error as AwsError;
  if (e?.$retryable) return true;
  const status = e?.$metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  if (TRANSIENT_CODES.includes(errorCode(error))) return true;
  return NETWORK_CODES.includes(e?.code ?? '');
}

/** A plain IAM denial (`AccessDenied`, EC2's `UnauthorizedOperation`) or Elastic Beanstalk's `InsufficientPrivilegesException`. */
export function isPermissionDenied(error: unknown): boolean {
  return /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|InsufficientPrivilegesException)$/.test(errorCode(error));
}

/** An error whose code ends in NotFound (`InvalidInstanceID.NotFound`, `InvalidGroup.NotFound`…), or one of `codes`. */
export function isNotFound(error: unknown, ...codes: string[]): boolean {
  const code = errorCode(error);
  return codes.length ? codes.includes(code) : /NotFound$/.test(code);
}

/**
 * The create call's resource exists already. After a lost answer, the SDK's
 * retry of a create meets its own work: EC2 says `…Duplicate`, Elastic
 * Beanstalk (whose exact words for a platform version are not documented)
 * says the version "already exists".
 */
export function isAlreadyExists(error: unknown): boolean {
  return /\.Duplicate$/.test(errorCode(error)) || /already exists/i.test((error as AwsError)?.message ?? '');
}
