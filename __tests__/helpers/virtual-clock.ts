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

/**
 * Time that runs `factor` times faster than the wall clock, from `start`. Unlike `virtualClock`, waits
 * that overlap take the time of the longest, and real work (an SSH session, a process) takes its share
 * of virtual time, so a copy polled alongside a smoke test sees the smoke test's minutes pass, as on
 * AWS: for a whole run in which several things wait at once.
 */
export function fastClock(factor: number, start = Date.now()): Clock & { advance(ms: number): Promise<void> } {
  const origin = Date.now();
  const now = () => start + (Date.now() - origin) * factor;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms) / factor));
  return { now, sleep, advance: sleep };
}
