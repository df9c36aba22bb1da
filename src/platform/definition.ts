/**
 * platform.yaml and its Packer template, checked against what Elastic
 * Beanstalk's builder accepts before anything is packaged or sent. The schema
 * is the developer guide's "Platform.yaml file format" page; where AWS's own
 * sample platforms go beyond it, the sample is the source and says so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../lib/errors';
import { readSmokeSpec, SmokeSpec } from './smoke-spec';
import { isInside } from '../lib/paths';

/** provisioner.flavor: the guide lists these; the builder has a bootstrap script for no other value. */
export const FLAVORS = ['amazon', 'ubuntu1604', 'rhel7', 'rhel6'] as const;
export type Flavor = (typeof FLAVORS)[number];

/** metadata keys and their length limits, from the guide. */
const METADATA_LIMITS: Record<string, number> = {
  maintainer: 100,
  description: 2000,
  operating_system_name: 50,
  operating_system_version: 20,
  programming_language_name: 50,
  programming_language_version: 20,
  framework_name: 50,
  framework_version: 20,
  // Not in the guide's list, but in AWS's own sample (aws-samples/eb-custom-platforms-samples,
  // NodePlatform_Ubuntu/platform.yaml); the API's PlatformDescription has no field for them.
  app_server_name: 50,
  app_server_version: 20,
};

/** Where a platform's own options live (guide: option_definitions' namespace is "under aws:elasticbeanstalk:container:custom"). */
const CUSTOM_NAMESPACE = /^aws:elasticbeanstalk:container:custom(?::[A-Za-z0-9_.-]+)*$/;

/**
 * The namespaces a custom platform's option_settings may use: the guide allows "options provided by
 * Elastic Beanstalk", the general options of command-options-general.md (platform-specific ones such
 * as aws:elasticbeanstalk:environment:proxy belong to AWS's own platforms), plus the platform's own.
 */
const GENERAL_NAMESPACES = [
  /^aws:autoscaling:(asg|launchconfiguration|scheduledaction|trigger|updatepolicy:rollingupdate)$/,
  /^aws:ec2:(instances|vpc)$/,
  /^aws:elasticbeanstalk:(application|application:environment|cloudwatch:logs|cloudwatch:logs:health|command|environment|hostmanager|managedactions|managedactions:platformupdate|monitoring|sns:topics|sqsd|trafficsplitting|xray|healthreporting:system)$/,
  /^aws:elasticbeanstalk:environment:process:[A-Za-z0-9_-]+$/,
  /^aws:elasticbeanstalk:environment:proxy:staticfiles$/,
  /^aws:elb:(healthcheck|listener|loadbalancer|policies)$/,
  /^aws:elb:listener:\d+$/,
  /^aws:elb:policies:[A-Za-z0-9_-]+$/,
  /^aws:elbv2:(loadbalancer|listener:default)$/,
  /^aws:elbv2:listener:\d+$/,
  /^aws:elbv2:listenerrule:[A-Za-z0-9_-]+$/,
  /^aws:rds:dbinstance$/,
];
const MAX_OPTIONS = 50;

export interface OptionSetting {
  namespace: string;
  optionName: string;
  value: string;
}

export interface PlatformDefinition {
  /** The Packer template, relative to the platform directory. */
  templateFile: string;
  /** The template, parsed (JSON templates only; undefined for HCL). */
  template?: PackerTemplate;
  flavor: Flavor;
  /** Whether platform.yaml named a flavor (the builder's default is amazon). */
  flavorGiven: boolean;
  metadata: Record<string, string>;
  optionSettings: OptionSetting[];
  /** What the platform declares for the smoke test (smoke.yaml), if anything. */
  smoke?: SmokeSpec;
  raw: unknown;
}

/** The parts of a JSON Packer template the action reads. */
export interface PackerTemplate {
  variables?: Record<string, unknown>;
  builders?: Record<string, unknown>[];
  provisioners?: Record<string, unknown>[];
}

function fail(file: string, what: string): never {
  throw new InputError('platform-dir', `${file}: ${what}`);
}

function asMapping(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function scalar(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function readFlavor(file: string, provisioner: Record<string, unknown>): { flavor: Flavor; given: boolean } {
  if (provisioner.flavor === undefined || provisioner.flavor === null) return { flavor: 'amazon', given: false };
  const value = scalar(provisioner.flavor);
  if (!(FLAVORS as readonly string[]).includes(value)) {
    fail(
      file,
      `'provisioner.flavor' is '${value}': Elastic Beanstalk's builder accepts only ${FLAVORS.join(', ')} (it has a bootstrap script for no other). ` +
        `For an Ubuntu base take ubuntu1604 and pick the newer image in the template's source_ami_filter; see platform/README.md.`,
    );
  }
  return { flavor: value as Flavor, given: true };
}

function readMetadata(file: string, value: unknown): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (value === undefined || value === null) return metadata;
  const map = asMapping(value);
  if (!map) fail(file, "'metadata' must be a mapping");
  for (const [key, v] of Object.entries(map)) {
    const limit = METADATA_LIMITS[key];
    if (limit === undefined) fail(file, `'metadata.${key}' is not a platform metadata key: expected one of ${Object.keys(METADATA_LIMITS).join(', ')}`);
    if (asMapping(v) || Array.isArray(v)) fail(file, `'metadata.${key}' must be a plain value`);
    const text = scalar(v);
    if (text.length > limit) fail(file, `'metadata.${key}' has ${text.length} characters: Elastic Beanstalk takes at most ${limit}`);
    metadata[key] = text;
  }
  return metadata;
}

function readOptionDefinitions(file: string, value: unknown): Set<string> {
  const namespaces = new Set<string>();
  if (value === undefined || value === null) return namespaces;
  if (!Array.isArray(value)) fail(file, "'option_definitions' must be a list of {namespace, option_name, description, default_value}");
  if (value.length > MAX_OPTIONS) fail(file, `'option_definitions' defines ${value.length} options: a platform may define at most ${MAX_OPTIONS}`);
  value.forEach((item, i) => {
    const at = `'option_definitions[${i}]'`;
    const d = asMapping(item);
    if (!d) fail(file, `${at} must be a mapping`);
    const namespace = scalar(d.namespace);
    const name = scalar(d.option_name);
    if (!CUSTOM_NAMESPACE.test(namespace) || namespace.length > 100)
      fail(file, `${at}.namespace is '${namespace}': expected a namespace under aws:elasticbeanstalk:container:custom, up to 100 characters`);
    if (!name || name.length > 100) fail(file, `${at}.option_name must be 1 to 100 characters`);
    if (scalar(d.description).length > 1024) fail(file, `${at}.description has ${scalar(d.description).length} characters: at most 1024`);
    namespaces.add(namespace);
  });
  return namespaces;
}

function readOptionSettings(file: string, value: unknown, ownNamespaces: Set<string>): OptionSetting[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(file, "'option_settings' must be a list of {namespace, option_name, value}");
  if (value.length > MAX_OPTIONS) fail(file, `'option_settings' sets ${value.length} options: a platform may set at most ${MAX_OPTIONS}`);
  return value.map((item, i) => {
    const at = `'option_settings[${i}]'`;
    const s = asMapping(item);
    if (!s) fail(file, `${at} must be a mapping`);
    // The guide's option_settings syntax makes the namespace optional, defaulting to the application's environment.
    const namespace = scalar(s.namespace) || 'aws:elasticbeanstalk:application:environment';
    const optionName = scalar(s.option_name);
    if (!optionName) fail(file, `${at} lacks option_name`);
    const general = GENERAL_NAMESPACES.some((re) => re.test(namespace));
    if (!general && !ownNamespaces.has(namespace)) {
      fail(
        file,
        `${at} uses namespace '${namespace}', which a custom platform cannot set: expected one of Elastic Beanstalk's general namespaces ` +
          `(such as aws:elasticbeanstalk:application:environment or aws:autoscaling:launchconfiguration) or one the platform defines in option_definitions` +
          (/^aws:elasticbeanstalk:(container|environment:proxy$)/.test(namespace) ? ' (this one belongs to AWS-managed platforms)' : ''),
      );
    }
    return { namespace, optionName, value: scalar(s.value) };
  });
}

function readTemplate(file: string, source: PlatformSource, provisioner: Record<string, unknown>): { templateFile: string; template?: PackerTemplate } {
  if (typeof provisioner.template !== 'string' || !provisioner.template) fail(file, "lacks 'provisioner.template': expected the Packer template's file name");
  const templateFile = provisioner.template;
  if (!isInside(source.dir, templateFile)) fail(file, `'provisioner.template' (${templateFile}) leaves the platform directory`);
  const rel = path.relative(path.resolve(source.dir), path.resolve(source.dir, templateFile));
  const templatePath = path.join(source.shown, rel);
  let text: string;
  try {
    text = fs.readFileSync(path.join(source.dir, rel), 'utf8');
  } catch {
    fail(file, `'provisioner.template' names ${templateFile}, which ${source.absent?.(rel) ?? `does not exist in ${source.shown}`}`);
  }
  // The guide: "The JSON file containing the settings for provisioner-type". Elastic Beanstalk's builder runs JSON templates.
  if (!templateFile.endsWith('.json'))
    fail(file, `'provisioner.template' (${templateFile}) is not a JSON template: Elastic Beanstalk's builder runs JSON Packer templates`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError('platform-dir', `${templatePath}: is not valid JSON (${(e as Error).message})`);
  }
  const template = asMapping(parsed);
  if (!template || !Array.isArray(template.builders) || !template.builders.length) {
    throw new InputError('platform-dir', `${templatePath}: expected a Packer template with a 'builders' list`);
  }
  return { templateFile, template: template as PackerTemplate };
}

/** Where the platform's files are read: the platform directory, or the bundle unpacked (what ships). */
export interface PlatformSource {
  dir: string;
  /** How errors name the directory: the user's platform-dir, even when the files are read from the unpacked bundle. */
  shown: string;
  /** Where smoke.yaml is read: it is the action's, run from the checkout, whether or not it ships. */
  smokeDir: string;
  /** Why a file is not in `dir` when it is elsewhere (left out of the bundle), or undefined. */
  absent?: (rel: string) => string | undefined;
}

/** Reads and checks platform.yaml and its Packer template before anything is sent. */
export async function readPlatformDefinition(from: string | PlatformSource): Promise<PlatformDefinition> {
  const source: PlatformSource = typeof from === 'string' ? { dir: from, shown: from, smokeDir: from } : from;
  const file = path.join(source.shown, 'platform.yaml');
  let text: string;
  try {
    text = await fs.promises.readFile(path.join(source.dir, 'platform.yaml'), 'utf8');
  } catch {
    const why = source.absent?.('platform.yaml');
    throw new InputError(
      'platform-dir',
      why
        ? `${file} ${why}: the builder needs it at the top of the bundle`
        : `${file} is missing: expected the platform definition (platform.yaml) at the top of the platform directory`,
    );
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) fail(file, `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const raw: unknown = doc.toJS();
  const def = asMapping(raw);
  if (!def) fail(file, 'expected a mapping with version, provisioner and metadata');

  const known = ['version', 'provisioner', 'metadata', 'option_definitions', 'option_settings'];
  for (const key of Object.keys(def)) if (!known.includes(key)) fail(file, `'${key}' is not a platform.yaml key: expected ${known.join(', ')}`);
  if (def.version === undefined) fail(file, 'lacks \'version\': expected version: "1.0"');
  if (String(def.version) !== '1.0') fail(file, `'version' is ${JSON.stringify(def.version)}: expected "1.0"`);

  const provisioner = asMapping(def.provisioner);
  if (!provisioner) fail(file, "lacks 'provisioner': expected provisioner: {type: packer, template: FILE, flavor: …}");
  if (provisioner.type === undefined) fail(file, "lacks 'provisioner.type': expected packer");
  if (provisioner.type !== 'packer') fail(file, `'provisioner.type' is ${JSON.stringify(provisioner.type)}: expected packer`);
  const { flavor, given } = readFlavor(file, provisioner);
  const { templateFile, template } = readTemplate(file, source, provisioner);

  const metadata = readMetadata(file, def.metadata);
  const own = readOptionDefinitions(file, def.option_definitions);
  const optionSettings = readOptionSettings(file, def.option_settings, own);
  return { templateFile, template, flavor, flavorGiven: given, metadata, optionSettings, smoke: readSmokeSpec(source.smokeDir), raw };
}
