/** How multi-value inputs are written: one item per line, or (lists) also comma-separated. */

/** The non-blank lines of an input, trimmed. */
export function inputLines(raw: string): string[] {
  return raw
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Items separated by newlines or commas, blanks dropped. */
export function listInput(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
