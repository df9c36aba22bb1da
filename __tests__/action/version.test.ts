import { mockClient } from 'aws-sdk-client-mock';
import { ElasticBeanstalkClient, ListPlatformVersionsCommand, PlatformStatus, PlatformSummary } from '@aws-sdk/client-elastic-beanstalk';
import { listOwnVersions, nextPatch, resolveVersion } from '../../src/build/elastic-beanstalk/version';

const arn = (name: string, v: string) => `arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/${name}/${v}`;
const summary = (v: string, status = 'Ready', name = 'web'): PlatformSummary => ({
  PlatformArn: arn(name, v),
  PlatformVersion: v,
  PlatformStatus: status as PlatformStatus,
  PlatformOwner: '123456789012',
});

describe('version resolution', () => {
  const eb = mockClient(ElasticBeanstalkClient);
  beforeEach(() => eb.reset());

  it('walks every page of the listing and takes the next patch after the newest', async () => {
    eb.on(ListPlatformVersionsCommand)
      .resolvesOnce({ PlatformSummaryList: [summary('1.0.9'), summary('1.0.10')], NextToken: 'p2' })
      .resolvesOnce({ PlatformSummaryList: [summary('1.2.0', 'Failed')], NextToken: 'p3' })
      .resolvesOnce({ PlatformSummaryList: [summary('1.1.7')] });
    const out = await resolveVersion(new ElasticBeanstalkClient({ region: 'eu-west-1' }), 'web', { kind: 'auto' });
    // 1.2.0 failed, and still counts: the EB CLI never reuses a failed number.
    expect(out.version).toBe('1.2.1');
    const calls = eb.commandCalls(ListPlatformVersionsCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.NextToken)).toEqual([undefined, 'p2', 'p3']);
    expect(calls[0].Filters).toEqual([
      { Type: 'PlatformOwner', Operator: '=', Values: ['self'] },
      { Type: 'PlatformName', Operator: '=', Values: ['web'] },
    ]);
  });

  it('compares versions as numbers, not strings', () => {
    expect(nextPatch([summary('1.0.9'), summary('1.0.10'), summary('1.0.2')])).toBe('1.0.11');
    expect(nextPatch([summary('2.0.0'), summary('10.0.0')])).toBe('10.0.1');
  });

  it('starts at 1.0.0', async () => {
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [] });
    expect((await resolveVersion(new ElasticBeanstalkClient({ region: 'eu-west-1' }), 'web', { kind: 'auto' })).version).toBe('1.0.0');
  });

  it('ignores versions of other names that a loose filter lets through', async () => {
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [summary('3.0.0', 'Ready', 'web-old'), summary('1.0.0')] });
    const list = await listOwnVersions(new ElasticBeanstalkClient({ region: 'eu-west-1' }), 'web');
    expect(list.map((s) => s.PlatformVersion)).toEqual(['1.0.0']);
  });

  it('refuses an explicit version that exists, naming it and suggesting the next', async () => {
    eb.on(ListPlatformVersionsCommand)
      .resolvesOnce({ PlatformSummaryList: [summary('1.4.1')], NextToken: 'more' })
      .resolvesOnce({ PlatformSummaryList: [summary('1.4.2', 'Failed')] });
    await expect(resolveVersion(new ElasticBeanstalkClient({ region: 'eu-west-1' }), 'web', { kind: 'explicit', version: '1.4.2' })).rejects.toThrow(
      /Platform version web\/1\.4\.2 already exists \(status Failed.*'auto' for 1\.4\.3/,
    );
  });

  it('allows an explicit version whose old namesake was deleted', async () => {
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [summary('1.4.2', 'Deleted')] });
    await expect(resolveVersion(new ElasticBeanstalkClient({ region: 'eu-west-1' }), 'web', { kind: 'explicit', version: '1.4.2' })).resolves.toEqual({
      version: '1.4.2',
      reason: 'given',
    });
  });

  it('stops on a listing that repeats its page token', async () => {
    eb.on(ListPlatformVersionsCommand).resolves({ PlatformSummaryList: [summary('1.0.0')], NextToken: 'same' });
    await expect(listOwnVersions(new ElasticBeanstalkClient({ region: 'eu-west-1' }), 'web')).rejects.toThrow(/same NextToken twice/);
  });
});
