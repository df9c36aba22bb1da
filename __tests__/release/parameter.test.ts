/**
 * The SSM parameters a promotion writes, against the stand-in over the wire:
 * Systems Manager refuses to change a parameter's data type to or from
 * aws:ec2:image, so a parameter of the user's own is checked before the build;
 * an advanced parameter keeps its tier; the name limit counts the ARN.
 */
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { parseInputs } from '../../src/inputs';
import { checkParameters, writeParameter } from '../../src/release/parameter';
import { standinPerTest } from '../helpers/standin-images';
import { platformFixture } from '../helpers/platform-fixture';

describe('SSM parameters the release writes', () => {
  const each = standinPerTest();
  const ssm = (region: string) => each.clientsFor(region).get(SSMClient);

  it('are refused by the stand-in as by Systems Manager when their data type would change, either way', async () => {
    each.standin().ssmIn('eu-west-1').put({ name: '/platform/web/ami-id', value: 'ami-0123456789abcdef0' });
    await expect(
      ssm('eu-west-1').send(
        new PutParameterCommand({ Name: '/platform/web/ami-id', Value: 'ami-0123456789abcdef0', Type: 'String', DataType: 'aws:ec2:image', Overwrite: true }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    each.standin().ssmIn('eu-west-1').put({ name: '/platform/web/image', value: 'ami-0123456789abcdef0', dataType: 'aws:ec2:image' });
    await expect(
      ssm('eu-west-1').send(new PutParameterCommand({ Name: '/platform/web/image', Value: 'arn:x', Type: 'String', DataType: 'text', Overwrite: true })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('are checked before the build in every region the image goes to: a text parameter fails naming the input, the region and the fix', async () => {
    each.standin().ssmIn('us-east-1').put({ name: '/platform/web/ami-id', value: 'ami-0123456789abcdef0' });
    const wanted = [{ input: 'ssm-parameter', name: '/platform/web/ami-id', dataType: 'aws:ec2:image' as const, regions: ['eu-west-1', 'us-east-1'] }];
    const error = await checkParameters(ssm, wanted).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^ssm-parameter: the SSM parameter \/platform\/web\/ami-id in us-east-1 exists with data type text, and Systems Manager cannot change it to aws:ec2:image\. Delete it \(aws ssm delete-parameter --region us-east-1 --name \/platform\/web\/ami-id\)/,
    );
    expect((error as Error).message).not.toMatch(/eu-west-1/);
  });

  it('pass the check when absent or of the right data type, and warn of another type', async () => {
    each.standin().ssmIn('eu-west-1').put({ name: '/platform/web/ami-id', value: 'ami-0123456789abcdef0', dataType: 'aws:ec2:image' });
    each.standin().ssmIn('eu-west-1').put({ name: '/platform/web/arn', value: 'a,b', type: 'StringList' });
    const warnings = await checkParameters(ssm, [
      { input: 'ssm-parameter', name: '/platform/web/ami-id', dataType: 'aws:ec2:image', regions: ['eu-west-1', 'eu-central-1'] },
      { input: 'ssm-parameter-platform-arn', name: '/platform/web/arn', dataType: 'text', regions: ['eu-west-1'] },
    ]);
    expect(warnings).toEqual([
      'ssm-parameter-platform-arn: the SSM parameter /platform/web/arn in eu-west-1 is a StringList; the action overwrites it with a String.',
    ]);
  });

  it('warn, and do not fail, when the look is denied', async () => {
    each.standin().addFault({ action: 'DescribeParameters', kind: 'deny', times: Infinity });
    const warnings = await checkParameters(ssm, [{ input: 'ssm-parameter', name: '/p', dataType: 'aws:ec2:image', regions: ['eu-west-1'] }]);
    expect(warnings).toEqual([expect.stringMatching(/^Could not check the SSM parameter \/p in eu-west-1 .*ssm:DescribeParameters/)]);
  });

  it('keep an advanced parameter advanced when overwritten', async () => {
    const image = each.standin().ec2In('eu-west-1').images()[0]?.id;
    each.standin().ssmIn('eu-west-1').put({ name: '/platform/web/ami-id', value: 'ami-0123456789abcdef0', dataType: 'aws:ec2:image', tier: 'Advanced' });
    await writeParameter(ssm('eu-west-1'), '/platform/web/ami-id', image ?? 'ami-0123456789abcdef1', 'aws:ec2:image', 'released: web 1.0.0');
    await each.standin().ssmIn('eu-west-1').settled();
    expect(each.standin().ssmIn('eu-west-1').parameter('/platform/web/ami-id')?.tier).toBe('Advanced');
  });
});

describe('an SSM parameter name', () => {
  it('counts its ARN against the 1011-character limit, in the longest region it is written to', () => {
    const fixture = platformFixture();
    try {
      const name = `/${'a'.repeat(965)}`;
      const get = (over: Record<string, string>) => (n: string) =>
        ({ 'platform-name': 'web', 'platform-dir': 'platform', 'ssm-parameter': name, 'smoke-test': 'true', ...over })[n] ?? '';
      const env = { GITHUB_WORKSPACE: fixture.root, AWS_REGION: 'eu-west-1' };
      // 'arn:aws:ssm:eu-west-1:123456789012:parameter' is 44 characters: 44 + 966 fits; ap-southeast-2's is 49.
      expect(() => parseInputs(get({}), env)).not.toThrow();
      expect(() => parseInputs(get({ 'ami-regions': 'ap-southeast-2' }), env)).toThrow(
        /^Input 'ssm-parameter': '\/a+…' makes an ARN of 1015 characters: .*at most 1011$/,
      );
    } finally {
      fixture.cleanup();
    }
  });
});
