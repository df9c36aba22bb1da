/**
 * What a team reads before adopting a release: the version, its changelog entry, the workflow that
 * moves the major tag, and examples on the current majors of the actions they use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('the release metadata', () => {
  const pkg = JSON.parse(read('package.json')) as { version: string; author?: string };

  it("names a version, an author, and the version's changelog entry", () => {
    expect(pkg.version).toMatch(/^[1-9]\d*\.\d+\.\d+$/);
    expect(pkg.author?.trim()).toBeTruthy();
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')} - \\d{4}-\\d\\d-\\d\\d$`, 'm'));
  });

  it("moves the major tag on a published release whose tag is package.json's version", () => {
    const workflow = parseYaml(read('.github/workflows/release.yml')) as {
      on: { release: { types: string[] } };
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    expect(workflow.on.release.types).toEqual(['published']);
    const scripts = Object.values(workflow.jobs)
      .flatMap((j) => j.steps.map((s) => s.run ?? ''))
      .join('\n');
    expect(scripts).toMatch(/require\('\.\/package\.json'\)\.version/);
    expect(scripts).toMatch(/git tag -fa "\$major"/);
  });

  it("pins the README's examples to the current majors: configure-aws-credentials v6 (node24), checkout v7", () => {
    const uses = [...read('README.md').matchAll(/uses: ([\w./-]+)@(\S+)/g)].map((m) => `${m[1]}@${m[2]}`);
    expect(uses.filter((u) => u.startsWith('aws-actions/configure-aws-credentials@'))).toEqual(
      expect.arrayContaining(['aws-actions/configure-aws-credentials@v6']),
    );
    expect(uses.filter((u) => u.startsWith('aws-actions/configure-aws-credentials@') && u !== 'aws-actions/configure-aws-credentials@v6')).toEqual([]);
    expect(uses.filter((u) => u.startsWith('actions/checkout@') && u !== 'actions/checkout@v7')).toEqual([]);
  });
});
