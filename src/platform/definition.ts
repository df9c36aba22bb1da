import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../lib/errors';

export interface PlatformDefinition {
  /** The Packer template, relative to the platform directory. */
  templateFile: string;
  metadata: Record<string, string>;
  raw: unknown;
}

/** Elastic Beanstalk's limits on platform.yaml metadata. */
const METADATA_LIMITS: Record<string, number> = {
  maintainer: 100,
  description: 2000,
  operating_system_name: 50,
  operating_system_version: 20,
  programming_language_name: 50,
  programming_language_version: 20,
  framework_name: 50,
  framework_version: 20,
};

function fail(file: string, what: string): never {
  throw new InputError('platform-dir', `${file}: ${what}`);
}

/** Reads and checks platform.yaml and its Packer template before anything is packaged or sent. */
export async function readPlatformDefinition(dir: string): Promise<PlatformDefinition> {
  const file = path.join(dir, 'platform.yaml');
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch {
    throw new InputError('platform-dir', `${file} is missing: expected the platform definition (platform.yaml) at the top of the platform directory`);
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) fail(file, `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const raw: unknown = doc.toJS();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(file, 'expected a mapping with version, provisioner and metadata');
  const def = raw as Record<string, unknown>;

  if (def.version === undefined) fail(file, "lacks 'version': expected version: \"1.0\"");
  if (String(def.version) !== '1.0') fail(file, `'version' is ${JSON.stringify(def.version)}: expected "1.0"`);

  const provisioner = def.provisioner as Record<string, unknown> | undefined;
  if (typeof provisioner !== 'object' || provisioner === null) fail(file, "lacks 'provisioner': expected provisioner: {type: packer, template: FILE}");
  if (provisioner.type === undefined) fail(file, "lacks 'provisioner.type': expected packer");
  if (provisioner.type !== 'packer') fail(file, `'provisioner.type' is ${JSON.stringify(provisioner.type)}: expected packer`);
  if (typeof provisioner.template !== 'string' || !provisioner.template) fail(file, "lacks 'provisioner.template': expected the Packer template's file name");
  const templateFile = provisioner.template;
  const templatePath = path.resolve(dir, templateFile);
  const rel = path.relative(path.resolve(dir), templatePath);
  if (rel.startsWith('..') || path.isAbsolute(rel)) fail(file, `'provisioner.template' (${templateFile}) leaves the platform directory`);
  let template: string;
  try {
    template = await fs.promises.readFile(templatePath, 'utf8');
  } catch {
    fail(file, `'provisioner.template' names ${templateFile}, which does not exist in ${dir}`);
  }
  if (templateFile.endsWith('.json')) {
    try {
      JSON.parse(template);
    } catch (e) {
      throw new InputError('platform-dir', `${templatePath}: is not valid JSON (${(e as Error).message})`);
    }
  }

  const metadata: Record<string, string> = {};
  if (def.metadata !== undefined) {
    if (typeof def.metadata !== 'object' || def.metadata === null || Array.isArray(def.metadata)) fail(file, "'metadata' must be a mapping");
    for (const [key, value] of Object.entries(def.metadata as Record<string, unknown>)) {
      const text = value === null || value === undefined ? '' : String(value);
      const limit = METADATA_LIMITS[key];
      if (limit !== undefined && text.length > limit) fail(file, `'metadata.${key}' has ${text.length} characters: Elastic Beanstalk takes at most ${limit}`);
      metadata[key] = text;
    }
  }
  return { templateFile, metadata, raw };
}
