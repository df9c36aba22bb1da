/**
 * The bundled action (dist/), run as the runner runs it, killed at each step
 * (SIGTERM as a cancel sends, SIGKILL as its end), then its post step: after
 * every run the stand-in must hold nothing the run made. A kill needs a process
 * of its own, so these runs take real time; the same scenarios without a kill
 * run in process on virtual time in faults.test.ts, smoke-faults.test.ts and
 * release.test.ts.
 */
import { expectNoSecretsInOutputs, scenario, smokeScenario } from './harness';
import { Sshd, startSshd } from '../helpers/sshd';
import { freePort } from '../helpers/processes';
import { afterAllRuns } from '../helpers/whole-file';
import { BUILD_REGION, copiesIn, copySnapshots, liveCopies, PROMOTION, releaseWorld } from './release-world';

describe('the bundled action killed at each step against the AWS stand-in', () => {
  afterAllRuns('no secret in any output of these runs', expectNoSecretsInOutputs);

  it('builds the platform on a clean run of the bundle, sets the outputs, and leaves nothing', async () => {
    const { run, leftovers } = await scenario({ bundled: true });
    expect(run.main.code).toBe(0);
    expect(run.outputs['ami-id']).toMatch(/^ami-[0-9a-f]+$/);
    expect(run.post.output).toMatch(/Nothing left to tear down/);
    expect(leftovers).toEqual([]);
  }, 60_000);

  const killPoints = ['ListPlatformVersions', 'PutObject', 'CreatePlatformVersion', 'DescribeEvents', 'DescribeImages', 'TerminateEnvironment'];
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it.each(killPoints)(
      `finishes with the post step after ${signal} during %s, leaving nothing`,
      async (action) => {
        const { run, leftovers } = await scenario({
          // Hold that call a little so the signal lands inside the step.
          faults: [{ action, kind: 'slow', delayMs: 700 }],
          interrupt: (standin, kill) => {
            void standin.waitFor(action).then(() => setTimeout(() => kill(signal), 200));
          },
        });
        expect(run.main.signal === signal || run.main.code !== 0).toBe(true);
        expect(run.post.code).toBe(0);
        expect(leftovers).toEqual([]);
      },
      90_000,
    );
  }

  describe('the smoke test on a launched host', () => {
    let sshd: Sshd;
    beforeAll(async () => {
      sshd = await startSshd();
    });
    afterAll(() => sshd?.stop());

    // The main step killed at each EC2 call of the smoke test (held a little so the signal lands inside it).
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      it.each(['ImportKeyPair', 'CreateSecurityGroup', 'RunInstances', 'GetConsoleOutput', 'TerminateInstances'])(
        `finishes with the post step after ${signal} during %s, leaving nothing`,
        async (action) => {
          const { run, leftovers } = await smokeScenario(
            { ...sshd, sshPort: sshd.port, httpPort: await freePort() },
            {
              faults: [{ action, kind: 'slow', delayMs: 700 }],
              interrupt: (standin, kill) => void standin.waitFor(action).then(() => setTimeout(() => kill(signal), 200)),
            },
          );
          expect(run.post.code).toBe(0);
          expect(leftovers).toEqual([]);
        },
        180_000,
      );
    }
  });

  describe('the release: a cancel or a kill during the copies', () => {
    const { release } = releaseWorld();
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      it(`leaves no copy after ${signal} during the copies`, async () => {
        const { run, standin, leftovers } = await release({
          inputs: PROMOTION,
          copyMs: 120_000,
          interrupt: (_standin, kill, output) => {
            const both = setInterval(() => {
              if ((output().match(/Copying ami-[0-9a-f]+ to /g) ?? []).length >= 2) {
                clearInterval(both);
                kill(signal);
              }
            }, 100);
          },
        });
        expect(run.main.code).not.toBe(0);
        expect(run.post.code).toBe(0);
        expect(copiesIn(standin, 'eu-central-1').length + copiesIn(standin, 'us-east-1').length).toBe(2);
        expect(liveCopies(standin)).toEqual([]);
        expect(copySnapshots(standin)).toEqual([]);
        expect(standin.ssmIn(BUILD_REGION).value('/platform/web/ami-id')).toBeUndefined();
        expect(leftovers).toEqual([]);
      }, 180_000);
    }
  });
});
