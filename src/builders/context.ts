import type { Inputs } from '../inputs';
import type { AwsClients } from '../lib/aws';
import type { Clock } from '../lib/clock';
import type { PipelineDeps, RunReport } from '../pipeline';
import type { PlatformDefinition } from '../platform/definition';
import type { Bundle } from '../platform/bundle';

/** What every step of a run reads: the inputs, what earlier steps made, and where to report. */
export interface RunContext {
  inputs: Inputs;
  deps: PipelineDeps;
  report: RunReport;
  definition: PlatformDefinition;
  bundle: Bundle;
  clients: AwsClients;
  clock: Clock;
  /** Epoch ms after which the build and the smoke test give up. */
  deadline: number;
}

/** Runs one named step: a group in the log, timed in the report. */
export type Step = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

/** What a builder hands on: the image, and the version it is. */
export interface Built {
  amiId: string;
  version: string;
  /** The platform version's ARN (Elastic Beanstalk builder). */
  platformArn?: string;
}
