/**
 * Images and their snapshots: registered, copied from another region
 * (CopyImage), made from an instance (CreateImage), shared, deprecated,
 * deregistered; and what refers to an image (DescribeImageReferences).
 */
import type { XmlValue } from '../xml';
import { describeImageReferences } from '../image-references';
import { ApiError, list, scalars, tagSpecifications } from '../protocol';
import type { Disk } from '../machines';
import { CANONICAL, Ec2State, filtered, Handlers, id, Image, Snapshot, tagSet, withTags } from './state';
import { instanceOf } from './instances';

export function imageBackend(ec2: Ec2State) {
  const { options, account, region, now, instances, images, snapshots, launchTemplates } = ec2;
  /** Copies still pending: when each settles on the stand-in's clock, and whether it fails then. */
  const copying = new Map<string, { readyAt: number; fails: boolean }>();

  /** Settles the copies whose time has come (the server ticks it on each request and on its timer). */
  function tick(): void {
    for (const [imageId, { readyAt, fails }] of copying) {
      if (now() < readyAt) continue;
      copying.delete(imageId);
      const copy = images.get(imageId);
      if (!copy || copy.state !== 'pending') continue;
      const snap = snapshots.get(copy.snapshotId);
      if (snap) snap.state = 'completed';
      if (fails) {
        copy.state = 'failed';
        copy.stateReason = { code: 'Client.InvalidKMSKey.InvalidState', message: `The KMS key ${copy.kmsKeyId ?? ''} cannot be used to copy the snapshot.` };
      } else copy.state = 'available';
    }
  }

  /** Registers an image over a disk (a base image, or what a build produced); a publisher's image may carry its own creation date. */
  function registerImage(
    image: Omit<Image, 'id' | 'snapshotId' | 'creationDate' | 'state'> & { state?: Image['state']; creationDate?: string },
    disk: Disk,
  ): Image {
    const snapshotId = id('snap');
    snapshots.set(snapshotId, {
      id: snapshotId,
      disk,
      volumeSize: image.volumeSize,
      ownerId: image.ownerId,
      state: 'completed',
      startTime: new Date(),
      tags: {},
    });
    const registered: Image = {
      ...image,
      id: id('ami'),
      snapshotId,
      creationDate: image.creationDate ?? new Date(now()).toISOString(),
      state: image.state ?? 'available',
    };
    images.set(registered.id, registered);
    return registered;
  }

  /** An image and the disk behind it, for CopyImage (also another region's). */
  function imageFor(imageId: string): { image: Image; disk: Disk } | undefined {
    const image = images.get(imageId);
    const snap = image && snapshots.get(image.snapshotId);
    return image && snap ? { image, disk: snap.disk } : undefined;
  }

  function imageXml(img: Image): XmlValue {
    return {
      imageId: img.id,
      imageLocation: `${img.ownerId}/${img.name}`,
      imageState: img.state,
      imageOwnerId: img.ownerId,
      creationDate: img.creationDate,
      isPublic: img.ownerId === CANONICAL,
      architecture: img.architecture,
      imageType: 'machine',
      name: img.name,
      description: img.description,
      rootDeviceType: 'ebs',
      rootDeviceName: img.rootDeviceName,
      blockDeviceMapping: [
        {
          deviceName: img.rootDeviceName,
          ebs: {
            snapshotId: img.state === 'pending' && img.copyToken ? undefined : img.snapshotId,
            volumeSize: img.volumeSize,
            deleteOnTermination: true,
            volumeType: 'gp3',
            encrypted: !!img.encrypted,
            kmsKeyId: img.kmsKeyId,
          },
        },
      ],
      virtualizationType: img.virtualizationType,
      tagSet: tagSet(img.tags),
      hypervisor: 'xen',
      enaSupport: img.enaSupport,
      stateReason: img.stateReason,
      deprecationTime: img.deprecationTime,
    };
  }

  const handlers: Handlers = {
    DescribeImages: (p) => {
      const ids = scalars(p, 'ImageId');
      const owners = scalars(p, 'Owner');
      const found = [...images.values()].filter((img) => img.state !== 'deregistered' && (!ids.length || ids.includes(img.id)));
      if (ids.length && !found.length) throw new ApiError('InvalidAMIID.NotFound', `The image id '[${ids.join(', ')}]' does not exist`);
      const owned = found.filter((img) => !owners.length || owners.some((o) => (o === 'self' ? img.ownerId === account : o === img.ownerId)));
      // "Default: No deprecated AMIs are included in the response. If you are the AMI owner, all deprecated AMIs
      // appear in the response regardless" (API reference, DescribeImages IncludeDeprecated); a past date is deprecated.
      const current = owned.filter(
        (img) =>
          ids.length > 0 || img.ownerId === account || p.get('IncludeDeprecated') === 'true' || !img.deprecationTime || Date.parse(img.deprecationTime) > now(),
      );
      return {
        imagesSet: filtered(
          current,
          p,
          (img) =>
            withTags(
              {
                name: [img.name],
                'image-id': [img.id],
                'owner-id': [img.ownerId],
                architecture: [img.architecture],
                'root-device-type': ['ebs'],
                'root-device-name': [img.rootDeviceName],
                'virtualization-type': [img.virtualizationType],
                state: [img.state],
                'is-public': [String(img.ownerId === CANONICAL)],
              },
              img.tags,
            ),
          ['name', 'image-id', 'owner-id', 'architecture', 'root-device-type', 'root-device-name', 'virtualization-type', 'state', 'is-public'],
        ).map(imageXml),
      };
    },
    CreateImage: async (p) => {
      const inst = instanceOf(ec2, p.get('InstanceId') ?? '');
      const name = p.get('Name') ?? '';
      if ([...images.values()].some((i) => i.name === name && i.ownerId === account && i.state !== 'deregistered')) {
        throw new ApiError('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${[...images.values()].find((i) => i.name === name)?.id}`);
      }
      const state = inst.machine.state();
      if (state !== 'stopped' && state !== 'running')
        throw new ApiError('IncorrectInstanceState', `The instance '${inst.id}' is not in a state from which it can be imaged.`);
      const parent = images.get(inst.imageId);
      const imageId = id('ami');
      const snapshotId = id('snap');
      const image: Image = {
        id: imageId,
        name,
        description: p.get('Description') ?? undefined,
        ownerId: account,
        state: 'pending',
        architecture: 'x86_64',
        rootDeviceName: '/dev/sda1',
        virtualizationType: 'hvm',
        creationDate: new Date().toISOString(),
        enaSupport: inst.enaSupport ?? parent?.enaSupport ?? true,
        snapshotId,
        volumeSize: parent?.volumeSize ?? 8,
        tags: tagSpecifications(p, 'image'),
      };
      images.set(imageId, image);
      const snapshot: Snapshot = {
        id: snapshotId,
        disk: { sizeGiB: image.volumeSize },
        volumeSize: image.volumeSize,
        ownerId: account,
        state: 'pending',
        startTime: new Date(),
        tags: tagSpecifications(p, 'snapshot'),
      };
      snapshots.set(snapshotId, snapshot);
      // The image stays pending while its snapshot is taken, then becomes available (or failed).
      inst.machine.snapshot().then(
        (disk) => {
          snapshot.disk = disk;
          snapshot.state = 'completed';
          if (image.state === 'pending') image.state = 'available';
        },
        () => {
          if (image.state === 'pending') image.state = 'failed';
        },
      );
      return { imageId };
    },
    ModifyImageAttribute: (p) => {
      const img = images.get(p.get('ImageId') ?? '');
      if (!img || img.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${p.get('ImageId')}]' does not exist`);
      if (p.has('Description.Value')) img.description = p.get('Description.Value') ?? '';
      const granted = (prefix: string) =>
        list(p, prefix)
          .map((x) => x.UserId ?? (x.Group === 'all' ? 'all' : (x.OrganizationArn ?? x.OrganizationalUnitArn)))
          .filter((x): x is string => !!x);
      const add = [
        ...granted('LaunchPermission.Add'),
        ...(p.get('Attribute') === 'launchPermission' && p.get('OperationType') === 'add' ? scalars(p, 'UserId') : []),
      ];
      const remove = [
        ...granted('LaunchPermission.Remove'),
        ...(p.get('Attribute') === 'launchPermission' && p.get('OperationType') === 'remove' ? scalars(p, 'UserId') : []),
      ];
      img.launchPermissions = [...new Set([...(img.launchPermissions ?? []), ...add])].filter((x) => !remove.includes(x));
      return { return: true };
    },
    /*
     * DeregisterImage (API reference): DeleteAssociatedSnapshots deletes the image's snapshots with
     * it, answering per snapshot (success, or skipped: "If a snapshot is associated with multiple
     * AMIs, it is not deleted"); an endpoint that predates the parameter (2025-05) answers
     * UnknownParameter, EC2's code for a parameter it does not know. Without it, the snapshot stays
     * "in use" a while after (boto#3019).
     */
    DeregisterImage: (p) => {
      const deleteSnapshots = p.get('DeleteAssociatedSnapshots') === 'true';
      if (p.has('DeleteAssociatedSnapshots') && options.noDeleteAssociatedSnapshots)
        throw new ApiError('UnknownParameter', 'The parameter DeleteAssociatedSnapshots is not recognized');
      const img = images.get(p.get('ImageId') ?? '');
      if (!img || img.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${p.get('ImageId')}]' does not exist`);
      // Deregistering a copy still pending stops it (EC2 user guide, "Stop a pending AMI copy operation").
      const snap = img.state === 'pending' && img.copyToken ? snapshots.get(img.snapshotId) : undefined;
      if (snap) snap.state = 'completed';
      img.state = 'deregistered';
      img.deregisteredAt = now();
      if (!deleteSnapshots) return { return: true };
      const shared = [...images.values()].some((i) => i !== img && i.snapshotId === img.snapshotId && i.state !== 'deregistered');
      if (!shared) snapshots.delete(img.snapshotId);
      return { return: true, deleteSnapshotResultSet: [{ snapshotId: img.snapshotId, returnCode: shared ? 'skipped' : 'success' }] };
    },
    DescribeSnapshots: (p) => {
      const ids = scalars(p, 'SnapshotId');
      for (const s of ids) if (!snapshots.has(s)) throw new ApiError('InvalidSnapshot.NotFound', `The snapshot '${s}' does not exist.`);
      // OwnerIds: account ids, or self for the caller's own (API reference, DescribeSnapshots).
      const ownerIds = scalars(p, 'Owner');
      const found = filtered(
        [...snapshots.values()].filter(
          (s) => (!ids.length || ids.includes(s.id)) && (!ownerIds.length || ownerIds.some((o) => (o === 'self' ? account : o) === s.ownerId)),
        ),
        p,
        (s) => withTags({ 'snapshot-id': [s.id], 'owner-id': [s.ownerId], status: [s.state] }, s.tags),
        ['snapshot-id', 'owner-id', 'status'],
      );
      return {
        snapshotSet: found.map((s) => ({
          snapshotId: s.id,
          status: s.state,
          startTime: s.startTime,
          progress: s.state === 'completed' ? '100%' : '50%',
          ownerId: s.ownerId,
          volumeSize: s.volumeSize,
          encrypted: !!s.kmsKeyId,
          kmsKeyId: s.kmsKeyId,
          tagSet: tagSet(s.tags),
        })),
      };
    },
    DeleteSnapshot: (p) => {
      const sid = p.get('SnapshotId') ?? '';
      if (!snapshots.has(sid)) throw new ApiError('InvalidSnapshot.NotFound', `The snapshot '${sid}' does not exist.`);
      const holder = [...images.values()].find(
        (i) => i.snapshotId === sid && (i.state !== 'deregistered' || now() - (i.deregisteredAt ?? 0) < (options.snapshotInUseMs ?? 1500)),
      );
      if (holder) throw new ApiError('InvalidSnapshot.InUse', `The snapshot ${sid} is currently in use by ${holder.id}`);
      snapshots.delete(sid);
      return { return: true };
    },
    /*
     * CopyImage (API reference): the copy is a new image in this region, pending until its snapshot
     * is copied; the same ClientToken returns the same image (EC2 idempotency); KmsKeyId needs
     * Encrypted (the error code for the combination is not documented: InvalidParameterCombination,
     * EC2's code for parameters that may not go together); a key EC2 cannot use fails the copy after
     * the call ("the action can appear to complete, but eventually fails"), with a state reason
     * whose exact words are not documented.
     */
    CopyImage: (p) => {
      const token = p.get('ClientToken') ?? '';
      const again = token ? [...images.values()].find((i) => i.copyToken === token) : undefined;
      if (again) return { imageId: again.id };
      const sourceRegion = p.get('SourceRegion') ?? '';
      const sourceId = p.get('SourceImageId') ?? '';
      const source = sourceRegion === region ? imageFor(sourceId) : options.peer?.(sourceRegion)?.imageFor(sourceId);
      if (!source || source.image.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${sourceId}]' does not exist`);
      if (source.image.state !== 'available') throw new ApiError('InvalidAMIID.Unavailable', `The image id '[${sourceId}]' is not available`);
      const kmsKeyId = p.get('KmsKeyId') || undefined;
      const encrypted = p.get('Encrypted') === 'true';
      if (kmsKeyId && !encrypted) throw new ApiError('InvalidParameterCombination', 'KmsKeyId requires Encrypted to be true');
      const name = p.get('Name') ?? '';
      const clash = [...images.values()].find((i) => i.name === name && i.ownerId === account && i.state !== 'deregistered');
      if (clash) throw new ApiError('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${clash.id}`);
      const snapshotId = id('snap');
      snapshots.set(snapshotId, {
        id: snapshotId,
        disk: source.disk,
        volumeSize: source.image.volumeSize,
        ownerId: account,
        state: 'pending',
        startTime: new Date(),
        tags: tagSpecifications(p, 'snapshot'),
        kmsKeyId: encrypted ? (kmsKeyId ?? 'alias/aws/ebs') : undefined,
      });
      const copy: Image = {
        ...source.image,
        id: id('ami'),
        name,
        description: p.get('Description') ?? source.image.description,
        ownerId: account,
        state: 'pending',
        creationDate: new Date(now()).toISOString(),
        snapshotId,
        tags: tagSpecifications(p, 'image'),
        launchPermissions: [],
        deprecationTime: undefined,
        encrypted,
        kmsKeyId: encrypted ? (kmsKeyId ?? 'alias/aws/ebs') : undefined,
        copyToken: token || undefined,
      };
      images.set(copy.id, copy);
      copying.set(copy.id, { readyAt: now() + (options.copyMs ?? 300), fails: options.failCopy?.() ?? false });
      return { imageId: copy.id };
    },
    // EnableImageDeprecation (API reference, DeprecateAt): "You can't specify a date in the past" (the error code is not
    // documented: InvalidParameterValue), and "Amazon EC2 rounds the seconds to the nearest minute".
    EnableImageDeprecation: (p) => {
      const img = images.get(p.get('ImageId') ?? '');
      if (!img || img.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${p.get('ImageId')}]' does not exist`);
      const at = Date.parse(p.get('DeprecateAt') ?? '');
      if (!Number.isFinite(at) || at < now() - 60_000) throw new ApiError('InvalidParameterValue', 'DeprecateAt must be a date in the future');
      img.deprecationTime = new Date(Math.round(at / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
      return { return: true };
    },
    DescribeImageReferences: describeImageReferences({
      account,
      region,
      instances: () => [...instances.values()].map((i) => ({ id: i.id, imageId: i.imageId, state: i.machine.state() })),
      launchTemplates: () => [...launchTemplates.values()],
      imageParameters: () => options.imageParameters?.() ?? [],
    }),
  };

  return {
    handlers,
    tick,
    registerImage,
    images: () => [...images.values()],
    snapshots: () => [...snapshots.values()],
    imageFor,
    setImageState(imageId: string, state: Image['state']) {
      const img = images.get(imageId);
      if (img) img.state = state;
    },
  };
}
