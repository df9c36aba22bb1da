/**
 * What uses a platform's images or versions, so a prune never removes them:
 * the image a launch template's default or latest version names (directly or
 * through `resolve:ssm:`), the SSM parameters the action writes, running
 * instances, and (Elastic Beanstalk) the environments on a platform version.
 */
import { DescribeInstancesCommand, DescribeLaunchTemplatesCommand, DescribeLaunchTemplateVersionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeEnvironmentsCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsClients } from '../lib/aws';
import { allPages } from '../lib/paginate';
import { getParameter } from './parameter';
import { LIVE_INSTANCE_STATES } from '../resources/states';

/** Id (image id or platform ARN) → what uses it. */
export type Uses = Map<string, string[]>;

function add(uses: Uses, id: string | undefined, what: string): void {
  if (!id) return;
  uses.set(id, [...(uses.get(id) ?? []), what]);
}

/** A parameter's value, or undefined when it does not exist. */
const readParameter = async (ssm: SSMClient, name: string) => (await getParameter(ssm, name))?.Value;

const SSM_REFERENCE = /^resolve:ssm:(.+?)(?::\d+)?$/;

/**
 * The images launch templates name in their default and latest versions.
 * EC2 resolves a `resolve:ssm:` image when asked (ResolveAlias); one left
 * unresolved is read from SSM here.
 */
async function launchTemplateImages(ec2: EC2Client, ssm: SSMClient, uses: Uses): Promise<void> {
  const templates = await allPages('DescribeLaunchTemplates', async (token) => {
    const page = await ec2.send(new DescribeLaunchTemplatesCommand({ NextToken: token, MaxResults: 200 }));
    return { items: page.LaunchTemplates, next: page.NextToken };
  });
  for (const t of templates) {
    const versions = await ec2.send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: t.LaunchTemplateId, Versions: ['$Default', '$Latest'], ResolveAlias: true }),
    );
    for (const v of versions.LaunchTemplateVersions ?? []) {
      let image = v.LaunchTemplateData?.ImageId;
      const reference = image ? SSM_REFERENCE.exec(image) : null;
      if (reference) image = await readParameter(ssm, reference[1]);
      const which = [v.DefaultVersion ? '$Default' : '', v.VersionNumber === t.LatestVersionNumber ? '$Latest' : ''].filter(Boolean).join(', ');
      add(uses, image, `launch template ${t.LaunchTemplateName ?? t.LaunchTemplateId} (version ${v.VersionNumber}${which ? `, ${which}` : ''})`);
    }
  }
}

/** What uses each of `imageIds` in one region. */
export async function imageUses(clients: AwsClients, imageIds: string[], parameters: string[]): Promise<Uses> {
  const uses: Uses = new Map();
  if (!imageIds.length) return uses;
  const ec2 = clients.get(EC2Client);
  const ssm = clients.get(SSMClient);
  await launchTemplateImages(ec2, ssm, uses);
  for (const name of parameters) add(uses, await readParameter(ssm, name), `SSM parameter ${name}`);
  const reservations = await allPages('DescribeInstances', async (token) => {
    const page = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'image-id', Values: imageIds },
          { Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES },
        ],
        NextToken: token,
      }),
    );
    return { items: page.Reservations, next: page.NextToken };
  });
  for (const i of reservations.flatMap((r) => r.Instances ?? [])) add(uses, i.ImageId, `instance ${i.InstanceId}`);
  return uses;
}

/** The platform versions the region's environments run, and the SSM parameters that name one. */
export async function platformUses(clients: AwsClients, parameters: string[]): Promise<Uses> {
  const uses: Uses = new Map();
  const environments = await allPages('DescribeEnvironments', async (token) => {
    const page = await clients.get(ElasticBeanstalkClient).send(new DescribeEnvironmentsCommand({ IncludeDeleted: false, NextToken: token, MaxRecords: 1000 }));
    return { items: page.Environments, next: page.NextToken };
  });
  for (const e of environments) if (e.Status !== 'Terminated') add(uses, e.PlatformArn, `environment ${e.EnvironmentName}`);
  for (const name of parameters) add(uses, await readParameter(clients.get(SSMClient), name), `SSM parameter ${name}`);
  return uses;
}
