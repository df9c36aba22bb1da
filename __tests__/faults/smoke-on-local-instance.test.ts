/**
 * The bundled action (dist/) with its smoke test, run as the runner runs it
 * against the AWS stand-in, the SSH part against the local instance of the
 * platform: the stand-in hands out 127.0.0.1 as the instance's address and
 * prints the VM's host key on its console, and the VM's forwarded ports are the
 * ssh-port and http-port inputs. A clean run, the main step killed during the
 * checks, a rerun on the same instance (what needs no SSH, a launch refused, the
 * main step killed at each EC2 call, each EC2 call throttled, runs against a
 * plain sshd in faults.test.ts); after every run the stand-in must hold no
 * instance, security group, key pair or builder.
 */
import { LocalInstance, startLocalInstance } from '../../local/instance';
import { expectNoSecretsInOutputs, readPolicy, ScenarioOptions, seenActions, smokeScenario } from './harness';
import { errorLine } from '../helpers/run-action';
import { ONLY_WHEN_AN_ANSWER_IS_LOST } from '../helpers/iam-policy';
import { afterAllRuns } from '../helpers/whole-file';

describe('the bundled action, its SSH part on the local instance of the platform', () => {
  afterAllRuns('no secret in any output of these runs', expectNoSecretsInOutputs);

  let vm: LocalInstance;
  beforeAll(async () => {
    vm = await startLocalInstance({ log: () => {} });
  }, 30 * 60_000);
  afterAll(() => vm?.stop(), 60_000);

  /** As on a fresh EC2 instance, the run's own key is the only one accepted: it replaces the previous run's. */
  async function authorize(publicKey: string): Promise<void> {
    const r = await vm.ssh(`umask 077 && printf '%s\\n' '${publicKey.trim()}' > ~/.ssh/authorized_keys2`);
    if (r.code !== 0) throw new Error(`could not install the run's key on the local instance: ${r.stderr}`);
  }
  // The bundle, on the wall clock: the emulated guest takes real minutes, which a faster clock would misread.
  const smoke = (options: ScenarioOptions = {}) =>
    smokeScenario({ ...vm, authorize }, { bundled: true, ...options, inputs: { 'deadline-minutes': '10', ...options.inputs } });
  const served = async () => (await (await fetch(`http://127.0.0.1:${vm.httpPort}/`)).text()).trim();

  it(
    'builds, proves the platform with every check passing, and leaves nothing',
    async () => {
      const { run, leftovers, standin } = await smoke();
      expect(errorLine(run.main.output)).toBe('');
      expect(run.main.code).toBe(0);
      expect(run.main.output).toMatch(/Pinned 1 host key\(s\) from the instance's console output/);
      for (const check of [
        'OS release',
        'Docker installed and its daemon active',
        'nginx active and its configuration valid',
        'blue and green units installed',
        'deploy sample app smoke-',
        'HTTP GET / answers version smoke-',
      ]) {
        expect(run.main.output).toContain(`PASS ${check}`);
      }
      // The sample app the run deployed is what the platform serves now, through nginx on port 80.
      const version = /PASS HTTP GET \/ answers version (\S+)/.exec(run.main.output)![1];
      expect(await served()).toBe(`sample-app ${version}`);
      expect(run.summary).toMatch(/Elastic Beanstalk custom platform ✅ built/);
      expect(run.post.output).toMatch(/Nothing left to tear down/);
      expect(standin.instances()).toEqual([expect.objectContaining({ state: expect.stringMatching(/terminated|shutting-down/) })]);
      expect(leftovers).toEqual([]);
    },
    10 * 60_000,
  );

  // Last: a deploy cut off midway leaves the instance as a crashed deploy would.
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(
      `finishes with the post step after ${signal} during the checks over SSH, leaving nothing`,
      async () => {
        const { run, leftovers } = await smoke({
          interrupt: (_standin, kill, output) => {
            const watch = setInterval(() => {
              if (!/PASS blue and green units installed/.test(output())) return;
              clearInterval(watch);
              setTimeout(() => kill(signal), 1000);
            }, 100);
          },
        });
        expect(run.main.code === 1 || run.main.signal === signal).toBe(true);
        if (signal === 'SIGTERM') {
          // Cut short and torn down by main itself; the post step finds nothing to do.
          expect(run.main.output).toMatch(/::error::Cancelled during 'Smoke test'/);
          expect(run.post.output).toMatch(/Nothing left to tear down/);
        }
        expect(run.post.code).toBe(0);
        expect(leftovers).toEqual([]);
      },
      10 * 60_000,
    );
  }

  it(
    'passes every check again on the instance whose deploys were cut off midway (launched into a named subnet)',
    async () => {
      const { run, leftovers, standin } = await smoke({ inputs: { 'smoke-subnet-id': 'subnet-0a1b2c3d4e5f60718' } });
      expect(errorLine(run.main.output)).toBe('');
      expect(run.main.code).toBe(0);
      expect(standin.seen.map((s) => s.action)).toContain('DescribeSubnets');
      const version = /PASS HTTP GET \/ answers version (\S+)/.exec(run.main.output)![1];
      expect(await served()).toBe(`sample-app ${version}`);
      expect(leftovers).toEqual([]);
    },
    10 * 60_000,
  );

  afterAllRuns("the README's IAM policy allows every call these runs made, and the smoke test uses all of its EC2 part", () => {
    const allowed = readPolicy();
    const seen = seenActions();
    expect(seen.filter((op) => !allowed.has(op))).toEqual([]);
    // ec2:CreateTags is checked by AWS for tags given at creation, never called on its own;
    // DescribeKeyPairs and DescribeSecurityGroups are reached only when a create call's answer was
    // lost or its run died (seen in faults.test.ts).
    const ec2 = [...allowed].filter((a) => a.startsWith('ec2:') && !ONLY_WHEN_AN_ANSWER_IS_LOST.includes(a) && a !== 'ec2:CreateTags');
    expect(ec2.filter((a) => !seen.includes(a))).toEqual([]);
  });
});
