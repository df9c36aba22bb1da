/** Tags: CreateTags on any resource the id names (TagSpecifications tag a resource as it is made). */
import { ApiError, list, scalars } from '../protocol';
import { Ec2State, Handlers, Tags } from './state';

/** CreateTags and TagSpecifications land here, on whichever resource the id names. */
export function tagResource(ec2: Ec2State, resourceId: string, tags: Tags): void {
  const { instances, images, snapshots, groups, keyPairs } = ec2;
  const target =
    instances.get(resourceId) ??
    images.get(resourceId) ??
    snapshots.get(resourceId) ??
    groups.get(resourceId) ??
    [...keyPairs.values()].find((k) => k.id === resourceId);
  if (!target) {
    const kind = resourceId.split('-')[0];
    const code =
      { i: 'InvalidInstanceID.NotFound', ami: 'InvalidAMIID.NotFound', snap: 'InvalidSnapshot.NotFound', sg: 'InvalidGroup.NotFound' }[kind] ?? 'InvalidID';
    throw new ApiError(code, `The ID '${resourceId}' does not exist`);
  }
  Object.assign(target.tags, tags);
}

export function tagBackend(ec2: Ec2State) {
  const handlers: Handlers = {
    CreateTags: (p) => {
      const tags: Tags = {};
      for (const t of list(p, 'Tag')) tags[t.Key] = t.Value ?? '';
      for (const r of scalars(p, 'ResourceId')) tagResource(ec2, r, tags);
      return { return: true };
    },
  };

  return { handlers };
}
