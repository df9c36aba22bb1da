import * as fs from 'node:fs';
import { Fault, startStandin, Standin } from '../../test/aws-standin/server';
import { ActionRun, runAction } from '../helpers/run-action';

export const SECRET = 'standin-secret-0123456789abcdefSECRET';
export const TOKEN = 'standin-session-token-TOKEN-987654321';
export const ACCESS_KEY_ID = 'AKIDSTANDIN0000';
export const seenOperations = new Set<string>();
export const outputs: string[] = [];

/** Adds a run and what it leaked to the tally `npm run test:faults` prints last. */
function tally(leaked: number): void {
  const file = process.env.FAULT_TALLY_FILE;
  if (!file) return;
  const t = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ runs: t.runs + 1, leaked: t.leaked + leaked }));
}

export interface ScenarioResult {
  run: ActionRun;
  standin: Standin;
  leftovers: string[];
}

/**
 * One run of the bundled action (main, then post) against a fresh stand-in,
 * with the given faults. Records every operation seen and all output, and
 * what the stand-in still holds afterwards.
 */
export async function scenario(options: {
  faults?: Fault[];
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  workspace?: string;
  buildMs?: number;
  onKeyImported?: (publicKey: string) => void | Promise<void>;
  setup?: (s: Standin) => void;
  interrupt?: (s: Standin, kill: (signal: NodeJS.Signals) => void, output: () => string) => void;
}): Promise<ScenarioResult> {
  const standin = await startStandin({ buildMs: options.buildMs ?? 1200, onKeyImported: options.onKeyImported });
  try {
    for (const f of options.faults ?? []) standin.addFault(f);
    options.setup?.(standin);
    const run = await runAction({
      inputs: { 'smoke-test': 'false', 'poll-interval-seconds': '0.2', 'timeout-minutes': '2', ...options.inputs },
      workspace: options.workspace,
      env: {
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
        AWS_SECRET_ACCESS_KEY: SECRET,
        AWS_SESSION_TOKEN: TOKEN,
        AWS_ENDPOINT_URL: standin.url,
        ...options.env,
      },
      interrupt: options.interrupt ? (kill, output) => options.interrupt?.(standin, kill, output) : undefined,
    });
    // Let the stand-in's clock settle terminations already asked for.
    await new Promise((r) => setTimeout(r, 400));
    for (const s of standin.seen) seenOperations.add(`${s.service}:${s.action}`);
    outputs.push(run.main.output, run.post.output, run.summary);
    const leftovers = standin.leftovers();
    tally(leftovers.length);
    return { run, standin, leftovers };
  } finally {
    await standin.stop();
  }
}
