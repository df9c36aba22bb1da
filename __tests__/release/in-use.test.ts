/**
 * What keeps an image from a prune, against the stand-in over the wire: an
 * instance, a launch template's numbered version that is neither its default
 * nor its latest, a launch configuration, an SSM parameter; through
 * DescribeImageReferences, in batches of at most 10 images, and the same
 * found one by one on an endpoint without it.
 */
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { memoryLog } from '../../src/lib/log';
import { batches } from '../../src/lib/batches';
import { imageUses } from '../../src/release/in-use';
import { startStandin, Standin } from '../../test/aws-standin/server';
import { standinClients } from '../helpers/standin-clients';
import { standinImage } from '../helpers/standin-images';

const image = (s: Standin, name: string) => standinImage(s, 'eu-west-1', { name }).id;

describe('what uses an image', () => {
  it.each([
    ['DescribeImageReferences', false],
    ['one by one, on an endpoint without DescribeImageReferences', true],
  ])('finds every kind of use: %s', async (_how, old) => {
    const standin = await startStandin({ noImageReferences: old });
    const clients = standinClients(standin, 'eu-west-1');
    try {
      const ids = Array.from({ length: 12 }, (_, i) => image(standin, `web-1.0.${i}`));
      const [byInstance, byOldVersion, byConfiguration, byParameter, ...unused] = ids;
      await clients.get(EC2Client).send(new RunInstancesCommand({ ImageId: byInstance, MinCount: 1, MaxCount: 1 }));
      // Version 2 of 4: neither $Default (1) nor $Latest (4).
      standin.ec2.addLaunchTemplate('web', [unused[0], byOldVersion, unused[0], unused[0]], 1);
      standin.autoScalingIn('eu-west-1').add('web-2019', byConfiguration);
      standin.ssmIn('eu-west-1').put({ name: '/platform/web/ami-id', value: byParameter, dataType: 'aws:ec2:image' });
      const log = memoryLog();
      const uses = await imageUses(clients, ids, ['/platform/web/ami-id'], log);
      expect(uses.get(byInstance)).toEqual([expect.stringMatching(/^instance i-[0-9a-f]+$/)]);
      expect(uses.get(byOldVersion)).toEqual([expect.stringMatching(old ? /^launch template web \(version 2\)$/ : /^launch template lt-[0-9a-f]+$/)]);
      expect(uses.get(byConfiguration)).toEqual(['launch configuration web-2019']);
      expect(uses.get(byParameter)).toEqual(['SSM parameter /platform/web/ami-id']);
      expect(uses.get(unused[0])?.length).toBeGreaterThan(0);
      for (const id of unused.slice(1)) expect(uses.get(id)).toBeUndefined();
      const calls = standin.seen.filter((x) => x.action === 'DescribeImageReferences').length;
      // 12 images: two calls of at most 10 (or one refused, where the endpoint lacks the action).
      expect(calls).toBe(old ? 1 : 2);
      expect(log.text()).toMatch(old ? /DescribeImageReferences did not answer \(InvalidAction\)/ : /^$/);
    } finally {
      clients.destroy();
      await standin.stop();
    }
  });

  it('splits a list into calls of at most the size a call takes', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 10)).toEqual([]);
  });
});
