import { isTransient } from '../lib/aws-errors';

/**
 * The resources a run has created (or is about to create), persisted after
 * every change so that the `post` step can finish the job when `main` died,
 * was cancelled or timed out. A resource is recorded *before* the call that
 * creates it, with whatever identifies it at that moment (a name we chose, a
 * client token); its AWS id is added as soon as it is known. How each kind is
 * described, removed and swept is written in the module that creates it
 * (`src/teardown/kinds.ts` lists them).
 */
export type Resource =
  /** The Elastic Beanstalk environment that runs Packer for a platform build. */
  | { kind: 'builder-environment'; region: string; environmentName: string; platformArn?: string; platformName?: string; platformVersion?: string }
  /** An EC2 instance, recorded by the client token of its RunInstances call before it has an id. */
  | { kind: 'instance'; region: string; clientToken: string; instanceId?: string }
  /** An EC2 security group, recorded by the name we gave it before it has an id. */
  | { kind: 'security-group'; region: string; groupName: string; vpcId?: string; groupId?: string }
  /** An EC2 key pair imported for the smoke test. */
  | { kind: 'key-pair'; region: string; keyName: string; keyPairId?: string }
  /**
   * A copy of the proven image in another region, recorded by the client token of its CopyImage
   * call (also a tag on the copy and its snapshots, so it is found without its id) before the call.
   * Released once the promotion keeps it; removed with its snapshots otherwise.
   */
  | { kind: 'image-copy'; region: string; clientToken: string; sourceImageId: string; imageId?: string }
  /**
   * What a Packer build may leave when it ends without its own clean-up: its
   * instance (found by the template's run tags, or by the id Packer announced)
   * and the temporary group and key pair Packer made for it.
   */
  | {
      kind: 'packer-build';
      region: string;
      build: string;
      /** Tags Packer's instance carries: the template's run tags (Elastic Beanstalk), or the run's own (builder packer). */
      tags: Record<string, string>;
      /**
       * The tags are this run's own (builder packer): whatever carries them is this run's, the key
       * pair, security group, and an AMI and snapshot that were in the making included.
       */
      runTagged?: boolean;
      /** The image the build finished: the product, never torn down. */
      builtImageId?: string;
      instanceIds?: string[];
      groupIds?: string[];
      groupNames?: string[];
      keyNames?: string[];
      /** Images the build registered before it failed: never left half-registered. */
      imageIds?: string[];
    };

export type ResourceKindName = Resource['kind'];

/**
 * The field that names each kind from the moment it is recorded, before AWS
 * gives it an id: a name the run chose, or a client token.
 */
const NAMED_BY: { [K in ResourceKindName]: keyof Extract<Resource, { kind: K }> & string } = {
  'builder-environment': 'environmentName',
  instance: 'clientToken',
  'security-group': 'groupName',
  'key-pair': 'keyName',
  'packer-build': 'build',
  'image-copy': 'clientToken',
};

/** A stable identity for a resource, independent of ids learnt later. */
export function resourceKey(resource: Resource): string {
  const name = (resource as unknown as Record<string, string>)[NAMED_BY[resource.kind]];
  return `${resource.kind}:${resource.region}:${name}`;
}

export interface Ledger {
  /** Records a resource (or merges new facts into one already recorded) and persists at once. */
  record(resource: Resource): void;
  /** Forgets a resource once it is gone, and persists at once. */
  release(resource: Resource): void;
  /** What is still recorded, in creation order. */
  list(): Resource[];
}

/** The name under which the ledger is saved with `core.saveState`. */
export const LEDGER_STATE = 'ledger';

export function createLedger(persist: (serialized: string) => void, initial: Resource[] = []): Ledger {
  const entries = new Map<string, Resource>();
  for (const r of initial) entries.set(resourceKey(r), r);
  const save = () => persist(JSON.stringify([...entries.values()]));
  return {
    record(resource) {
      const key = resourceKey(resource);
      entries.set(key, { ...entries.get(key), ...resource } as Resource);
      save();
    },
    release(resource) {
      if (entries.delete(resourceKey(resource))) save();
    },
    list: () => [...entries.values()],
  };
}

/** Reads a saved ledger; anything unreadable is an empty one, reported through `onBad`. */
export function parseLedger(serialized: string, onBad: (why: string) => void = () => {}): Resource[] {
  if (!serialized.trim()) return [];
  try {
    const value: unknown = JSON.parse(serialized);
    if (!Array.isArray(value)) throw new Error('not a list');
    return value.filter((r): r is Resource => typeof r === 'object' && r !== null && typeof r.region === 'string' && Object.hasOwn(NAMED_BY, r.kind));
  } catch (e) {
    onBad(`saved ledger is unreadable (${(e as Error).message})`);
    return [];
  }
}

/**
 * Records `resource`, then runs the call that creates it. A refusal means
 * nothing was created, so the record goes; a lost answer (throttling, 5xx, a
 * dropped connection) leaves it for teardown to settle.
 */
export async function creating<T>(ledger: Ledger, resource: Resource, call: () => Promise<T>): Promise<T> {
  ledger.record(resource);
  try {
    return await call();
  } catch (error) {
    if (!isTransient((error as { cause?: unknown }).cause ?? error)) ledger.release(resource);
    throw error;
  }
}
