import type { Clock } from '../../src/lib/clock';

/** A clock whose sleeps advance virtual time at once, recording each pause. */
export function virtualClock(start = Date.parse('2026-01-01T00:00:00Z')): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}
