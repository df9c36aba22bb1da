import type { AwsClients } from './lib/aws';
import type { Clock } from './lib/clock';
import type { Log } from './lib/log';
import type { Ledger } from './resources/ledger';

/**
 * What a run is given once, at its entry point (the main step, the post step,
 * the plan command line, or a test with virtual time), and passes down: each
 * module takes the part it needs (`Pick<Env, 'log' | 'clock'>`) rather than a
 * copy of it field by field.
 */
export interface Env {
  /** Clients for a region; on a dry run, called only for skip-unchanged's read-only look, with credentials in the environment. */
  clientsFor(region: string): AwsClients;
  /** What the run has created, saved at each change for the post step. */
  ledger: Ledger;
  log: Log;
  /** The runner's clock, or a test's virtual one: every wait goes through it. */
  clock: Clock;
  /** Tags that say which repository and run made a resource. */
  runTags: Record<string, string>;
  /** The job was cancelled. */
  signal?: AbortSignal;
}
