import type { Clock } from './clock';

/** Pauses that grow by `factor` from `first` up to `max` while nothing changes, and start over on `reset`. */
export interface Backoff {
  next(): number;
  reset(): void;
}

export function backoff(first: number, max: number, factor = 1.5): Backoff {
  let current = first;
  return {
    next() {
      const ms = current;
      current = Math.min(max, current * factor);
      return ms;
    },
    reset() {
      current = first;
    },
  };
}

/** Sleeps for `ms`, but not past `deadline` (epoch ms). */
export function sleepWithin(clock: Clock, ms: number, deadline: number): Promise<void> {
  return clock.sleep(Math.max(0, Math.min(ms, deadline - clock.now())));
}
