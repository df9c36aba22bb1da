/** Time as the waiting steps see it, so tests and benchmarks can compress a half-hour build. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * A clock whose sleeps end at once, and whose time jumps past any deadline,
 * once the job is cancelled: every wait built on it stops promptly.
 */
export function abortable(clock: Clock, signal?: AbortSignal): Clock {
  if (!signal) return clock;
  return {
    now: () => (signal.aborted ? Number.MAX_SAFE_INTEGER : clock.now()),
    sleep: (ms) =>
      signal.aborted
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => {
              signal.removeEventListener('abort', done);
              resolve();
            };
            signal.addEventListener('abort', done);
            clock.sleep(ms).then(done);
          }),
  };
}

/** Errors worth polling through: throttling, 5xx, dropped connections. Anything else is final. */
export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if (e?.$retryable) return true;
  const status = e?.$metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  const names = ['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestTimeout', 'TimeoutError', 'ServiceUnavailable', 'InternalError'];
  if (e?.name && names.includes(e.name)) return true;
  return ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED'].includes(e?.code ?? '');
}
