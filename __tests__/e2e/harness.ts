/**
 * Runs of the shipped action (dist/, main then post, as the runner runs it)
 * against the stand-in with real parts: instances are VMs, Elastic Beanstalk's
 * build runs the real Packer, the smoke test boots the image Packer made.
 */
import { cycloneDxErrors } from '../helpers/cyclonedx-schema';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSmokeSpec } from '../../src/platform/smoke-spec';
import type { Standin } from '../../test/aws-standin/server';
import { startRealStandin } from '../../test/aws-standin/real';
import { ActionRun, errorLine, Interrupt, runAction, stepSeconds } from '../helpers/run-action';

export { errorLine, stepSeconds };
import { addToTally } from '../helpers/tally';

const root = path.resolve(__dirname, '../..');

/**
 * A workspace holding a copy of the platform with Docker from the distribution
 * (Docker's own repository is out of reach here), set as a user sets it for
 * Elastic Beanstalk, which takes no -var: the variable's default in the template.
 */
export function workspace(change?: (platformDir: string) => void): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-workspace-'));
  const platform = path.join(dir, 'platform');
  fs.cpSync(path.join(root, 'platform'), platform, { recursive: true });
  const file = path.join(platform, 'custom_platform.json');
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  template.variables.docker_source = 'distro';
  fs.writeFileSync(file, JSON.stringify(template, null, 2));
  change?.(platform);
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every operation the runs of this test file sent, as IAM actions. */
/** A platform whose builder fails part-way, as a provisioning script that cannot reach its repository does. */
export const BROKEN_SCRIPT_SAYS = '05-broken.sh: the widget repository is unreachable';
export function brokenBuilder(platformDir: string): void {
  fs.writeFileSync(
    path.join(platformDir, 'builder/setup-scripts/05-broken.sh'),
    `#!/usr/bin/env bash\nset -euo pipefail\necho "${BROKEN_SCRIPT_SAYS}" >&2\nexit 7\n`,
    { mode: 0o755 },
  );
}

export const seenOperations = new Set<string>();

export interface RealRun {
  run: ActionRun;
  standin: Standin;
  leftovers: string[];
  /** Packer's output, as the build's log stream holds it. */
  packerLog: string[];
  /** Seconds from the build's start to its end, from the stand-in's events. */
  packerSeconds?: number;
}

/** Adds a run to the tallies the test run prints last (runs and leaks; the end-to-end figures). */
export function tally(result: RealRun, smoke?: { seconds: number; passed: number; total: number }): void {
  addToTally(process.env.FAULT_TALLY_FILE, { leaked: result.leftovers.length });
  addToTally(process.env.E2E_TALLY_FILE, { packerSeconds: result.packerSeconds, smoke, leaked: result.leftovers.length });
}

/** One run against a fresh stand-in with real parts; the stand-in is stopped afterwards. */
export async function realRun(options: {
  workspace: string;
  inputs?: Record<string, string>;
  interrupt?: (standin: Standin, kill: (signal: NodeJS.Signals) => void, output: () => string) => void;
  log?: (line: string) => void;
}): Promise<RealRun> {
  const standin = await startRealStandin({ log: options.log });
  try {
    const interrupt: Interrupt | undefined = options.interrupt ? (kill, output) => options.interrupt?.(standin, kill, output) : undefined;
    const run = await runAction({
      inputs: {
        'smoke-test': 'true',
        'smoke-allowed-cidr': '127.0.0.1/32',
        // The Elastic Beanstalk builder's own: the packer builder refuses it.
        ...(options.inputs?.builder === 'packer' ? {} : { 'poll-interval-seconds': '5' }),
        'deadline-minutes': '40',
        ...options.inputs,
      },
      workspace: options.workspace,
      env: { AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'AKIDENDTOEND', AWS_SECRET_ACCESS_KEY: 'end-to-end-secret', AWS_ENDPOINT_URL: standin.url },
      interrupt,
    });
    // Terminations already asked for settle on the stand-in's clock.
    await new Promise((r) => setTimeout(r, 1000));
    for (const op of standin.seen) seenOperations.add(`${op.service}:${op.action}`);
    const platform = standin.eb.platforms()[0];
    const started = platform?.events.find((e) => e.message === 'Starting Packer building task.')?.at;
    const ended = platform?.events.find((e) => /^(Successfully built AMI|Packer failed with error)/.test(e.message))?.at;
    return {
      run,
      standin,
      leftovers: standin.leftovers(),
      packerLog: platform ? standin.logs.stream(`/aws/elasticbeanstalk/platform/${platform.name}`, platform.version) : [],
      packerSeconds: started && ended ? (ended - started) / 1000 : undefined,
    };
  } finally {
    await standin.stop();
  }
}

/** The checks the run reported, from its log. */
/** Every check the platform declares in smoke.yaml passed, with the generic ones, the deploy and the HTTP answer. */
export function expectEveryCheckPassed(passed: string[]): void {
  const spec = readSmokeSpec(path.resolve(__dirname, '../../platform'));
  expect(spec).toBeDefined();
  for (const name of ['the boot finished', ...spec!.checks.map((c) => c.name)]) expect(passed).toContain(name);
  expect(passed.some((c) => c.startsWith('deploy sample app'))).toBe(true);
  expect(passed.some((c) => c.startsWith('HTTP GET / answers version'))).toBe(true);
}

/**
 * The SBOM of the image the run built: valid CycloneDX 1.5, read from the booted instance (the
 * platform's own release file, its nginx and Docker packages, the kernel it runs).
 */
export function expectImageSbom(sbom: string | undefined, image: { name: string; version: string }): void {
  expect(sbom).toBeDefined();
  const bom = JSON.parse(sbom as string) as { components: { name: string; 'bom-ref': string; version?: string }[]; metadata: { component: unknown } };
  expect(cycloneDxErrors(bom)).toEqual([]);
  const names = bom.components.map((c) => c.name);
  expect(names).toContain('nginx');
  expect(names.some((n) => n === 'docker-ce' || n === 'docker.io')).toBe(true);
  expect(bom.components.find((c) => c['bom-ref'] === 'kernel')?.version).toMatch(/^\d+\.\d+/);
  expect(bom.components.find((c) => c['bom-ref'] === 'docker-engine')?.version).toMatch(/^\d+\.\d+/);
  const version = (name: string) => bom.components.find((c) => c.name === name)?.version;
  process.stderr.write(
    `sbom: ${bom.components.length} components, nginx ${version('nginx')}, ${names.includes('docker-ce') ? `docker-ce ${version('docker-ce')}` : `docker.io ${version('docker.io')}`}, kernel ${bom.components.find((c) => c['bom-ref'] === 'kernel')?.version}, schema CycloneDX 1.5 valid\n`,
  );
  expect(bom.metadata.component).toMatchObject({
    ...image,
    properties: expect.arrayContaining([{ name: 'platform-version-from', value: '/etc/eb-platform-release on the image' }]),
  });
}

export function checks(output: string): { passed: string[]; failed: string[] } {
  const lines = output.split('\n');
  // Each result line is `PASS name (1.8 s)`: the names, without their times.
  const name = (l: string) => l.replace(/^(::error::)?(PASS|FAIL) /, '').replace(/ \(\d+(\.\d+)? s\)$/, '');
  return {
    passed: lines.filter((l) => l.startsWith('PASS ')).map(name),
    failed: lines.filter((l) => /^(::error::)?FAIL /.test(l)).map(name),
  };
}
