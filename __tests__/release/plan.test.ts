import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseInputs } from '../../src/inputs';
import { planLines } from '../../src/plan-lines';

describe("the dry run's plan of the release", () => {
  it('states the sweep, the copies, sharing, the parameters, and the rules the prune will apply', () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
    fs.mkdirSync(path.join(workspace, 'platform'));
    try {
      const given: Record<string, string> = {
        'dry-run': 'true',
        'ami-regions': 'eu-central-1',
        'ami-kms-key-ids': 'eu-central-1=alias/copies',
        'ami-share-accounts': '210987654321',
        'ssm-parameter': '/platform/web/ami-id',
        'keep-versions': '3',
        'deprecate-previous-after-days': '14',
      };
      const inputs = parseInputs((n) => given[n] ?? '', { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/web', AWS_REGION: 'eu-west-1' });
      const plan = planLines(inputs, { sha256: 'ab'.repeat(32), bytes: 10 }, { templateFile: 'custom_platform.json' }).join('\n');
      expect(plan).toMatch(
        /^3\. ssm:DescribeParameters \/platform\/web\/ami-id in eu-west-1, eu-central-1: an existing parameter's data type must be what the release writes$/m,
      );
      expect(plan).toMatch(/^4\. sweep: .*deadline passed over an hour ago/m);
      expect(plan).toMatch(/ec2:CopyImage to eu-central-1 \(encrypted with alias\/copies\) in parallel/);
      expect(plan).toMatch(/launch permission on the image and its copies for 210987654321/);
      expect(plan).toMatch(/ssm:PutParameter \/platform\/web\/ami-id \(aws:ec2:image\) in eu-west-1, eu-central-1/);
      expect(plan).toMatch(
        /prune: keep the newest 3 version\(s\) of the platform and remove the rest, failed ones first; never this run's version, one still being made, or one that an environment, a launch template's default or latest version, the SSM parameter \(now, or as its rollback target\) or a running instance uses/,
      );
      expect(plan).toMatch(/ec2:EnableImageDeprecation on the platform's older images, 14 day\(s\) ahead$/);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe("the dry run's plan without a region", () => {
  it("says the template's region could not be checked, and why, instead of claiming it was", () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
    fs.mkdirSync(path.join(workspace, 'platform'));
    try {
      const withRegion = planLines(
        parseInputs((n) => ({ 'dry-run': 'true' })[n] ?? '', { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/web', AWS_REGION: 'eu-west-1' }),
        { sha256: 'ab'.repeat(32), bytes: 10 },
        { templateFile: 't.json' },
      );
      const without = planLines(
        parseInputs((n) => ({ 'dry-run': 'true' })[n] ?? '', { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/web' }),
        { sha256: 'ab'.repeat(32), bytes: 10 },
        { templateFile: 't.json' },
      );
      expect(withRegion[1]).toMatch(/the template's region against the region/);
      expect(without[1]).not.toMatch(/the template's region against the region/);
      expect(without[1]).toMatch(/not checked: the template's region, since no region is given \(aws-region, AWS_REGION or AWS_DEFAULT_REGION\)$/);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
