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
