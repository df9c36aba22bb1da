/**
 * Auto Scaling's launch configurations (query protocol, version 2011-01-01),
 * one set per region: DescribeLaunchConfigurations, paginated with NextToken
 * and MaxRecords (at most 100; API reference). Launch configurations name an
 * image directly, and DescribeImageReferences does not look at them (its
 * resource types: ec2:Instance, ec2:LaunchTemplate, ssm:Parameter and Image
 * Builder's recipes; API reference), so a prune asks for them itself.
 */
import { ApiError } from './protocol';
import type { XmlValue } from './xml';

export interface LaunchConfiguration {
  name: string;
  imageId: string;
  instanceType: string;
  created: Date;
}

export function createAutoScaling(options: { account: string; region: string }) {
  const configurations: LaunchConfiguration[] = [];
  return {
    handlers: {
      DescribeLaunchConfigurations: (p: URLSearchParams): XmlValue => {
        const max = Number(p.get('MaxRecords') ?? 50);
        if (!Number.isInteger(max) || max < 1 || max > 100) throw new ApiError('ValidationError', 'MaxRecords must be between 1 and 100');
        const start = Number(p.get('NextToken') ?? 0);
        const page = configurations.slice(start, start + max);
        return {
          LaunchConfigurations: page.map((c) => ({
            LaunchConfigurationName: c.name,
            LaunchConfigurationARN: `arn:aws:autoscaling:${options.region}:${options.account}:launchConfiguration:00000000-0000-0000-0000-000000000000:launchConfigurationName/${c.name}`,
            ImageId: c.imageId,
            InstanceType: c.instanceType,
            CreatedTime: c.created,
          })),
          NextToken: start + max < configurations.length ? String(start + max) : undefined,
        };
      },
    } as Record<string, (p: URLSearchParams) => XmlValue>,
    /** A launch configuration a test sets up (an older Auto Scaling group's). */
    add: (name: string, imageId: string) => configurations.push({ name, imageId, instanceType: 't3.small', created: new Date() }),
  };
}

export type AutoScaling = ReturnType<typeof createAutoScaling>;
