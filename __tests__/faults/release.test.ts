/**
 * The release after a passed smoke test, run in process on virtual time
 * against the AWS stand-in (EC2, SSM and Elastic Beanstalk answering per
 * region): a promotion to two regions with sharing and SSM parameters; a copy
 * that fails midway; a smoke test that fails during the copies (a cancel and a
 * kill during them are in kills.test.ts); a prune that keeps what an
 * environment or a launch template uses; a sweep of a dead run's leftovers
 * that touches nothing else. The smoke test runs on a local sshd standing in
 * for a booted instance, with one declared check.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CreateSecurityGroupCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  EC2Client,
  ImportKeyPairCommand,
  RunInstancesCommand,
  Tag,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { execFileSync } from 'node:child_process';
import type { Standin } from '../../test/aws-standin/server';
import { ACCESS_KEY_ID, expectNoSecretsInOutputs, readPolicy, seenActions, SECRET } from './harness';
import { BUILD_REGION, copiesIn, copySnapshots, liveCopies, plainImage, PROMOTION, releaseWorld } from './release-world';
import { errorLine } from '../helpers/run-action';
import { afterAllRuns } from '../helpers/whole-file';
import { platformFixture } from '../helpers/platform-fixture';
import { codeSends, neededFor, readmePolicy } from '../helpers/iam-policy';
import { standinImage } from '../helpers/standin-images';
import type { ActionRun } from '../helpers/run-action';
import { CANONICAL } from '../../test/aws-standin/ec2';
import { cycloneDxErrors } from '../helpers/cyclonedx-schema';

describe('the release after a passed smoke test, against the AWS stand-in', () => {
  const { release, fixture } = releaseWorld();
  afterAllRuns('no secret in any output of these runs', expectNoSecretsInOutputs);

  it('copies the proven image to two regions with its tags, shares it, writes the SSM parameters, and reports each image', async () => {
    const { run, standin, leftovers } = await release({ inputs: PROMOTION });
    expect(errorLine(run.main.output)).toBe('');
    expect(run.main.code).toBe(0);
    expect(run.main.output).toMatch(/PASS the host answers/);
    const ids = JSON.parse(run.outputs['ami-ids']) as Record<string, string>;
    expect(Object.keys(ids).sort()).toEqual(['eu-central-1', BUILD_REGION, 'us-east-1']);
    expect(ids[BUILD_REGION]).toBe(run.outputs['ami-id']);
    for (const region of Object.keys(ids)) {
      const image = standin
        .ec2In(region)
        .images()
        .find((i) => i.id === ids[region]);
      expect(image).toMatchObject({ state: 'available', tags: expect.objectContaining({ eb_platform_name: 'web-platform', eb_platform_version: '1.0.0' }) });
      expect(image?.launchPermissions?.sort()).toEqual(['210987654321', PROMOTION['ami-share-org-arns']]);
      expect(standin.ssmIn(region).parameter('/platform/web/ami-id')).toMatchObject({ value: ids[region], dataType: 'aws:ec2:image' });
    }
    // The copies carry the run's tags; the KMS key of its region encrypts one.
    expect(copiesIn(standin, 'eu-central-1')[0].tags).toMatchObject({
      'eb-platform-action:run-id': '4242',
      'eb-platform-action:repository': 'acme/web-platform',
    });
    expect(copiesIn(standin, 'us-east-1')[0]).toMatchObject({ encrypted: true, kmsKeyId: 'alias/ami-copies' });
    expect(copiesIn(standin, 'eu-central-1')[0].encrypted).toBe(false);
    expect(standin.ssmIn(BUILD_REGION).value('/platform/web/platform-arn')).toBe(run.outputs['platform-arn']);
    expect(run.main.output).toMatch(/kms:CreateGrant/);
    expect(run.summary).toMatch(/\| us-east-1 \| `ami-[0-9a-f]+` \|/);
    // Kept: the copies belong to the release, not to the run.
    expect(liveCopies(standin)).toHaveLength(2);
    expect(run.post.output).toMatch(/Nothing left to tear down/);
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('copies alongside the smoke test, and shares and publishes only once it passed', async () => {
    const { run, standin, leftovers } = await release({ inputs: PROMOTION });
    expect(errorLine(run.main.output)).toBe('');
    const ops = standin.seen.map((x) => x.action);
    // The smoke test's instance ends with its TerminateInstances; the key pair and group were made before the build.
    const smokeEnds = ops.lastIndexOf('TerminateInstances');
    expect(ops.indexOf('ImportKeyPair')).toBeLessThan(ops.indexOf('CreatePlatformVersion'));
    expect(ops.indexOf('CreateSecurityGroup')).toBeLessThan(ops.indexOf('CreatePlatformVersion'));
    expect(ops.indexOf('CopyImage')).toBeGreaterThan(0);
    expect(ops.indexOf('CopyImage')).toBeLessThan(smokeEnds);
    expect(ops.indexOf('ModifyImageAttribute')).toBeGreaterThan(smokeEnds);
    expect(ops.indexOf('PutParameter')).toBeGreaterThan(smokeEnds);
    expect(run.main.output).toMatch(/Copying ami-[0-9a-f]+ to eu-central-1, us-east-1 alongside the smoke test/);
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('removes the copies begun alongside a smoke test that fails, with their snapshots, and shares and publishes nothing', async () => {
    const script = path.join(fixture().root, 'smoke-fails.sh');
    fs.writeFileSync(script, '#!/bin/sh\necho "the platform answers 503" >&2\nexit 1\n', { mode: 0o755 });
    try {
      // A copy takes longer than the smoke test, as on AWS: still pending when the smoke test fails.
      const { run, standin, leftovers } = await release({ inputs: { ...PROMOTION, 'smoke-script': 'smoke-fails.sh' }, copyMs: 20 * 60_000 });
      expect(run.main.code).toBe(1);
      expect(errorLine(run.main.output)).toMatch(/^::error::FAIL user script smoke-fails\.sh/);
      expect(run.main.output).toMatch(/Smoke test failed: user script smoke-fails\.sh/);
      expect(run.main.output).toMatch(/Stopping the copies of ami-[0-9a-f]+: the run ends without promoting them/);
      // Both copies were begun, and both are gone with their snapshots.
      expect(copiesIn(standin, 'eu-central-1').length + copiesIn(standin, 'us-east-1').length).toBe(2);
      expect(liveCopies(standin)).toEqual([]);
      expect(copySnapshots(standin)).toEqual([]);
      const ops = standin.seen.map((x) => x.action);
      expect(ops).not.toContain('ModifyImageAttribute');
      expect(ops).not.toContain('PutParameter');
      expect(leftovers).toEqual([]);
    } finally {
      fs.rmSync(script, { force: true });
    }
  }, 180_000);

  it('fails before the build when the smoke test cannot make its key pair, and leaves nothing', async () => {
    const { run, standin, leftovers } = await release({ inputs: PROMOTION, faults: [{ action: 'ImportKeyPair', kind: 'deny', times: Infinity }] });
    expect(run.main.code).toBe(1);
    expect(errorLine(run.main.output)).toMatch(/Importing the run's SSH key as key pair eb-platform-smoke-\S+ failed: UnauthorizedOperation/);
    const ops = standin.seen.map((x) => x.action);
    expect(ops).not.toContain('PutObject');
    expect(ops).not.toContain('CreatePlatformVersion');
    expect(leftovers).toEqual([]);
  }, 180_000);

  it("refuses before the build an SSM parameter of the user's whose data type Systems Manager cannot change, and leaves nothing", async () => {
    const { run, standin, leftovers } = await release({
      inputs: PROMOTION,
      setup: (s) => void s.ssmIn('us-east-1').put({ name: '/platform/web/ami-id', value: 'ami-0123456789abcdef0' }),
    });
    expect(run.main.code).toBe(1);
    const errors = run.main.output.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error::ssm-parameter: the SSM parameter \/platform\/web\/ami-id in us-east-1 exists with data type text, and Systems Manager cannot change it to aws:ec2:image\. Delete it \(aws ssm delete-parameter --region us-east-1 --name \/platform\/web\/ami-id\)/,
      ),
    ]);
    expect(standin.seen.map((x) => x.action)).not.toContain('CreatePlatformVersion');
    expect(standin.seen.map((x) => x.action)).not.toContain('PutObject');
    expect(standin.ssmIn('us-east-1').parameter('/platform/web/ami-id')).toMatchObject({ dataType: 'text', version: 1 });
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('removes every copy with its snapshots when one copy fails midway, and writes no parameter', async () => {
    const { run, standin, leftovers } = await release({ inputs: PROMOTION, faults: [{ action: 'CopyImage', kind: 'fail-copy', skip: 1 }] });
    expect(run.main.code).toBe(1);
    expect(run.main.output).toMatch(/::error::Copying ami-[0-9a-f]+ failed \((eu-central-1|us-east-1)\): .*is failed: The KMS key/);
    expect(copiesIn(standin, 'eu-central-1').length + copiesIn(standin, 'us-east-1').length).toBe(2);
    expect(liveCopies(standin)).toEqual([]);
    expect(copySnapshots(standin)).toEqual([]);
    expect(standin.ssmIn(BUILD_REGION).value('/platform/web/ami-id')).toBeUndefined();
    // The image the build made stays: it passed its smoke test.
    expect(standin.ec2.images().find((i) => i.id === run.outputs['ami-id'])?.state).toBe('available');
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('prunes old versions, failed ones first, keeping what an environment or a launch template uses, and deprecates the rest', async () => {
    const arns: Record<string, string> = {};
    const older: Record<string, string> = {};
    const { run, standin, leftovers, now } = await release({
      inputs: { 'ami-regions': 'eu-central-1', 'ssm-parameter': '/platform/web/ami-id', 'keep-versions': '2', 'deprecate-previous-after-days': '30' },
      setup: (s) => {
        for (const [version, status] of [
          ['0.9.0', 'Ready'],
          ['0.9.1', 'Failed'],
          ['0.9.2', 'Ready'],
          ['0.9.3', 'Ready'],
          ['0.9.4', 'Ready'],
        ] as const)
          arns[version] = s.eb.addPlatform('web-platform', version, status);
        s.eb.addEnvironment('web-prod', arns['0.9.2']);
        // The platform's earlier copies in the other region, one named by a launch template, one through an SSM parameter.
        const central = s.ec2In('eu-central-1');
        for (const version of ['0.9.0', '0.9.2', '0.9.3', '0.9.4']) {
          older[version] = plainImage(s, 'eu-central-1', `web-platform-${version}`, { eb_platform_name: 'web-platform', eb_platform_version: version });
        }
        central.addLaunchTemplate('web-asg', [older['0.9.3']]);
        // In the build region, images whose platform versions are gone (DeletePlatformVersion is not
        // documented to deregister them): one nothing uses, one an old launch configuration names.
        older['0.8.0'] = plainImage(s, BUILD_REGION, 'web-platform-0.8.0', { eb_platform_name: 'web-platform', eb_platform_version: '0.8.0' });
        older['0.8.1'] = plainImage(s, BUILD_REGION, 'web-platform-0.8.1', { eb_platform_name: 'web-platform', eb_platform_version: '0.8.1' });
        s.autoScalingIn(BUILD_REGION).add('web-2019', older['0.8.1']);
        central.addLaunchTemplate('web-canary', ['resolve:ssm:/canary/ami-id']);
        s.ssmIn('eu-central-1').handlers.PutParameter({ Name: '/canary/ami-id', Value: older['0.9.2'], Type: 'String', DataType: 'text' });
      },
    });
    expect(errorLine(run.main.output)).toBe('');
    expect(run.main.code).toBe(0);
    expect(run.outputs['platform-version']).toBe('0.9.5');
    const status = (v: string) => standin.platforms().find((p) => p.arn === arns[v])?.status;
    for (const v of ['0.9.0', '0.9.1', '0.9.3']) expect(status(v)).toMatch(/^Delet(ing|ed)$/);
    expect(['0.9.2', '0.9.4'].map(status)).toEqual(['Ready', 'Ready']);
    // What stays and what goes is in the log, with the reason, before the first removal.
    const out = run.main.output;
    const listed = out.indexOf('Prune of the platform versions of web-platform:');
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(out.indexOf('Removed platform version'));
    expect(out).toMatch(/keep 0\.9\.2 \(arn:[^)]+\): used by environment web-prod/);
    expect(out).toMatch(/remove 0\.9\.1 \(arn:[^)]+\): failed/);
    expect(out).toMatch(/keep 0\.9\.5 \(arn:[^)]+\): this run's version/);
    expect(out.indexOf('remove 0.9.1')).toBeLessThan(out.indexOf('remove 0.9.0'));
    // In the copy region: the template's image and the one its SSM reference resolves to stay.
    const image = (v: string) =>
      standin
        .ec2In('eu-central-1')
        .images()
        .find((i) => i.id === older[v]);
    expect(image('0.9.0')?.state).toBe('deregistered');
    expect(out).toMatch(/keep 0\.9\.3 \(ami-[0-9a-f]+\): used by launch template lt-[0-9a-f]+/);
    const buildImage = (v: string) => standin.ec2.images().find((i) => i.id === older[v]);
    expect(out).toMatch(/remove 0\.8\.0 \(ami-[0-9a-f]+\): its platform version is gone and nothing uses it/);
    expect(out).toMatch(/keep 0\.8\.1 \(ami-[0-9a-f]+\): its platform version is gone, but launch configuration web-2019 uses it/);
    expect([buildImage('0.8.0')?.state, buildImage('0.8.1')?.state]).toEqual(['deregistered', 'available']);
    expect(out).toMatch(/keep 0\.9\.2 \(ami-[0-9a-f]+\): used by launch template web-canary/);
    expect(['0.9.2', '0.9.3', '0.9.4'].map((v) => image(v)?.state)).toEqual(['available', 'available', 'available']);
    // Deprecated 30 days ahead: what stays of the older images.
    const in30Days = now() + 30 * 86_400_000;
    for (const v of ['0.9.2', '0.9.3', '0.9.4']) expect(Math.abs(Date.parse(image(v)?.deprecationTime ?? '') - in30Days)).toBeLessThan(10 * 60_000);
    expect(run.summary).toMatch(/removed platform version 0\.9\.1 \(failed\)/);
    expect(leftovers).toEqual([]);
  }, 180_000);

  it("sweeps what a dead run of this repository left, and nothing of a live run's, another repository's or untagged", async () => {
    const now = Date.now();
    const made: Record<string, { instance: string; group: string; key: string }> = {};
    const ec2For = (s: Standin) =>
      new EC2Client({ region: BUILD_REGION, endpoint: s.url, credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET } });
    const runTags = (repository: string, runId: string, deadline: number): Tag[] => [
      { Key: 'eb-platform-action:managed-by', Value: 'eb-custom-platform-action' },
      { Key: 'eb-platform-action:repository', Value: repository },
      { Key: 'eb-platform-action:run-id', Value: runId },
      { Key: 'eb-platform-action:run-attempt', Value: '1' },
      { Key: 'eb-platform-action:run-url', Value: `https://github.com/${repository}/actions/runs/${runId}` },
      { Key: 'eb-platform-action:run-deadline', Value: new Date(deadline).toISOString() },
    ];
    const publicKey = execFileSync('bash', ['-c', 'd=$(mktemp -d); ssh-keygen -q -t ed25519 -N "" -f $d/k; cat $d/k.pub; rm -rf $d'], { encoding: 'utf8' });
    const { run, leftovers } = await release({
      setup: async (s) => {
        const image = plainImage(s, BUILD_REGION, 'base', {});
        const ec2 = ec2For(s);
        const owners: [string, Tag[]][] = [
          ['dead', runTags('acme/web-platform', '1111', now - 2 * 3_600_000)],
          ['live', runTags('acme/web-platform', '2222', now - 10 * 60_000)],
          ['other', runTags('acme/other', '3333', now - 5 * 3_600_000)],
          ['untagged', []],
        ];
        for (const [who, tags] of owners) {
          const spec = (ResourceType: 'instance' | 'security-group' | 'key-pair') => (tags.length ? [{ ResourceType, Tags: tags }] : undefined);
          const group = (
            await ec2.send(new CreateSecurityGroupCommand({ GroupName: `sg-${who}`, Description: who, TagSpecifications: spec('security-group') }))
          ).GroupId as string;
          await ec2.send(new ImportKeyPairCommand({ KeyName: `key-${who}`, PublicKeyMaterial: Buffer.from(publicKey), TagSpecifications: spec('key-pair') }));
          const instance = (
            await ec2.send(
              new RunInstancesCommand({
                ImageId: image,
                MinCount: 1,
                MaxCount: 1,
                SecurityGroupIds: [group],
                KeyName: `key-${who}`,
                TagSpecifications: spec('instance'),
              }),
            )
          ).Instances?.[0]?.InstanceId as string;
          made[who] = { instance, group, key: `key-${who}` };
        }
        ec2.destroy();
      },
      inspect: async (s) => {
        const state = (id: string) => s.instances().find((i) => i.id === id)?.state;
        expect(state(made.dead.instance)).toMatch(/terminated|shutting-down/);
        expect(s.leftovers()).not.toContain(expect.stringContaining(made.dead.group));
        expect(s.leftovers()).not.toContain('key pair key-dead');
        for (const who of ['live', 'other', 'untagged']) {
          expect(state(made[who].instance)).toBe('running');
          expect(s.leftovers()).toContain(`key pair key-${who}`);
          expect(s.leftovers()).toContain(`security group ${made[who].group} (sg-${who})`);
        }
        // What the test itself made goes, so that the count of leaks is the run's alone.
        const ec2 = ec2For(s);
        const others = ['live', 'other', 'untagged'].map((w) => made[w]);
        await ec2.send(new TerminateInstancesCommand({ InstanceIds: others.map((o) => o.instance) }));
        await new Promise((r) => setTimeout(r, 300));
        for (const o of others) {
          await ec2.send(new DeleteSecurityGroupCommand({ GroupId: o.group }));
          await ec2.send(new DeleteKeyPairCommand({ KeyName: o.key }));
        }
        ec2.destroy();
      },
    });
    expect(run.main.code).toBe(0);
    expect(run.main.output).toMatch(
      new RegExp(
        `Removing instance ${made.dead.instance} \\([a-z0-9-]+\\), left by https://github.com/acme/web-platform/actions/runs/1111 \\(its deadline was `,
      ),
    );
    expect(run.main.output).toMatch(new RegExp(`Removing security group ${made.dead.group} \\([a-z0-9-]+\\), left by`));
    expect(run.main.output).toMatch(/Removing key pair key-dead \([a-z0-9-]+\), left by/);
    expect(run.main.output).not.toMatch(/Removing [a-z ]+ \S+ \(\S+\), left by \S+(2222|3333)/);
    expect(run.summary).toMatch(/swept instance i-/);
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('takes on a builder environment a dead run left Ready with no build: the build reuses it and teardown ends it', async () => {
    const { run, standin, leftovers } = await release({ setup: (s) => s.eb.leaveBuilder() });
    expect(run.main.code).toBe(0);
    expect(run.main.output).toMatch(/Builder environment eb-custom-platform-builder-packer was left running with no build: this run's build reuses it/);
    // One builder: the one left behind built this version, and is gone.
    expect(standin.eb.environments()).toEqual([expect.objectContaining({ status: expect.stringMatching(/^Terminat(ing|ed)$/) })]);
    expect(run.main.output).not.toMatch(/Creating Packer builder environment/);
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('reuses a proven image when nothing changed, builds when the base image moves, and rolls back to the release before, which prune kept', async () => {
    const PARAMETER = '/platform/web/ami-id';
    const inputs = { 'skip-unchanged': 'true', 'ami-regions': 'eu-central-1', 'ssm-parameter': PARAMETER, 'keep-versions': '1' };
    const canonical = (s: Standin, date: string) =>
      standinImage(s, BUILD_REGION, {
        name: `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-${date}`,
        ownerId: CANONICAL,
        creationDate: `2026-${date.slice(4, 6)}-01T00:00:00.000Z`,
      }).id;
    // The fixture's platform, with a base image found as Canonical's images are: by name and owner, the newest.
    const filtered = platformFixture();
    fs.copyFileSync(path.join(fixture().dir, 'smoke.yaml'), path.join(filtered.dir, 'smoke.yaml'));
    const filter = {
      filters: { name: 'ubuntu/images/*/ubuntu-noble-24.04-amd64-server-*', 'virtualization-type': 'hvm' },
      owners: [CANONICAL],
      most_recent: true,
    };
    fs.writeFileSync(
      path.join(filtered.dir, 'custom_platform.json'),
      JSON.stringify({ builders: [{ type: 'amazon-ebs', region: '', source_ami_filter: filter }] }),
    );
    const runs: Record<string, ActionRun> = {};
    const calls: Record<string, string[]> = {};
    const parameter: Record<string, Record<string, string | undefined>> = {};
    const { run, leftovers } = await release({
      inputs,
      workspace: filtered.root,
      setup: (s) => void canonical(s, '20260101'),
      then: async (s, again, firstRun) => {
        const step = async (name: string, more: Record<string, string>) => {
          const from = s.seen.length;
          runs[name] = await again(more);
          calls[name] = s.seen.slice(from).map((x) => x.action);
          await Promise.all(['eu-central-1', BUILD_REGION].map((r) => s.ssmIn(r).settled()));
          parameter[name] = Object.fromEntries(['eu-central-1', BUILD_REGION].map((r) => [r, s.ssmIn(r).value(PARAMETER)]));
        };
        await step('unchanged', {});
        canonical(s, '20260201');
        // The first release's SBOM, as the documented artifact step hands it to the next run.
        fs.mkdirSync(path.join(filtered.root, 'previous-sbom'));
        fs.writeFileSync(path.join(filtered.root, 'previous-sbom', 'web-platform-1.0.0.cdx.json'), firstRun.sbom ?? '');
        await step('moved', { 'sbom-previous-path': 'previous-sbom' });
        await step('rollback', { mode: 'rollback' });
        await step('again', { mode: 'rollback' });
      },
    }).finally(() => filtered.cleanup());
    expect(errorLine(run.main.output)).toBe('');
    expect(run.outputs.reused).toBe('false');
    expect(run.main.output).toMatch(/Building: no image of web-platform has passed a smoke test yet\./);
    const first = JSON.parse(run.outputs['ami-ids']) as Record<string, string>;
    // The SBOM of what the smoke test's host holds (this machine's sshd stands for the instance).
    const bom = JSON.parse(run.sbom ?? '{}') as { components: { name: string }[] };
    expect(cycloneDxErrors(bom)).toEqual([]);
    expect(bom.components.map((c) => c.name)).toContain('openssh-server');
    expect(run.summary).toMatch(/\*\*SBOM\*\* \(CycloneDX 1\.5, the `sbom-path` output\): \d+ packages \(dpkg\)/);

    // Nothing changed: no build, no instance, no copy; the same outputs, the parameter left as it was.
    expect(errorLine(runs.unchanged.main.output)).toBe('');
    expect(runs.unchanged.outputs).toMatchObject({
      reused: 'true',
      'ami-id': run.outputs['ami-id'],
      'ami-ids': run.outputs['ami-ids'],
      'platform-version': '1.0.0',
      'platform-arn': run.outputs['platform-arn'],
    });
    const count = (name: string, action: string) => calls[name].filter((a) => a === action).length;
    process.stderr.write(
      `reuse: unchanged run ${count('unchanged', 'CreatePlatformVersion')} builds, ${count('unchanged', 'RunInstances')} instances, ${count('unchanged', 'CopyImage')} copies, outputs ${runs.unchanged.outputs['ami-ids'] === run.outputs['ami-ids'] ? 'the same' : 'DIFFERENT'}; ` +
        `base image moved: ${count('moved', 'CreatePlatformVersion')} build; rollback: ${count('rollback', 'PutParameter')} parameter writes, ${count('rollback', 'CreatePlatformVersion')} builds\n`,
    );
    expect(calls.unchanged.filter((a) => ['CreatePlatformVersion', 'RunInstances', 'CopyImage', 'ImportKeyPair', 'PutParameter'].includes(a))).toEqual([]);
    expect(runs.unchanged.main.output).toMatch(/Reusing: ami-\w+ \(web-platform 1\.0\.0\) was built from the same inputs and passed its smoke test 20\d\d-/);
    expect(runs.unchanged.summary).toMatch(/♻️ reused/);
    expect(parameter.unchanged).toEqual(first);

    // Canonical published a newer base image: the run builds 1.0.1, and says why; prune keeps 1.0.0, the rollback's target.
    expect(errorLine(runs.moved.main.output)).toBe('');
    expect(runs.moved.outputs).toMatchObject({ reused: 'false', 'platform-version': '1.0.1' });
    expect(runs.moved.main.output).toMatch(/Building: since ami-\w+ \(1\.0\.0\), the base image moved: ami-\w+ → ami-\w+\./);
    expect(runs.moved.main.output).toMatch(/keep 1\.0\.0 \(arn:[^)]+\): used by SSM parameter \/platform\/web\/ami-id's rollback target/);
    expect(runs.moved.main.output).toMatch(/keep 1\.0\.0 \(ami-\w+\): used by SSM parameter \/platform\/web\/ami-id's rollback target/);
    const moved = JSON.parse(runs.moved.outputs['ami-ids']) as Record<string, string>;
    expect(runs.moved.summary).toMatch(new RegExp(`Since ${run.outputs['ami-id']} \\(1\\.0\\.0\\): 0 changed, 0 added, 0 removed`));
    expect(parameter.moved).toEqual(moved);

    // The rollback points every region back at the first release; a second one has nowhere to go and changes nothing.
    expect(errorLine(runs.rollback.main.output)).toBe('');
    expect(runs.rollback.outputs).toMatchObject({ 'ami-ids': JSON.stringify(first), 'rolled-back-from': JSON.stringify(moved), 'platform-version': '1.0.0' });
    expect(parameter.rollback).toEqual(first);
    expect(runs.rollback.summary).toMatch(/↩️ rolled back/);
    expect(calls.rollback.filter((a) => ['CreatePlatformVersion', 'RunInstances', 'CopyImage', 'CreateStorageLocation'].includes(a))).toEqual([]);
    expect(runs.again.main.code).not.toBe(0);
    expect(errorLine(runs.again.main.output)).toMatch(/Nothing was changed: SSM parameter \/platform\/web\/ami-id in .*no earlier value to return to/);
    expect(parameter.again).toEqual(first);
    expect(leftovers).toEqual([]);
  }, 300_000);

  afterAllRuns('the README policy with its promotion block allows every call these runs made, and each promotion action is used', () => {
    const main = readPolicy();
    const promotion = readmePolicy('### For promotion and pruning');
    const seen = neededFor(seenActions());
    expect(seen.filter((op) => !main.has(op) && !promotion.has(op))).toEqual([]);
    expect([...promotion].filter((a) => !seen.includes(a))).toEqual([]);
    expect([...promotion].filter((a) => !codeSends(a))).toEqual([]);
    // The block holds only what the main policy lacks.
    expect([...promotion].filter((a) => main.has(a))).toEqual([]);
  });
});
