/**
 * The Packer the action runs: the one on PATH (GitHub's Ubuntu runners have
 * one; hashicorp/setup-packer pins one), or a pinned version downloaded from
 * HashiCorp's releases with @actions/tool-cache and checked against the SHA-256
 * sums HashiCorp publishes beside it. Packer 1.10 and later ship without the
 * amazon plugin: it is installed first, pinned.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as io from '@actions/io';
import * as tc from '@actions/tool-cache';
import { StepError } from '../../lib/errors';
import type { Log } from '../../lib/log';
import { runProcess } from '../../lib/process';

/** HashiCorp's release server; a mirror with the same layout can stand in for it (PACKER_RELEASES_URL). */
export const RELEASES = 'https://releases.hashicorp.com';

export interface InstalledPacker {
  path: string;
  version: string;
  /** Where installed plugins live (PACKER_PLUGIN_PATH), for Packer 1.10 and later. */
  pluginPath?: string;
}

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

export async function packerVersion(packer: string): Promise<string> {
  const r = await runProcess(packer, ['version'], {});
  const m = /Packer v(\d+\.\d+\.\d+)/.exec(r.stdout + r.stderr);
  if (r.code !== 0 || !m)
    throw new StepError('packer', `'${packer} version' did not say its version (exit ${r.code}): ${(r.stdout + r.stderr).trim().slice(0, 300)}`);
  return m[1];
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** Downloads and verifies one release of Packer, or takes it from the runner's tool cache. */
async function download(version: string, log: Log): Promise<string> {
  const cached = tc.find('packer', version);
  if (cached) return path.join(cached, 'packer');
  const base = (process.env.PACKER_RELEASES_URL || RELEASES).replace(/\/$/, '');
  const arch = ARCH[process.arch];
  if (!arch || process.platform !== 'linux')
    throw new StepError('packer', `No Packer release for ${process.platform}/${process.arch}: put packer on PATH instead of setting packer-version.`);
  const file = `packer_${version}_linux_${arch}.zip`;
  log.info(`Downloading Packer ${version} from ${base}`);
  let zip: string;
  let sums: string;
  try {
    zip = await tc.downloadTool(`${base}/packer/${version}/${file}`);
    sums = fs.readFileSync(await tc.downloadTool(`${base}/packer/${version}/packer_${version}_SHA256SUMS`), 'utf8');
  } catch (error) {
    throw new StepError('packer', `Downloading Packer ${version} failed (${(error as Error).message}): check packer-version, or put packer on PATH.`);
  }
  const expected = sums
    .split('\n')
    .find((l) => l.trim().endsWith(`  ${file}`))
    ?.split(/\s+/)[0];
  const actual = createHash('sha256').update(fs.readFileSync(zip)).digest('hex');
  if (!expected) throw new StepError('packer', `HashiCorp's SHA-256 sums for Packer ${version} do not list ${file}.`);
  if (expected !== actual)
    throw new StepError('packer', `Packer ${version} failed verification: ${file} has SHA-256 ${actual}, HashiCorp publishes ${expected}.`);
  const dir = await tc.extractZip(zip);
  return path.join(await tc.cacheDir(dir, 'packer', version), 'packer');
}

/** Installs the amazon plugin, pinned, where this Packer will look for it. */
async function installPlugin(packer: string, version: string, pluginPath: string, log: Log): Promise<void> {
  log.info(`Installing Packer's amazon plugin ${version}`);
  const r = await runProcess(packer, ['plugins', 'install', 'github.com/hashicorp/amazon', `v${version}`], {
    env: { ...process.env, PACKER_PLUGIN_PATH: pluginPath },
  });
  if (r.code !== 0) throw new StepError('packer', `Installing Packer's amazon plugin ${version} failed: ${(r.stderr || r.stdout).trim().slice(-500)}`);
}

export async function preparePacker(options: { version?: string; pluginVersion: string; workDir: string }, log: Log): Promise<InstalledPacker> {
  let packer: string;
  if (options.version) {
    packer = await download(options.version, log);
  } else {
    packer = await io.which('packer', false);
    if (!packer)
      throw new StepError('packer', 'No packer on PATH: install one (hashicorp/setup-packer), or set packer-version to have the action download a release.');
  }
  const version = await packerVersion(packer);
  if (options.version && version !== options.version)
    throw new StepError('packer', `${packer} says it is Packer ${version}, not the ${options.version} asked for.`);
  log.info(`Packer ${version} (${packer})`);
  if (!atLeast(version, 1, 10)) return { path: packer, version };
  const pluginPath = path.join(options.workDir, 'packer-plugins');
  fs.mkdirSync(pluginPath, { recursive: true });
  await installPlugin(packer, options.pluginVersion, pluginPath, log);
  return { path: packer, version, pluginPath };
}
