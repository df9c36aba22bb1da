/**
 * The platform's images in the account, found by the tags its template gives
 * the AMI (eb_platform_name, eb_platform_version: the same tags Elastic
 * Beanstalk's sample templates set), for `auto` versions and refusals.
 */
import { DescribeImagesCommand, EC2Client, Image } from '@aws-sdk/client-ec2';
import type { VersionRequest } from '../../inputs';
import { allPages } from '../../lib/paginate';
import { tagValue } from '../../lib/tags';
import { chooseVersion, ResolvedVersion } from '../versions';

export const NAME_TAG = 'eb_platform_name';
export const VERSION_TAG = 'eb_platform_version';

/** The platform version an image's tags say it is. */
export const imageVersion = (image: Image): string | undefined => tagValue(image.Tags, VERSION_TAG);

/** Every image of the platform the account owns, whatever its state. */
export async function platformImages(ec2: EC2Client, name: string): Promise<Image[]> {
  return allPages('DescribeImages', async (token) => {
    const page = await ec2.send(
      new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: `tag:${NAME_TAG}`, Values: [name] }], NextToken: token, MaxResults: 1000 }),
    );
    return { items: page.Images, next: page.NextToken };
  });
}

/** Images newest first, by CreationDate (the order the amazon plugin's most_recent takes the first of). */
export function newestFirst(images: Image[]): Image[] {
  return [...images].sort((a, b) => Date.parse(b.CreationDate ?? '') - Date.parse(a.CreationDate ?? ''));
}

export async function resolveImageVersion(ec2: EC2Client, name: string, request: VersionRequest): Promise<ResolvedVersion> {
  const images = await platformImages(ec2, name);
  const versions = images.map(imageVersion).filter((v): v is string => !!v);
  const live = new Map(images.filter(imageVersion).map((i) => [imageVersion(i) as string, `image ${i.ImageId}, ${i.State}`]));
  return chooseVersion(name, request, versions, live);
}
