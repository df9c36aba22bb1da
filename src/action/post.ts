import * as core from '@actions/core';
import { coreLog } from './core-log';
import { describeError } from '../lib/errors';
import { parseBoolean } from '../inputs';
import { createLedger, LEDGER_STATE, parseLedger } from '../resources/ledger';
import { clientPool } from '../lib/aws';
import { Clock, realClock } from '../lib/clock';
import { describeResource } from '../teardown/kinds';
import { teardown } from '../teardown/teardown';

/**
 * Runs after the job whatever happened to it (post-if: always()): removes
 * whatever the main step recorded and did not get to remove itself, because it
 * failed, was cancelled or was killed. The clock is the runner's, or a test's
 * virtual one.
 */
export async function post(clock: Clock = realClock): Promise<void> {
  const log = coreLog();
  const saved = parseLedger(core.getState(LEDGER_STATE), (why) => log.warning(why));
  if (!saved.length) {
    log.info('Nothing left to tear down.');
    return;
  }
  let keepBuilder = false;
  try {
    keepBuilder = parseBoolean('keep-builder', core.getInput('keep-builder'), false);
  } catch (error) {
    log.warning(`${describeError(error)}; tearing the builder down.`);
  }
  log.info(`Tearing down what the run left: ${saved.map(describeResource).join(', ')}`);
  const ledger = createLedger((serialized) => core.saveState(LEDGER_STATE, serialized), saved);
  const pool = clientPool();
  const outcomes = await teardown({ ledger, clientsFor: (region) => pool.clientsFor(region), log, clock }, { keepBuilder }).finally(() => pool.destroy());
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length) {
    core.setFailed(`Could not remove: ${failed.map((o) => `${o.what} (${o.detail})`).join('; ')}. Remove them by hand.`);
  }
}
