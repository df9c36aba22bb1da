/** IAM's GetInstanceProfile, for the pre-flight check of the builder's instance profile. */
import { ApiError } from './protocol';
import type { XmlValue } from './xml';

export function createIam(options: { account: string; instanceProfiles: string[] }) {
  return {
    handlers: {
      GetInstanceProfile: (p: URLSearchParams): XmlValue => {
        const name = p.get('InstanceProfileName') ?? '';
        // IAM's answer for a missing entity: NoSuchEntity, 404.
        if (!options.instanceProfiles.includes(name)) throw new ApiError('NoSuchEntity', `Instance Profile ${name} cannot be found.`, 404);
        return {
          InstanceProfile: {
            Path: '/',
            InstanceProfileName: name,
            InstanceProfileId: 'AIPASTANDIN0000000001',
            Arn: `arn:aws:iam::${options.account}:instance-profile/${name}`,
            CreateDate: new Date('2024-01-01T00:00:00Z'),
            Roles: [
              {
                Path: '/',
                RoleName: name,
                RoleId: 'AROASTANDIN0000000001',
                Arn: `arn:aws:iam::${options.account}:role/${name}`,
                CreateDate: new Date('2024-01-01T00:00:00Z'),
              },
            ],
          },
        };
      },
    } as Record<string, (p: URLSearchParams) => XmlValue>,
  };
}
