/**
 * The types, checked as `npm run typecheck` checks them (the action's sources under tsconfig.json,
 * the tests and tools under tsconfig.test.json): a test of the fast tier, so the compiler runs
 * beside the other tests rather than before all of them.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');

describe('the types', () => {
  it.each(['tsconfig.json', 'tsconfig.test.json'])(
    'check under %s',
    async (config) => {
      const result = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', config], { cwd: root, encoding: 'utf8' }).catch(
        (e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? String(e) }),
      );
      expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    },
    300_000,
  );
});
