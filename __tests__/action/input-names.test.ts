/**
 * What a user writes wrong in the names: a misspelt region is one error naming
 * the nearest, a space-separated list is named as such, a region newer than the
 * list passes only when allowed; an input the action does not read is named
 * with the nearest it does (a warning in the action, an error in the plan CLI);
 * and the names the parser reads are exactly action.yml's.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BUILDER_INPUTS, EB_TAG_RULES, EC2_TAG_RULES, parseInputs, RUN_TAG_COUNT, unknownInputs, unknownInputWarning } from '../../src/inputs';
import { closest, editDistance } from '../../src/lib/closest';
import { KNOWN_REGIONS } from '../../src/lib/regions';

const ROOT = path.resolve(__dirname, '../..');

describe('input names and regions', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'input-names-'));
    fs.mkdirSync(path.join(workspace, 'platform'));
  });
  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));
  const parse = (given: Record<string, string>) => parseInputs((n) => given[n] ?? '', { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/web' });
  const errorOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };

  it('refuses a misspelt region, naming the nearest, in each input that takes one', () => {
    expect(errorOf(() => parse({ 'aws-region': 'eu-wst-1' }))).toBe(
      "Input 'aws-region': 'eu-wst-1' is not an AWS region the action knows: did you mean eu-west-1? A region newer than the action's list passes with allow-new-region: true",
    );
    expect(errorOf(() => parse({ 'aws-region': 'eu-west-1', 'ami-regions': 'us-est-1' }))).toMatch(
      /^Input 'ami-regions': 'us-est-1' is not an AWS region the action knows: did you mean us-east-1\?/,
    );
    expect(errorOf(() => parse({ 'aws-region': 'eu-west-1', 'ami-regions': 'us-east-1', 'ami-kms-key-ids': 'us-eest-1=alias/k' }))).toMatch(
      /did you mean us-east-1\?/,
    );
    expect(errorOf(() => parse({ 'aws-region': 'ireland' }))).toMatch(
      /^Input 'aws-region': 'ireland' is not an AWS region: expected a region code such as us-east-1/,
    );
  });

  it('says a space-separated list of regions is one', () => {
    expect(errorOf(() => parse({ 'aws-region': 'eu-west-1', 'ami-regions': 'eu-central-1 us-east-1' }))).toBe(
      "Input 'ami-regions': 'eu-central-1 us-east-1' is several regions separated by spaces: expected one region per line, or a comma between them",
    );
  });

  it('takes a region newer than the list with allow-new-region, with a warning', () => {
    const inputs = parse({ 'aws-region': 'eu-west-4', 'allow-new-region': 'true' });
    expect(inputs.region).toBe('eu-west-4');
    expect(inputs.warnings).toEqual([
      "aws-region: 'eu-west-4' is not an AWS region the action knows (the nearest is eu-west-1); taken as a new region (allow-new-region).",
    ]);
    expect(parse({ 'aws-region': 'eu-west-1' }).warnings).toEqual([]);
  });

  it("knows exactly the regions of the AWS SDK's partition data", () => {
    // The SDK ships the data as an ES module holding one JSON object.
    const source = fs.readFileSync(path.join(ROOT, 'node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'), 'utf8');
    const partitionsInfo = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as { partitions: { regions: Record<string, unknown> }[] };
    const sdk = partitionsInfo.partitions.flatMap((p) => Object.keys(p.regions)).filter((r) => !r.endsWith('-global'));
    expect([...KNOWN_REGIONS].sort()).toEqual(sdk.sort());
  });

  it('names an input the action does not read, with the nearest it does', () => {
    const inputs = parse({ 'aws-region': 'eu-west-1' });
    expect(unknownInputs(['platform-dir', 'platfrom-name', 'colour'], inputs)).toEqual([
      { name: 'platfrom-name', nearest: 'platform-name' },
      { name: 'colour', nearest: undefined },
    ]);
    expect(unknownInputWarning({ name: 'platfrom-name', nearest: 'platform-name' })).toBe(
      "Input 'platfrom-name' is not an input of this action: did you mean platform-name? It is ignored.",
    );
  });

  it("reads exactly action.yml's inputs, so no input given there is taken for a misspelling", () => {
    const declared = Object.keys((parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs).sort();
    expect([...parse({ 'aws-region': 'eu-west-1' }).inputNames].sort()).toEqual(declared);
  });

  it("states in action.yml the limits and defaults the parser holds: tag counts, each builder's own inputs", () => {
    const inputs = (parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string; default?: string }> })
      .inputs;
    expect(inputs.tags.description).toContain(`At most ${EB_TAG_RULES.max}: the resource's limit is 50 and the action adds its run's ${RUN_TAG_COUNT}.`);
    expect(inputs['smoke-tags'].description).toContain(
      `At most ${EC2_TAG_RULES.max}: EC2's limit is 50, the action adds its run's ${RUN_TAG_COUNT} and a Name.`,
    );
    for (const [name, only] of Object.entries(BUILDER_INPUTS)) expect([name, inputs[name].default ?? '']).toEqual([name, only.default]);
    expect(inputs['timeout-minutes'].default).toBeUndefined();
  });

  it('measures nearness by edits', () => {
    expect(editDistance('eu-wst-1', 'eu-west-1')).toBe(1);
    expect(closest('smoke-tset', ['smoke-test', 'smoke-tags'])).toBe('smoke-test');
    expect(closest('zzz', ['smoke-test'])).toBeUndefined();
  });
});
