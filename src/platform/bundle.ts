import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../lib/errors';
import { ignoringRule, IgnoreRule, parseIgnore } from './ignore';
import { writeZip, ZipEntry } from './zip';
import { isInside } from '../lib/paths';

export interface Bundle {
  path: string;
  /** Hex SHA-256 of the zip's bytes. */
  sha256: string;
  bytes: number;
  /** Entry names, in zip order. */
  files: string[];
  /** What the repository-root defaults left out (`.github/: 12 files`), for the log to say. */
  leftOut: string[];
}

/** Never part of a platform bundle, whatever `.ebignore` says. */
const ALWAYS_EXCLUDED = /^(?:\.git|\.elasticbeanstalk)(?:\/|$)|^\.ebignore$/;
/**
 * Left out when the platform directory is the repository's root, unless `.ebignore` takes them
 * back with a `!` line: the workflows and installed packages are not the platform.
 */
export const ROOT_DEFAULTS = ['.github/', 'node_modules/'];

const MAX_ENTRIES = 65_535;

/** Every file under `dir` as a sorted relative posix path, refusing symlinks and anything that is not a plain file. */
function walk(dir: string): { rel: string; full: string; mode: number; size: number }[] {
  const found: { rel: string; full: string; mode: number; size: number }[] = [];
  const visit = (abs: string, rel: string) => {
    for (const name of fs.readdirSync(abs)) {
      const full = path.join(abs, name);
      const relPath = rel ? `${rel}/${name}` : name;
      if (ALWAYS_EXCLUDED.test(relPath)) continue;
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) {
        throw new InputError(
          'platform-dir',
          `${relPath} is a symbolic link (to ${fs.readlinkSync(full)}): expected plain files only, since a link may point outside the platform directory; copy the file in or exclude it in .ebignore`,
        );
      }
      if (st.isDirectory()) visit(full, relPath);
      else if (st.isFile()) found.push({ rel: relPath, full, mode: st.mode, size: st.size });
      else throw new InputError('platform-dir', `${relPath} is not a regular file or directory: expected plain files only`);
    }
  };
  visit(dir, '');
  return found;
}

/**
 * The platform directory as a deterministic zip: sorted entries, fixed
 * timestamps, modes normalised to 0755/0644 so scripts stay executable
 * whatever the checkout's umask, `.ebignore` applied as the EB CLI does.
 */
export async function packagePlatform(dir: string, outPath: string, options: { maxBytes: number; repositoryRoot?: boolean }): Promise<Bundle> {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new InputError('platform-dir', `${dir} does not exist: expected the directory holding platform.yaml`);
  }
  if (!st.isDirectory()) throw new InputError('platform-dir', `${dir} is not a directory: expected the directory holding platform.yaml`);
  const root = fs.realpathSync(dir);

  const rules = ignoreRules(root, options.repositoryRoot);
  const all = walk(root);
  const files = all.filter((f) => !ignoringRule(rules, f.rel)).sort((a, b) => Buffer.compare(Buffer.from(a.rel), Buffer.from(b.rel)));
  const leftOut = options.repositoryRoot
    ? ROOT_DEFAULTS.map((d) => [d, all.filter((f) => f.rel.startsWith(d) && ignoringRule(rules, f.rel)?.source === d).length] as const)
        .filter(([, n]) => n > 0)
        .map(([d, n]) => `${d}: ${n} file${n === 1 ? '' : 's'}`)
    : [];
  if (!files.length)
    throw new InputError('platform-dir', `${dir} holds no files to package: expected platform.yaml, the Packer template and the builder scripts`);
  if (files.length > MAX_ENTRIES) throw new InputError('platform-dir', `${dir} holds ${files.length} files: expected at most ${MAX_ENTRIES}`);
  for (const f of files) {
    // Defence in depth: nothing resolved through the walk may leave the root.
    if (!isInside(root, fs.realpathSync(f.full)))
      throw new InputError('platform-dir', `${f.rel} resolves outside ${dir}: expected paths inside the platform directory`);
  }

  const limitMb = options.maxBytes / 1024 / 1024;
  const tooBig = (bytes: number) =>
    new InputError(
      'max-bundle-size-mb',
      `the bundle of ${dir} exceeds ${limitMb} MiB (${(bytes / 1024 / 1024).toFixed(1)} MiB written so far, ${(files.reduce((s, f) => s + f.size, 0) / 1024 / 1024).toFixed(1)} MiB of files): exclude what the build does not need in ${path.join(dir, '.ebignore')}, or raise max-bundle-size-mb`,
    );
  const entries: ZipEntry[] = files.map((f) => ({ name: f.rel, source: f.full, mode: f.mode & 0o111 ? 0o755 : 0o644, size: f.size }));
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  try {
    const { sha256, bytes } = await writeZip(outPath, entries, options.maxBytes, tooBig);
    return { path: outPath, sha256, bytes, files: entries.map((e) => e.name), leftOut };
  } catch (error) {
    fs.rmSync(outPath, { force: true });
    throw error;
  }
}

/** `.ebignore`'s rules, after the repository-root defaults when the platform directory is the root. */
function ignoreRules(root: string, repositoryRoot = false): IgnoreRule[] {
  const ignoreFile = path.join(root, '.ebignore');
  const own = fs.existsSync(ignoreFile) ? parseIgnore(fs.readFileSync(ignoreFile, 'utf8')) : [];
  return repositoryRoot ? [...parseIgnore(ROOT_DEFAULTS.join('\n')), ...own] : own;
}

/**
 * Why a file of the platform directory is not in its bundle: which rule left it out, or undefined
 * when the directory has no such file either.
 */
export function leftOutOfBundle(dir: string, rel: string, repositoryRoot = false): string | undefined {
  const full = path.join(dir, rel);
  if (!fs.existsSync(full)) return undefined;
  if (ALWAYS_EXCLUDED.test(rel)) return 'is never packaged (.git, .elasticbeanstalk and .ebignore stay out of every bundle)';
  const rule = ignoringRule(ignoreRules(dir, repositoryRoot), fs.statSync(full).isDirectory() ? `${rel}/x` : rel);
  if (!rule) return undefined;
  return ROOT_DEFAULTS.includes(rule.source) && repositoryRoot
    ? `is left out of the bundle: ${rule.source} is not packaged from a repository's root unless .ebignore takes it back with !${rule.source}`
    : `is left out of the bundle by .ebignore's line '${rule.source}'`;
}

/** Whether `dir` is a repository's top: the workspace GitHub checked out, or a directory holding .git. */
export function isRepositoryRoot(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  return path.resolve(dir) === workspace || fs.existsSync(path.join(dir, '.git'));
}
