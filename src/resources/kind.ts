/**
 * A kind of resource a run makes, as the ledger, the teardown, the post step
 * and the sweep need it. Each kind is written once, in the module that creates
 * it, and registered in the one table (`src/teardown/kinds.ts`): whatever
 * iterates resources asks the table and never names a kind.
 */
import type { AwsClients } from '../lib/aws';
import type { Clock } from '../lib/clock';
import type { Log } from '../lib/log';
import type { Tag } from '@aws-sdk/client-ec2';
import type { Ledger, Resource, ResourceKindName } from './ledger';

/** What removing a resource may use. */
export interface RemovalEnv {
  clientsFor(region: string): AwsClients;
  ledger: Ledger;
  log: Log;
  clock: Clock;
  /** keep-builder: the builder environment is kept, not terminated. */
  keepBuilder: boolean;
}

/** Something an ended run of this repository left, found by its tags. */
export interface Orphan<R extends Resource = Resource> {
  record: R;
  tags: Tag[] | undefined;
}

export interface ResourceKind<R extends Resource> {
  /** Human words for it, for the log and the summary. */
  describe(r: R): string;
  /** Kinds whose removal it waits for: a security group, for the instances that may still hold it. */
  after?: ResourceKindName[];
  /**
   * Removes it from whatever the ledger knew (a client token, a name, ids), and
   * releases it from the ledger. Gone is success; safe to call any number of
   * times. Returns what it did, for the summary.
   */
  remove(r: R, env: RemovalEnv): Promise<string>;
  /** Finds, by the managed-by and repository tags in `filters`, what runs of this repository left of this kind. */
  tagged?(clients: AwsClients, region: string, filters: { Name: string; Values: string[] }[]): Promise<Orphan<R>[]>;
}

/** One entry per kind: the compiler holds the table to the `Resource` union. */
export type KindTable = { [K in ResourceKindName]: ResourceKind<Extract<Resource, { kind: K }>> };

/** The entry for a resource's kind, typed for that resource. */
export function kindOf(table: Partial<KindTable>, r: Resource): ResourceKind<Resource> {
  const kind = table[r.kind] as ResourceKind<Resource> | undefined;
  if (!kind) throw new Error(`no entry for resource kind ${r.kind}`);
  return kind;
}

/** Whether the table has an entry for the resource's kind (a feature's own table holds only its kinds). */
export const inTable = (table: Partial<KindTable>, r: Resource): boolean => r.kind in table;

/**
 * Runs `remove` on each resource, all at once except what must wait: a kind
 * waits for every removal of the kinds its entry names in `after`. Returns the
 * results in the order given; `remove` reports its own failures in what it
 * returns.
 */
export function removeConcurrently<T>(resources: Resource[], table: Partial<KindTable>, remove: (resource: Resource) => Promise<T>): Promise<T[]> {
  const started = new Map<Resource, Promise<T>>();
  const run = (r: Resource): Promise<T> => {
    let done = started.get(r);
    if (!done) {
      const waitsFor = table[r.kind]?.after ?? [];
      const first = resources.filter((x) => x !== r && waitsFor.includes(x.kind));
      done = Promise.allSettled(first.map(run)).then(() => remove(r));
      started.set(r, done);
    }
    return done;
  };
  return Promise.all(resources.map(run));
}
