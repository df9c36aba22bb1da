import * as path from 'node:path';
import * as os from 'node:os';
import * as fs from 'node:fs';
import { describeError } from '../lib/errors';
import { InputErrors, parseInputs, unknownInputs } from '../inputs';
import { clientPool } from '../lib/aws';
import { InputDeclaration, INPUTS } from '../declarations';
import { createLedger } from '../resources/ledger';
import { realClock } from '../lib/clock';
import { streamLog } from '../lib/log';
import { newReport, runPipeline } from '../pipeline';

const USAGE = `Usage: npm run plan -- [--INPUT VALUE ...]
Validates and packages the platform, then prints the AWS calls a real run would make.
No AWS call is made and no credentials are needed. INPUT is any input of action.yml,
for example --platform-dir platform --platform-name my-platform --platform-version v1.2.3.
Paths (--platform-dir, --smoke-script) are inside GITHUB_WORKSPACE, or the current
directory when it is unset; the platform name defaults to that directory's name outside
GitHub (GITHUB_REPOSITORY unset). With --builder packer, the packer a real run would use
validates the template where this machine has it.`;

/** Every input as a flag, with its default and action.yml's description, from the one table of inputs. */
export function inputsHelp(): string {
  return Object.entries(INPUTS as Record<string, InputDeclaration>)
    .map(([name, d]) => {
      const shown = (d.shownDefault ?? d.default).replace(/`/g, '');
      return `  --${name}${shown ? ` (default ${shown})` : ''}\n      ${d.description}\n`;
    })
    .join('');
}

/** The offline main job: a dry run of the action from a shell, with inputs as flags. */
export async function plan(argv: string[] = process.argv.slice(2)): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n\nInputs:\n${inputsHelp()}`);
    return 0;
  }
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      process.stderr.write(`Unexpected argument '${argv[i]}'.\n${USAGE}\n`);
      return 2;
    }
    given.set(m[1], m[2] ?? argv[++i] ?? '');
  }
  given.set('dry-run', 'true');
  const env = { ...process.env };
  // Outside GitHub the platform name defaults to the checkout's directory name.
  if (!given.get('platform-name') && !env.GITHUB_REPOSITORY) given.set('platform-name', path.basename(process.cwd()).replace(/[^A-Za-z0-9._-]/g, '-'));

  const log = streamLog();
  try {
    const inputs = parseInputs((name) => given.get(name) ?? '', env);
    const unknown = unknownInputs([...given.keys()], inputs);
    if (unknown.length) {
      for (const u of unknown) log.error(`--${u.name} is not an input of this action${u.nearest ? `: did you mean --${u.nearest}?` : ''}`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    for (const w of inputs.warnings) log.warning(w);
    let pool: ReturnType<typeof clientPool> | undefined;
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-platform-plan-'));
    try {
      await runPipeline(
        inputs,
        {
          // Only skip-unchanged's look (DescribeImages) calls AWS on a dry run, and only with credentials in the environment.
          clientsFor: (region) => (pool ??= clientPool()).clientsFor(region),
          ledger: createLedger(() => {}),
          log,
          workDir,
          runTags: {},
          // The plan output is the plan itself, printed once already.
          setOutput: (name, value) => name !== 'plan' && log.info(`output ${name}=${value}`),
          clock: realClock,
        },
        newReport(inputs.platformName),
      );
    } finally {
      pool?.destroy();
      fs.rmSync(workDir, { recursive: true, force: true });
    }
    return 0;
  } catch (error) {
    const errors = error instanceof InputErrors ? error.errors : [error];
    for (const e of errors) log.error(describeError(e));
    return 1;
  }
}
