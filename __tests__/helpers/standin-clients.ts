/**
 * The action's own SDK clients, pointed at a stand-in: a test calls a module
 * the way a run does, over the wire, and asks the stand-in's fault hooks for
 * the answer it needs.
 */
import { CreatePlatformVersionCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AwsClients, ClientClass, ServiceClient } from '../../src/lib/aws';
import { startStandin, Standin, StandinOptions } from '../../test/aws-standin/server';
import { virtualClock } from './virtual-clock';

export const STANDIN_CREDENTIALS = { accessKeyId: 'AKIDSTANDIN0000', secretAccessKey: 'standin-secret' };

/** A region's clients on the stand-in (one attempt each unless `maxAttempts`: the test's faults are not ridden out unasked). */
export function standinClients(standin: Standin, region: string, maxAttempts = 1): AwsClients & { destroy(): void } {
  const made = new Map<unknown, ServiceClient>();
  return {
    get<C extends ServiceClient>(Client: ClientClass<C>): C {
      let client = made.get(Client);
      if (!client) {
        const Make = Client as unknown as new (config: object) => C;
        made.set(Client, (client = new Make({ region, endpoint: standin.url, credentials: STANDIN_CREDENTIALS, maxAttempts })));
      }
      return client as C;
    },
    destroy: () => made.forEach((c) => c.destroy()),
  };
}

/** Clients for any region, each region's made once. */
export function standinClientsFor(standin: Standin, maxAttempts = 1): ((region: string) => AwsClients) & { destroy(): void } {
  const regions = new Map<string, ReturnType<typeof standinClients>>();
  const clientsFor = (region: string) => {
    let c = regions.get(region);
    if (!c) regions.set(region, (c = standinClients(standin, region, maxAttempts)));
    return c;
  };
  return Object.assign(clientsFor, { destroy: () => regions.forEach((c) => c.destroy()) });
}

/** A platform build started as a user's run starts one: a bundle in the stand-in's bucket, then CreatePlatformVersion; its ARN. */
export async function startPlatformBuild(standin: Standin, clients: AwsClients, name: string, version: string): Promise<string> {
  const key = `custom-platforms/${name}/${version}.zip`;
  await clients.get(S3Client).send(new PutObjectCommand({ Bucket: standin.bucket, Key: key, Body: 'zip' }));
  const out = await clients
    .get(ElasticBeanstalkClient)
    .send(
      new CreatePlatformVersionCommand({ PlatformName: name, PlatformVersion: version, PlatformDefinitionBundle: { S3Bucket: standin.bucket, S3Key: key } }),
    );
  return out.PlatformSummary!.PlatformArn!;
}

/**
 * Stand-ins a test starts as it needs them, each on a virtual clock it shares with the action, with
 * its region's clients; after each test they are stopped, with whatever else the test handed to
 * `afterThisTest`.
 */
export function standinsPerTest() {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const afterThisTest = (cleanup: () => void | Promise<void>) => void cleanups.push(cleanup);
  const start = async (options: Omit<StandinOptions, 'clock'> = {}, maxAttempts?: number) => {
    const clock = virtualClock();
    const standin = await startStandin({ clock, ...options });
    afterThisTest(() => standin.stop());
    const clients = standinClients(standin, options.region ?? 'eu-west-1', maxAttempts);
    afterThisTest(() => clients.destroy());
    return { standin, clients, clock };
  };
  return Object.assign(start, { afterThisTest });
}
