/**
 * After a passed smoke test: the image's SBOM written where the `sbom-path`
 * output says, its digest tagged on the image, and, given the previous
 * image's SBOM (`sbom-previous-path`, a workflow artifact of the run that
 * built it), the packages that changed since, checked against the digest
 * that image's tag records.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { version as actionVersion } from '../../package.json';
import type { RunContext } from '../builders/context';
import { describeError } from '../lib/errors';
import { tagValue } from '../lib/tags';
import { IMAGE_TAG, tagImage } from './image-tags';
import { bomPackages, cycloneDx, packageChanges, PackageChanges, readSbom, SbomFacts, writeSbom } from './sbom';

/** What the summary shows of the SBOM. */
export interface SbomReport extends SbomFacts {
  since?: { imageId?: string; version?: string; verified: boolean; changes: PackageChanges };
}

/** The previous SBOM: the file given, or the one .cdx.json file in the directory given (a downloaded artifact). */
function previousFile(given: string): string | undefined {
  if (!fs.existsSync(given)) return undefined;
  if (!fs.statSync(given).isDirectory()) return given;
  const found = fs.readdirSync(given).filter((f) => f.endsWith('.cdx.json'));
  return found.length === 1 ? path.join(given, found[0]) : undefined;
}

async function compare(ctx: RunContext, given: string, now: Map<string, string>): Promise<SbomReport['since']> {
  const { deps, clients } = ctx;
  const file = previousFile(given);
  if (!file) {
    deps.log.info(`sbom-previous-path: no SBOM at ${given} (the first release, or no artifact): no comparison.`);
    return undefined;
  }
  const text = fs.readFileSync(file, 'utf8');
  const before = readSbom(text);
  let verified = false;
  if (before.imageId) {
    const image = (
      await clients
        .get(EC2Client)
        .send(new DescribeImagesCommand({ ImageIds: [before.imageId] }))
        .catch(() => undefined)
    )?.Images?.[0];
    verified = tagValue(image?.Tags, IMAGE_TAG.sbomSha256) === createHash('sha256').update(text).digest('hex');
  }
  if (!verified)
    deps.log.warning(
      `${file} is not the SBOM the tag of ${before.imageId ?? 'its image'} records (or the image is gone): the comparison may not be with what that image holds.`,
    );
  return { imageId: before.imageId, version: before.version, verified, changes: packageChanges(before.packages, now) };
}

export async function publishSbom(ctx: RunContext, amiId: string): Promise<void> {
  const { inputs, deps, report, clients, clock } = ctx;
  const inventory = report.smoke?.inventory;
  if (!inventory) return;
  try {
    const bom = cycloneDx(
      inventory,
      { platformName: inputs.platformName, taggedVersion: report.version, amiId, region: inputs.region },
      { version: actionVersion },
      new Date(clock.now()).toISOString(),
    );
    const facts: SbomReport = writeSbom(path.join(deps.workDir, 'eb-platform-sbom'), bom, inventory);
    report.sbom = facts;
    deps.setOutput('sbom-path', facts.path);
    deps.log.info(
      `SBOM (CycloneDX 1.5) ${facts.path}: ${facts.packages} packages (${facts.packageManager ?? 'no package manager found'}), ${facts.os ?? 'unknown OS'}, kernel ${facts.kernel}${facts.docker ? `, Docker ${facts.docker}` : ''}.`,
    );
    await tagImage(clients.get(EC2Client), amiId, { [IMAGE_TAG.sbomSha256]: facts.sha256 }, deps.log);
    if (inputs.sbomPreviousPath) facts.since = await compare(ctx, inputs.sbomPreviousPath, bomPackages(bom));
  } catch (error) {
    deps.log.warning(`No SBOM: ${describeError(error)}.`);
  }
}
