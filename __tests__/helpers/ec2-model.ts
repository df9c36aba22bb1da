import { mockClient } from 'aws-sdk-client-mock';
import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeImagesCommand,
  CreateSecurityGroupCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetConsoleOutputCommand,
  ImportKeyPairCommand,
  InstanceStateName,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';

const awsError = (name: string, message: string) => Object.assign(new Error(message), { name, Code: name, $metadata: { httpStatusCode: 400 } });

/**
 * A small EC2 behind aws-sdk-client-mock that keeps what it is asked to
 * create, so a test can check that nothing is left. Instances go pending →
 * running and shutting-down → terminated over successive describes.
 */
export function ec2Model(options: { address?: string; console?: () => string; dependencyViolations?: number } = {}) {
  const mock = mockClient(EC2Client);
  const keyPairs = new Set<string>();
  const groups = new Map<string, { name: string; vpcId: string; ingress: unknown[] }>();
  const instances = new Map<string, { state: InstanceStateName; token: string; groupIds: string[]; describes: number; tags: unknown }>();
  let violations = options.dependencyViolations ?? 0;
  let n = 0;

  mock.on(ImportKeyPairCommand).callsFake((i) => {
    if (keyPairs.has(i.KeyName)) throw awsError('InvalidKeyPair.Duplicate', 'duplicate');
    keyPairs.add(i.KeyName);
    return { KeyName: i.KeyName, KeyPairId: `key-${++n}` };
  });
  mock.on(DeleteKeyPairCommand).callsFake((i) => (keyPairs.delete(i.KeyName), {}));
  mock
    .on(DescribeImagesCommand)
    .callsFake((i) => ({ Images: (i.ImageIds ?? []).map((ImageId: string) => ({ ImageId, State: 'available', RootDeviceName: '/dev/sda1' })) }));
  mock.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-0default0', IsDefault: true }] });
  mock.on(DescribeSubnetsCommand).callsFake((i) => {
    if (i.SubnetIds?.[0] === 'subnet-0123abcd') return { Subnets: [{ SubnetId: 'subnet-0123abcd', VpcId: 'vpc-0other00' }] };
    throw awsError('InvalidSubnetID.NotFound', `The subnet ID '${i.SubnetIds?.[0]}' does not exist`);
  });
  mock.on(CreateSecurityGroupCommand).callsFake((i) => {
    const id = `sg-${String(++n).padStart(8, '0')}`;
    groups.set(id, { name: i.GroupName, vpcId: i.VpcId, ingress: [] });
    return { GroupId: id };
  });
  mock.on(AuthorizeSecurityGroupIngressCommand).callsFake((i) => (groups.get(i.GroupId)?.ingress.push(...(i.IpPermissions ?? [])), {}));
  mock.on(DescribeSecurityGroupsCommand).callsFake((i) => {
    const name = i.Filters?.find((f: { Name: string }) => f.Name === 'group-name')?.Values?.[0];
    return { SecurityGroups: [...groups].filter(([, g]) => g.name === name).map(([id, g]) => ({ GroupId: id, GroupName: g.name, VpcId: g.vpcId })) };
  });
  mock.on(DeleteSecurityGroupCommand).callsFake((i) => {
    if (!groups.has(i.GroupId)) throw awsError('InvalidGroup.NotFound', 'no such group');
    const inUse = [...instances.values()].some((x) => x.groupIds.includes(i.GroupId) && x.state !== 'terminated');
    if (inUse || violations > 0) {
      violations = Math.max(0, violations - 1);
      throw awsError('DependencyViolation', `resource ${i.GroupId} has a dependent object`);
    }
    groups.delete(i.GroupId);
    return {};
  });
  mock.on(RunInstancesCommand).callsFake((i) => {
    const existing = [...instances].find(([, x]) => x.token === i.ClientToken);
    if (existing) return { Instances: [{ InstanceId: existing[0] }] };
    const id = `i-${String(++n).padStart(17, '0')}`;
    const groupIds = i.SecurityGroupIds ?? i.NetworkInterfaces?.[0]?.Groups ?? [];
    instances.set(id, { state: 'pending', token: i.ClientToken, groupIds, describes: 0, tags: i.TagSpecifications });
    return { Instances: [{ InstanceId: id, State: { Name: 'pending' } }] };
  });
  const view = (id: string) => {
    const x = instances.get(id)!;
    x.describes++;
    if (x.state === 'pending' && x.describes >= 2) x.state = 'running';
    if (x.state === 'shutting-down' && x.describes >= 2) x.state = 'terminated';
    return { InstanceId: id, State: { Name: x.state }, PublicIpAddress: x.state === 'running' ? (options.address ?? '127.0.0.1') : undefined };
  };
  mock.on(DescribeInstancesCommand).callsFake((i) => {
    const token = i.Filters?.find((f: { Name: string }) => f.Name === 'client-token')?.Values?.[0];
    const ids = token ? [...instances].filter(([, x]) => x.token === token).map(([id]) => id) : (i.InstanceIds ?? []);
    for (const id of ids) if (!instances.has(id)) throw awsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    return { Reservations: ids.length ? [{ Instances: ids.map(view) }] : [] };
  });
  mock.on(TerminateInstancesCommand).callsFake((i) => {
    for (const id of i.InstanceIds ?? []) {
      const x = instances.get(id);
      if (!x) throw awsError('InvalidInstanceID.NotFound', 'gone');
      if (x.state !== 'terminated') {
        x.state = 'shutting-down';
        x.describes = 0;
      }
    }
    return {};
  });
  mock.on(GetConsoleOutputCommand).callsFake(() => ({ Output: Buffer.from(options.console?.() ?? '').toString('base64') }));

  return {
    mock,
    keyPairs,
    groups,
    instances,
    /** What was created and is still there. */
    leftovers: () =>
      [...keyPairs]
        .map((k) => `key-pair ${k}`)
        .concat(
          [...groups.keys()].map((g) => `security-group ${g}`),
          [...instances].filter(([, x]) => x.state !== 'terminated').map(([id]) => `instance ${id}`),
        ),
    restore: () => mock.restore(),
  };
}
