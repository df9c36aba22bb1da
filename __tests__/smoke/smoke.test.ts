/** The smoke test's EC2 side against a mocked EC2 that keeps state, and its SSH side against a real sshd. */
import * as path from 'node:path';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { createLedger, Resource } from '../../src/ledger';
import { memoryLog } from '../../src/log';
import { runSmokeTest, SmokeOptions, teardownSmokeResource } from '../../src/smoke';
import { ec2Model } from '../helpers/ec2-model';
import { freePort } from '../helpers/processes';
import { cloudInitConsole, startSshd, Sshd } from '../helpers/sshd';
import { virtualClock } from '../helpers/virtual-clock';

const MIN = 60_000;

function options(clock: { now(): number }, extra: Partial<SmokeOptions> = {}): SmokeOptions {
  return {
    amiId: 'ami-0123456789abcdef0',
    region: 'eu-west-1',
    instanceType: 't3.small',
    allowedCidr: '127.0.0.1/32',
    extraTags: { team: 'platform' },
    runTags: { 'eb-platform-action:repository': 'acme/web' },
    sampleAppDir: path.resolve(__dirname, '../../platform/sample-app'),
    sshUser: 'root',
    sshPort: 22,
    httpPort: 80,
    deadline: clock.now() + 15 * MIN,
    ...extra,
  };
}

describe('smoke test on EC2', () => {
  let sshd: Sshd;
  beforeAll(async () => (sshd = await startSshd()));
  afterAll(() => sshd?.stop());

  function setup(modelOptions: Parameters<typeof ec2Model>[0] = {}) {
    const model = ec2Model(modelOptions);
    const clock = virtualClock();
    const saved: string[] = [];
    const ledger = createLedger((s) => saved.push(s));
    const log = memoryLog();
    const deps = { ec2: new EC2Client({ region: 'eu-west-1' }), ledger, log, clock, consoleGraceMs: 60_000 };
    return { model, clock, saved, ledger, log, deps };
  }

  it('reports a capacity failure clearly and leaves nothing behind', async () => {
    const s = setup();
    s.model.mock.on(RunInstancesCommand).rejects(Object.assign(new Error('We currently do not have sufficient t3.small capacity'), { name: 'InsufficientInstanceCapacity' }));
    await expect(runSmokeTest(options(s.clock), s.deps)).rejects.toThrow(/Launching a t3\.small from ami-0123456789abcdef0 failed: InsufficientInstanceCapacity.*\n.*no capacity/);
    expect(s.model.leftovers()).toEqual([]);
    expect(s.ledger.list()).toEqual([]);
    s.model.restore();
  });

  it('reports a subnet that does not exist and leaves nothing behind', async () => {
    const s = setup();
    await expect(runSmokeTest(options(s.clock, { subnetId: 'subnet-0badbad0' }), s.deps)).rejects.toThrow(/Subnet subnet-0badbad0 \(smoke-subnet-id\) does not exist/);
    expect(s.model.leftovers()).toEqual([]);
    expect(s.ledger.list()).toEqual([]);
    s.model.restore();
  });

  it('gives up on an instance that never answers SSH, says so, and tears it all down', async () => {
    const s = setup({ console: () => 'Booting...\n' });
    const closed = await freePort();
    const error = await runSmokeTest(options(s.clock, { sshPort: closed, deadline: s.clock.now() + 10 * MIN }), s.deps).catch((e) => e);
    expect(error.message).toMatch(/SSH to 127\.0\.0\.1:\d+ was not usable by the deadline: sshd never answered/);
    expect(s.model.leftovers()).toEqual([]);
    expect(s.ledger.list()).toEqual([]);
    s.model.restore();
  }, 60_000);

  it('says when the console shows sshd missing its privilege separation directory', async () => {
    const s = setup({ console: () => 'sshd[901]: fatal: Missing privilege separation directory: /run/sshd\n' });
    const closed = await freePort();
    const error = await runSmokeTest(options(s.clock, { sshPort: closed, deadline: s.clock.now() + 5 * MIN }), s.deps).catch((e) => e);
    expect(error.message).toMatch(/The console says: sshd could not start: \/run\/sshd/);
    s.model.restore();
  }, 60_000);

  it('runs the checks over SSH with the host key pinned from the console, and still tears down when checks fail', async () => {
    const s = setup({ console: () => cloudInitConsole([sshd.hostKey]), dependencyViolations: 2 });
    const report = await runSmokeTest(options(s.clock, { sshPort: sshd.port, sshUser: sshd.user, httpPort: await freePort() }), {
      ...s.deps,
      // The model's key is unknown to this sshd: authorise whatever the run imports.
      ec2: authorizeImportedKeys(s.deps.ec2, sshd),
    });
    expect(report.hostKeyPinned).toBe(true);
    expect(s.log.text()).toMatch(/Pinned 1 host key\(s\) from the instance's console output/);
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    expect(byName['OS release'].ok).toBe(true);
    expect(byName['OS release'].excerpt).toMatch(/Debian|Ubuntu/);
    // This host is not the platform: the platform's own checks must fail, and say why.
    expect(byName['blue and green units installed'].ok).toBe(false);
    expect(report.ok).toBe(false);
    expect(report.checks.length).toBeGreaterThanOrEqual(6);
    expect(s.log.text()).toMatch(/FAIL blue and green units installed/);
    // Torn down despite the failures, security group after two DependencyViolations.
    expect(s.model.leftovers()).toEqual([]);
    expect(s.ledger.list()).toEqual([]);
    expect(s.log.text()).toMatch(/still in use; trying again/);
    // Only the runner may reach it, on SSH and HTTP.
    const group = s.model.mock.commandCalls(require('@aws-sdk/client-ec2').AuthorizeSecurityGroupIngressCommand)[0].args[0].input;
    expect(group.IpPermissions.map((p: { FromPort: number; IpRanges: { CidrIp: string }[] }) => [p.FromPort, p.IpRanges[0].CidrIp])).toEqual([
      [sshd.port, '127.0.0.1/32'],
      [expect.any(Number), '127.0.0.1/32'],
    ]);
    const run = s.model.mock.commandCalls(RunInstancesCommand)[0].args[0].input;
    expect(run.TagSpecifications?.[0].Tags).toEqual(expect.arrayContaining([{ Key: 'team', Value: 'platform' }, { Key: 'eb-platform-action:repository', Value: 'acme/web' }]));
    // Everything was recorded before it was created.
    const first = JSON.parse(s.saved[0]);
    expect(first).toEqual([expect.objectContaining({ kind: 'key-pair' })]);
    s.model.restore();
  }, 120_000);

  it('falls back to trust on first use when the console shows no keys, and says so', async () => {
    const s = setup({ console: () => '' });
    const report = await runSmokeTest(options(s.clock, { sshPort: sshd.port, sshUser: sshd.user, httpPort: await freePort() }), {
      ...s.deps,
      ec2: authorizeImportedKeys(s.deps.ec2, sshd),
    });
    expect(report.hostKeyPinned).toBe(false);
    expect(s.log.text()).toMatch(/printed no host keys to its console.*trusted on first use/);
    expect(s.model.leftovers()).toEqual([]);
    s.model.restore();
  }, 120_000);

  it('refuses to go on when the console key and the server key differ', async () => {
    const s = setup({ console: () => cloudInitConsole(['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAzZ0lDGFk+aV7hj0oG6kl2TqDj1Q9Z3z6k8zH5yT4QZ']) });
    const error = await runSmokeTest(options(s.clock, { sshPort: sshd.port, sshUser: sshd.user }), { ...s.deps, ec2: authorizeImportedKeys(s.deps.ec2, sshd) }).catch((e) => e);
    expect(error.message).toMatch(/the host key does not match the one the console printed/);
    expect(s.model.leftovers()).toEqual([]);
    s.model.restore();
  }, 60_000);

  describe('teardown from what a dead run recorded', () => {
    it('finds an instance by its client token, and a security group by its name', async () => {
      const s = setup();
      const ec2 = s.deps.ec2;
      await ec2.send(new RunInstancesCommand({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1, ClientToken: 'tok-1', SecurityGroupIds: ['sg-x'] }));
      const { CreateSecurityGroupCommand, ImportKeyPairCommand } = require('@aws-sdk/client-ec2');
      await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'eb-platform-smoke-1', Description: 'x', VpcId: 'vpc-0default0' }));
      await ec2.send(new ImportKeyPairCommand({ KeyName: 'eb-platform-smoke-1', PublicKeyMaterial: Buffer.from('k') }));
      const recorded: Resource[] = [
        { kind: 'key-pair', region: 'eu-west-1', keyName: 'eb-platform-smoke-1' },
        { kind: 'security-group', region: 'eu-west-1', groupName: 'eb-platform-smoke-1', vpcId: 'vpc-0default0' },
        { kind: 'instance', region: 'eu-west-1', clientToken: 'tok-1' },
      ];
      for (const r of recorded) s.ledger.record(r);
      for (const r of [...recorded].reverse()) await teardownSmokeResource(r, s.deps);
      expect(s.model.leftovers()).toEqual([]);
      expect(s.ledger.list()).toEqual([]);
      // Twice is fine: everything is already gone.
      for (const r of recorded) s.ledger.record(r);
      for (const r of [...recorded].reverse()) await teardownSmokeResource(r, s.deps);
      expect(s.ledger.list()).toEqual([]);
      s.model.restore();
    });
  });
});

/** Wraps the EC2 client so each imported public key is also authorised on the test sshd. */
function authorizeImportedKeys(ec2: EC2Client, sshd: Sshd): EC2Client {
  const send = ec2.send.bind(ec2);
  (ec2 as unknown as { send: unknown }).send = async (command: { constructor: { name: string }; input: { PublicKeyMaterial?: Uint8Array } }) => {
    if (command.constructor.name === 'ImportKeyPairCommand' && command.input.PublicKeyMaterial) sshd.authorize(Buffer.from(command.input.PublicKeyMaterial).toString('utf8'));
    return send(command as never);
  };
  return ec2;
}
