/**
 * deprecate-previous-after-days: the platform's older images, in each region
 * the platform lives in, get a deprecation date (EnableImageDeprecation), so
 * that launches stop finding them by default while they still work. An image
 * already set to be deprecated sooner keeps its date.
 */
import { EC2Client, EnableImageDeprecationCommand } from '@aws-sdk/client-ec2';
import { imageVersion, platformImages } from '../builders/packer/images';
import type { AwsClients } from '../lib/aws';
import type { Clock } from '../lib/clock';
import { describeError } from '../lib/errors';
import type { Log } from '../lib/log';

export async function deprecatePrevious(
  clientsFor: (region: string) => AwsClients,
  request: { platformName: string; version: string; amiIds: Record<string, string>; days: number },
  deps: { log: Log; clock: Clock },
): Promise<string[]> {
  // EC2 rounds the date to the nearest minute (API reference, DeprecateAt).
  const at = new Date(deps.clock.now() + request.days * 86_400_000);
  const lines: string[] = [];
  for (const [region, current] of Object.entries(request.amiIds)) {
    const ec2 = clientsFor(region).get(EC2Client);
    const older = (await platformImages(ec2, request.platformName)).filter(
      (i) =>
        i.ImageId !== current && i.State === 'available' && imageVersion(i) !== request.version && !(i.DeprecationTime && new Date(i.DeprecationTime) <= at),
    );
    for (const image of older) {
      const version = imageVersion(image) ?? '?';
      try {
        await ec2.send(new EnableImageDeprecationCommand({ ImageId: image.ImageId, DeprecateAt: at }));
        lines.push(`${version} (${image.ImageId}, ${region}) deprecated from ${at.toISOString()}`);
      } catch (error) {
        deps.log.warning(`Could not set a deprecation date on ${image.ImageId} in ${region}: ${describeError(error)}.`);
        lines.push(`${version} (${image.ImageId}, ${region}) not deprecated: ${describeError(error)}`);
      }
    }
  }
  for (const l of lines) deps.log.info(l);
  if (!lines.length) deps.log.info(`No older image of ${request.platformName} to deprecate.`);
  return lines;
}
