import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { ACTION_NODE } from './helpers/run-action';

const root = path.resolve(__dirname, '..');

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

/** A hook Node loads first: the files the step compiles before its first HTTP request, and by its exit. */
const LOAD_HOOK = `
const Module = require('node:module');
const compiled = [];
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, file) { compiled.push(file); return compile.call(this, content, file); };
let first;
for (const mod of [require('node:http'), require('node:https')]) {
  const request = mod.request;
  mod.request = function (...args) { first ??= [...compiled]; return request.apply(this, args); };
}
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify({ first: first ?? [], exit: compiled }) + '\\n'));
`;

/** The sources a bundled file's source map names. */
function mapSources(file: string): string[] {
  return (JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources;
}

/** The SDK client packages bundled in these dist/ files, read from their source maps. */
function sdkPackages(files: string[]): string[] {
  const names = files
    .filter((f) => path.dirname(f) === path.join(root, 'dist') && fs.existsSync(`${f}.map`))
    .flatMap(mapSources)
    .map((source) => /node_modules\/(@aws-sdk\/client-[^/]+)\//.exec(source)?.[1])
    .filter((name): name is string => !!name);
  return [...new Set(names)].sort();
}

/** Runs a dist/ entry under Node 24 with the hook, and names the SDK packages it loaded. */
async function loadedPackages(args: string[], env: NodeJS.ProcessEnv): Promise<{ output: string; atFirstRequest: string[]; atExit: string[] }> {
  const hook = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dist-hook-')), 'hook.js');
  fs.writeFileSync(hook, LOAD_HOOK);
  const child = spawn(ACTION_NODE, ['--require', hook, path.join(root, 'dist', args[0]), ...args.slice(1)], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  await new Promise((r) => child.on('close', r));
  fs.rmSync(path.dirname(hook), { recursive: true, force: true });
  const loaded = /^LOADED (.*)$/m.exec(output);
  if (!loaded) throw new Error(`the hook reported nothing:\n${output}`);
  const { first, exit } = JSON.parse(loaded[1]) as { first: string[]; exit: string[] };
  return { output, atFirstRequest: sdkPackages(first), atExit: sdkPackages(exit) };
}

describe('dist/', () => {
  let fresh: string;
  beforeAll(() => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    execFileSync(process.execPath, [path.join(root, 'scripts/build.js'), fresh], { cwd: root, stdio: 'pipe' });
  }, 300_000);
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  it('is what the sources build to today (run `npm run build` and commit dist/ when this fails)', () => {
    const committed = path.join(root, 'dist');
    expect(listFiles(committed)).toEqual(listFiles(fresh));
    const stale = listFiles(fresh).filter((f) => !fs.readFileSync(path.join(fresh, f)).equals(fs.readFileSync(path.join(committed, f))));
    expect(stale).toEqual([]);
  });

  it('runs under the runtime action.yml names (node24), its stack traces pointing into src/ with debug logging on', () => {
    const version = execFileSync(ACTION_NODE, ['--version'], { encoding: 'utf8' }).trim();
    expect(version).toMatch(/^v24\./);
    // A dry run of the bundle, as `npm run plan` runs it, under Node 24.
    const out = execFileSync(ACTION_NODE, [path.join(root, 'dist/plan.js'), '--platform-name', 'web', '--platform-version', '1.0.0'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toMatch(/Dry run: no AWS call made/);
    // With debug logging on, stack traces point into src/: the entry files turn Node's source maps on, and
    // each file's map names its sources.
    for (const entry of ['main', 'post', 'plan'])
      expect(fs.readFileSync(path.join(root, `dist/${entry}.js`), 'utf8')).toContain(
        "if (process.env.RUNNER_DEBUG === '1') process.setSourceMapsEnabled(true);",
      );
    const sources = listFiles(path.join(root, 'dist'))
      .filter((f) => f.endsWith('.js') && !['main.js', 'post.js', 'plan.js'].includes(f))
      .flatMap((f) => {
        expect(fs.readFileSync(path.join(root, 'dist', f), 'utf8')).toMatch(new RegExp(`//# sourceMappingURL=${f.replace(/\./g, '\\.')}\\.map\\s*$`));
        return mapSources(path.join(root, 'dist', f));
      });
    expect(sources).toEqual(expect.arrayContaining([expect.stringMatching(/(^|\/)src\/pipeline\.ts$/), expect.stringMatching(/(^|\/)src\/action\/main\.ts$/)]));
  });

  it("loads an SDK package only when a step reaches it: none for a dry run, only IAM's before a build's first call", async () => {
    const dryRun = await loadedPackages(['plan.js', '--platform-name', 'web', '--platform-version', '1.0.0'], {});
    expect(dryRun.output).toMatch(/Dry run: no AWS call made/);
    expect(dryRun.atExit).toEqual([]);

    const server = http.createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end('<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error><RequestId>1</RequestId></ErrorResponse>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-main-'));
      for (const f of ['state', 'output', 'summary']) fs.writeFileSync(path.join(work, f), '');
      const run = await loadedPackages(['main.js'], {
        GITHUB_WORKSPACE: root,
        GITHUB_REPOSITORY: 'dist/test',
        GITHUB_STATE: path.join(work, 'state'),
        GITHUB_OUTPUT: path.join(work, 'output'),
        GITHUB_STEP_SUMMARY: path.join(work, 'summary'),
        RUNNER_TEMP: work,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKIDDIST',
        AWS_SECRET_ACCESS_KEY: 'dist-secret',
        AWS_ENDPOINT_URL: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        AWS_MAX_ATTEMPTS: '1',
        'INPUT_PLATFORM-VERSION': '1.0.0',
        'INPUT_SMOKE-TEST': 'false',
      });
      fs.rmSync(work, { recursive: true, force: true });
      // The pre-flight's GetInstanceProfile is the first call; the sweep then reaches EC2's package.
      expect(run.atFirstRequest).toEqual(['@aws-sdk/client-iam']);
      expect(run.atExit).toEqual(expect.arrayContaining(['@aws-sdk/client-ec2', '@aws-sdk/client-elastic-beanstalk']));
    } finally {
      server.close();
    }
  }, 60_000);

  it('holds the entry points action.yml names', () => {
    const action = fs.readFileSync(path.join(root, 'action.yml'), 'utf8');
    expect(action).toMatch(/using: 'node24'/);
    for (const entry of ['main', 'post']) {
      expect(action).toContain(`${entry}: 'dist/${entry}.js'`);
      expect(fs.existsSync(path.join(root, 'dist', `${entry}.js`))).toBe(true);
    }
    expect(action).toContain("post-if: 'always()'");
  });
});
