/**
 * One declaration per input and output (src/declarations.ts): action.yml and
 * the README's tables are written from it, the parser reads each declared
 * input and no other, takes the declared defaults, and the plan CLI's --help
 * lists them. (A step sets only a declared output: the compiler holds that.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ACTION_YML, documents, README } from '../../scripts/docs';
import { InputDeclaration, INPUTS, OUTPUTS } from '../../src/declarations';
import { parseInputs } from '../../src/inputs';
import { inputsHelp } from '../../src/action/plan';

const declared = Object.entries(INPUTS as Record<string, InputDeclaration>);

describe('the declared inputs and outputs', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'input-table-'));
    fs.mkdirSync(path.join(workspace, 'platform'));
  });
  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));
  const env = () => ({ GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/web', AWS_REGION: 'eu-west-1' });

  it('writes action.yml and the README as they are (run npm run docs after changing the table)', () => {
    const written = documents();
    expect(fs.readFileSync(ACTION_YML, 'utf8')).toBe(written.actionYml);
    expect(fs.readFileSync(README, 'utf8')).toBe(written.readme);
    const parsed = parseYaml(written.actionYml) as { inputs: Record<string, { default?: string; description: string }>; outputs: Record<string, unknown> };
    const yml = parsed.inputs;
    expect(Object.keys(yml)).toEqual(declared.map(([name]) => name));
    expect(Object.keys(parsed.outputs)).toEqual(Object.keys(OUTPUTS));
    for (const [name, d] of declared) expect([name, yml[name].description, yml[name].default ?? '']).toEqual([name, d.description, d.default]);
  });

  it('is what the parser reads: every declared input, and no other', () => {
    const asked = new Set<string>();
    parseInputs((name) => (asked.add(name), ''), env());
    expect([...asked].sort()).toEqual(declared.map(([name]) => name).sort());
  });

  it("takes the table's defaults: an input given its default parses as one not given", () => {
    const { warnings: _w, ...unset } = parseInputs(() => '', env());
    const { warnings: _d, ...defaults } = parseInputs(
      (name) => (name === 'timeout-minutes' ? '' : (INPUTS as Record<string, InputDeclaration>)[name].default),
      env(),
    );
    expect(defaults).toEqual(unset);
  });

  it("gives the plan CLI's --help every input with its default", () => {
    const help = inputsHelp();
    for (const [name, d] of declared) {
      expect(help).toContain(`--${name}`);
      if (d.default) expect(help).toMatch(new RegExp(`--${name} \\(default [^)]*${d.default.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });
});
