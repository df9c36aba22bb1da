import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
  ListPlatformVersionsCommand,
  TerminateEnvironmentCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import { post } from '../../src/action/post';
import type { Resource } from '../../src/resources/ledger';
import { EC2Client, ImportKeyPairCommand, CreateSecurityGroupCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { ec2Model } from '../helpers/ec2-model';

const builder: Resource = { kind: 'builder-environment', region: 'eu-west-1', environmentName: 'eb-custom-platform-builder-packer', platformArn: 'arn:p' };

/** Runs the post step as the runner would: state and inputs in the environment, output captured. */
async function runPost(state: string | undefined, inputs: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'post-'));
  const saved = { ...process.env };
  const out: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  try {
    if (state !== undefined) process.env.STATE_ledger = state;
    else delete process.env.STATE_ledger;
    for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
    process.env.GITHUB_STATE = path.join(dir, 'state');
    fs.writeFileSync(process.env.GITHUB_STATE, '');
    process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    await post();
    return { text: out.join(''), exitCode: process.exitCode, state: fs.readFileSync(process.env.GITHUB_STATE, 'utf8') };
  } finally {
    write.mockRestore();
    process.exitCode = undefined;
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('post step', () => {
  const eb = mockClient(ElasticBeanstalkClient);
  let status: string;
  beforeEach(() => {
    eb.reset();
    status = 'Ready';
    eb.on(DescribeEnvironmentsCommand).callsFake(() => ({ Environments: status === 'gone' ? [] : [{ EnvironmentId: 'e-1', Status: status }] }));
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [] });
    eb.on(TerminateEnvironmentCommand).callsFake(() => ((status = 'Terminating'), {}));
  });

  it('does nothing when the main step left nothing', async () => {
    const r = await runPost(undefined);
    expect(r.text).toContain('Nothing left to tear down.');
    expect(eb.calls()).toHaveLength(0);
  });

  it('finishes a run that died after recording the builder', async () => {
    const r = await runPost(JSON.stringify([builder]));
    expect(status).toBe('Terminating');
    expect(r.exitCode).toBeUndefined();
    expect(r.text).toContain('builder environment eb-custom-platform-builder-packer');
    // The emptied ledger is saved, so a second post step would have nothing to do.
    expect(r.state).toMatch(/ledger<<.*\n\[\]\n/);
  });

  it('is idempotent: a builder already gone is success', async () => {
    status = 'gone';
    const r = await runPost(JSON.stringify([builder]));
    expect(r.exitCode).toBeUndefined();
    expect(eb.commandCalls(TerminateEnvironmentCommand)).toHaveLength(0);
  });

  it('honours keep-builder', async () => {
    await runPost(JSON.stringify([builder]), { 'keep-builder': 'true' });
    expect(status).toBe('Ready');
  });

  it('fails, naming what is left, when teardown cannot finish', async () => {
    eb.on(TerminateEnvironmentCommand).rejects(Object.assign(new Error('not authorized'), { name: 'InsufficientPrivilegesException' }));
    const r = await runPost(JSON.stringify([builder]));
    expect(r.exitCode).toBe(1);
    expect(r.text).toMatch(/Could not remove: builder environment eb-custom-platform-builder-packer/);
  });

  it('survives a corrupt saved state', async () => {
    const r = await runPost('{oops');
    expect(r.text).toMatch(/saved ledger is unreadable/);
    expect(r.text).toContain('Nothing left to tear down.');
  });

  describe('finishing a run that died at each point', () => {
    const region = 'eu-west-1';
    const key: Resource = { kind: 'key-pair', region, keyName: 'eb-platform-smoke-9-1-abc' };
    const group: Resource = { kind: 'security-group', region, groupName: 'eb-platform-smoke-9-1-abc', vpcId: 'vpc-0default0' };
    const instance: Resource = { kind: 'instance', region, clientToken: 'token-9' };
    const points: [string, (ids: { groupId: string; instanceId: string }) => Resource[]][] = [
      ['while creating the platform version', () => [builder]],
      ['while waiting for the build', () => [{ ...builder, platformArn: 'arn:aws:elasticbeanstalk:eu-west-1:1:platform/web/1.0.0' }]],
      ['right after importing the key pair', () => [builder, key]],
      ['while creating the security group (only its name known)', () => [builder, key, group]],
      ['while launching (only the client token known)', ({ groupId }) => [builder, key, { ...group, groupId }, instance]],
      ['during the SSH checks', ({ groupId, instanceId }) => [builder, key, { ...group, groupId }, { ...instance, instanceId }]],
    ];

    it.each(points)(
      '%s',
      async (_point, recorded) => {
        const model = ec2Model();
        try {
          // What the dead run had created in EC2 by then.
          const ec2 = new EC2Client({ region });
          const ledger = recorded({ groupId: 'sg-unknown', instanceId: 'i-unknown' });
          let groupId = 'sg-unknown';
          let instanceId = 'i-unknown';
          if (ledger.some((r) => r.kind === 'key-pair'))
            await ec2.send(new ImportKeyPairCommand({ KeyName: key.keyName, PublicKeyMaterial: Buffer.from('k') } as never));
          if (ledger.some((r) => r.kind === 'security-group'))
            groupId = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: group.groupName, Description: 'x', VpcId: 'vpc-0default0' }))).GroupId!;
          if (ledger.some((r) => r.kind === 'instance'))
            instanceId = (
              await ec2.send(new RunInstancesCommand({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1, ClientToken: 'token-9', SecurityGroupIds: [groupId] }))
            ).Instances![0].InstanceId!;
          const r = await runPost(JSON.stringify(recorded({ groupId, instanceId })));
          expect(r.exitCode).toBeUndefined();
          expect(model.leftovers()).toEqual([]);
          expect(status).toBe('Terminating');
          expect(r.state).toMatch(/ledger<<.*\n\[\]\n/);
        } finally {
          model.restore();
        }
      },
      60_000,
    );
  });
});
