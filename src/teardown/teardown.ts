import type { Env } from '../env';
import { describeError } from '../lib/errors';
import type { Resource } from '../resources/ledger';
import { kindOf, RemovalEnv, removeConcurrently } from '../resources/kind';
import { describeResource, RESOURCE_KINDS } from './kinds';

export interface TeardownOutcome {
  resource: Resource;
  /** The resource in words, for the summary. */
  what: string;
  ok: boolean;
  detail: string;
}

/**
 * Removes everything the ledger still lists, what does not depend on anything
 * else at once, and keeps going past failures so one stuck resource does not
 * strand the others. Idempotent: gone is success.
 */
export async function teardown(given: Pick<Env, 'clientsFor' | 'ledger' | 'log' | 'clock'>, options: { keepBuilder: boolean }): Promise<TeardownOutcome[]> {
  const { ledger, log } = given;
  const env: RemovalEnv = { ...given, keepBuilder: options.keepBuilder };
  return removeConcurrently(ledger.list().reverse(), RESOURCE_KINDS, async (resource): Promise<TeardownOutcome> => {
    const what = describeResource(resource);
    try {
      return { resource, what, ok: true, detail: await kindOf(RESOURCE_KINDS, resource).remove(resource, env) };
    } catch (error) {
      log.error(`Could not remove ${what}: ${describeError(error)}`);
      return { resource, what, ok: false, detail: describeError(error) };
    }
  });
}
