/**
 * What the action reads in a JSON Packer template before the build starts:
 * the region its amazon-ebs builder will build in, and keys an older Packer
 * would refuse. Template interpolation is resolved only as far as it can be
 * without running Packer: `{{user `x`}}` through the template's variables,
 * `{{env `X`}}` by name.
 */
import type { PackerTemplate } from './definition';

/** The variables Elastic Beanstalk documents for the Packer run (guide, "Custom platforms"). */
export const EB_DOCUMENTED_ENV = ['AWS_EB_PLATFORM_ARN', 'AWS_EB_PLATFORM_NAME', 'AWS_EB_PLATFORM_VERSION'] as const;

export type TemplateRegion =
  /** Written into the template (or a variable's default). */
  | { kind: 'literal'; region: string }
  /** Left empty, as AWS's sample platforms leave it: Packer takes the region from its environment. */
  | { kind: 'empty' }
  /** Read from an environment variable. */
  | { kind: 'env'; variable: string }
  /** Something this reading cannot resolve (a function, a variable set on the command line). */
  | { kind: 'unresolved'; expression: string };

const USER = /^\{\{\s*user\s+`([^`]+)`\s*\}\}$/;
const ENV = /^\{\{\s*env\s+`([^`]+)`\s*\}\}$/;

/** Follows `{{user `x`}}` through the template's variables until a literal, an env lookup or something else. */
function resolve(value: string, variables: Record<string, unknown>, seen = new Set<string>()): TemplateRegion {
  const text = value.trim();
  if (!text) return { kind: 'empty' };
  const user = USER.exec(text);
  if (user) {
    if (seen.has(user[1]) || !(user[1] in variables)) return { kind: 'unresolved', expression: text };
    seen.add(user[1]);
    const next = variables[user[1]];
    return typeof next === 'string'
      ? resolve(next, variables, seen)
      : next === null || next === undefined
        ? { kind: 'empty' }
        : { kind: 'unresolved', expression: text };
  }
  const env = ENV.exec(text);
  if (env) return { kind: 'env', variable: env[1] };
  if (text.includes('{{')) return { kind: 'unresolved', expression: text };
  return { kind: 'literal', region: text };
}

/** The amazon-ebs builders of a template, with where each sits in `builders`. */
export function amazonBuilders(template: PackerTemplate): { index: number; builder: Record<string, unknown> }[] {
  return (template.builders ?? []).map((builder, index) => ({ index, builder })).filter(({ builder }) => builder.type === 'amazon-ebs');
}

/** The region of each amazon-ebs builder in the template. */
export function templateRegions(template: PackerTemplate): { index: number; region: TemplateRegion }[] {
  const variables = (template.variables ?? {}) as Record<string, unknown>;
  return amazonBuilders(template).map(({ index, builder }) => {
    const raw = builder.region;
    return {
      index,
      region:
        raw === undefined || raw === null
          ? { kind: 'empty' }
          : typeof raw === 'string'
            ? resolve(raw, variables)
            : { kind: 'unresolved', expression: JSON.stringify(raw) },
    };
  });
}

/**
 * Keys of the amazon-ebs builder's block device mappings that Packer learnt
 * late, which the Packer on Elastic Beanstalk's builder (undocumented, older
 * tooling in every public transcript) may refuse: `throughput` came in Packer
 * 1.6.6, and 1.6.6 refuses a gp3 volume without it ("Throughput must be
 * between 125 and 1000", seen running Debian's 1.6.6), so gp3 works with no
 * Packer before or at 1.6.6 both ways. Leaving volume_type out takes the
 * source image's type (gp3 for Canonical's hvm-ssd-gp3 images).
 */
export function lateTemplateKeys(template: PackerTemplate): string[] {
  const found: string[] = [];
  for (const { index, builder } of amazonBuilders(template)) {
    for (const list of ['launch_block_device_mappings', 'ami_block_device_mappings']) {
      const mappings = builder[list];
      if (!Array.isArray(mappings)) continue;
      mappings.forEach((m: Record<string, unknown> | null, i) => {
        const at = `builders[${index}].${list}[${i}]`;
        if (m && 'throughput' in m) found.push(`${at}.throughput (needs Packer 1.6.6)`);
        if (m?.volume_type === 'gp3') found.push(`${at}.volume_type gp3 (Packer 1.6.6 demands a throughput with it, which older Packer does not know)`);
      });
    }
  }
  return found;
}

/**
 * The tags the template gives Packer's build instance (amazon-ebs `run_tags`),
 * resolved with the values the build's environment will hold; a tag whose
 * value cannot be known before the build is left out. After a build that ended
 * without Packer's own clean-up, these find its instance.
 */
export function resolvedRunTags(template: PackerTemplate, env: Record<string, string>): Record<string, string> {
  const variables = (template.variables ?? {}) as Record<string, unknown>;
  const tags: Record<string, string> = {};
  for (const { builder } of amazonBuilders(template)) {
    const runTags = builder.run_tags;
    if (typeof runTags !== 'object' || runTags === null) continue;
    for (const [key, raw] of Object.entries(runTags as Record<string, unknown>)) {
      if (typeof raw !== 'string') continue;
      const value = resolveValue(raw, variables, env);
      if (value !== undefined && value !== '' && !key.includes('{{')) tags[key] = value;
    }
  }
  return tags;
}

/** A template string made only of literals, `{{user `x`}}` and `{{env `X`}}`, resolved; undefined when anything else is in it (a function, `{{timestamp}}`). */
export function resolveValue(text: string, variables: Record<string, unknown>, env: Record<string, string>, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  let unknown = false;
  const out = text.replace(/\{\{\s*(user|env)\s+`([^`]+)`\s*\}\}|\{\{[^}]*\}\}/g, (whole, kind: string | undefined, name: string | undefined) => {
    if (kind === 'env' && name && name in env) return env[name];
    if (kind === 'user' && name && typeof variables[name] === 'string') {
      const v = resolveValue(variables[name] as string, variables, env, depth + 1);
      if (v !== undefined) return v;
    }
    unknown = true;
    return whole;
  });
  return unknown ? undefined : out;
}
