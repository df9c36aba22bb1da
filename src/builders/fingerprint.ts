/**
 * What a build is made from, as one SHA-256: the bundle, the base image the
 * template resolves to now, the builder, and with builder packer the Packer
 * and plugin releases and the -var values. Two builds with the same
 * fingerprint make the same image; a new base image from the template's
 * owner (Canonical's daily Ubuntu) changes it.
 */
import { createHash } from 'node:crypto';
import { DescribeImagesCommand, EC2Client, Filter } from '@aws-sdk/client-ec2';
import type { BuilderKind } from '../declarations';
import type { PackerTemplate } from '../platform/definition';
import { amazonBuilders, resolveValue } from '../platform/template';
import { newestFirst } from './packer/images';

export interface BuildInputs {
  platformName: string;
  bundleSha256: string;
  /** The image each amazon-ebs builder of the template starts from, in template order. */
  baseImages: string[];
  builder: BuilderKind;
  /** builder packer: what runs the template. */
  packer?: { version: string; plugin?: string; variables: Record<string, string> };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The fingerprint: SHA-256 of the inputs in a fixed order (keys sorted), hex. */
export function fingerprintOf(b: BuildInputs): string {
  const variables = b.packer ? Object.fromEntries(Object.entries(b.packer.variables).sort(([a], [z]) => a.localeCompare(z))) : undefined;
  return sha256(JSON.stringify([b.platformName, b.bundleSha256, b.baseImages, b.builder, b.packer?.version, b.packer?.plugin, variables]));
}

/** The inputs in words, at most 255 characters (an EC2 tag value), for a later run to say what changed. */
export function describeBuildInputs(b: BuildInputs): string {
  const parts = [`bundle=${b.bundleSha256}`, `base=${b.baseImages.join(',')}`, `builder=${b.builder}`];
  if (b.packer) {
    parts.push(`packer=${b.packer.version}`);
    if (b.packer.plugin) parts.push(`plugin=${b.packer.plugin}`);
    if (Object.keys(b.packer.variables).length) parts.push(`vars=${sha256(JSON.stringify(Object.entries(b.packer.variables).sort())).slice(0, 12)}`);
  }
  return parts.join(';').slice(0, 255);
}

const WORDS: Record<string, string> = {
  bundle: 'the bundle',
  base: 'the base image',
  builder: 'the builder',
  packer: 'the Packer release',
  plugin: 'the amazon plugin release',
  vars: 'the Packer variables',
};

/** What differs between two described inputs, in words ("the base image moved: ami-1 → ami-2"). */
export function changedInputs(before: string, now: string): string[] {
  const parse = (s: string) => new Map(s.split(';').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]));
  const [a, b] = [parse(before), parse(now)];
  const changed: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(key) === b.get(key)) continue;
    const [from, to] = [a.get(key) || 'none', b.get(key) || 'none'];
    const short = (v: string) => (key === 'bundle' ? `${v.slice(0, 12)}…` : v);
    changed.push(`${WORDS[key] ?? key} ${key === 'base' ? 'moved' : 'changed'}: ${short(from)} → ${short(to)}`);
  }
  return changed;
}

/** A base image, or why it cannot be known before Packer runs. */
export type BaseImages = { ids: string[]; names: string[] } | { unknown: string };

/** A value in the template only Packer can resolve. */
class Unresolved extends Error {}

interface AmiFilter {
  filters?: Record<string, unknown>;
  owners?: unknown[];
  most_recent?: boolean;
  include_deprecated?: boolean;
}

/**
 * The image each amazon-ebs builder starts from, found as the amazon plugin finds it
 * (packer-plugin-amazon builder/common/step_source_ami_info.go and ami_filter.go): one
 * DescribeImages with `source_ami` as ImageIds and `source_ami_filter`'s filters, owners and
 * include_deprecated; none found, or several without most_recent, is Packer's own error; with
 * most_recent, the newest CreationDate. Values are resolved through the template's variables, the
 * -var values and the environment; anything else (a function) leaves the base image unknown.
 */
export async function resolveBaseImages(
  ec2: EC2Client,
  template: PackerTemplate | undefined,
  variables: Record<string, string>,
  env: Record<string, string>,
): Promise<BaseImages> {
  if (!template) return { unknown: 'the template is not JSON: only Packer reads it' };
  const vars = { ...(template.variables ?? {}), ...variables } as Record<string, unknown>;
  const resolved = (v: unknown, at: string): string => {
    const text = typeof v === 'string' ? resolveValue(v, vars, env) : undefined;
    if (text === undefined) throw new Unresolved(`${at} (${JSON.stringify(v)}) is resolved only by Packer`);
    return text;
  };
  const builders = amazonBuilders(template);
  if (!builders.length) return { unknown: 'the template has no amazon-ebs builder' };
  const ids: string[] = [];
  const names: string[] = [];
  try {
    for (const { index, builder } of builders) {
      const at = `builders[${index}]`;
      const sourceAmi = builder.source_ami === undefined || builder.source_ami === '' ? undefined : resolved(builder.source_ami, `${at}.source_ami`);
      const filter = (builder.source_ami_filter ?? {}) as AmiFilter;
      const filters: Filter[] = Object.entries(filter.filters ?? {}).map(([name, v]) => ({
        Name: name,
        Values: [resolved(v, `${at}.source_ami_filter.filters.${name}`)],
      }));
      const owners = (filter.owners ?? []).map((o, i) => resolved(o, `${at}.source_ami_filter.owners[${i}]`));
      if (!sourceAmi && !filters.length && !owners.length) return { unknown: `${at} names no source_ami or source_ami_filter` };
      const images =
        (
          await ec2.send(
            new DescribeImagesCommand({
              ImageIds: sourceAmi ? [sourceAmi] : undefined,
              Filters: filters.length ? filters : undefined,
              Owners: owners.length ? owners : undefined,
              IncludeDeprecated: filter.include_deprecated === true,
            }),
          )
        ).Images ?? [];
      if (!images.length) return { unknown: `no image matches ${at}'s source image (Packer would fail: "No AMI was found matching filters")` };
      if (images.length > 1 && !filter.most_recent)
        return { unknown: `${at}'s source_ami_filter matches ${images.length} images and most_recent is not set (Packer would fail)` };
      const image = newestFirst(images)[0];
      ids.push(image.ImageId as string);
      names.push(image.Name ?? (image.ImageId as string));
    }
  } catch (error) {
    if (error instanceof Unresolved) return { unknown: error.message };
    throw error;
  }
  return { ids, names };
}
