import * as path from 'node:path';

/**
 * Whether `target` is `dir` itself or below it. A name that merely begins with two dots
 * (`..notes`) is inside; `..` and `../x` are not, nor is another drive or root.
 */
export function isInside(dir: string, target: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(dir, target));
  return !path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`);
}
