/** Instances (behind the machine backend): RunInstances and its checks, state transitions, root volumes, console output. */
import type { XmlValue } from '../xml';
import { ApiError, list, scalars, tagSpecifications } from '../protocol';
import { InstanceState, Machine, STATE_CODES } from '../machines';
import { DEFAULT_SUBNET, DEFAULT_VPC, Ec2State, filtered, Handlers, id, Instance, tagSet, withTags } from './state';

/** The instance the id names, or EC2's error for one it does not know (also for CreateImage). */
export function instanceOf(ec2: Ec2State, instanceId: string): Instance {
  const inst = ec2.instances.get(instanceId);
  if (!inst) throw new ApiError('InvalidInstanceID.NotFound', `The instance ID '${instanceId}' does not exist`);
  return inst;
}

export function instanceBackend(ec2: Ec2State) {
  const { options, account, region, zone, subnetVpc, keyPairs, groups, instances, images, snapshots } = ec2;

  function instanceXml(i: Instance): XmlValue {
    const state = i.machine.state();
    const running = state !== 'terminated';
    const reason = i.machine.stateReason();
    return {
      instanceId: i.id,
      imageId: i.imageId,
      instanceState: { code: STATE_CODES[state], name: state },
      privateDnsName: running ? `ip-${i.machine.privateAddress.replace(/\./g, '-')}.${region}.compute.internal` : '',
      dnsName: state === 'running' ? `ec2-${i.machine.publicAddress.replace(/\./g, '-')}.${region}.compute.amazonaws.com` : '',
      keyName: i.keyName,
      amiLaunchIndex: 0,
      instanceType: i.instanceType,
      launchTime: i.launchTime,
      placement: { availabilityZone: zone, tenancy: 'default' },
      monitoring: { state: 'disabled' },
      subnetId: running ? i.subnetId : undefined,
      vpcId: running ? DEFAULT_VPC : undefined,
      privateIpAddress: running ? i.machine.privateAddress : undefined,
      // EC2 gives a public address only while the instance runs.
      ipAddress: state === 'running' ? i.machine.publicAddress : undefined,
      groupSet: i.groups.map((g) => ({ groupId: g, groupName: groups.get(g)?.name })),
      stateReason: reason ? { code: reason.code, message: reason.message } : undefined,
      architecture: 'x86_64',
      rootDeviceType: 'ebs',
      rootDeviceName: '/dev/sda1',
      blockDeviceMapping: running
        ? [{ deviceName: '/dev/sda1', ebs: { volumeId: i.volumeId, status: 'attached', attachTime: i.launchTime, deleteOnTermination: true } }]
        : [],
      virtualizationType: 'hvm',
      clientToken: i.token,
      tagSet: tagSet(i.tags),
      hypervisor: 'xen',
      enaSupport: i.enaSupport,
      metadataOptions: {
        state: 'applied',
        httpTokens: i.metadata.httpTokens,
        httpPutResponseHopLimit: i.metadata.hopLimit,
        httpEndpoint: i.metadata.httpEndpoint,
      },
    };
  }

  const handlers: Handlers = {
    RunInstances: (p) => {
      const token = p.get('ClientToken') ?? '';
      // The same client token returns the same instance (idempotent RunInstances).
      const existing = token ? [...instances.values()].find((i) => i.token === token) : undefined;
      const inst = existing ?? launch(p, token);
      return { reservationId: 'r-0standin', ownerId: account, groupSet: [], instancesSet: [instanceXml(inst)] };
    },
    DescribeInstances: (p) => {
      const ids = scalars(p, 'InstanceId');
      for (const i of ids) instanceOf(ec2, i);
      const found = filtered(
        [...instances.values()].filter((i) => !ids.length || ids.includes(i.id)),
        p,
        (i) =>
          withTags(
            {
              'instance-id': [i.id],
              'client-token': [i.token],
              'instance-state-name': [i.machine.state()],
              'image-id': [i.imageId],
              'key-name': [i.keyName],
              'instance.group-id': i.groups,
              'vpc-id': [DEFAULT_VPC],
            },
            i.tags,
          ),
        ['instance-id', 'client-token', 'instance-state-name', 'image-id', 'key-name', 'instance.group-id', 'vpc-id'],
      );
      return { reservationSet: found.map((i) => ({ reservationId: 'r-0standin', ownerId: account, groupSet: [], instancesSet: [instanceXml(i)] })) };
    },
    DescribeInstanceStatus: (p) => {
      const ids = scalars(p, 'InstanceId');
      const found = [...instances.values()].filter((i) => (!ids.length || ids.includes(i.id)) && i.machine.state() === 'running');
      return {
        instanceStatusSet: found.map((i) => ({
          instanceId: i.id,
          availabilityZone: zone,
          instanceState: { code: 16, name: 'running' },
          systemStatus: { status: 'ok' },
          instanceStatus: { status: 'ok' },
        })),
      };
    },
    StopInstances: (p) => transition(p, (m) => m.stop()),
    TerminateInstances: (p) => transition(p, (m) => m.terminate()),
    ModifyInstanceAttribute: (p) => {
      const inst = instanceOf(ec2, p.get('InstanceId') ?? '');
      if (p.has('EnaSupport.Value')) inst.enaSupport = p.get('EnaSupport.Value') === 'true';
      return { return: true };
    },
    GetConsoleOutput: (p) => {
      const inst = instanceOf(ec2, p.get('InstanceId') ?? '');
      return { instanceId: inst.id, timestamp: new Date(), output: Buffer.from(inst.machine.console()).toString('base64') };
    },
    DescribeVolumes: (p) => {
      const found = filtered(
        [...instances.values()].filter((i) => i.machine.state() !== 'terminated'),
        p,
        (i) => withTags({ 'volume-id': [i.volumeId], 'attachment.instance-id': [i.id], status: ['in-use'] }, {}),
        ['volume-id', 'attachment.instance-id', 'status'],
      );
      return {
        volumeSet: found.map((i) => ({
          volumeId: i.volumeId,
          size: images.get(i.imageId)?.volumeSize ?? 8,
          snapshotId: images.get(i.imageId)?.snapshotId,
          availabilityZone: zone,
          status: 'in-use',
          createTime: i.launchTime,
          attachmentSet: [
            { volumeId: i.volumeId, instanceId: i.id, device: '/dev/sda1', status: 'attached', attachTime: i.launchTime, deleteOnTermination: true },
          ],
          volumeType: 'gp3',
          encrypted: i.rootEncrypted,
        })),
      };
    },
  };

  function launch(p: URLSearchParams, token: string): Instance {
    const imageId = p.get('ImageId') ?? '';
    const image = images.get(imageId);
    if (!image || image.state === 'deregistered') throw new ApiError('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
    if (image.state !== 'available') throw new ApiError('InvalidAMIID.Unavailable', `The image id '[${imageId}]' is not available`);
    // EC2 takes an empty parameter as one not given (the Go SDK Packer uses sends SubnetId= when it chose none).
    const keyName = p.get('KeyName') || undefined;
    if (keyName && !keyPairs.has(keyName)) throw new ApiError('InvalidKeyPair.NotFound', `The key pair '${keyName}' does not exist`);
    const nic = list(p, 'NetworkInterface')[0];
    const sgs = [
      ...scalars(p, 'SecurityGroupId'),
      ...(nic
        ? Object.entries(nic)
            .filter(([k]) => /^SecurityGroupId\.\d+$/.test(k))
            .map(([, v]) => v)
        : []),
    ];
    for (const g of sgs) if (!groups.has(g)) throw new ApiError('InvalidGroup.NotFound', `The security group '${g}' does not exist`);
    const subnetId = nic?.SubnetId || p.get('SubnetId') || DEFAULT_SUBNET;
    const vpcId = subnetVpc(subnetId);
    if (!vpcId) throw new ApiError('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
    // EC2 refuses a group of another VPC than the subnet's (its words, as AWS CLI users quote them).
    const foreign = sgs.find((g) => groups.get(g)?.vpcId !== vpcId);
    if (foreign) throw new ApiError('InvalidParameter', `Security group ${foreign} and subnet ${subnetId} belong to different networks.`);
    const root = list(p, 'BlockDeviceMapping').find((b) => b.DeviceName === image.rootDeviceName);
    const snapshot = snapshots.get(image.snapshotId);
    const instanceId = id('i');
    const shutdownBehavior = p.get('InstanceInitiatedShutdownBehavior') === 'terminate' ? 'terminate' : 'stop';
    const publicKey = keyName ? keyPairs.get(keyName)?.publicKey : undefined;
    const tokensRequired = p.get('MetadataOptions.HttpTokens') === 'required';
    const machine = options.machines.launch({
      instanceId,
      disk: snapshot?.disk ?? { sizeGiB: image.volumeSize },
      publicKey,
      userData: p.get('UserData') ?? undefined,
      tokensRequired,
      shutdownBehavior,
    });
    const inst: Instance = {
      id: instanceId,
      imageId,
      token,
      instanceType: p.get('InstanceType') ?? 'm1.small',
      keyName,
      groups: sgs,
      subnetId,
      launchTime: new Date(),
      tags: tagSpecifications(p, 'instance'),
      volumeId: id('vol'),
      machine,
      metadata: {
        httpTokens: tokensRequired ? 'required' : 'optional',
        hopLimit: Number(p.get('MetadataOptions.HttpPutResponseHopLimit') ?? 1),
        httpEndpoint: p.get('MetadataOptions.HttpEndpoint') ?? 'enabled',
      },
      rootEncrypted: root?.['Ebs.Encrypted'] === 'true',
      kmsKeyId: root?.['Ebs.KmsKeyId'],
      shutdownBehavior,
      userData: p.get('UserData') ?? undefined,
      publicKey,
    };
    instances.set(instanceId, inst);
    return inst;
  }

  function transition(p: URLSearchParams, change: (m: Machine) => void): XmlValue {
    const ids = scalars(p, 'InstanceId');
    const found = ids.map((i) => instanceOf(ec2, i));
    return {
      instancesSet: found.map((i) => {
        const previous: InstanceState = i.machine.state();
        change(i.machine);
        const current = i.machine.state();
        return {
          instanceId: i.id,
          currentState: { code: STATE_CODES[current], name: current },
          previousState: { code: STATE_CODES[previous], name: previous },
        };
      }),
    };
  }

  return {
    handlers,
    instances: () =>
      [...instances.values()].map((i) => ({
        id: i.id,
        state: i.machine.state(),
        tags: i.tags,
        metadata: i.metadata,
        rootEncrypted: i.rootEncrypted,
        kmsKeyId: i.kmsKeyId,
        imageId: i.imageId,
        keyName: i.keyName,
        groups: i.groups,
      })),
    instance: (instanceId: string) => instances.get(instanceId),
    /** Its part of leftovers(). */
    leftovers: () =>
      [...instances.values()].filter((i) => !['terminated', 'shutting-down'].includes(i.machine.state())).map((i) => `instance ${i.id} (${i.machine.state()})`),
  };
}
