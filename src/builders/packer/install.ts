/**
 * The Packer the action runs, and its amazon plugin. By default a pinned
 * Packer release, downloaded from HashiCorp's release site and verified
 * (releases.ts), cached with the runner's tool cache; `packer-version: path`
 * takes the packer on PATH instead. Packer 1.10 and later ship without the
 * amazon plugin, and Packer 1.10 to 1.13 fetch plugins from GitHub, where the
 * plugin publishes nothing since v1.3.10 ("all release binaries will now be
 * published exclusively to the official HashiCorp release site", plugin
 * CHANGELOG 1.3.10; the `…_SHA256SUMS: 404` of packer-plugin-amazon#586 and
 * #596). Packer 1.14 and later try the release site first but fall back to
 * GitHub when it fails, meeting the same 404 (packer#13661, on 1.15.4). So the
 * action fetches and verifies the plugin itself, like Packer, and hands the
 * binary to `packer plugins install --path` (Packer 1.10 and later: CHANGELOG
 * 1.10.0, GH-12643), which installs it under PACKER_PLUGIN_PATH with its
 * SHA256SUM file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as io from '@actions/io';
import * as tc from '@actions/tool-cache';
import { StepError } from '../../lib/errors';
import type { Log } from '../../lib/log';
import { runProcess } from '../../lib/process';
import { atLeast } from '../../lib/semver';
import { DEFAULT_AMAZON_PLUGIN, DEFAULT_PACKER, PLUGIN_PACKER } from './defaults';
import { hashicorpReleases, ReleaseSource, verifiedRelease } from './releases';

const PLUGIN_SOURCE = 'github.com/hashicorp/amazon';

export interface InstalledPacker {
  path: string;
  version: string;
  /** Where installed plugins live (PACKER_PLUGIN_PATH), for Packer 1.10 and later. */
  pluginPath?: string;
  /** The amazon plugin installed there. */
  pluginVersion?: string;
}

export interface PackerChoice {
  /** A release to install, or 'path' for the packer on PATH. */
  version: string;
  /** The amazon plugin asked for; undefined takes the default (Packer 1.10 and later). */
  pluginVersion?: string;
  workDir: string;
}

export async function packerVersion(packer: string): Promise<string> {
  const r = await runProcess(packer, ['version'], {});
  const m = /Packer v(\d+\.\d+\.\d+)/.exec(r.stdout + r.stderr);
  if (r.code !== 0 || !m)
    throw new StepError('packer', `'${packer} version' did not say its version (exit ${r.code}): ${(r.stdout + r.stderr).trim().slice(0, 300)}`);
  return m[1];
}

/** A verified release, unpacked into the tool cache (or found there): the directory holding it. */
async function cachedRelease(product: string, version: string, source: ReleaseSource, log: Log): Promise<string> {
  const cached = tc.find(product, version);
  if (cached) return cached;
  const zip = await verifiedRelease(product, version, source, log);
  return tc.cacheDir(await tc.extractZip(zip), product, version);
}

/** The plugin's binary, as the release zip holds it (`packer-plugin-amazon_v1.8.2_x5.0_linux_amd64`). */
async function pluginBinary(version: string, source: ReleaseSource, log: Log): Promise<string> {
  const dir = await cachedRelease('packer-plugin-amazon', version, source, log);
  const name = fs.readdirSync(dir).find((f) => f.startsWith(`packer-plugin-amazon_v${version}_`));
  if (!name)
    throw new StepError(
      'packer',
      `The amazon plugin ${version}'s release holds no packer-plugin-amazon_v${version}_… binary (it holds ${fs.readdirSync(dir).join(', ')}).`,
    );
  const binary = path.join(dir, name);
  fs.chmodSync(binary, 0o755);
  return binary;
}

async function installPlugin(packer: InstalledPacker, version: string, pluginPath: string, source: ReleaseSource, log: Log): Promise<void> {
  const binary = await pluginBinary(version, source, log);
  const r = await runProcess(packer.path, ['plugins', 'install', '--path', binary, PLUGIN_SOURCE], {
    env: { ...process.env, PACKER_PLUGIN_PATH: pluginPath, CHECKPOINT_DISABLE: '1' },
    timeoutMs: 120_000,
  });
  if (r.code !== 0)
    throw new StepError(
      'packer',
      `Packer ${packer.version} did not install the amazon plugin ${version} from ${binary}: ${(r.stderr || r.stdout).trim().slice(-500)}`,
    );
  log.info(`Amazon plugin ${version} installed for Packer ${packer.version} (${pluginPath}).`);
}

/**
 * Packer before 1.10 bundles its own amazon builder and has no `plugins install --path`: it cannot
 * take the plugin asked for. Named with both versions and the fix, before any AWS call.
 */
function tooOldForPlugin(packer: string, asked: string): StepError {
  return new StepError(
    'packer',
    `Packer ${packer} cannot use the amazon plugin ${asked} (packer-amazon-plugin-version): it bundles its own amazon builder, and plugins install --path came with Packer ${PLUGIN_PACKER}. ` +
      `Set packer-version to ${DEFAULT_PACKER} (or another release from ${PLUGIN_PACKER} on), or leave packer-amazon-plugin-version empty to build with the bundled builder.`,
  );
}

export async function preparePacker(choice: PackerChoice, log: Log, source: ReleaseSource = hashicorpReleases()): Promise<InstalledPacker> {
  let packer: string;
  if (choice.version === 'path') {
    packer = await io.which('packer', false);
    if (!packer)
      throw new StepError('packer', `No packer on PATH (packer-version: path): install one, or set packer-version to a release such as ${DEFAULT_PACKER}.`);
  } else {
    packer = path.join(await cachedRelease('packer', choice.version, source, log), 'packer');
  }
  const version = await packerVersion(packer);
  if (choice.version !== 'path' && version !== choice.version)
    throw new StepError('packer', `${packer} says it is Packer ${version}, not the ${choice.version} asked for.`);
  log.info(`Packer ${version} (${packer})`);
  const installed: InstalledPacker = { path: packer, version };
  if (!atLeast(version, PLUGIN_PACKER)) {
    if (choice.pluginVersion) throw tooOldForPlugin(version, choice.pluginVersion);
    log.warning(
      `Packer ${version} builds with the amazon builder it bundles, older than the plugin ${DEFAULT_AMAZON_PLUGIN} this action is tested with: set packer-version to ${DEFAULT_PACKER}.`,
    );
    return installed;
  }
  const pluginVersion = choice.pluginVersion ?? DEFAULT_AMAZON_PLUGIN;
  const pluginPath = path.join(choice.workDir, 'packer-plugins');
  fs.mkdirSync(pluginPath, { recursive: true });
  await installPlugin(installed, pluginVersion, pluginPath, source, log);
  return { ...installed, pluginPath, pluginVersion };
}
