/**
 * The shipped action with `builder: packer`: Packer (Debian's, on PATH) run by
 * the action on the runner, against the stand-in's EC2, whose instances are
 * VMs; the smoke test boots the image Packer made. No Elastic Beanstalk call is
 * made. Also a failing builder.sh, and a SIGTERM and a SIGKILL while Packer
 * provisions, each followed by post; nothing is left, Packer's temporary
 * instance, security group and key pair included, and no image half-registered.
 *
 * Needs root (instances listen on port 22 of 127.0.0.N, as on EC2); CI runs as root.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Standin } from '../../test/aws-standin/server';
import { assertCanBindLowPorts } from '../../test/aws-standin/vm-machines';
import { codeSends, readmePolicy } from '../helpers/iam-policy';
import { afterAllRuns } from '../helpers/whole-file';
import {
  BROKEN_SCRIPT_SAYS,
  brokenBuilder,
  checks,
  errorLine,
  expectEveryCheckPassed,
  expectImageSbom,
  realRun,
  seenOperations,
  stepSeconds,
  tally,
  workspace,
} from './harness';

const MIN = 60_000;
// Debian's Packer 1.6.6 on PATH: the only one this machine can install (the action's default, 1.16.0, comes from HashiCorp's release site).
const packer = { builder: 'packer', 'packer-version': 'path', 'packer-variables': 'docker_source=distro' };

/** Kills main once Packer runs the platform's setup scripts on its instance (Packer's output is the run's own here). */
function whileProvisioning(signal: NodeJS.Signals) {
  return (_standin: Standin, kill: (s: NodeJS.Signals) => void, output: () => string) => {
    const watch = setInterval(() => {
      if (/==> 10-os\.sh/.test(output())) {
        clearInterval(watch);
        kill(signal);
      }
    }, 500);
  };
}

describe('the action end to end with builder: packer, the real Packer on the runner', () => {
  beforeAll(() => assertCanBindLowPorts());

  it(
    'builds with Packer, proves the image with every check passing, makes no Elastic Beanstalk call, and leaves nothing',
    async () => {
      const ws = workspace();
      try {
        const result = await realRun({ workspace: ws.dir, inputs: packer });
        const { run, standin, leftovers } = result;
        const { passed, failed } = checks(run.main.output);
        const packerSeconds = stepSeconds(run.summary, 'Build image (Packer on the runner)');
        tally(
          { ...result, packerSeconds },
          { seconds: stepSeconds(run.summary, 'Smoke test') ?? 0, passed: passed.length, total: passed.length + failed.length },
        );
        expect(errorLine(run.main.output)).toBe('');
        expect(run.main.code).toBe(0);
        expect(standin.seen.filter((s) => s.service === 'elasticbeanstalk')).toEqual([]);
        const built = standin.ec2.images().filter((i) => i.ownerId === standin.account);
        expect(built).toHaveLength(1);
        expect(built[0]).toMatchObject({
          state: 'available',
          tags: expect.objectContaining({ eb_platform_name: 'web-platform', eb_platform_version: '1.0.0' }),
        });
        expect(run.outputs).toMatchObject({ 'ami-id': built[0].id, 'platform-version': '1.0.0', 'platform-arn': '' });
        // Packer's output came through, with its timestamps, and what it made was recorded as it said so.
        expect(run.main.output).toMatch(/\d{4}-\d\d-\d\dT[\d:.]+Z ==> ebpacker: Creating temporary keypair: packer_/);
        expect(run.main.output).toMatch(/==> 40-app\.sh/);
        expect(failed).toEqual([]);
        expectEveryCheckPassed(passed);
        expectImageSbom(run.sbom, { name: 'web-platform', version: '1.0.0' });
        expect(leftovers).toEqual([]);
      } finally {
        ws.cleanup();
      }
    },
    40 * MIN,
  );

  it(
    "fails with the failing builder script's own words, registers no image, and leaves nothing",
    async () => {
      const ws = workspace(brokenBuilder);
      try {
        const result = await realRun({ workspace: ws.dir, inputs: { ...packer, 'smoke-test': 'false' } });
        const { run, standin, leftovers } = result;
        tally(result);
        expect(run.main.code).toBe(1);
        const error = errorLine(run.main.output);
        expect(error).toMatch(/^::error::The image build failed: Script exited with non-zero exit status: 7/);
        expect(error).toContain(BROKEN_SCRIPT_SAYS);
        expect(standin.ec2.images().filter((i) => i.ownerId === standin.account && i.state !== 'deregistered')).toEqual([]);
        expect(leftovers).toEqual([]);
      } finally {
        ws.cleanup();
      }
    },
    30 * MIN,
  );

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'leaves nothing after a %s while Packer provisions, then post',
    async (signal) => {
      const ws = workspace();
      try {
        const result = await realRun({ workspace: ws.dir, inputs: { ...packer, 'smoke-test': 'false' }, interrupt: whileProvisioning(signal) });
        const { run, standin, leftovers } = result;
        tally(result);
        expect(run.main.code === 0).toBe(false);
        expect(run.post.code).toBe(0);
        const all = run.main.output + run.post.output;
        if (signal === 'SIGTERM') {
          // Packer got SIGINT and cleaned up after itself.
          expect(all).toMatch(/Stopping Packer: it gets \d+ s to clean up after itself/);
        } else {
          // Killed with the job, Packer could not: post removed what it had announced.
          expect(run.post.output).toMatch(/Removed what Packer left: instance i-[0-9a-f]+/);
        }
        expect(standin.ec2.images().filter((i) => i.ownerId === standin.account && i.state !== 'deregistered')).toEqual([]);
        expect(leftovers).toEqual([]);
      } finally {
        ws.cleanup();
      }
    },
    30 * MIN,
  );

  it(
    "builds the README's smallest platform (examples/minimal-platform) and proves it with the check it declares",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-minimal-'));
      fs.cpSync(path.resolve(__dirname, '../../examples/minimal-platform'), path.join(dir, 'platform'), { recursive: true });
      try {
        const result = await realRun({ workspace: dir, inputs: { builder: 'packer', 'packer-version': 'path', 'platform-version': '1.0.0' } });
        const { run, standin, leftovers } = result;
        const { passed, failed } = checks(run.main.output);
        tally(
          { ...result, packerSeconds: stepSeconds(run.summary, 'Build image (Packer on the runner)') },
          { seconds: stepSeconds(run.summary, 'Smoke test') ?? 0, passed: passed.length, total: passed.length + failed.length },
        );
        expect(errorLine(run.main.output)).toBe('');
        expect(run.main.code).toBe(0);
        expect(standin.ec2.images().filter((i) => i.ownerId === standin.account && i.state === 'available')).toHaveLength(1);
        expect(failed).toEqual([]);
        expect(passed).toEqual(expect.arrayContaining(['the boot finished', "the platform's file is there"]));
        expect(leftovers).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    30 * MIN,
  );

  afterAllRuns('the README policy for builder: packer allows exactly what these runs called', () => {
    const allowed = readmePolicy('### For `builder: packer`');
    const seen = [...seenOperations];
    expect(seen.filter((op) => !allowed.has(op))).toEqual([]);
    // Each allowed action was called in these runs, or is one the action's own code sends on a rarer
    // path (after a lost answer, or to remove an image a failed build left); ec2:CreateTags is what AWS
    // checks for tags given at creation.
    expect([...allowed].filter((a) => !seen.includes(a) && !codeSends(a) && a !== 'ec2:CreateTags')).toEqual([]);
  });
});
