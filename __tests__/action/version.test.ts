/**
 * Version resolution against the stand-in over the wire: the listing's pages,
 * its filters, and the answers AWS might give that the stand-in does not by
 * itself, asked for through its `answer` fault.
 */
import { ElasticBeanstalkClient, PlatformStatus, PlatformSummary } from '@aws-sdk/client-elastic-beanstalk';
import { listOwnVersions, nextPatch, resolveVersion } from '../../src/builders/elastic-beanstalk/version';
import { startStandin, Standin } from '../../test/aws-standin/server';
import { standinClients } from '../helpers/standin-clients';

const arn = (name: string, v: string) => `arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/${name}/${v}`;
const summary = (v: string, status = 'Ready', name = 'web'): PlatformSummary => ({
  PlatformArn: arn(name, v),
  PlatformVersion: v,
  PlatformStatus: status as PlatformStatus,
  PlatformOwner: '123456789012',
});

describe('version resolution', () => {
  let standin: Standin;
  let clients: ReturnType<typeof standinClients>;
  let eb: ElasticBeanstalkClient;
  beforeEach(async () => {
    standin = await startStandin({ pageSize: 2 });
    clients = standinClients(standin, 'eu-west-1');
    eb = clients.get(ElasticBeanstalkClient);
  });
  afterEach(async () => {
    clients.destroy();
    await standin.stop();
  });
  const listings = () => standin.seen.filter((s) => s.action === 'ListPlatformVersions').map((s) => s.params);

  it('walks every page of the listing and takes the next patch after the newest', async () => {
    standin.eb.addPlatform('web', '1.0.9', 'Ready');
    standin.eb.addPlatform('web', '1.0.10', 'Ready');
    standin.eb.addPlatform('web', '1.2.0', 'Failed');
    standin.eb.addPlatform('web', '1.1.7', 'Ready');
    standin.eb.addPlatform('web', '1.1.8', 'Ready');
    const out = await resolveVersion(eb, 'web', { kind: 'auto' });
    // 1.2.0 failed, and still counts: the EB CLI never reuses a failed number.
    expect(out.version).toBe('1.2.1');
    const pages = listings();
    expect(pages.map((p) => p.get('NextToken'))).toEqual([null, '2', '4']);
    expect(Object.fromEntries([...pages[0]].filter(([k]) => k.startsWith('Filters.')))).toEqual({
      'Filters.member.1.Type': 'PlatformOwner',
      'Filters.member.1.Operator': '=',
      'Filters.member.1.Values.member.1': 'self',
      'Filters.member.2.Type': 'PlatformName',
      'Filters.member.2.Operator': '=',
      'Filters.member.2.Values.member.1': 'web',
    });
  });

  it('compares versions as numbers, not strings', () => {
    expect(nextPatch([summary('1.0.9'), summary('1.0.10'), summary('1.0.2')])).toBe('1.0.11');
    expect(nextPatch([summary('2.0.0'), summary('10.0.0')])).toBe('10.0.1');
  });

  it('starts at 1.0.0', async () => {
    standin.eb.addPlatform('other', '4.0.0', 'Ready');
    expect((await resolveVersion(eb, 'web', { kind: 'auto' })).version).toBe('1.0.0');
  });

  it('ignores versions of other names that a loose filter lets through', async () => {
    // Whether the service's name filter is exact is not documented: a listing holding web-old too is taken apart here.
    standin.addFault({
      action: 'ListPlatformVersions',
      kind: 'answer',
      answer: { PlatformSummaryList: [summary('3.0.0', 'Ready', 'web-old'), summary('1.0.0')] },
    });
    const list = await listOwnVersions(eb, 'web');
    expect(list.map((s) => s.PlatformVersion)).toEqual(['1.0.0']);
  });

  it('refuses an explicit version that exists, naming it and suggesting the next', async () => {
    standin.eb.addPlatform('web', '1.4.0', 'Ready');
    standin.eb.addPlatform('web', '1.4.1', 'Ready');
    standin.eb.addPlatform('web', '1.4.2', 'Failed');
    await expect(resolveVersion(eb, 'web', { kind: 'explicit', version: '1.4.2' })).rejects.toThrow(
      /Platform version web\/1\.4\.2 already exists \(status Failed.*'auto' for 1\.4\.3/,
    );
  });

  it.each([
    ['the listing leaves it out (as the stand-in does)', false],
    // Whether a Deleted version is still listed a while is not documented; both answers are taken.
    ['the listing still holds it as Deleted', true],
  ])('allows an explicit version whose old namesake was deleted: %s', async (_how, listed) => {
    standin.eb.addPlatform('web', '1.4.2', 'Deleted');
    if (listed) standin.addFault({ action: 'ListPlatformVersions', kind: 'answer', answer: { PlatformSummaryList: [summary('1.4.2', 'Deleted')] } });
    await expect(resolveVersion(eb, 'web', { kind: 'explicit', version: '1.4.2' })).resolves.toEqual({ version: '1.4.2', reason: 'given' });
  });

  it('stops on a listing that repeats its page token', async () => {
    standin.addFault({
      action: 'ListPlatformVersions',
      kind: 'answer',
      times: Infinity,
      answer: { PlatformSummaryList: [summary('1.0.0')], NextToken: 'same' },
    });
    await expect(listOwnVersions(eb, 'web')).rejects.toThrow(/same NextToken twice/);
  });
});
