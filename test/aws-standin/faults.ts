/**
 * Faults a test injects, per operation, and how each service words them.
 */
import { ApiError, Service } from './protocol';

export type FaultKind =
  /** The service's throttling error (the SDK retries it). */
  | 'throttle'
  /** An internal error, 500 (the SDK retries it). */
  | '5xx'
  /** The connection closes before the request is handled: nothing happened. */
  | 'drop'
  /** The request is handled, then the connection closes before the answer: it happened, and the caller never hears. */
  | 'lose'
  /** The answer comes late. */
  | 'slow'
  /** The answer is held until released (or a long time). */
  | 'hang'
  /** A plain IAM denial. */
  | 'deny'
  /** Elastic Beanstalk's InsufficientPrivilegesException: the service lacked a permission downstream. */
  | 'deny-downstream'
  /** For CreatePlatformVersion: the build it starts fails. */
  | 'fail-build'
  /** For CopyImage: the call succeeds and the copy fails afterwards. */
  | 'fail-copy'
  /**
   * The answer the test writes (`answer`), in place of the stand-in's own: for the action's
   * robustness to an answer the stand-in never gives by itself, where AWS's documentation does not
   * rule it out (a listing whose filter let other records through, a Deleted version still listed)
   * or where a broken answer must not loop the action (a page token repeated). Each use says which.
   */
  | 'answer'
  /**
   * An error the operation's API model lists (`error`), answered in the service's own error
   * format: for errors no other fault or state brings about, such as Elastic Beanstalk's
   * TooManyPlatformsException.
   */
  | 'error';

export interface Fault {
  /** Operation name, e.g. CreatePlatformVersion or PutObject. */
  action: string;
  kind: FaultKind;
  /** How many matching calls it hits (default 1); Infinity for all. */
  times?: number;
  /** Matching calls to let through first. */
  skip?: number;
  /** For slow and hang: how long to hold the answer (hang: until released or this long). */
  delayMs?: number;
  /** For answer: the operation's result, as the stand-in's handlers return theirs. */
  answer?: unknown;
  /** For error: the code, message and HTTP status (400 by default). */
  error?: { code: string; message: string; status?: number };
}

export interface FaultBook {
  add(fault: Fault): void;
  /** Ends every fault: the service behaves again (a later pass of a test meets a healthy AWS). */
  clear(): void;
  /** The next fault for this call, if any; `fail-build` and `fail-copy` are only taken when asked for by kind. */
  take(action: string, kind?: FaultKind): Fault | undefined;
}

export function faultBook(): FaultBook {
  const faults: (Fault & { seen: number; hit: number })[] = [];
  return {
    add: (f) => faults.push({ ...f, seen: 0, hit: 0 }),
    clear: () => void faults.splice(0),
    take(action, kind) {
      for (const f of faults) {
        if (f.action !== action || (kind && f.kind !== kind) || (!kind && (f.kind === 'fail-build' || f.kind === 'fail-copy'))) continue;
        f.seen++;
        if (f.seen <= (f.skip ?? 0) || f.hit >= (f.times ?? 1)) continue;
        f.hit++;
        return f;
      }
      return undefined;
    },
  };
}

/** The error each service answers for a fault that is an error. */
export function faultError(service: Service, action: string, fault: Fault): ApiError | undefined {
  switch (fault.kind) {
    case 'error':
      if (!fault.error) throw new Error(`the error fault on ${action} names no error`);
      return new ApiError(fault.error.code, fault.error.message, fault.error.status ?? 400);
    case 'throttle':
      // EC2: RequestLimitExceeded (503); S3: SlowDown (503); query and JSON services: Throttling / ThrottlingException (400).
      if (service === 'ec2') return new ApiError('RequestLimitExceeded', 'Request limit exceeded.', 503);
      if (service === 's3') return new ApiError('SlowDown', 'Please reduce your request rate.', 503);
      return new ApiError(service === 'logs' || service === 'ssm' || service === 'kms' ? 'ThrottlingException' : 'Throttling', 'Rate exceeded', 400);
    case '5xx':
      if (service === 's3') return new ApiError('InternalError', 'We encountered an internal error. Please try again.', 500);
      return new ApiError(service === 'ec2' ? 'InternalError' : 'InternalFailure', 'The request processing has failed because of an unknown error.', 500);
    case 'deny':
      // Each service's plain IAM denial: EC2's UnauthorizedOperation, S3's and Elastic Beanstalk's AccessDenied
      // (403, the API reference), IAM's AccessDenied, CloudWatch Logs' AccessDeniedException.
      if (service === 'ec2')
        return new ApiError('UnauthorizedOperation', `You are not authorized to perform this operation. User is not authorized to perform: ec2:${action}`, 403);
      if (service === 'logs' || service === 'ssm' || service === 'kms')
        return new ApiError('AccessDeniedException', `User is not authorized to perform: ${service}:${action}`, 400);
      return new ApiError('AccessDenied', `User is not authorized to perform: ${service}:${action}`, 403);
    case 'deny-downstream':
      return new ApiError('InsufficientPrivilegesException', `The service lacks a permission it needs for ${action}.`, 403);
    default:
      return undefined;
  }
}
