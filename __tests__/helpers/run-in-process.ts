/**
 * The action's two steps run in this process, from src/, on a clock the test
 * shares with the AWS stand-in: the same inputs, environment and command files
 * as the runner gives the bundled steps (run-action.ts), so a 25-minute build,
 * the post step's doubt window and every poll pass in virtual time. What
 * needs a process of its own (a kill, the bundle's own loading) stays with
 * runAction.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Clock } from '../../src/lib/clock';
import { describeError } from '../../src/lib/errors';
import { ActionRun, baseEnvironment, COMMAND_FILES, handOverState, inputVariables, readRun, StepRun } from './run-action';

/** One temporary directory per test process: @actions/core keeps the summary file's path once it has found it. */
let runnerTemp: string | undefined;
function commandDir(): string {
  if (!runnerTemp || !fs.existsSync(runnerTemp)) {
    runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'action-in-process-'));
    process.once('exit', () => fs.rmSync(runnerTemp!, { recursive: true, force: true }));
  }
  for (const f of fs.readdirSync(runnerTemp)) fs.rmSync(path.join(runnerTemp, f), { recursive: true, force: true });
  for (const f of Object.values(COMMAND_FILES)) fs.writeFileSync(path.join(runnerTemp, f), '');
  return runnerTemp;
}

/** Runs `fn` with exactly `env` as process.env and everything written to stdout and stderr captured. */
async function asStep(env: NodeJS.ProcessEnv, fn: () => Promise<void>): Promise<StepRun> {
  const saved = process.env;
  const chunks: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const capture = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  // What a dependency prints with console (the SDK warns so of a failed streaming upload) reaches a
  // step's log; jest's own console would keep it from the run's output.
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const savedConsole = consoleMethods.map((m) => console[m]);
  for (const m of consoleMethods) console[m] = (...args: unknown[]) => void capture(`${format(...args)}\n`);
  process.env = { ...env };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await fn();
  } catch (error) {
    // What the entry file's last resort prints (src/action/index.ts).
    chunks.push(`::error::${describeError(error)}\n`);
    process.exitCode = 1;
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    consoleMethods.forEach((m, i) => (console[m] = savedConsole[i]));
    process.env = saved;
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { code, signal: null, output: chunks.join(''), endedAt: Date.now() };
}

/**
 * The SDK's adaptive retry mode slows a client down after a throttle by its own token bucket, timed
 * by `Date.now()` and `setTimeout`: on the wall clock a throttled run would take the wall clock's
 * seconds in a test whose AWS runs sixty times faster. The bucket is run on the run's clock instead,
 * through its timer hook (`DefaultRateLimiter.setTimeoutFn`) and its clock method: the same
 * algorithm, in the run's time. Checked so that an SDK that renames either fails here, loudly.
 */
function rateLimiterOn(clock: Clock): () => void {
  const { DefaultRateLimiter } = require('@smithy/core/retry') as {
    DefaultRateLimiter: { setTimeoutFn: (fn: () => void, ms: number) => unknown; prototype: { getCurrentTimeInSeconds(): number } };
  };
  const saved = { timer: DefaultRateLimiter.setTimeoutFn, time: DefaultRateLimiter.prototype.getCurrentTimeInSeconds };
  if (typeof saved.timer !== 'function' || typeof saved.time !== 'function')
    throw new Error('@smithy/core/retry no longer has DefaultRateLimiter.setTimeoutFn and getCurrentTimeInSeconds: see run-in-process.ts');
  DefaultRateLimiter.setTimeoutFn = (fn, ms) => void clock.sleep(ms).then(fn);
  DefaultRateLimiter.prototype.getCurrentTimeInSeconds = () => clock.now() / 1000;
  return () => {
    DefaultRateLimiter.setTimeoutFn = saved.timer;
    DefaultRateLimiter.prototype.getCurrentTimeInSeconds = saved.time;
  };
}

/** Main, then post with the state main saved, as runAction runs the bundled steps, on `clock`. */
export async function runInProcess(options: { inputs: Record<string, string>; env?: NodeJS.ProcessEnv; workspace?: string; clock: Clock }): Promise<ActionRun> {
  const dir = commandDir();
  const base = baseEnvironment(dir, options.workspace, options.env);
  const inputs = inputVariables(options.inputs);
  const { main } = await import('../../src/action/main');
  const { post } = await import('../../src/action/post');
  const restore = rateLimiterOn(options.clock);
  try {
    const mainRun = await asStep({ ...base, ...inputs }, () => main(options.clock));
    const { state, stateEnv } = handOverState(dir);
    const postRun = await asStep({ ...base, ...inputs, ...stateEnv }, () => post(options.clock));
    return readRun(dir, mainRun, postRun, state);
  } finally {
    restore();
  }
}
