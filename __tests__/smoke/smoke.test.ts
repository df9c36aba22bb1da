/**
 * The smoke test's EC2 side against the stand-in over the wire, on one virtual
 * clock shared by the action and the stand-in, and its SSH side against a real
 * sshd. The stand-in's instances answer at 127.0.0.1, where the test's sshd
 * listens, and print the console the test sets.
 */
import * as path from 'node:path';
import { CreateSecurityGroupCommand, EC2Client, ImportKeyPairCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { StepError } from '../../src/lib/errors';
import { createLedger, Ledger, Resource } from '../../src/resources/ledger';
import { memoryLog } from '../../src/lib/log';
import { runSmokeTest, SmokeOptions, teardownSmokeResource } from '../../src/smoke';
import { readSmokeSpec } from '../../src/platform/smoke-spec';
import { DEFAULT_VPC } from '../../test/aws-standin/ec2';
import { freePort } from '../helpers/processes';
import { cloudInitConsole, startSshd, Sshd } from '../helpers/sshd';
import { standinsPerTest } from '../helpers/standin-clients';
import { standinImage } from '../helpers/standin-images';

const MIN = 60_000;
/** A non-default VPC's subnet the stand-in knows, as a user's smoke-subnet-id names one. */
const OWN_SUBNET = { subnetId: 'subnet-0123abcd', vpcId: 'vpc-0other00' };
/** EC2's answer when no capacity is left: a server error (the EC2 API Reference, "Error codes": InsufficientInstanceCapacity). */
const CAPACITY = {
  code: 'InsufficientInstanceCapacity',
  message: 'We currently do not have sufficient t3.small capacity in the Availability Zone you requested (eu-west-1a).',
  status: 500,
};
/** DeleteSecurityGroup's answer while something still uses the group. */
const IN_USE = { code: 'DependencyViolation', message: 'resource sg-0 has a dependent object' };

function options(s: { clock: { now(): number }; amiId: string }, extra: Partial<SmokeOptions> = {}): SmokeOptions {
  return {
    amiId: s.amiId,
    region: 'eu-west-1',
    instanceType: 't3.small',
    allowedCidr: '127.0.0.1/32',
    extraTags: { team: 'platform' },
    runTags: { 'eb-platform-action:repository': 'acme/web', 'eb-platform-action:run-id': '77' },
    spec: readSmokeSpec(path.resolve(__dirname, '../../platform')),
    sshUser: 'root',
    sshPort: 22,
    httpPort: 80,
    deadline: s.clock.now() + 15 * MIN,
    ...extra,
  };
}

/**
 * Wraps the EC2 client: keeps each call the run sent, in order, and notes, for
 * every creating call, whether the ledger already held the resource when the
 * call was made.
 */
function instrument(ec2: EC2Client, ledger: Ledger) {
  const unrecorded: string[] = [];
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const send = ec2.send.bind(ec2);
  (ec2 as unknown as { send: unknown }).send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name;
    sent.push({ name, input: command.input });
    const has = (pred: (r: Resource) => boolean) => ledger.list().some(pred);
    if (name === 'ImportKeyPairCommand' && !has((r) => r.kind === 'key-pair' && r.keyName === command.input.KeyName)) unrecorded.push(name);
    if (
      name === 'CreateSecurityGroupCommand' &&
      !has((r) => r.kind === 'security-group' && r.groupName === command.input.GroupName && r.vpcId === command.input.VpcId)
    )
      unrecorded.push(name);
    if (name === 'RunInstancesCommand' && !has((r) => r.kind === 'instance' && r.clientToken === command.input.ClientToken)) unrecorded.push(name);
    return send(command as never);
  };
  return { ec2, unrecorded, sent };
}

describe('smoke test on EC2', () => {
  let sshd: Sshd;
  beforeAll(async () => (sshd = await startSshd()));
  afterAll(() => sshd?.stop());

  const startStandin = standinsPerTest();

  /** A stand-in on a virtual clock whose instances print `console`; with `sshd`, every key the run imports is one it accepts. */
  async function setup(given: { console?: string; sshd?: Sshd } = {}) {
    const { standin, clients, clock } = await startStandin({
      instanceAddress: '127.0.0.1',
      subnets: [OWN_SUBNET],
      onKeyImported: given.sshd ? (key) => given.sshd!.authorize(key) : undefined,
    });
    standin.setConsole(given.console ?? '');
    const amiId = standinImage(standin, 'eu-west-1', { name: 'web-platform-1.0.0' }).id;
    const saved: string[] = [];
    const ledger = createLedger((x) => saved.push(x));
    const log = memoryLog();
    const { ec2, unrecorded, sent } = instrument(clients.get(EC2Client), ledger);
    const deps = { ec2, ledger, log, clock, consoleGraceMs: 60_000 };
    /** Nothing left in EC2 or the ledger, every creating call was recorded first, and the key never reached the log. */
    const expectClean = () => {
      expect(standin.leftovers()).toEqual([]);
      expect(ledger.list()).toEqual([]);
      expect(JSON.parse(saved[saved.length - 1])).toEqual([]);
      expect(unrecorded).toEqual([]);
      expect(log.text()).not.toMatch(/PRIVATE KEY/);
    };
    const calls = (name: string) => sent.filter((c) => c.name === name).map((c) => c.input);
    return { standin, amiId, clock, saved, ledger, log, deps, sent, calls, expectClean };
  }

  describe('launch failures', () => {
    it('reports missing capacity as one clear error and removes the key pair and security group', async () => {
      const s = await setup();
      s.standin.addFault({ action: 'RunInstances', kind: 'error', error: CAPACITY });
      const error = await runSmokeTest(options(s), s.deps).catch((e) => e);
      expect(error).toBeInstanceOf(StepError);
      expect(error.message).toMatch(
        new RegExp(`^Launching a t3\\.small from ${s.amiId} failed: InsufficientInstanceCapacity: We currently do not have sufficient`),
      );
      expect(error.message).toMatch(/\nAWS has no capacity for this instance type.*smoke-instance-type/);
      s.expectClean();
      expect(s.calls('DeleteSecurityGroupCommand')).toEqual([{ GroupId: expect.stringMatching(/^sg-/) }]);
      expect(s.calls('DeleteKeyPairCommand')).toEqual([{ KeyName: expect.stringMatching(/^eb-platform-smoke-/) }]);
      // No instance id was ever known: teardown still looked for one by the launch's client token.
      const token = s.calls('RunInstancesCommand')[0].ClientToken;
      expect(s.calls('DescribeInstancesCommand')).toContainEqual({ Filters: [{ Name: 'client-token', Values: [token] }] });
      expect(s.standin.instances()).toEqual([]);
    });

    it('reports a subnet that does not exist before launching anything', async () => {
      const s = await setup();
      const error = await runSmokeTest(options(s, { subnetId: 'subnet-0badbad0' }), s.deps).catch((e) => e);
      expect(error.message).toBe('Subnet subnet-0badbad0 (smoke-subnet-id) does not exist in this region.');
      expect(s.calls('RunInstancesCommand')).toEqual([]);
      s.expectClean();
    });

    it('reports a subnet that RunInstances rejects, naming the input', async () => {
      const s = await setup();
      // Known to DescribeSubnets a moment before, refused at launch (deleted meanwhile).
      s.standin.addFault({
        action: 'RunInstances',
        kind: 'error',
        error: { code: 'InvalidSubnetID.NotFound', message: "The subnet ID 'subnet-0123abcd' does not exist" },
      });
      const error = await runSmokeTest(options(s, { subnetId: 'subnet-0123abcd' }), s.deps).catch((e) => e);
      expect(error.message).toMatch(
        /failed: InvalidSubnetID\.NotFound: The subnet ID 'subnet-0123abcd' does not exist\nThe subnet does not exist in this region: check smoke-subnet-id\./,
      );
      // The group was made in the subnet's VPC, not the default one.
      expect(s.calls('CreateSecurityGroupCommand')[0].VpcId).toBe('vpc-0other00');
      s.expectClean();
    });

    it('finds and terminates an instance whose launch response was lost, by its client token', async () => {
      const s = await setup();
      // EC2 launches it; the answer never arrives (the client tries once).
      s.standin.addFault({ action: 'RunInstances', kind: 'lose' });
      const error = await runSmokeTest(options(s), s.deps).catch((e) => e);
      expect(error.message).toMatch(new RegExp(`^Launching a t3\\.small from ${s.amiId} failed: .*socket hang up`));
      const launched = s.standin.ec2.instances().map((i) => i.id);
      expect(launched).toHaveLength(1);
      expect(s.calls('TerminateInstancesCommand')).toEqual([{ InstanceIds: launched }]);
      s.expectClean();
    });

    it('turns a refused key import into one clear error', async () => {
      const s = await setup();
      s.standin.addFault({ action: 'ImportKeyPair', kind: 'deny' });
      const error = await runSmokeTest(options(s), s.deps).catch((e) => e);
      expect(error.message).toMatch(
        /^Importing the run's SSH key as key pair eb-platform-smoke-\S+ failed: UnauthorizedOperation: .*\nThe credentials lack this EC2 permission\./,
      );
      expect(s.calls('CreateSecurityGroupCommand')).toEqual([]);
      s.expectClean();
    });
  });

  describe('SSH that does not come', () => {
    it('gives up at the deadline on an instance that never answers, says so, and tears it all down', async () => {
      const s = await setup({ console: "[    3.1] cloud-init[501]: Cloud-init v. 24.3.1 running 'init-local'\r\n" });
      const o = options(s, { sshPort: await freePort(), deadline: s.clock.now() + 10 * MIN });
      const error = await runSmokeTest(o, s.deps).catch((e) => e);
      expect(error.message).toMatch(
        /^SSH to 127\.0\.0\.1:\d+ was not usable by the deadline: sshd never answered\. The console shows no sshd failure: a slow boot/,
      );
      expect(error.details).toEqual(['The last lines of the instance console:', expect.stringContaining("running 'init-local'")]);
      expect(s.clock.sleeps.length).toBeGreaterThan(5);
      expect(Math.max(...s.clock.sleeps)).toBeLessThanOrEqual(20_000);
      // One line a minute while it waits, never more: ten minutes, at most ten lines.
      const progress =
        s.log.text().match(/Still waiting for SSH on 127\.0\.0\.1:\d+ after \d+ min \d+ s: the instance is booting \(sshd has not answered yet\)\./g) ?? [];
      expect(progress.length).toBeGreaterThanOrEqual(8);
      expect(progress.length).toBeLessThanOrEqual(10);
      s.expectClean();
      expect(s.calls('TerminateInstancesCommand')).toHaveLength(1);
    }, 60_000);

    it('says when the console shows sshd missing its privilege separation directory', async () => {
      const s = await setup({ console: '[   12.9] sshd[901]: fatal: Missing privilege separation directory: /run/sshd\r\n' });
      const error = await runSmokeTest(options(s, { sshPort: await freePort(), deadline: s.clock.now() + 5 * MIN }), s.deps).catch((e) => e);
      expect(error.message).toMatch(/sshd never answered\. The console says: sshd could not start: its privilege separation directory \/run\/sshd/);
      expect(error.message).not.toMatch(/slow boot/);
      s.expectClean();
    }, 60_000);

    it("tells sshd refusing the run's key apart from sshd never answering", async () => {
      // No key authorised on this sshd.
      const s = await setup({ console: cloudInitConsole(sshd.hostKeys) });
      const error = await runSmokeTest(options(s, { sshPort: sshd.port, sshUser: sshd.user, deadline: s.clock.now() + 3 * MIN }), s.deps).catch((e) => e);
      expect(error.message).toMatch(new RegExp(`was not usable by the deadline: sshd answered but refused the run's key for user '${sshd.user}'`));
      s.expectClean();
    }, 60_000);
  });

  describe('host keys', () => {
    it('pins the keys the console printed, runs every check, and still tears down when checks fail', async () => {
      const s = await setup({ console: cloudInitConsole(sshd.hostKeys, { fingerprintLines: sshd.fingerprintLines }), sshd });
      // EC2 holds a group a while after its instance is gone (the network interface detaching).
      s.standin.addFault({ action: 'DeleteSecurityGroup', kind: 'error', error: IN_USE, times: 2 });
      const report = await runSmokeTest(options(s, { sshPort: sshd.port, sshUser: sshd.user, httpPort: await freePort() }), s.deps);
      expect(report.hostKeyPinned).toBe(true);
      expect(report.instanceId).toMatch(/^i-/);
      expect(report.publicAddress).toBe('127.0.0.1');
      expect(s.log.text()).toMatch(/Pinned 2 host key\(s\) from the instance's console output/);
      const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
      expect(byName['OS release']).toMatchObject({ ok: true, excerpt: expect.stringMatching(/Debian|Ubuntu/) });
      // This host is not the platform: the platform's own checks fail, and say why, and the rest still run.
      expect(byName['blue and green units installed'].ok).toBe(false);
      expect(report.checks.map((c) => c.name)).toEqual([
        // Generic, then what the platform declares in its smoke.yaml.
        'the boot finished',
        'OS release',
        'Docker installed and its daemon active',
        'nginx active and its configuration valid',
        'blue and green units installed',
        expect.stringMatching(/^deploy sample app smoke-\S+ through the platform hooks$/),
        expect.stringMatching(/^HTTP GET \/ answers version smoke-/),
      ]);
      expect(report.ok).toBe(false);
      expect(s.log.text()).toMatch(/FAIL blue and green units installed \(\d+\.\d s\)\n {4}\S/);
      expect(s.log.text()).toMatch(/PASS OS release/);
      // Torn down despite the failures, the security group after two DependencyViolations.
      s.expectClean();
      expect(s.log.text()).toMatch(/still in use; trying again/);
      expect(s.calls('DeleteSecurityGroupCommand')).toHaveLength(3);
      // The instance and the key pair at once; the group once the instance is gone.
      const order = s.sent.map((c) => c.name);
      const first = (n: string) => order.indexOf(n);
      expect(first('DeleteKeyPairCommand')).toBeLessThan(order.indexOf('DescribeInstancesCommand', first('TerminateInstancesCommand')));
      expect(order.lastIndexOf('DescribeInstancesCommand')).toBeLessThan(first('DeleteSecurityGroupCommand'));
      // Only the runner may reach it, on SSH and HTTP.
      const ingress = s.calls('AuthorizeSecurityGroupIngressCommand')[0].IpPermissions as { FromPort: number; IpRanges: { CidrIp: string }[] }[];
      expect(ingress.map((p) => [p.FromPort, p.IpRanges.map((r) => r.CidrIp)])).toEqual([
        [sshd.port, ['127.0.0.1/32']],
        [expect.any(Number), ['127.0.0.1/32']],
      ]);
      // Everything tagged with the run, the extra tags and a Name that says what it is.
      const run = s.calls('RunInstancesCommand')[0] as { TagSpecifications: { ResourceType: string; Tags: unknown[] }[]; KeyName: string };
      for (const spec of [...run.TagSpecifications, ...(s.calls('CreateSecurityGroupCommand')[0].TagSpecifications as typeof run.TagSpecifications)]) {
        expect(spec.Tags).toEqual(
          expect.arrayContaining([
            { Key: 'team', Value: 'platform' },
            { Key: 'eb-platform-action:repository', Value: 'acme/web' },
            { Key: 'Name', Value: run.KeyName },
          ]),
        );
      }
      expect(run.KeyName).toMatch(/^eb-platform-smoke-/);
      // The first thing saved is the key pair, before AWS knew it.
      expect(JSON.parse(s.saved[0])).toEqual([{ kind: 'key-pair', region: 'eu-west-1', keyName: run.KeyName }]);
    }, 120_000);

    it('pins the keys sshd offers when they match the fingerprints the console printed, and only those', async () => {
      // Only the ed25519 fingerprint on the console: the ECDSA key sshd also offers stays unvouched.
      const ed25519 = sshd.fingerprintLines.filter((l) => l.endsWith('(ED25519)'));
      expect(ed25519).toHaveLength(1);
      const s = await setup({ console: cloudInitConsole(sshd.hostKeys, { keys: false, fingerprintLines: ed25519 }), sshd });
      const report = await runSmokeTest(options(s, { sshPort: sshd.port, sshUser: sshd.user, httpPort: await freePort() }), s.deps);
      expect(report.hostKeyPinned).toBe(true);
      expect(s.log.text()).toContain(
        `Pinned 1 host key(s) that match the fingerprints in the instance's console output: ssh-ed25519 ${ed25519[0].split(' ')[1]}.`,
      );
      expect(report.checks.find((c) => c.name === 'OS release')).toMatchObject({ ok: true });
      s.expectClean();
    }, 120_000);

    it('refuses a server whose keys match none of the console fingerprints', async () => {
      const other = await startSshd();
      try {
        const s = await setup({ console: cloudInitConsole([], { keys: false, fingerprintLines: other.fingerprintLines }), sshd });
        const error = await runSmokeTest(options(s, { sshPort: sshd.port, sshUser: sshd.user }), s.deps).catch((e) => e);
        expect(error.message).toMatch(
          /refused: host key mismatch\. None of the host keys sshd offers \(SHA256:.*\) matches the fingerprints the instance printed to its console/,
        );
        s.expectClean();
      } finally {
        await other.stop();
      }
    }, 60_000);

    it('refuses to go on when the console key and the server key differ', async () => {
      const other = await startSshd();
      try {
        const s = await setup({ console: cloudInitConsole(other.hostKeys), sshd });
        const error = await runSmokeTest(options(s, { sshPort: sshd.port, sshUser: sshd.user }), s.deps).catch((e) => e);
        expect(error.message).toMatch(/refused: host key mismatch\. The server's key is not the one the instance printed to its console/);
        expect(s.calls('TerminateInstancesCommand')).toHaveLength(1);
        s.expectClean();
      } finally {
        await other.stop();
      }
    }, 60_000);

    it('says why it fell back to trust on first use when the console cannot be read', async () => {
      const s = await setup({ sshd });
      s.standin.addFault({ action: 'GetConsoleOutput', kind: 'deny', times: Infinity });
      const report = await runSmokeTest(options(s, { sshPort: sshd.port, sshUser: sshd.user, httpPort: await freePort() }), s.deps);
      expect(report.hostKeyPinned).toBe(false);
      expect(s.log.lines.find((l) => l.startsWith('warning: '))).toMatch(
        /console could not be read \(UnauthorizedOperation: .*GetConsoleOutput\), so its SSH host key was trusted on first use/,
      );
      s.expectClean();
    }, 120_000);

    it('falls back to trust on first use after the grace period when the console shows no keys, and warns', async () => {
      const s = await setup({ console: '', sshd });
      const report = await runSmokeTest(options(s, { sshPort: sshd.port, sshUser: sshd.user, httpPort: await freePort() }), s.deps);
      expect(report.hostKeyPinned).toBe(false);
      expect(s.log.lines.find((l) => l.startsWith('warning: '))).toMatch(
        /printed no host keys or fingerprints to its console.*trusted on first use \(.*SHA256:.*\), not verified/,
      );
      expect(report.checks.find((c) => c.name === 'OS release')?.ok).toBe(true);
      s.expectClean();
    }, 120_000);
  });

  describe('a cancelled job', () => {
    it('cuts the running check short and still tears everything down', async () => {
      const s = await setup({ console: cloudInitConsole(sshd.hostKeys), sshd });
      const script = path.join(require('node:os').tmpdir(), `smoke-sleeps-${process.pid}.sh`);
      require('node:fs').writeFileSync(script, '#!/bin/sh\necho started\nsleep 300\n');
      const controller = new AbortController();
      // Cancel once the user's script (the last check) is running on the host.
      const watcher = setInterval(() => {
        if (/FAIL HTTP GET/.test(s.log.text())) setTimeout(() => controller.abort(), 1500);
        if (/FAIL HTTP GET/.test(s.log.text())) clearInterval(watcher);
      }, 100);
      const started = Date.now();
      try {
        const report = await runSmokeTest(options(s, { sshPort: sshd.port, sshUser: sshd.user, httpPort: await freePort(), userScript: script }), {
          ...s.deps,
          signal: controller.signal,
        });
        expect(controller.signal.aborted).toBe(true);
        // The script sleeps five minutes: it was stopped, not waited for.
        expect(Date.now() - started).toBeLessThan(120_000);
        expect(report.ok).toBe(false);
        expect(report.checks[report.checks.length - 1]).toMatchObject({ name: expect.stringMatching(/^user script smoke-sleeps/), ok: false });
        s.expectClean();
      } finally {
        clearInterval(watcher);
        require('node:fs').rmSync(script, { force: true });
      }
    }, 180_000);

    it('creates nothing once cancelled', async () => {
      const s = await setup({ sshd });
      const controller = new AbortController();
      controller.abort();
      await expect(runSmokeTest(options(s), { ...s.deps, signal: controller.signal })).rejects.toThrow(/Cancelled/);
      expect(s.standin.seen).toEqual([]);
      expect(s.saved).toEqual([]);
    });
  });

  describe("the runner's address", () => {
    it('opens the group to the address the runner is seen from, /32, when no CIDR is given', async () => {
      const s = await setup();
      s.standin.addFault({ action: 'RunInstances', kind: 'error', error: CAPACITY });
      await expect(runSmokeTest(options(s, { allowedCidr: undefined }), { ...s.deps, publicIp: async () => '203.0.113.9' })).rejects.toThrow(
        /InsufficientInstanceCapacity/,
      );
      const ingress = s.calls('AuthorizeSecurityGroupIngressCommand')[0].IpPermissions as { IpRanges: { CidrIp: string }[] }[];
      expect(ingress.flatMap((p) => p.IpRanges.map((r) => r.CidrIp))).toEqual(['203.0.113.9/32', '203.0.113.9/32']);
      s.expectClean();
    });

    it('asks for smoke-allowed-cidr when the address cannot be found, before creating anything', async () => {
      const s = await setup();
      const error = await runSmokeTest(options(s, { allowedCidr: undefined }), {
        ...s.deps,
        publicIp: async () => {
          throw new Error('getaddrinfo EAI_AGAIN checkip.amazonaws.com');
        },
      }).catch((e) => e);
      expect(error.message).toBe("Could not find the runner's public address (getaddrinfo EAI_AGAIN checkip.amazonaws.com): set smoke-allowed-cidr.");
      expect(s.standin.seen).toEqual([]);
      expect(s.saved).toEqual([]);
    });
  });

  describe('teardown', () => {
    it('gives up on a security group that stays in use after a bound, and leaves it in the ledger for the post step', async () => {
      const s = await setup({ console: '' });
      s.standin.addFault({ action: 'DeleteSecurityGroup', kind: 'error', error: IN_USE, times: Infinity });
      const started = s.clock.now();
      await expect(runSmokeTest(options(s, { sshPort: await freePort(), deadline: s.clock.now() + 2 * MIN }), s.deps)).rejects.toThrow(/sshd never answered/);
      expect(s.ledger.list()).toEqual([expect.objectContaining({ kind: 'security-group', groupId: expect.stringMatching(/^sg-/) })]);
      expect(s.standin.leftovers()).toEqual([expect.stringMatching(/^security group sg-/)]);
      expect(s.log.text()).toMatch(/Could not remove security group sg-\w+ \(eu-west-1\): DependencyViolation: .*\(the post step tries again\)/);
      // Bounded: given up within minutes of virtual time, not forever.
      expect(s.clock.now() - started).toBeLessThan(20 * MIN);
      // A later pass (the post step) finishes it once AWS lets go.
      s.standin.clearFaults();
      await teardownSmokeResource(s.ledger.list()[0], s.deps);
      expect(s.ledger.list()).toEqual([]);
    }, 60_000);

    it('works from what a dead run recorded (client token, group name) and is safe to run twice', async () => {
      const s = await setup();
      const ec2 = s.deps.ec2;
      const groupId = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'eb-platform-smoke-1', Description: 'x', VpcId: DEFAULT_VPC }))).GroupId!;
      await ec2.send(
        new RunInstancesCommand({ ImageId: s.amiId, InstanceType: 't3.small', MinCount: 1, MaxCount: 1, ClientToken: 'tok-1', SecurityGroupIds: [groupId] }),
      );
      await ec2.send(
        new ImportKeyPairCommand({ KeyName: 'eb-platform-smoke-1', PublicKeyMaterial: Buffer.from('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDead dead') }),
      );
      const recorded: Resource[] = [
        { kind: 'key-pair', region: 'eu-west-1', keyName: 'eb-platform-smoke-1' },
        { kind: 'security-group', region: 'eu-west-1', groupName: 'eb-platform-smoke-1', vpcId: DEFAULT_VPC },
        { kind: 'instance', region: 'eu-west-1', clientToken: 'tok-1' },
      ];
      for (const r of recorded) s.ledger.record(r);
      for (const r of [...recorded].reverse()) await teardownSmokeResource(r, s.deps);
      expect(s.standin.leftovers()).toEqual([]);
      expect(s.ledger.list()).toEqual([]);
      expect(s.calls('DeleteSecurityGroupCommand')).toEqual([{ GroupId: groupId }]);
      // Twice is fine: everything is already gone, and each is released again.
      for (const r of recorded) s.ledger.record(r);
      for (const r of [...recorded].reverse()) await teardownSmokeResource(r, s.deps);
      expect(s.ledger.list()).toEqual([]);
      // An id recorded for something AWS no longer knows is gone too.
      const stale: Resource[] = [
        { kind: 'instance', region: 'eu-west-1', clientToken: 'tok-2', instanceId: 'i-00000000000000999' },
        { kind: 'security-group', region: 'eu-west-1', groupName: 'gone', groupId: 'sg-00000999' },
      ];
      for (const r of stale) s.ledger.record(r);
      for (const r of stale) await teardownSmokeResource(r, s.deps);
      expect(s.ledger.list()).toEqual([]);
    });
  });
});
