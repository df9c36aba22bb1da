/** Regions, availability zones, VPCs and subnets: the default VPC and subnet, and a user's own subnets. */
import { ApiError, scalars } from '../protocol';
import { DEFAULT_VPC, Ec2State, filtered, Handlers, withTags } from './state';

export function networkBackend(ec2: Ec2State) {
  const { account, region, zone, subnets, subnetVpc } = ec2;

  const handlers: Handlers = {
    DescribeRegions: () => ({ regionInfo: [{ regionName: region, regionEndpoint: `ec2.${region}.amazonaws.com`, optInStatus: 'opt-in-not-required' }] }),
    DescribeAvailabilityZones: () => ({
      availabilityZoneInfo: [{ zoneName: zone, zoneState: 'available', regionName: region, zoneId: `${region.replace(/-/g, '')}-az1` }],
    }),
    DescribeVpcs: (p) => {
      const vpc = { vpcId: DEFAULT_VPC, state: 'available', cidrBlock: '172.31.0.0/16', isDefault: true, ownerId: account, instanceTenancy: 'default' };
      const ids = scalars(p, 'VpcId');
      if (ids.some((v) => v !== DEFAULT_VPC)) throw new ApiError('InvalidVpcID.NotFound', `The vpc ID '${ids.find((v) => v !== DEFAULT_VPC)}' does not exist`);
      return {
        vpcSet: filtered([vpc], p, (v) => withTags({ 'vpc-id': [v.vpcId], 'is-default': ['true'], state: ['available'] }, {}), [
          'vpc-id',
          'is-default',
          'state',
          'cidr',
        ]),
      };
    },
    DescribeSubnets: (p) => {
      const all = subnets.map((s) => ({
        ...s,
        state: 'available',
        cidrBlock: s.defaultForAz ? '172.31.16.0/20' : '10.0.1.0/24',
        availableIpAddressCount: 4000,
        availabilityZone: zone,
        mapPublicIpOnLaunch: s.defaultForAz,
        ownerId: account,
      }));
      const ids = scalars(p, 'SubnetId');
      const unknown = ids.find((id) => !subnetVpc(id));
      if (unknown) throw new ApiError('InvalidSubnetID.NotFound', `The subnet ID '${unknown}' does not exist`);
      return {
        subnetSet: filtered(
          all.filter((s) => !ids.length || ids.includes(s.subnetId)),
          p,
          (s) =>
            withTags(
              { 'subnet-id': [s.subnetId], 'vpc-id': [s.vpcId], 'availability-zone': [zone], 'default-for-az': [String(s.defaultForAz)], state: ['available'] },
              {},
            ),
          ['subnet-id', 'vpc-id', 'availability-zone', 'default-for-az', 'state'],
        ),
      };
    },
  };

  return { handlers };
}
