import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { isNotFound, isTransient } from '../lib/aws-errors';
import type { Clock } from '../lib/clock';
import { duration } from '../lib/duration';
import { describeError, StepError } from '../lib/errors';
import type { Log } from '../lib/log';
import { backoff, sleepWithin } from '../lib/retry';

/** EC2 image states after which an image never becomes available (API model, ImageState). */
export const FINAL_IMAGE_STATES = ['invalid', 'deregistered', 'failed', 'error', 'disabled'];

export interface ImageWait {
  /** Epoch ms after which the wait gives up. */
  deadline: number;
  /** The first pause between polls; pauses grow to 15 s while nothing changes. */
  firstPauseMs: number;
  /** How the image is named in messages, such as "AMI ami-1 of arn:…" or "the copy in eu-central-1". */
  what: string;
  /** Said when the deadline passes. */
  stillRunning: string;
  /** How long without a change before a progress line; none when unset. */
  quietMs?: number;
}

/**
 * Polls an image until it is available. Not found yet (a copy or a new image
 * appears a moment after the call that made it), pending and transient pass,
 * as do throttling and 5xx; a final state is an error quoting EC2's reason.
 */
export async function waitForImageAvailable(ec2: EC2Client, imageId: string, options: ImageWait, log: Log, clock: Clock): Promise<void> {
  const started = clock.now();
  const pause = backoff(options.firstPauseMs, 15_000);
  let state = 'not found yet';
  let quietSince = started;
  while (clock.now() < options.deadline) {
    try {
      const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
      const now = image?.State ?? 'not found yet';
      if (now === 'available') return;
      if (FINAL_IMAGE_STATES.includes(now)) {
        const reason = image?.StateReason?.Message;
        throw new StepError('wait', `${options.what} is ${now}${reason ? `: ${reason}` : ''}; it will not become available.`);
      }
      if (now !== state) quietSince = clock.now();
      state = now;
    } catch (error) {
      if (error instanceof StepError) throw error;
      if (!isNotFound(error, 'InvalidAMIID.NotFound') && !isTransient(error))
        throw new StepError('wait', `Looking up ${options.what} failed: ${describeError(error)}`);
    }
    if (options.quietMs && clock.now() - quietSince >= options.quietMs) {
      log.info(`Still waiting for ${options.what}: ${state} after ${duration(clock.now() - started)}.`);
      quietSince = clock.now();
    }
    await sleepWithin(clock, pause.next(), options.deadline);
  }
  throw new StepError('wait', `Gave up after the deadline: ${options.what} is ${state}. ${options.stillRunning}`);
}
