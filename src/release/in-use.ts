/**
 * What uses a platform's images or versions, so a prune never removes them.
 * Images: EC2's DescribeImageReferences where the endpoint has it (instances in
 * any live state, every launch template version, SSM parameters of data type
 * aws:ec2:image; at most 10 images a call: API reference), else the same looked
 * up one by one (every version of every launch template, through
 * `resolve:ssm:` too; running instances); in both cases the launch
 * configurations and the SSM parameters the action writes, which the API does
 * not cover or the action knows by name. Platform versions: the environments
 * that run them, and the parameters.
 */
import { AutoScalingClient, DescribeLaunchConfigurationsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeImageReferencesCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeEnvironmentsCommand, ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsClients } from '../lib/aws';
import { errorCode, isPermissionDenied } from '../lib/aws-errors';
import type { Log } from '../lib/log';
import { batches } from '../lib/batches';
import { allPages } from '../lib/paginate';
import { parameterHistory, rollbackTarget } from './history';
import { getParameter } from './parameter';
import { LIVE_INSTANCE_STATES } from '../resources/states';

/** Id (image id or platform ARN) → what uses it. */
export type Uses = Map<string, string[]>;

function add(uses: Uses, id: string | undefined, what: string): void {
  if (!id || uses.get(id)?.includes(what)) return;
  uses.set(id, [...(uses.get(id) ?? []), what]);
}

/** A reference in the words the rest of the prune uses: `instance i-…`, `launch template lt-…`, `SSM parameter /name`. */
function referenceWords(type: string | undefined, arn: string | undefined): string {
  const id = arn?.split('/').pop() ?? '';
  if (type === 'ec2:Instance') return `instance ${id}`;
  if (type === 'ec2:LaunchTemplate') return `launch template ${id}`;
  if (type === 'ssm:Parameter') return `SSM parameter ${arn?.replace(/^arn:[^:]+:ssm:[^:]*:\d*:parameter/, '') ?? ''}`;
  return `${type} ${arn}`;
}

/**
 * What a parameter holds now, and the value a rollback would return it to (release/history.ts):
 * a prune keeps both, so a rollback always finds its target.
 */
async function parameterUses(ssm: SSMClient, name: string, uses: Uses): Promise<void> {
  const history = await parameterHistory(ssm, name);
  if (!history) return;
  const { current, target } = rollbackTarget(history);
  add(uses, current?.value, `SSM parameter ${name}`);
  add(uses, target?.value, `SSM parameter ${name}'s rollback target (version ${target?.version})`);
}

const SSM_REFERENCE = /^resolve:ssm:(.+?)(?::\d+)?$/;

/** The most images DescribeImageReferences takes in one call (API reference, ImageId.N). */
const REFERENCE_BATCH = 10;

/**
 * Adds what DescribeImageReferences says uses the images; false where it cannot answer (an
 * endpoint without the action: EC2 answers InvalidAction to an action it does not know; or a
 * policy without ec2:DescribeImageReferences), and nothing is added then.
 */
async function referencedBy(ec2: EC2Client, imageIds: string[], uses: Uses, log: Log): Promise<boolean> {
  const found: [string | undefined, string][] = [];
  try {
    for (const batch of batches(imageIds, REFERENCE_BATCH)) {
      const refs = await allPages('DescribeImageReferences', async (token) => {
        const page = await ec2.send(
          new DescribeImageReferencesCommand({
            ImageIds: batch,
            ResourceTypes: [
              { ResourceType: 'ec2:Instance', ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: LIVE_INSTANCE_STATES }] },
              { ResourceType: 'ec2:LaunchTemplate', ResourceTypeOptions: [{ OptionName: 'version-depth', OptionValues: ['10000'] }] },
              { ResourceType: 'ssm:Parameter' },
              { ResourceType: 'imagebuilder:ImageRecipe' },
              { ResourceType: 'imagebuilder:ContainerRecipe' },
            ],
            NextToken: token,
          }),
        );
        return { items: page.ImageReferences, next: page.NextToken };
      });
      for (const r of refs) found.push([r.ImageId, referenceWords(r.ResourceType, r.Arn)]);
    }
  } catch (error) {
    if (errorCode(error) !== 'InvalidAction' && !isPermissionDenied(error)) throw error;
    log.info(`DescribeImageReferences did not answer (${errorCode(error)}): looking at instances and every launch template version one by one.`);
    return false;
  }
  for (const [id, what] of found) add(uses, id, what);
  return true;
}

/**
 * The images every version of every launch template names (`throughSsmOnly`: only those named
 * through `resolve:ssm:NAME`, which DescribeImageReferences is not documented to follow); such a
 * reference is read from SSM here, its current value being what a launch gets.
 */
async function launchTemplateImages(ec2: EC2Client, ssm: SSMClient, uses: Uses, throughSsmOnly: boolean): Promise<void> {
  const templates = await allPages('DescribeLaunchTemplates', async (token) => {
    const page = await ec2.send(new DescribeLaunchTemplatesCommand({ NextToken: token, MaxResults: 200 }));
    return { items: page.LaunchTemplates, next: page.NextToken };
  });
  for (const t of templates) {
    const versions = await allPages('DescribeLaunchTemplateVersions', async (token) => {
      const page = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: t.LaunchTemplateId, NextToken: token, MaxResults: 200 }));
      return { items: page.LaunchTemplateVersions, next: page.NextToken };
    });
    for (const v of versions) {
      const named = v.LaunchTemplateData?.ImageId;
      const reference = named ? SSM_REFERENCE.exec(named) : null;
      if (throughSsmOnly && !reference) continue;
      const image = reference ? (await getParameter(ssm, reference[1]))?.Value : named;
      const which = [v.DefaultVersion ? '$Default' : '', v.VersionNumber === t.LatestVersionNumber ? '$Latest' : ''].filter(Boolean).join(', ');
      add(uses, image, `launch template ${t.LaunchTemplateName ?? t.LaunchTemplateId} (version ${v.VersionNumber}${which ? `, ${which}` : ''})`);
    }
  }
}

/** The most values one EC2 filter takes ("up to 200 values": EC2 API reference, Filter). */
const FILTER_VALUES = 200;

async function instanceImages(ec2: EC2Client, imageIds: string[], uses: Uses): Promise<void> {
  for (const batch of batches(imageIds, FILTER_VALUES)) {
    const reservations = await allPages('DescribeInstances', async (token) => {
      const page = await ec2.send(
        new DescribeInstancesCommand({
          Filters: [
            { Name: 'image-id', Values: batch },
            { Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES },
          ],
          NextToken: token,
        }),
      );
      return { items: page.Reservations, next: page.NextToken };
    });
    for (const i of reservations.flatMap((r) => r.Instances ?? [])) add(uses, i.ImageId, `instance ${i.InstanceId}`);
  }
}

/** The images launch configurations name: Auto Scaling's, which DescribeImageReferences does not look at. */
async function launchConfigurationImages(autoscaling: AutoScalingClient, uses: Uses): Promise<void> {
  const configurations = await allPages('DescribeLaunchConfigurations', async (token) => {
    const page = await autoscaling.send(new DescribeLaunchConfigurationsCommand({ NextToken: token, MaxRecords: 100 }));
    return { items: page.LaunchConfigurations, next: page.NextToken };
  });
  for (const c of configurations) add(uses, c.ImageId, `launch configuration ${c.LaunchConfigurationName}`);
}

/** What uses each of `imageIds` in one region. */
export async function imageUses(clients: AwsClients, imageIds: string[], parameters: string[], log: Log): Promise<Uses> {
  const uses: Uses = new Map();
  if (!imageIds.length) return uses;
  const ec2 = clients.get(EC2Client);
  const ssm = clients.get(SSMClient);
  const referenced = await referencedBy(ec2, imageIds, uses, log);
  await launchTemplateImages(ec2, ssm, uses, referenced);
  if (!referenced) await instanceImages(ec2, imageIds, uses);
  await launchConfigurationImages(clients.get(AutoScalingClient), uses);
  for (const name of parameters) await parameterUses(ssm, name, uses);
  return uses;
}

/** What the parameters hold now and would return to on a rollback: value → which parameter. */
export async function parameterValues(ssm: SSMClient, names: string[]): Promise<Uses> {
  const uses: Uses = new Map();
  for (const name of names) await parameterUses(ssm, name, uses);
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
  for (const name of parameters) await parameterUses(clients.get(SSMClient), name, uses);
  return uses;
}
