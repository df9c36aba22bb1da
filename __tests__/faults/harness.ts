import { Fault, startStandin, Standin } from '../../test/aws-standin/server';
import { readmePolicy } from '../helpers/iam-policy';
import { ActionRun, runAction } from '../helpers/run-action';
import { runInProcess } from '../helpers/run-in-process';
import { fastClock } from '../helpers/virtual-clock';
import { cloudInitConsole } from '../helpers/sshd';
import { addToTally } from '../helpers/tally';

export const SECRET = 'standin-secret-0123456789abcdefSECRET';
export const TOKEN = 'standin-session-token-TOKEN-987654321';
export const ACCESS_KEY_ID = 'AKIDSTANDIN0000';
export const seenOperations = new Set<string>();
export const outputs: string[] = [];

export interface ScenarioResult {
  run: ActionRun;
  standin: Standin;
  leftovers: string[];
  /** The run's time now: the virtual clock of an in-process run, the wall clock of the bundle's. */
  now(): number;
}

export type ScenarioOptions = {
  faults?: Fault[];
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  workspace?: string;
  buildMs?: number;
  /** The most records a page of DescribeEvents holds. */
  pageSize?: number;
  onKeyImported?: (publicKey: string) => void | Promise<void>;
  setup?: (s: Standin) => void | Promise<void>;
  /** Looks at the stand-in after the run, before its leftovers are counted (and removes what the test itself made there). */
  inspect?: (s: Standin) => void | Promise<void>;
  /** How long an image copy stays pending, in the stand-in's ms. */
  copyMs?: number;
  interrupt?: (s: Standin, kill: (signal: NodeJS.Signals) => void, output: () => string) => void;
  /**
   * Run the bundled dist/ steps as processes on the wall clock (always so with `interrupt`: a kill needs a
   * process). Otherwise the steps run in this process from src/, on a virtual clock the stand-in shares.
   */
  bundled?: boolean;
  /** Later runs against the same stand-in (a second release, a rollback), each with its own inputs over the first's; their leftovers count too. */
  then?: (s: Standin, again: (inputs: Record<string, string>) => Promise<ActionRun>, first: ActionRun) => Promise<void>;
};

/**
 * How much faster than the wall clock an in-process run's time passes: a minute of AWS's in a second.
 * Real work (SSH to the smoke test's host, the SDK's retry pauses) takes its share of virtual time, so
 * each run is given a deadline of as many wall-clock seconds as the bundled runs.
 */
const IN_PROCESS_SPEED = 60;

/**
 * One run of the action (main, then post) against a fresh stand-in, with the
 * given faults: in this process on the stand-in's clock, or the bundled dist/
 * on the wall clock when `bundled` or `interrupt` asks for it. Records every
 * operation seen and all output, and what the stand-in still holds afterwards.
 */
export async function scenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const bundled = options.bundled || Boolean(options.interrupt);
  const clock = bundled ? undefined : fastClock(IN_PROCESS_SPEED);
  const standin = await startStandin({
    clock,
    buildMs: options.buildMs ?? 1200,
    pageSize: options.pageSize,
    onKeyImported: options.onKeyImported,
    copyMs: options.copyMs,
  });
  try {
    for (const f of options.faults ?? []) standin.addFault(f);
    await options.setup?.(standin);
    const runOnce = async (more: Record<string, string> = {}, interrupt = options.interrupt) => {
      const given = {
        inputs: {
          'smoke-test': 'false',
          'poll-interval-seconds': '0.2',
          // A bound on a run that hangs: two minutes of the wall clock either way.
          'deadline-minutes': String(bundled ? 2 : 2 * IN_PROCESS_SPEED),
          ...options.inputs,
          ...more,
        },
        workspace: options.workspace,
        env: {
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
          AWS_SECRET_ACCESS_KEY: SECRET,
          AWS_SESSION_TOKEN: TOKEN,
          AWS_ENDPOINT_URL: standin.url,
          ...options.env,
        },
      };
      const run = clock
        ? await runInProcess({ ...given, clock })
        : await runAction({ ...given, interrupt: interrupt ? (kill, output) => interrupt(standin, kill, output) : undefined });
      // Let the stand-in's clock settle terminations already asked for.
      await (clock ? clock.advance(10_000) : new Promise((r) => setTimeout(r, 400)));
      outputs.push(run.main.output, run.post.output, run.summary);
      return run;
    };
    const run = await runOnce();
    await options.then?.(standin, (more) => runOnce(more, undefined), run);
    for (const s of standin.seen) seenOperations.add(`${s.service}:${s.action}`);
    await options.inspect?.(standin);
    const leftovers = standin.leftovers();
    addToTally(process.env.FAULT_TALLY_FILE, { leaked: leftovers.length });
    // A leak's diff names only what was left; the post step's log says why.
    if (leftovers.length) process.stderr.write(`Left behind: ${leftovers.join(', ')}. The post step printed:\n${run.post.output}\n`);
    return { run, standin, leftovers, now: clock ? clock.now : Date.now };
  } finally {
    await standin.stop();
  }
}

/** Where the smoke test's SSH and HTTP go: the host the stand-in's instance stands for. */
export interface SmokeHost {
  user: string;
  sshPort: number;
  httpPort: number;
  hostKey: string;
  /** Makes the run's imported public key one the host accepts. */
  authorize(publicKey: string): void | Promise<void>;
}

/**
 * A scenario with the smoke test on: the stand-in hands out 127.0.0.1 as the
 * instance's address and prints the host's key on its console, and the host's
 * ports are the ssh-port and http-port inputs.
 */
export function smokeScenario(host: SmokeHost, options: ScenarioOptions = {}): Promise<ScenarioResult> {
  return scenario({
    ...options,
    inputs: {
      'smoke-test': 'true',
      'smoke-allowed-cidr': '127.0.0.1/32',
      'ssh-user': host.user,
      'ssh-port': String(host.sshPort),
      'http-port': String(host.httpPort),
      ...options.inputs,
    },
    onKeyImported: (key) => host.authorize(key),
    setup: (s) => {
      s.setConsole(cloudInitConsole([host.hostKey]));
      return options.setup?.(s);
    },
  });
}

/**
 * No secret in any output of this file's runs. The runner consumes
 * `::add-mask::` commands: the rest is what reaches the log. With `smokeRuns`,
 * the file's smoke tests must have registered their private keys for masking.
 */
export function expectNoSecretsInOutputs({ smokeRuns = true } = {}): void {
  const lines = outputs.join('\n').split('\n');
  const masked = lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length));
  const visible = lines.filter((l) => !l.startsWith('::add-mask::')).join('\n');
  expect(visible).not.toContain(SECRET);
  expect(visible).not.toContain(TOKEN);
  expect(visible).not.toContain(ACCESS_KEY_ID);
  expect(visible).not.toMatch(/PRIVATE KEY/);
  // Each smoke run's private key was registered for masking, and none of it was printed.
  if (smokeRuns) expect(masked.length).toBeGreaterThan(3);
  for (const m of masked) expect(visible).not.toContain(m);
}

/** The actions the README's least-privilege IAM policy allows. */
export const readPolicy = (): Set<string> => readmePolicy('## IAM policy');

/** The operations this file's runs sent, as IAM actions (a HEAD on the bundle is s3:GetObject's, which the action never sends). */
export function seenActions(): string[] {
  return [...seenOperations].filter((op) => !op.startsWith('s3:HeadObject'));
}
