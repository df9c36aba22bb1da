/**
 * `.ebignore` matching with the EB CLI's semantics: gitignore ("gitwildmatch")
 * patterns, each checked against every file's path relative to the platform
 * directory, the last matching pattern deciding.
 */
export interface IgnoreRule {
  negate: boolean;
  regex: RegExp;
  source: string;
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Translates one gitwildmatch pattern into a regular expression over a relative posix path. */
export function compilePattern(raw: string): IgnoreRule | undefined {
  let pattern = raw.replace(/(?<!\\)\s+$/, '');
  if (!pattern || pattern.startsWith('#')) return undefined;
  let negate = false;
  if (pattern.startsWith('!')) {
    negate = true;
    pattern = pattern.slice(1);
  } else if (pattern.startsWith('\\!') || pattern.startsWith('\\#')) {
    pattern = pattern.slice(1);
  }
  if (!pattern) return undefined;
  const dirOnly = pattern.endsWith('/') && pattern !== '/';
  if (dirOnly) pattern = pattern.replace(/\/+$/, '');
  // A slash anywhere but the end anchors the pattern to the directory's root.
  const anchored = pattern.includes('/');
  pattern = pattern.replace(/^\//, '');

  let re = '';
  const parts = pattern.split('/');
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**') {
      if (last) re += '.*';
      else re += '(?:.*/)?';
      return;
    }
    for (let j = 0; j < part.length; j++) {
      const ch = part[j];
      if (ch === '\\' && j + 1 < part.length) {
        re += escapeRegex(part[++j]);
      } else if (ch === '*') {
        re += '[^/]*';
      } else if (ch === '?') {
        re += '[^/]';
      } else if (ch === '[') {
        const close = part.indexOf(']', j + 2);
        if (close < 0) {
          re += '\\[';
          continue;
        }
        let body = part.slice(j + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        j = close;
      } else {
        re += escapeRegex(ch);
      }
    }
    if (!last) re += '/';
  });
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // A directory pattern matches what is inside it; a plain one matches the path or anything below it.
  const suffix = dirOnly ? '/.*$' : '(?:/.*)?$';
  return { negate, regex: new RegExp(prefix + re + suffix), source: raw };
}

export function parseIgnore(text: string): IgnoreRule[] {
  return text
    .split(/\r?\n/)
    .map(compilePattern)
    .filter((r): r is IgnoreRule => r !== undefined);
}

export function isIgnored(rules: IgnoreRule[], relPath: string): boolean {
  return ignoringRule(rules, relPath) !== undefined;
}

/** The rule that leaves `relPath` out (the last that matches, when it is not a negation), or undefined. */
export function ignoringRule(rules: IgnoreRule[], relPath: string): IgnoreRule | undefined {
  let last: IgnoreRule | undefined;
  for (const rule of rules) if (rule.regex.test(relPath)) last = rule;
  return last && !last.negate ? last : undefined;
}
