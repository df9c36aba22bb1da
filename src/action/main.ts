import * as core from '@actions/core';
import * as os from 'node:os';
import { clientPool } from '../lib/aws';
import { Clock, realClock } from '../lib/clock';
import { describeError, StepError } from '../lib/errors';
import { coreLog } from './core-log';
import { InputErrors, parseInputs, unknownInputs, unknownInputWarning } from '../inputs';
import { createLedger, LEDGER_STATE } from '../resources/ledger';
import { newReport, runPipeline } from '../pipeline';
import { runTags } from '../resources/run-tags';
import { renderInputErrors, renderSummary } from './summary';
import type { Log } from '../lib/log';

/**
 * The main step: parse, run the pipeline, write the summary. The clock is the
 * runner's, or a test's virtual one shared with the AWS stand-in.
 */
export async function main(clock: Clock = realClock): Promise<void> {
  const log = coreLog();
  let inputs;
  try {
    inputs = parseInputs((name) => core.getInput(name));
  } catch (error) {
    // One line per bad input, then fail: no AWS call has been made.
    const errors = error instanceof InputErrors ? error.errors : [error as Error];
    if (errors.length > 1) for (const e of errors) core.error(e.message);
    await writeSummary(
      renderInputErrors(
        core.getInput('platform-name') || (process.env.GITHUB_REPOSITORY ?? '').split('/')[1] || '',
        errors.map((e) => e.message),
      ),
      log,
    );
    core.setFailed(errors.length === 1 ? errors[0].message : `${errors.length} inputs are invalid (each is named above)`);
    return;
  }

  // GitHub sets INPUT_<NAME> for each input given (@actions/core reads them so): names the action does not read are misspellings.
  const given = Object.keys(process.env)
    .filter((k) => k.startsWith('INPUT_'))
    .map((k) => k.slice('INPUT_'.length).toLowerCase());
  const report = newReport(inputs.platformName);
  for (const w of [...unknownInputs(given, inputs).map(unknownInputWarning), ...inputs.warnings]) {
    log.warning(w);
    report.warnings.push(w);
  }

  const ledger = createLedger((serialized) => core.saveState(LEDGER_STATE, serialized));
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(1);
    log.warning(`Received ${signal}: stopping, then tearing down what this run created (the post step finishes anything left).`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let failure: string | undefined;
  const pool = clientPool();
  try {
    await runPipeline(
      inputs,
      {
        clientsFor: (region) => pool.clientsFor(region),
        ledger,
        log,
        workDir: process.env.RUNNER_TEMP || os.tmpdir(),
        runTags: runTags(),
        setOutput: (name, value) => core.setOutput(name, value),
        clock,
        signal: controller.signal,
      },
      report,
    );
  } catch (error) {
    failure = describeError(error);
    if (error instanceof StepError) for (const line of error.details) log.info(line);
  } finally {
    pool.destroy();
  }
  await writeSummary(renderSummary(report, failure), log);
  if (failure) core.setFailed(failure);
  // A signal from here on ends the process as Node's default does: the summary is written.
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

async function writeSummary(markdown: string, log: Log): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    log.warning(`Could not write the job summary: ${describeError(error)}`);
  }
}

/** The main step under GitHub's @github/local-action (`npm run local-action`), which imports this module and calls run(). */
export const run = main;
