import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import type { AwsClients } from '../lib/aws';
import { terminateBuilder } from '../builders/elastic-beanstalk/builder';
import { describeError } from '../lib/errors';
import { describeResource } from './describe';
import type { Ledger, Resource } from './ledger';
import { removeConcurrently } from './removal-order';
import type { Log } from '../lib/log';
import { Clock, realClock } from '../lib/clock';
import { teardownSmokeResource } from '../smoke';
import { removePackerLeftovers } from '../builders/packer/leftovers';

export interface TeardownOutcome {
  resource: Resource;
  ok: boolean;
  detail: string;
}

/**
 * Removes everything the ledger still lists, what does not depend on anything
 * else at once, and keeps going past failures so one stuck resource does not
 * strand the others. Idempotent: gone is success.
 */
export async function teardown(
  ledger: Ledger,
  clientsFor: (region: string) => AwsClients,
  log: Log,
  options: { keepBuilder: boolean; clock?: Clock },
): Promise<TeardownOutcome[]> {
  const clock = options.clock ?? realClock;
  return removeConcurrently(ledger.list().reverse(), async (resource): Promise<TeardownOutcome> => {
    const what = describeResource(resource);
    try {
      if (resource.kind === 'builder-environment') {
        if (options.keepBuilder) {
          log.info(`Keeping ${what} (keep-builder is set).`);
          ledger.release(resource);
          return { resource, ok: true, detail: 'kept (keep-builder)' };
        }
        const result = await terminateBuilder(clientsFor(resource.region).get(ElasticBeanstalkClient), resource, log);
        ledger.release(resource);
        return { resource, ok: true, detail: result };
      }
      if (resource.kind === 'packer-build') {
        const removed = await removePackerLeftovers(clientsFor(resource.region).get(EC2Client), resource, log, clock);
        ledger.release(resource);
        return { resource, ok: true, detail: removed.length ? `removed ${removed.join(', ')}` : 'nothing left' };
      }
      if (resource.kind === 'image-copy') {
        const { removeImageCopy } = await import('../release/copy');
        const removed = await removeImageCopy(clientsFor(resource.region).get(EC2Client), resource, log, clock);
        ledger.release(resource);
        return { resource, ok: true, detail: removed.length ? `removed ${removed.join(', ')}` : 'nothing left' };
      }
      await teardownSmokeResource(resource, { ec2: clientsFor(resource.region).get(EC2Client), ledger, log, clock });
      return { resource, ok: true, detail: 'deleted' };
    } catch (error) {
      log.error(`Could not remove ${what}: ${describeError(error)}`);
      return { resource, ok: false, detail: describeError(error) };
    }
  });
}
