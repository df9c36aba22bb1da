import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../lib/errors';
import { isIgnored, parseIgnore } from './ignore';
import { writeZip, ZipEntry } from './zip';

export interface Bundle {
  path: string;
  /** Hex SHA-256 of the zip's bytes. */
  sha256: string;
  bytes: number;
  /** Entry names, in zip order. */
  files: string[];
}

/** Never part of a platform bundle, whatever `.ebignore` says. */
const ALWAYS_EXCLUDED = /^(?:\.git|\.elasticbeanstalk)(?:\/|$)|^\.ebignore$/;
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
export async function packagePlatform(dir: string, outPath: string, options: { maxBytes: number }): Promise<Bundle> {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new InputError('platform-dir', `${dir} does not exist: expected the directory holding platform.yaml`);
  }
  if (!st.isDirectory()) throw new InputError('platform-dir', `${dir} is not a directory: expected the directory holding platform.yaml`);
  const root = fs.realpathSync(dir);

  const ignoreFile = path.join(root, '.ebignore');
  const rules = fs.existsSync(ignoreFile) ? parseIgnore(fs.readFileSync(ignoreFile, 'utf8')) : [];
  const files = walk(root)
    .filter((f) => !isIgnored(rules, f.rel))
    .sort((a, b) => Buffer.compare(Buffer.from(a.rel), Buffer.from(b.rel)));
  if (!files.length)
    throw new InputError('platform-dir', `${dir} holds no files to package: expected platform.yaml, the Packer template and the builder scripts`);
  if (files.length > MAX_ENTRIES) throw new InputError('platform-dir', `${dir} holds ${files.length} files: expected at most ${MAX_ENTRIES}`);
  for (const f of files) {
    // Defence in depth: nothing resolved through the walk may leave the root.
    const rel = path.relative(root, fs.realpathSync(f.full));
    if (rel.startsWith('..') || path.isAbsolute(rel))
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
    return { path: outPath, sha256, bytes, files: entries.map((e) => e.name) };
  } catch (error) {
    fs.rmSync(outPath, { force: true });
    throw error;
  }
}
