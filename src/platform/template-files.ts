/**
 * What a JSON Packer template needs from the bundle and from the run: the
 * files its provisioners upload or run, and the variables it declares.
 * Packer resolves a relative path against the directory it runs in, which is
 * the unpacked bundle's top on both builders; `{{template_dir}}` is the
 * template's own directory (Packer's docs, "Template Engine").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../lib/errors';
import type { PackerTemplate } from './definition';

export interface TemplateFile {
  /** Where the template names it, such as `provisioners[2].script`. */
  at: string;
  /** As the template writes it. */
  raw: string;
  /** Resolved against the bundle's top; undefined when it cannot be read before the build. */
  rel?: string;
}

/** Provisioner keys that name files on the machine running Packer (Packer's shell, file, shell-local and ansible docs). */
const FILE_KEYS = ['script', 'scripts', 'source', 'sources', 'playbook_file'];

/** The files a template's provisioners and amazon-ebs builders read from where Packer runs. */
export function templateFiles(template: PackerTemplate, templateFile: string, variables: Record<string, string> = {}): TemplateFile[] {
  const declared = (template.variables ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = { ...declared, ...variables };
  const templateDir = path.posix.dirname(templateFile.split(path.sep).join('/'));
  const found: TemplateFile[] = [];
  const add = (at: string, raw: unknown) => {
    if (typeof raw !== 'string' || !raw) return;
    found.push({ at, raw, rel: resolvePath(raw, values, templateDir) });
  };
  (template.provisioners ?? []).forEach((p, i) => {
    // A download writes to where Packer runs; its source is on the machine being built.
    if (!p || (p.type === 'file' && p.direction === 'download')) return;
    for (const key of FILE_KEYS) {
      const value = p[key];
      if (Array.isArray(value)) value.forEach((v, j) => add(`provisioners[${i}].${key}[${j}]`, v));
      else add(`provisioners[${i}].${key}`, value);
    }
  });
  (template.builders ?? []).forEach((b, i) => {
    if (b?.type === 'amazon-ebs') add(`builders[${i}].user_data_file`, b.user_data_file);
  });
  return found;
}

function resolvePath(raw: string, values: Record<string, unknown>, templateDir: string, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  let unknown = false;
  const text = raw.replace(/\{\{\s*(?:(template_dir)|user\s+`([^`]+)`|[^}]*)\s*\}\}/g, (whole, dir: string | undefined, name: string | undefined) => {
    if (dir) return templateDir;
    if (name && typeof values[name] === 'string') {
      const v = resolvePath(values[name] as string, values, templateDir, depth + 1);
      if (v !== undefined) return v;
    }
    unknown = true;
    return whole;
  });
  if (unknown || path.posix.isAbsolute(text)) return undefined;
  return path.posix.normalize(text).replace(/\/+$/, '');
}

/**
 * Throws one InputError naming every file the template needs that the bundle lacks, and why each
 * is missing (left out by `.ebignore`, or nowhere).
 */
export function checkTemplateFiles(
  files: TemplateFile[],
  bundle: { dir: string; shown: string; absent?: (rel: string) => string | undefined },
  templateFile: string,
): void {
  const missing: string[] = [];
  for (const f of files) {
    if (f.rel === undefined) continue;
    if (f.rel === '..' || f.rel.startsWith('../')) {
      missing.push(`${f.at} (${f.raw}) leaves the platform directory, which is all the builder gets`);
      continue;
    }
    if (fs.existsSync(path.join(bundle.dir, f.rel))) continue;
    missing.push(`${f.at} names ${f.raw}, which ${bundle.absent?.(f.rel) ?? `is not in ${bundle.shown}`}`);
  }
  if (missing.length) throw new InputError('platform-dir', `${path.join(bundle.shown, templateFile)}: ${missing.join('; ')}`);
}

/**
 * The template's variables against what the run sets: a `packer-variables` name the template does
 * not declare, and a variable declared without a default (null: "the user variable will be
 * required", Packer's "User Variables" docs) that nothing sets.
 */
export function checkTemplateVariables(template: PackerTemplate, templateFile: string, given: Record<string, string>, builder: string): InputError[] {
  const declared = (template.variables ?? {}) as Record<string, unknown>;
  const errors: InputError[] = [];
  const undeclared = Object.keys(given).filter((name) => !(name in declared));
  if (undeclared.length) {
    errors.push(
      new InputError(
        'packer-variables',
        `${undeclared.join(', ')} ${undeclared.length > 1 ? 'are' : 'is'} not declared in ${templateFile}'s variables: expected one of ${Object.keys(declared).join(', ') || '(none declared)'}`,
      ),
    );
  }
  const unset = Object.entries(declared)
    .filter(([name, value]) => value === null && !(name in given))
    .map(([name]) => name);
  if (unset.length) {
    errors.push(
      new InputError(
        builder === 'packer' ? 'packer-variables' : 'platform-dir',
        `${templateFile} declares ${unset.join(', ')} without a default, and nothing sets ${unset.length > 1 ? 'them' : 'it'}: ` +
          (builder === 'packer'
            ? `expected ${unset.map((n) => `${n}=…`).join(', ')} in packer-variables`
            : "Elastic Beanstalk's builder passes no -var, so give each a default in the template"),
      ),
    );
  }
  return errors;
}
