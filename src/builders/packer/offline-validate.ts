/**
 * A dry run's `packer validate -syntax-only` on the bundle as it ships, with
 * the Packer a real run would use where this machine already has it (on PATH
 * for `packer-version: path`, else in the tool cache): no download and no
 * credentials, so the offline plan stays offline.
 */
import * as path from 'node:path';
import * as io from '@actions/io';
import * as tc from '@actions/tool-cache';
import { InputError } from '../../lib/errors';
import { runProcess } from '../../lib/process';
import { packerVersion } from './install';
import { varArgs } from './run';

/** What the plan says was checked, or why not; throws when Packer refuses the template. */
export async function validateOffline(choice: { version: string; variables: Record<string, string> }, dir: string, templateFile: string): Promise<string> {
  const packer =
    choice.version === 'path' ? await io.which('packer', false) : tc.find('packer', choice.version) && path.join(tc.find('packer', choice.version), 'packer');
  if (!packer)
    return choice.version === 'path'
      ? 'not run: packer validate, since no packer is on PATH'
      : `not run: packer validate, since Packer ${choice.version} is not in this machine's tool cache (a real run downloads it)`;
  const version = await packerVersion(packer);
  const r = await runProcess(packer, ['validate', '-syntax-only', ...varArgs(choice.variables), templateFile], {
    cwd: dir,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PACKER_NO_COLOR: '1' },
    timeoutMs: 60_000,
  });
  if (r.code !== 0)
    throw new InputError('platform-dir', `packer validate -syntax-only ${templateFile} (Packer ${version}) failed: ${(r.stdout + r.stderr).trim()}`);
  return `packer validate -syntax-only (Packer ${version})`;
}
