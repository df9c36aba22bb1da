/**
 * The smoke test's faults, run in process on a virtual clock the stand-in
 * shares (harness.ts): the stand-in hands out 127.0.0.1 as the instance and a
 * local sshd answers for it, a host that is not the platform, so its checks
 * fail and every run ends in teardown. A launch refused, each EC2 call's answer
 * lost or throttled: after every run the stand-in holds no instance, security
 * group or key pair. A green run on the platform itself is in
 * smoke-on-local-instance.test.ts; kills during these calls in kills.test.ts.
 */
import type { Fault } from '../../test/aws-standin/server';
import { expectNoSecretsInOutputs, readPolicy, seenActions, smokeScenario } from './harness';
import { Sshd, startSshd } from '../helpers/sshd';
import { freePort } from '../helpers/processes';
import { ONLY_WHEN_AN_ANSWER_IS_LOST } from '../helpers/iam-policy';
import { afterAllRuns } from '../helpers/whole-file';
import { platformFixture } from '../helpers/platform-fixture';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('the smoke test on a launched host that is not the platform (its checks fail)', () => {
  let sshd: Sshd;
  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterAll(() => sshd?.stop());
  afterAllRuns('no secret in any output of these runs', expectNoSecretsInOutputs);
  afterAllRuns("the README's IAM policy allows every call these runs made, and the calls made only after a lost answer are among them", () => {
    const allowed = readPolicy();
    const seen = seenActions();
    expect(seen.filter((op) => !allowed.has(op))).toEqual([]);
    for (const a of ONLY_WHEN_AN_ANSWER_IS_LOST) expect(seen).toContain(a);
  });
  /** The repository's platform/ with its whole check list, or with `oneCheck` a platform that declares only a check this host fails. */
  const onHost = async (faults: Fault[] = [], { oneCheck = false } = {}) =>
    smokeScenario({ ...sshd, sshPort: sshd.port, httpPort: await freePort() }, { faults, workspace: oneCheck ? fixture.root : undefined });
  // The EC2 faults below need the run to reach its checks, not every check: each of the platform's
  // own is an SSH round trip more, so these runs declare one, which this host (not the platform) fails.
  let fixture: ReturnType<typeof platformFixture>;
  beforeAll(() => {
    fixture = platformFixture();
    fs.writeFileSync(
      path.join(fixture.dir, 'smoke.yaml'),
      "checks:\n  - name: the platform's deploy command installed\n    run: test -x /usr/local/bin/eb-platform-deploy\n",
    );
  });
  afterAll(() => fixture?.cleanup());

  it('reports a launch without capacity and leaves nothing', async () => {
    const { run, leftovers } = await onHost([{ action: 'RunInstances', kind: 'deny', times: Infinity }]);
    expect(run.main.code).toBe(1);
    expect(run.main.output).toMatch(/::error::Launching a t3\.small from ami-[0-9a-f]+ failed/);
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('runs every check on the instance, fails naming those the host lacks, then removes the instance, group and key', async () => {
    const { run, leftovers, standin } = await onHost();
    // AWS's baseline for the instance: IMDSv2 only, one hop, and an encrypted root volume.
    expect(standin.instances()[0]).toMatchObject({ metadata: { httpTokens: 'required', hopLimit: 1, httpEndpoint: 'enabled' }, rootEncrypted: true });
    expect(run.main.code).toBe(1);
    expect(run.main.output).toMatch(/Pinned 1 host key/);
    expect(run.main.output).toMatch(/PASS OS release/);
    expect(run.main.output).toMatch(/::error::Smoke test failed: .*blue and green units installed/);
    expect(run.summary).toMatch(/\| OS release \| pass \|/);
    expect(standin.instances()).toEqual([expect.objectContaining({ state: expect.stringMatching(/terminated|shutting-down/) })]);
    expect(standin.instances()[0].tags).toMatchObject({ 'eb-platform-action:repository': 'acme/web-platform', 'eb-platform-action:run-id': '4242' });
    expect(leftovers).toEqual([]);
  }, 180_000);

  // Throttling of each EC2 call in turn: the run gets as far as the checks (the only error is theirs)
  // and tears down. A fully green run on the platform itself is in smoke-on-local-instance.test.ts.
  // An answer lost after EC2 acted: the SDK's retry meets the resource (InvalidKeyPair.Duplicate,
  // InvalidGroup.Duplicate, InvalidPermission.Duplicate; RunInstances returns the same instance for the
  // same client token), and the run finds it, uses it and removes it.
  it.each(['ImportKeyPair', 'CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'RunInstances'])(
    'finds what %s made when its answer was lost, and leaves nothing',
    async (action) => {
      const { run, leftovers, standin } = await onHost([{ action, kind: 'lose' }], { oneCheck: true });
      expect(standin.seen.filter((s) => s.action === action).length).toBeGreaterThan(1);
      const errors = run.main.output.split('\n').filter((l) => l.startsWith('::error::') && !l.startsWith('::error::FAIL '));
      expect(errors).toEqual([expect.stringMatching(/^::error::Smoke test failed: the boot finished, the platform's deploy command installed$/)]);
      expect(standin.instances()).toHaveLength(1);
      expect(leftovers).toEqual([]);
    },
    180_000,
  );

  it.each([
    'ImportKeyPair',
    'CreateSecurityGroup',
    'AuthorizeSecurityGroupIngress',
    'RunInstances',
    'DescribeInstances',
    'GetConsoleOutput',
    'TerminateInstances',
    'DeleteSecurityGroup',
    'DeleteKeyPair',
  ])(
    'rides out throttling of %s and leaves nothing',
    async (action) => {
      const { run, leftovers, standin } = await onHost([{ action, kind: 'throttle', times: 2 }], { oneCheck: true });
      expect(standin.seen.filter((s) => s.action === action).length).toBeGreaterThan(2);
      // The checks' own failures, and nothing else: every EC2 call got through.
      const errors = run.main.output.split('\n').filter((l) => l.startsWith('::error::') && !l.startsWith('::error::FAIL '));
      expect(errors).toEqual([expect.stringMatching(/^::error::Smoke test failed: the boot finished, the platform's deploy command installed$/)]);
      expect(run.main.output).toMatch(/FAIL the platform's deploy command installed/);
      expect(leftovers).toEqual([]);
    },
    180_000,
  );
});
