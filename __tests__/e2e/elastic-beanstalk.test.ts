/**
 * The shipped action from the zip to the smoke test, with Elastic Beanstalk's
 * build played by the real Packer: it launches an instance (a VM) from the
 * Ubuntu stand-in image, uploads builder/, runs builder.sh with sudo, stops the
 * instance and registers its disk as the AMI; the smoke test boots that AMI and
 * runs every check on it. Also a build whose builder.sh fails, and a run
 * cancelled while Packer provisions. After each, the stand-in holds no
 * instance, key pair, security group or builder environment, Packer's
 * temporary ones included.
 *
 * Needs root (instances listen on port 22 of 127.0.0.N, as on EC2); CI runs as root.
 */
import { assertCanBindLowPorts } from '../../test/aws-standin/vm-machines';
import {
  BROKEN_SCRIPT_SAYS,
  brokenBuilder,
  checks,
  errorLine,
  expectEveryCheckPassed,
  expectImageSbom,
  realRun,
  stepSeconds,
  tally,
  workspace,
} from './harness';

const MIN = 60_000;

describe('the action end to end, the real Packer building the platform for Elastic Beanstalk', () => {
  beforeAll(() => assertCanBindLowPorts());

  it(
    'builds with Packer, proves the image Packer made with every check passing, and leaves nothing',
    async () => {
      const ws = workspace();
      try {
        const result = await realRun({ workspace: ws.dir });
        const { run, standin, leftovers } = result;
        const { passed, failed } = checks(run.main.output);
        tally(result, { seconds: stepSeconds(run.summary, 'Smoke test') ?? 0, passed: passed.length, total: passed.length + failed.length });
        expect(errorLine(run.main.output)).toBe('');
        expect(run.main.code).toBe(0);
        // The image is the one Packer registered from its instance's disk, tagged by the template.
        const built = standin.ec2.images().filter((i) => i.ownerId === standin.account);
        expect(built).toHaveLength(1);
        expect(built[0]).toMatchObject({
          state: 'available',
          tags: expect.objectContaining({ eb_platform_name: 'web-platform', eb_platform_version: '1.0.0' }),
        });
        expect(run.outputs['ami-id']).toBe(built[0].id);
        expect(result.packerLog.join('\n')).toMatch(/==> 40-app\.sh[\s\S]*==> Platform provisioned[\s\S]*Stopping the source instance[\s\S]*Creating AMI/);
        // Every check passed on the instance booted from it, the sample app answering through nginx.
        expect(failed).toEqual([]);
        expectEveryCheckPassed(passed);
        expectImageSbom(run.sbom, { name: 'web-platform', version: '1.0.0' });
        expect(run.post.output).toMatch(/Nothing left to tear down/);
        expect(leftovers).toEqual([]);
      } finally {
        ws.cleanup();
      }
    },
    40 * MIN,
  );

  it(
    "fails with the failing builder script's own words when builder.sh fails, and leaves nothing",
    async () => {
      const ws = workspace(brokenBuilder);
      try {
        const result = await realRun({ workspace: ws.dir, inputs: { 'smoke-test': 'false' } });
        const { run, standin, leftovers } = result;
        tally(result);
        expect(run.main.code).toBe(1);
        const error = errorLine(run.main.output);
        expect(error).toMatch(
          /^::error::The platform build failed: Packer failed with error: \[Build "ebpacker" errored: Script exited with non-zero exit status: 7/,
        );
        expect(error).toContain(BROKEN_SCRIPT_SAYS);
        // A failed build registers nothing.
        expect(standin.ec2.images().filter((i) => i.ownerId === standin.account)).toEqual([]);
        expect(leftovers).toEqual([]);
      } finally {
        ws.cleanup();
      }
    },
    30 * MIN,
  );

  it(
    "removes Packer's instance, group and key pair when the run is cancelled while Packer provisions, and leaves nothing",
    async () => {
      const ws = workspace();
      try {
        const result = await realRun({
          workspace: ws.dir,
          inputs: { 'smoke-test': 'false' },
          interrupt: (standin, kill) => {
            // Once Packer runs the platform's setup scripts on its instance, the job is cancelled.
            const watch = setInterval(() => {
              const platform = standin.eb.platforms()[0];
              const log = platform ? standin.logs.stream(`/aws/elasticbeanstalk/platform/${platform.name}`, platform.version).join('\n') : '';
              if (/==> 10-os\.sh/.test(log)) {
                clearInterval(watch);
                kill('SIGTERM');
              }
            }, 500);
          },
        });
        const { run, standin, leftovers } = result;
        tally(result);
        expect(run.main.code).not.toBe(0);
        const ops = standin.seen.map((s) => s.action);
        // The builder would not be terminated while busy: its build was aborted first, killing Packer
        // before its own clean-up, and the action removed what Packer had made, found by its run tags.
        expect(ops).toContain('AbortEnvironmentUpdate');
        expect(run.main.output + run.post.output).toMatch(/Packer's build instance i-[0-9a-f]+ outlived its build; terminating it/);
        expect(run.main.output + run.post.output).toMatch(/Removed what Packer left: instance i-[0-9a-f]+, security group sg-[0-9a-f]+, key pair packer_/);
        expect(standin.ec2.images().filter((i) => i.ownerId === standin.account)).toEqual([]);
        expect(leftovers).toEqual([]);
      } finally {
        ws.cleanup();
      }
    },
    30 * MIN,
  );
});
