/**
 * Mistakes in names, tried on the shipped dist/ as a user meets it: through
 * `npm run plan` (dist/plan.js under action.yml's Node) and through the
 * action's entry with INPUT_* variables. None reaches AWS: no credentials or
 * endpoint are given, and each run is a dry run.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ACTION_NODE, runAction } from '../helpers/run-action';

const root = path.resolve(__dirname, '../..');
const plan = (...args: string[]) =>
  spawnSync(ACTION_NODE, [path.join(root, 'dist/plan.js'), ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });

describe("a user's mistakes in names", () => {
  it('npm run plan refuses a flag that is no input, naming the nearest', () => {
    const r = plan('--platfrom-name', 'web');
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/--platfrom-name is not an input of this action: did you mean --platform-name\?/);
    expect(r.stderr).toMatch(/^Usage: npm run plan/m);
  });

  it('npm run plan refuses a misspelt region with one error naming the nearest', () => {
    const r = plan('--platform-name', 'web', '--aws-region', 'eu-wst-1');
    expect(r.status).toBe(1);
    expect((r.stdout + r.stderr).match(/eu-wst-1/g)).toHaveLength(1);
    expect(r.stdout + r.stderr).toMatch(/'eu-wst-1' is not an AWS region the action knows: did you mean eu-west-1\?/);
  });

  it('the action warns of an input it does not read, naming the nearest, and goes on', async () => {
    const run = await runAction({ inputs: { 'dry-run': 'true', 'platform-version': '1.0.0', 'smoke-tset': 'false', 'aws-region': 'eu-west-1' } });
    expect(run.main.code).toBe(0);
    expect(run.main.output).toMatch(/^::warning::Input 'smoke-tset' is not an input of this action: did you mean smoke-test\? It is ignored\.$/m);
    expect(run.main.output).toMatch(/Dry run: no AWS call made/);
  });
});
