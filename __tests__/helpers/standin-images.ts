import type { Image } from '../../test/aws-standin/ec2';
import type { Standin } from '../../test/aws-standin/server';
import { standinClientsFor } from './standin-clients';

/** An image registered in a region of the stand-in, as an earlier build (or Canonical) left it: 8 GiB, x86_64, HVM. */
export function standinImage(s: Standin, region: string, over: Partial<Image> & { name: string }): Image {
  return s.ec2In(region).registerImage(
    {
      ownerId: s.account,
      architecture: 'x86_64',
      rootDeviceName: '/dev/sda1',
      virtualizationType: 'hvm',
      enaSupport: true,
      volumeSize: 8,
      tags: {},
      ...over,
    },
    { sizeGiB: over.volumeSize ?? 8 },
  );
}

/** A fresh stand-in for each test of the calling describe, with the action's clients for any region on it. */
export function standinPerTest(): { standin: () => Standin; clientsFor: ReturnType<typeof standinClientsFor> } {
  let standin: Standin | undefined;
  let clients: ReturnType<typeof standinClientsFor> | undefined;
  beforeEach(async () => {
    const { startStandin } = await import('../../test/aws-standin/server');
    standin = await startStandin({});
    clients = standinClientsFor(standin);
  });
  afterEach(async () => {
    clients?.destroy();
    await standin?.stop();
  });
  const clientsFor = Object.assign((region: string) => clients!(region), { destroy: () => clients?.destroy() });
  return { standin: () => standin!, clientsFor };
}
