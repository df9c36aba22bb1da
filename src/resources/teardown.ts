import type { AwsClients } from '../lib/aws';
import { terminateBuilder } from '../build/elastic-beanstalk/builder';
import { describeError } from '../lib/errors';
import type { Ledger, Resource } from './ledger';
import { removeConcurrently } from './removal-order';
import type { Log } from '../lib/log';
import { teardownSmokeResource } from '../smoke';
import { removePackerLeftovers } from '../build/packer/leftovers';

export interface TeardownOutcome {
  resource: Resource;
  ok: boolean;
  detail: string;
}

/** Human words for a recorded resource, for the log and the summary. */
export function describeResource(r: Resource): string {
  switch (r.kind) {
    case 'builder-environment':
      return `builder environment ${r.environmentName} (${r.region})`;
    case 'instance':
      return `instance ${r.instanceId ?? `with client token ${r.clientToken}`} (${r.region})`;
    case 'security-group':
      return `security group ${r.groupId ?? r.groupName} (${r.region})`;
    case 'key-pair':
      return `key pair ${r.keyName} (${r.region})`;
    case 'packer-build':
      return `what Packer's build ${r.build} may have left (${r.region})`;
    case 'image-copy':
      return `copy ${r.imageId ?? `with client token ${r.clientToken}`} of ${r.sourceImageId} (${r.region})`;
  }
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
  options: { keepBuilder: boolean },
): Promise<TeardownOutcome[]> {
  return removeConcurrently(ledger.list().reverse(), async (resource): Promise<TeardownOutcome> => {
    const what = describeResource(resource);
    try {
      if (resource.kind === 'builder-environment') {
        if (options.keepBuilder) {
          log.info(`Keeping ${what} (keep-builder is set).`);
          ledger.release(resource);
          return { resource, ok: true, detail: 'kept (keep-builder)' };
        }
        const result = await terminateBuilder(clientsFor(resource.region).eb, resource, log);
        ledger.release(resource);
        return { resource, ok: true, detail: result };
      }
      if (resource.kind === 'packer-build') {
        const removed = await removePackerLeftovers(clientsFor(resource.region).ec2, resource, log);
        ledger.release(resource);
        return { resource, ok: true, detail: removed.length ? `removed ${removed.join(', ')}` : 'nothing left' };
      }
      if (resource.kind === 'image-copy') {
        const { removeImageCopy } = await import('../release/copy');
        const removed = await removeImageCopy(clientsFor(resource.region).ec2, resource);
        ledger.release(resource);
        return { resource, ok: true, detail: removed.length ? `removed ${removed.join(', ')}` : 'nothing left' };
      }
      const { ec2 } = clientsFor(resource.region);
      await teardownSmokeResource(resource, { ec2, ledger, log });
      return { resource, ok: true, detail: 'deleted' };
    } catch (error) {
      log.error(`Could not remove ${what}: ${describeError(error)}`);
      return { resource, ok: false, detail: describeError(error) };
    }
  });
}
