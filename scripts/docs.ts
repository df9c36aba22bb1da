/**
 * Writes action.yml's `inputs` and `outputs` and the README's tables of them
 * from their one declaration (src/declarations.ts). `npm run docs` writes
 * them; __tests__/action/declarations.test.ts fails while either differs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputDeclaration, INPUTS, OutputDeclaration, OUTPUTS } from '../src/declarations';

const ROOT = path.resolve(__dirname, '..');
export const ACTION_YML = path.join(ROOT, 'action.yml');
export const README = path.join(ROOT, 'README.md');

const declared = (): [string, InputDeclaration][] => Object.entries(INPUTS as Record<string, InputDeclaration>);

/** A YAML scalar: single-quoted, or double-quoted (JSON's escapes are YAML's) when it holds a single quote. */
const scalar = (s: string): string => (s.includes("'") ? JSON.stringify(s) : `'${s}'`);

/** action.yml's `inputs:` block. A renamed input's old name has no default: a default would hide whether it was given. */
export function actionInputs(): string {
  const lines = ['inputs:'];
  for (const [name, d] of declared()) {
    lines.push(`  ${name}:`, `    description: ${scalar(d.description)}`);
    if (d.deprecationMessage) lines.push(`    deprecationMessage: ${scalar(d.deprecationMessage)}`, '    required: false');
    else lines.push(`    default: ${scalar(d.default)}`);
  }
  return lines.join('\n') + '\n';
}

/** action.yml's `outputs:` block. */
export function actionOutputs(): string {
  const lines = ['outputs:'];
  for (const [name, d] of Object.entries(OUTPUTS as Record<string, OutputDeclaration>)) lines.push(`  ${name}:`, `    description: ${scalar(d.description)}`);
  return lines.join('\n') + '\n';
}

/** The README's table of outputs. */
export function readmeOutputs(): string {
  const rows = Object.entries(OUTPUTS as Record<string, OutputDeclaration>).map(([name, d]) => `| \`${name}\` | ${d.meaning} |`);
  return ['| Output | Meaning |', '| --- | --- |', ...rows].join('\n') + '\n';
}

/** The README's table of inputs. */
export function readmeInputs(): string {
  const rows = declared().map(([name, d]) => {
    const shown = d.shownDefault ?? (d.default ? `\`${d.default}\`` : '');
    return `| \`${name}\` |${shown ? ` ${shown} ` : ' '}| ${d.meaning} |`;
  });
  return ['| Input | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** `text` with the block that starts at the line `first` and ends before the line `next` (or a blank line) replaced. */
export function replaceBlock(text: string, first: string, block: string, next?: string): string {
  const start = text.indexOf(`\n${first}`) + 1;
  if (start === 0) throw new Error(`no line '${first}'`);
  const end = next ? text.indexOf(`\n${next}`, start) + 1 : text.indexOf('\n\n', start) + 1;
  if (end === 0) throw new Error(`no end to the block at '${first}'`);
  return text.slice(0, start) + block + (next ? '\n' : '') + text.slice(end);
}

/** The two files as the table writes them. */
export function documents(): { actionYml: string; readme: string } {
  return {
    actionYml: replaceBlock(replaceBlock(fs.readFileSync(ACTION_YML, 'utf8'), 'inputs:', actionInputs(), 'outputs:'), 'outputs:', actionOutputs(), 'runs:'),
    readme: replaceBlock(
      replaceBlock(fs.readFileSync(README, 'utf8'), '| Input | Default | Meaning |', readmeInputs()),
      '| Output | Meaning |',
      readmeOutputs(),
    ),
  };
}

if (require.main === module) {
  const { actionYml, readme } = documents();
  fs.writeFileSync(ACTION_YML, actionYml);
  fs.writeFileSync(README, readme);
}
