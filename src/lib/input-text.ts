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

/**
 * Tags: one `Key=Value` per line, or several on a line separated by commas. A comma stays in the
 * value unless what follows it reads as another `Key=` (`Team=web,api` is one tag).
 */
export function tagItems(raw: string): string[] {
  return inputLines(raw)
    .flatMap((line) => line.split(/,(?=\s*[^,=\s][^,=]*=)/))
    .map((s) => s.trim())
    .filter(Boolean);
}
