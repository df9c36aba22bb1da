/** Security groups, their ingress rules, and what keeps one from being deleted. */
import { ApiError, list, scalars, tagSpecifications } from '../protocol';
import { DEFAULT_VPC, Ec2State, filtered, Group, Handlers, id, tagSet, withTags } from './state';

export function securityGroupBackend(ec2: Ec2State) {
  const { account, groups, instances } = ec2;

  const handlers: Handlers = {
    CreateSecurityGroup: (p) => {
      const name = p.get('GroupName') ?? '';
      const vpcId = p.get('VpcId') || DEFAULT_VPC;
      if ([...groups.values()].some((g) => g.name === name && g.vpcId === vpcId))
        throw new ApiError('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`);
      const group: Group = {
        id: id('sg'),
        name,
        description: p.get('GroupDescription') ?? p.get('Description') ?? '',
        vpcId,
        ingress: [],
        tags: tagSpecifications(p, 'security-group'),
      };
      groups.set(group.id, group);
      return { return: true, groupId: group.id };
    },
    AuthorizeSecurityGroupIngress: (p) => {
      const g = groups.get(p.get('GroupId') ?? '');
      if (!g) throw new ApiError('InvalidGroup.NotFound', `The security group '${p.get('GroupId')}' does not exist`);
      const rules = list(p, 'IpPermissions').flatMap((perm) =>
        Object.entries(perm)
          .filter(([k]) => /^IpRanges\.\d+\.CidrIp$/.test(k))
          .map(([, cidr]) => ({ protocol: perm.IpProtocol, from: Number(perm.FromPort), to: Number(perm.ToPort), cidr })),
      );
      const dup = rules.find((r) => g.ingress.some((x) => x.protocol === r.protocol && x.from === r.from && x.to === r.to && x.cidr === r.cidr));
      if (dup)
        throw new ApiError(
          'InvalidPermission.Duplicate',
          `the specified rule "peer: ${dup.cidr}, TCP, from port: ${dup.from}, to port: ${dup.to}, ALLOW" already exists`,
        );
      g.ingress.push(...rules);
      return { return: true };
    },
    DescribeSecurityGroups: (p) => {
      const ids = scalars(p, 'GroupId');
      for (const g of ids) if (!groups.has(g)) throw new ApiError('InvalidGroup.NotFound', `The security group '${g}' does not exist`);
      const found = filtered(
        [...groups.values()].filter((g) => !ids.length || ids.includes(g.id)),
        p,
        (g) => withTags({ 'group-name': [g.name], 'group-id': [g.id], 'vpc-id': [g.vpcId] }, g.tags),
        ['group-name', 'group-id', 'vpc-id'],
      );
      return {
        securityGroupInfo: found.map((g) => ({
          ownerId: account,
          groupId: g.id,
          groupName: g.name,
          groupDescription: g.description,
          vpcId: g.vpcId,
          ipPermissions: g.ingress.map((r) => ({ ipProtocol: r.protocol, fromPort: r.from, toPort: r.to, ipRanges: [{ cidrIp: r.cidr }] })),
          tagSet: tagSet(g.tags),
        })),
      };
    },
    DeleteSecurityGroup: (p) => {
      const gid = p.get('GroupId') ?? '';
      if (!groups.has(gid)) throw new ApiError('InvalidGroup.NotFound', `The security group '${gid}' does not exist`);
      if ([...instances.values()].some((i) => i.groups.includes(gid) && i.machine.state() !== 'terminated'))
        throw new ApiError('DependencyViolation', `resource ${gid} has a dependent object`);
      groups.delete(gid);
      return { return: true };
    },
  };

  return {
    handlers,
    /** Its part of leftovers(). */
    leftovers: () => [...groups.values()].map((g) => `security group ${g.id} (${g.name})`),
  };
}
