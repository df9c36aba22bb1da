import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateSecurityGroupCommand, EC2Client, ImportKeyPairCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { post } from '../../src/action/post';
import type { Resource } from '../../src/resources/ledger';
import { DEFAULT_VPC as vpcId } from '../../test/aws-standin/ec2';
import { BUILDER_NAME } from '../../test/aws-standin/elastic-beanstalk';
import { startStandin, Standin } from '../../test/aws-standin/server';
import { STANDIN_CREDENTIALS, standinClients } from '../helpers/standin-clients';
import { standinImage } from '../helpers/standin-images';
import { virtualClock } from '../helpers/virtual-clock';

const builder: Resource = { kind: 'builder-environment', region: 'eu-west-1', environmentName: BUILDER_NAME, platformArn: 'arn:p' };

let standin: Standin;
/** The action's and the stand-in's time: the teardown's waits pass at once. */
let clock: ReturnType<typeof virtualClock>;

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
    process.env.AWS_ACCESS_KEY_ID = STANDIN_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = STANDIN_CREDENTIALS.secretAccessKey;
    process.env.AWS_ENDPOINT_URL = standin.url;
    await post(clock);
    return { text: out.join(''), exitCode: process.exitCode, state: fs.readFileSync(process.env.GITHUB_STATE, 'utf8') };
  } finally {
    write.mockRestore();
    process.exitCode = undefined;
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('post step', () => {
  beforeEach(async () => {
    clock = virtualClock();
    standin = await startStandin({ clock });
  });
  afterEach(async () => {
    await standin.stop();
  });
  const builderStatus = () => standin.eb.environments().find((e) => e.name === BUILDER_NAME)?.status;
  const calls = (action: string) => standin.seen.filter((s) => s.action === action).length;

  it('does nothing when the main step left nothing', async () => {
    const r = await runPost(undefined);
    expect(r.text).toContain('Nothing left to tear down.');
    expect(standin.seen).toHaveLength(0);
  });

  it('finishes a run that died after recording the builder', async () => {
    standin.eb.leaveBuilder();
    const r = await runPost(JSON.stringify([builder]));
    expect(builderStatus()).toMatch(/^Terminat/);
    expect(standin.leftovers()).toEqual([]);
    expect(r.exitCode).toBeUndefined();
    expect(r.text).toContain(`builder environment ${BUILDER_NAME}`);
    // The emptied ledger is saved, so a second post step would have nothing to do.
    expect(r.state).toMatch(/ledger<<.*\n\[\]\n/);
  });

  it('is idempotent: a builder already gone is success', async () => {
    const r = await runPost(JSON.stringify([builder]));
    expect(r.exitCode).toBeUndefined();
    expect(calls('TerminateEnvironment')).toBe(0);
  });

  it('honours keep-builder', async () => {
    standin.eb.leaveBuilder();
    await runPost(JSON.stringify([builder]), { 'keep-builder': 'true' });
    expect(builderStatus()).toBe('Ready');
  });

  it('fails, naming what is left, when teardown cannot finish', async () => {
    standin.eb.leaveBuilder();
    standin.addFault({ action: 'TerminateEnvironment', kind: 'deny-downstream', times: Infinity });
    const r = await runPost(JSON.stringify([builder]));
    expect(r.exitCode).toBe(1);
    expect(r.text).toMatch(new RegExp(`Could not remove: builder environment ${BUILDER_NAME}`));
    expect(builderStatus()).toBe('Ready');
  });

  it('survives a corrupt saved state', async () => {
    const r = await runPost('{oops');
    expect(r.text).toMatch(/saved ledger is unreadable/);
    expect(r.text).toContain('Nothing left to tear down.');
  });

  describe('finishing a run that died at each point', () => {
    const region = 'eu-west-1';
    const key: Resource = { kind: 'key-pair', region, keyName: 'eb-platform-smoke-9-1-abc' };
    const group: Resource = { kind: 'security-group', region, groupName: 'eb-platform-smoke-9-1-abc', vpcId };
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
        // What the dead run had created by then, made over the wire as the run made it.
        standin.eb.leaveBuilder();
        const clients = standinClients(standin, region);
        const ec2 = clients.get(EC2Client);
        const ledger = recorded({ groupId: 'sg-unknown', instanceId: 'i-unknown' });
        let groupId = 'sg-unknown';
        let instanceId = 'i-unknown';
        try {
          if (ledger.some((r) => r.kind === 'key-pair'))
            await ec2.send(
              new ImportKeyPairCommand({ KeyName: key.keyName, PublicKeyMaterial: Buffer.from('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPost post') }),
            );
          if (ledger.some((r) => r.kind === 'security-group'))
            groupId = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: group.groupName, Description: 'x', VpcId: vpcId }))).GroupId!;
          if (ledger.some((r) => r.kind === 'instance')) {
            const image = standinImage(standin, region, { name: 'web-platform' }).id;
            instanceId = (
              await ec2.send(
                new RunInstancesCommand({
                  ImageId: image,
                  InstanceType: 't3.micro',
                  MinCount: 1,
                  MaxCount: 1,
                  ClientToken: 'token-9',
                  SecurityGroupIds: [groupId],
                }),
              )
            ).Instances![0].InstanceId!;
          }
        } finally {
          clients.destroy();
        }
        const r = await runPost(JSON.stringify(recorded({ groupId, instanceId })));
        expect(r.text).not.toMatch(/::error::/);
        expect(r.exitCode).toBeUndefined();
        expect(standin.leftovers()).toEqual([]);
        expect(builderStatus()).toMatch(/^Terminat/);
        expect(r.state).toMatch(/ledger<<.*\n\[\]\n/);
      },
      60_000,
    );
  });
});
