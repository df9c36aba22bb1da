/**
 * A rollback, read from the SSM parameters' own history: the value to return
 * to, a second rollback going one release further back, every target checked
 * before anything moves, and the stand-in's history kept as Parameter Store
 * keeps it (the newest 100 versions, 50 a page).
 */
import { DeregisterImageCommand, EC2Client, EnableImageDeprecationCommand } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { memoryLog } from '../../src/lib/log';
import { realClock } from '../../src/lib/clock';
import { parameterHistory, ParameterVersion, releasedDescription, rollbackTarget, rolledBackDescription } from '../../src/release/history';
import { IMAGE_TAG } from '../../src/release/image-tags';
import { writeParameter } from '../../src/release/parameter';
import { rollback } from '../../src/release/rollback';
import { standinImage, standinPerTest } from '../helpers/standin-images';

const NAME = '/platform/web/ami-id';
const released = (version: number, value: string): ParameterVersion => ({ version, value, description: releasedDescription(`web 1.0.${version}`) });
const rolledBack = (version: number, value: string, from: string): ParameterVersion => ({ version, value, description: rolledBackDescription(from) });

describe('the value a rollback returns to', () => {
  it('is the release before the current one', () => {
    expect(rollbackTarget([released(1, 'ami-a'), released(2, 'ami-b')])).toMatchObject({ current: { value: 'ami-b' }, target: { value: 'ami-a', version: 1 } });
  });

  it('goes one release further back on a second rollback, never forward to the value a rollback left', () => {
    const history = [released(1, 'ami-a'), released(2, 'ami-b'), released(3, 'ami-c'), rolledBack(4, 'ami-b', 'ami-c')];
    expect(rollbackTarget(history).target).toMatchObject({ value: 'ami-a', version: 1 });
    const after = [...history, rolledBack(5, 'ami-a', 'ami-b')];
    const none = rollbackTarget(after);
    expect(none.target).toBeUndefined();
    expect(none.none).toMatch(/holds ami-a \(version 5\) and no earlier value to return to \(earlier rollbacks left ami-c, ami-b\)/);
  });

  it('takes a value a rollback left once a later release writes it again', () => {
    const history = [released(1, 'ami-a'), released(2, 'ami-b'), rolledBack(3, 'ami-a', 'ami-b'), released(4, 'ami-b'), released(5, 'ami-c')];
    expect(rollbackTarget(history).target).toMatchObject({ value: 'ami-b', version: 4 });
  });

  it('is none for a parameter that has only ever held one value, or a value written again', () => {
    expect(rollbackTarget([released(1, 'ami-a')]).none).toMatch(/only ever held this one/);
    expect(rollbackTarget([released(1, 'ami-a'), released(2, 'ami-a')]).target).toBeUndefined();
    expect(rollbackTarget([]).none).toMatch(/no versions/);
  });

  it('reads a version without a description (written by hand, or before descriptions) as a release', () => {
    expect(rollbackTarget([{ version: 1, value: 'ami-a' }, released(2, 'ami-b')]).target?.value).toBe('ami-a');
  });
});

describe('a rollback against the stand-in', () => {
  const each = standinPerTest();
  const ssm = (region: string) => each.clientsFor(region).get(SSMClient);
  const ec2 = (region: string) => each.clientsFor(region).get(EC2Client);
  const REGIONS = ['eu-west-1', 'eu-central-1'];

  /** Two releases of web, 1.0.0 then 1.0.1, each an image per region and the parameter written there as a release writes it. */
  async function twoReleases(): Promise<{ first: Record<string, string>; second: Record<string, string> }> {
    const first: Record<string, string> = {};
    const second: Record<string, string> = {};
    for (const region of REGIONS) {
      first[region] = standinImage(each.standin(), region, { name: 'web-1.0.0', tags: { eb_platform_name: 'web', eb_platform_version: '1.0.0' } }).id;
      second[region] = standinImage(each.standin(), region, { name: 'web-1.0.1', tags: { eb_platform_name: 'web', eb_platform_version: '1.0.1' } }).id;
      await writeParameter(ssm(region), NAME, first[region], 'aws:ec2:image', releasedDescription('web 1.0.0'));
      await each.standin().ssmIn(region).settled();
      await writeParameter(ssm(region), NAME, second[region], 'aws:ec2:image', releasedDescription('web 1.0.1'));
      await each.standin().ssmIn(region).settled();
    }
    return { first, second };
  }

  const ctx = (log = memoryLog()) => ({
    clientsFor: each.clientsFor,
    log,
    clock: realClock,
    runTags: {},
    region: 'eu-west-1',
    regions: ['eu-central-1'],
    imageParameter: NAME,
  });

  it('points the parameter in every region back at the first release, says what moved, and marks the images left', async () => {
    const { first, second } = await twoReleases();
    const log = memoryLog();
    const result = await rollback(ctx(log));
    expect(result).toMatchObject({ amiIds: first, from: second, version: '1.0.0' });
    for (const region of REGIONS) {
      expect(each.standin().ssmIn(region).value(NAME)).toBe(first[region]);
      const image = each
        .standin()
        .ec2In(region)
        .images()
        .find((i) => i.id === second[region]);
      expect(image?.tags[IMAGE_TAG.rolledBack]).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(log.text()).toMatch(
      new RegExp(
        `SSM parameter ${NAME} in eu-central-1: ${second['eu-central-1']} \\(version 2\\) → ${first['eu-central-1']} \\(version 1, platform version 1\\.0\\.0\\)`,
      ),
    );
    // The rollback's own version says what it left: a second rollback has nowhere to go, and changes nothing.
    expect((await parameterHistory(ssm('eu-west-1'), NAME))?.at(-1)?.description).toBe(`rolled back from ${second['eu-west-1']}`);
    await expect(rollback(ctx())).rejects.toThrow(
      /^Nothing was changed: SSM parameter \/platform\/web\/ami-id in eu-west-1: it holds ami-\w+ \(version 3\) and no earlier value to return to \(earlier rollbacks left ami-\w+\)/,
    );
    expect(each.standin().ssmIn('eu-west-1').parameter(NAME)?.version).toBe(3);
  });

  it('changes nothing in any region when one target is gone or deprecated, and names each', async () => {
    const { first, second } = await twoReleases();
    await ec2('eu-central-1').send(new DeregisterImageCommand({ ImageId: first['eu-central-1'] }));
    await ec2('eu-west-1').send(new EnableImageDeprecationCommand({ ImageId: first['eu-west-1'], DeprecateAt: new Date(Date.now() + 60_000) }));
    const error = await rollback({ ...ctx(), clock: { ...realClock, now: () => Date.now() + 120_000 } }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Nothing was changed: /);
    expect((error as Error).message).toMatch(new RegExp(`in eu-west-1 would go back to ${first['eu-west-1']} \\(version 1\\), which is deprecated since`));
    expect((error as Error).message).toMatch(new RegExp(`in eu-central-1 would go back to ${first['eu-central-1']} \\(version 1\\), which is deregistered`));
    for (const region of REGIONS) expect(each.standin().ssmIn(region).value(NAME)).toBe(second[region]);
  });

  it("rolls the platform ARN's parameter back to a platform version that is Ready, and refuses one that is not", async () => {
    const ARN_NAME = '/platform/web/platform-arn';
    const eb = each.standin().eb;
    const [first, second] = ['1.0.0', '1.0.1'].map((v) => eb.addPlatform('web', v, 'Ready'));
    for (const arn of [first, second]) await writeParameter(ssm('eu-west-1'), ARN_NAME, arn, 'text', releasedDescription(arn));
    const result = await rollback({ ...ctx(), regions: [], imageParameter: undefined, platformArnParameter: ARN_NAME });
    expect(result).toMatchObject({ platformArn: first, version: '1.0.0', amiIds: {} });
    expect(each.standin().ssmIn('eu-west-1').value(ARN_NAME)).toBe(first);

    const third = eb.addPlatform('web', '1.0.2', 'Failed');
    await writeParameter(ssm('eu-west-1'), ARN_NAME, second, 'text', releasedDescription(second));
    await writeParameter(ssm('eu-west-1'), ARN_NAME, third, 'text', releasedDescription(third));
    // 1.0.1 released again, then 1.0.2: the rollback returns to 1.0.1, Ready.
    await rollback({ ...ctx(), regions: [], imageParameter: undefined, platformArnParameter: ARN_NAME });
    expect(each.standin().ssmIn('eu-west-1').value(ARN_NAME)).toBe(second);
    // 1.0.2 released, then 1.0.1: the target would be 1.0.2, which failed.
    await writeParameter(ssm('eu-west-1'), ARN_NAME, third, 'text', releasedDescription(third));
    await writeParameter(ssm('eu-west-1'), ARN_NAME, second, 'text', releasedDescription(second));
    await expect(rollback({ ...ctx(), regions: [], imageParameter: undefined, platformArnParameter: ARN_NAME })).rejects.toThrow(
      new RegExp(`^Nothing was changed: SSM parameter ${ARN_NAME} in eu-west-1 would go back to ${third.replace(/[/.]/g, '\\$&')}, which is Failed`),
    );
  });

  it('is refused for a region where the parameter was never written', async () => {
    await expect(rollback({ ...ctx(), regions: ['us-east-1'] })).rejects.toThrow(/SSM parameter \/platform\/web\/ami-id does not exist in eu-west-1/);
  });

  it('reads every kept version across pages: the newest 100, as Parameter Store keeps them', async () => {
    for (let v = 1; v <= 120; v++) {
      await writeParameter(ssm('eu-west-1'), '/platform/web/note', `value ${v}`, 'text', releasedDescription(`web 1.0.${v}`));
    }
    const history = await parameterHistory(ssm('eu-west-1'), '/platform/web/note');
    expect(history).toHaveLength(100);
    expect(history?.[0]).toMatchObject({ version: 21, value: 'value 21' });
    expect(history?.at(-1)).toMatchObject({ version: 120, description: 'released: web 1.0.120' });
    expect(await parameterHistory(ssm('eu-west-1'), '/platform/web/none')).toBeUndefined();
  });
});
