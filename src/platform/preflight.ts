/**
 * What the platform directory must satisfy for the chosen builder and region,
 * checked before any AWS call: a build Elastic Beanstalk would end half an
 * hour later ("Unmatched region for created AMI") is refused now.
 */
import * as path from 'node:path';
import { InputError } from '../lib/errors';
import type { PlatformDefinition } from './definition';
import { EB_DOCUMENTED_ENV, lateTemplateKeys, resolvedRunTags, templateRegions } from './template';

import type { BuilderKind } from '../declarations';
export type { BuilderKind };

/** Environment variables the action itself sets for Packer in `packer` mode. */
const PACKER_MODE_REGION_ENV = ['AWS_REGION', 'AWS_DEFAULT_REGION'];

/**
 * Throws an InputError for what cannot work; returns warnings for what may
 * not. `region` is empty on a dry run without one, where only what needs no
 * region is checked.
 */
export function preflightPlatform(def: PlatformDefinition, options: { region: string; builder: BuilderKind; shares?: boolean }): string[] {
  const { region, builder } = options;
  const template = def.template;
  if (!template) return [];
  const file = def.templateFile;
  const regions = templateRegions(template);
  if (!regions.length) {
    throw new InputError('platform-dir', `${file} has no amazon-ebs builder: expected one, since the platform is the AMI it registers`);
  }
  const warnings: string[] = [];
  if (options.shares) {
    const builders = ((template as { builders?: Record<string, unknown>[] }).builders ?? []).filter((b) => b.type === 'amazon-ebs');
    const awsManaged = builders.findIndex((b) => b.encrypt_boot === true && (!b.kms_key_id || /(^|:)alias\/aws\/ebs$/.test(String(b.kms_key_id))));
    if (awsManaged >= 0) {
      // "You can't share an AMI that has volumes that are encrypted with an AWS managed key" (EC2 user guide, "Share an AMI with specific AWS accounts").
      throw new InputError(
        'ami-share-accounts',
        `${file} (builders[${awsManaged}]) encrypts the image with the AWS managed key (encrypt_boot without kms_key_id), and such an image cannot be shared: ` +
          `set kms_key_id to a customer managed key whose policy lets the accounts use it, or share nothing`,
      );
    }
  }
  const unmatched = 'Elastic Beanstalk would end the build after it ran, with "Unmatched region for created AMI"';
  for (const { index, region: r } of regions) {
    const where = `${file} (builders[${index}].region)`;
    if (r.kind === 'literal' && region && r.region !== region) {
      throw new InputError(
        'aws-region',
        `'${region}' is not where ${where} builds: it says '${r.region}'. ` +
          (builder === 'elastic-beanstalk' ? `${unmatched}. ` : 'The image would be made in another region than the one the action tests it in. ') +
          `Make them the same, or leave the template's region empty ("region": "") as AWS's sample platforms do.`,
      );
    }
    if (r.kind === 'env') {
      const fine = builder === 'packer' ? PACKER_MODE_REGION_ENV.includes(r.variable) : false;
      if (!fine) {
        const documented = (EB_DOCUMENTED_ENV as readonly string[]).includes(r.variable);
        warnings.push(
          builder === 'elastic-beanstalk'
            ? `${where} takes its region from ${r.variable}, which ${documented ? 'holds no region' : 'Elastic Beanstalk does not document setting for the Packer run'} (it documents only ${EB_DOCUMENTED_ENV.join(', ')}). ` +
                `If the builder leaves it unset, Packer builds wherever its own configuration says, and anywhere but ${region || 'aws-region'} ${unmatched}. ` +
                `Write "region": "${region || '<aws-region>'}" into the template, or leave it "" as AWS's sample platforms do.`
            : `${where} takes its region from ${r.variable}, which the action does not set: it sets AWS_REGION. Use {{env \`AWS_REGION\`}} or leave the region "".`,
        );
      }
    }
    if (r.kind === 'unresolved') {
      warnings.push(`${where} is '${r.expression}', which cannot be read before the build: make sure it resolves to ${region || 'aws-region'}.`);
    }
  }
  const probe = Object.fromEntries(EB_DOCUMENTED_ENV.map((v) => [v, 'known']));
  if (!Object.keys(resolvedRunTags(template, probe)).length) {
    warnings.push(
      `${file} gives Packer's build instance no run_tags the action can resolve before the build: after a build that ends without Packer's own clean-up ` +
        `(cancelled, or killed), its instance could not be found. Add "run_tags": {"eb_platform_name": "{{env \`AWS_EB_PLATFORM_NAME\`}}", "eb_platform_version": "{{env \`AWS_EB_PLATFORM_VERSION\`}}"} to the amazon-ebs builder.`,
    );
  }
  if (builder === 'elastic-beanstalk') {
    const late = lateTemplateKeys(template);
    if (late.length) {
      warnings.push(
        `${path.basename(file)} uses ${late.join(', ')}: the Packer on Elastic Beanstalk's builder is not documented and public build logs show older tooling, which may refuse them.`,
      );
    }
  }
  return warnings;
}
