import type { Resource } from './ledger';

/**
 * Runs `remove` on each resource, all at once except what must wait: a
 * security group is deleted only once every instance (one may still use it)
 * is gone. Returns the results in the order given; `remove` reports its own
 * failures in what it returns.
 */
export async function removeConcurrently<T>(resources: Resource[], remove: (resource: Resource) => Promise<T>): Promise<T[]> {
  const instances = resources.filter((r) => r.kind === 'instance');
  const instancesGone = Promise.all(instances.map(remove));
  return Promise.all(
    resources.map((r) => {
      if (r.kind === 'instance') return instancesGone.then((done) => done[instances.indexOf(r)]);
      if (r.kind === 'security-group') return instancesGone.then(() => remove(r));
      return remove(r);
    }),
  );
}
