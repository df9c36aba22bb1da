/** platform.yaml and the template, against the guide's schema and what Elastic Beanstalk's builder accepts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FLAVORS, readPlatformDefinition } from '../../src/platform/definition';
import { preflightPlatform } from '../../src/platform/preflight';
import { platformFixture } from '../helpers/platform-fixture';

const shipped = path.resolve(__dirname, '../../platform');

describe('platform.yaml', () => {
  let fx: ReturnType<typeof platformFixture>;
  beforeEach(() => (fx = platformFixture()));
  afterEach(() => fx.cleanup());

  const yaml = (text: string) => fs.writeFileSync(path.join(fx.dir, 'platform.yaml'), text);
  const base = 'version: "1.0"\nprovisioner:\n  type: packer\n  template: custom_platform.json\n';
  const template = (t: object) => fs.writeFileSync(path.join(fx.dir, 'custom_platform.json'), JSON.stringify(t));

  it("accepts this repository's platform, with the Ubuntu flavor the builder knows", async () => {
    const def = await readPlatformDefinition(shipped);
    expect(def.flavor).toBe('ubuntu1604');
    expect(def.templateFile).toBe('custom_platform.json');
    expect(preflightPlatform(def, { region: 'eu-west-1', builder: 'elastic-beanstalk' })).toEqual([]);
  });

  it.each([
    ['ubuntu2404', /'provisioner\.flavor' is 'ubuntu2404': Elastic Beanstalk's builder accepts only amazon, ubuntu1604, rhel7, rhel6/],
    ['ubuntu', /accepts only amazon, ubuntu1604, rhel7, rhel6/],
  ])('refuses flavor %s, naming the accepted ones', async (flavor, message) => {
    yaml(`${base}  flavor: ${flavor}\n`);
    await expect(readPlatformDefinition(fx.dir)).rejects.toThrow(message);
  });

  it('takes amazon when no flavor is given, as the builder does', async () => {
    yaml(base);
    const def = await readPlatformDefinition(fx.dir);
    expect(def.flavor).toBe('amazon');
    expect(def.flavorGiven).toBe(false);
    expect(FLAVORS).toContain(def.flavor);
  });

  it.each([
    [
      'a metadata key outside the schema',
      `${base}metadata:\n  app_version: "1.0"\n`,
      /'metadata\.app_version' is not a platform metadata key: expected one of maintainer, description/,
    ],
    [
      'metadata over its limit',
      `${base}metadata:\n  operating_system_version: "${'9'.repeat(21)}"\n`,
      /'metadata\.operating_system_version' has 21 characters: Elastic Beanstalk takes at most 20/,
    ],
    ['a top-level key outside the schema', `${base}hooks: []\n`, /'hooks' is not a platform\.yaml key/],
    [
      'an option setting in a namespace of AWS-managed platforms',
      `${base}option_settings:\n  - namespace: aws:elasticbeanstalk:environment:proxy\n    option_name: ProxyServer\n    value: nginx\n`,
      /uses namespace 'aws:elasticbeanstalk:environment:proxy', which a custom platform cannot set.*belongs to AWS-managed platforms/,
    ],
    [
      'an option setting in a custom namespace the platform does not define',
      `${base}option_settings:\n  - namespace: aws:elasticbeanstalk:container:custom:application\n    option_name: START\n    value: x\n`,
      /which a custom platform cannot set/,
    ],
    [
      'an option definition outside aws:elasticbeanstalk:container:custom',
      `${base}option_definitions:\n  - namespace: aws:elasticbeanstalk:application:environment\n    option_name: X\n`,
      /option_definitions\[0\]'\.namespace is 'aws:elasticbeanstalk:application:environment': expected a namespace under aws:elasticbeanstalk:container:custom/,
    ],
    [
      'more than 50 option settings',
      `${base}option_settings:\n${Array.from({ length: 51 }, (_, i) => `  - option_name: V${i}\n    value: x\n`).join('')}`,
      /sets 51 options: a platform may set at most 50/,
    ],
    [
      'a template that is not JSON',
      'version: "1.0"\nprovisioner:\n  type: packer\n  template: template.pkr.hcl\n',
      /'provisioner\.template' \(template\.pkr\.hcl\) is not a JSON template: Elastic Beanstalk's builder runs JSON Packer templates/,
    ],
  ])('refuses %s before any AWS call', async (_what, text, message) => {
    fs.writeFileSync(path.join(fx.dir, 'template.pkr.hcl'), 'source "amazon-ebs" "x" {}');
    yaml(text);
    await expect(readPlatformDefinition(fx.dir)).rejects.toThrow(message);
  });

  it('accepts general option settings, a default namespace, and its own options with their definitions', async () => {
    yaml(
      `${base}option_definitions:\n  - namespace: aws:elasticbeanstalk:container:custom:application\n    option_name: START\n    description: how to start\n` +
        `option_settings:\n  - namespace: aws:elasticbeanstalk:container:custom:application\n    option_name: START\n    value: ./application\n` +
        `  - option_name: GREETING\n    value: hi\n  - namespace: aws:autoscaling:launchconfiguration\n    option_name: InstanceType\n    value: t3.small\n` +
        `  - namespace: aws:elasticbeanstalk:environment:process:default\n    option_name: HealthCheckPath\n    value: /health\n`,
    );
    const def = await readPlatformDefinition(fx.dir);
    expect(def.optionSettings.map((o) => `${o.namespace}:${o.optionName}`)).toEqual([
      'aws:elasticbeanstalk:container:custom:application:START',
      'aws:elasticbeanstalk:application:environment:GREETING',
      'aws:autoscaling:launchconfiguration:InstanceType',
      'aws:elasticbeanstalk:environment:process:default:HealthCheckPath',
    ]);
  });

  describe("the template's region", () => {
    const runTags = { eb_platform_name: '{{env `AWS_EB_PLATFORM_NAME`}}', eb_platform_version: '{{env `AWS_EB_PLATFORM_VERSION`}}' };
    /** The template given, its amazon-ebs builders tagging Packer's instance as the action needs. */
    const check = (
      t: { builders: Record<string, unknown>[] } & Record<string, unknown>,
      region = 'eu-west-1',
      builder: 'elastic-beanstalk' | 'packer' = 'elastic-beanstalk',
    ) => {
      template({ ...t, builders: t.builders.map((b) => (b.type === 'amazon-ebs' && !('run_tags' in b) ? { ...b, run_tags: runTags } : b)) });
      return readPlatformDefinition(fx.dir).then((def) => preflightPlatform(def, { region, builder }));
    };

    it('refuses a literal region other than aws-region, naming both', async () => {
      await expect(check({ builders: [{ type: 'amazon-ebs', region: 'us-east-1' }] })).rejects.toThrow(
        /Input 'aws-region': 'eu-west-1' is not where custom_platform\.json \(builders\[0\]\.region\) builds: it says 'us-east-1'\. .*Unmatched region for created AMI/,
      );
    });

    it('follows a user variable to its literal default', async () => {
      await expect(check({ variables: { r: 'us-west-2' }, builders: [{ type: 'amazon-ebs', region: '{{user `r`}}' }] })).rejects.toThrow(/it says 'us-west-2'/);
      await expect(check({ variables: { r: 'eu-west-1' }, builders: [{ type: 'amazon-ebs', region: '{{user `r`}}' }] })).resolves.toEqual([]);
    });

    it('accepts an empty region, as AWS sample platforms leave it', async () => {
      await expect(check({ builders: [{ type: 'amazon-ebs', region: '' }] })).resolves.toEqual([]);
      await expect(check({ builders: [{ type: 'amazon-ebs' }] })).resolves.toEqual([]);
    });

    it('warns, saying what to do, about a region from an environment variable Elastic Beanstalk does not document', async () => {
      const warnings = await check({ variables: { r: '{{env `AWS_REGION`}}' }, builders: [{ type: 'amazon-ebs', region: '{{user `r`}}' }] });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /takes its region from AWS_REGION, which Elastic Beanstalk does not document setting for the Packer run .*Write "region": "eu-west-1" into the template, or leave it ""/,
      );
      // The packer builder sets AWS_REGION itself.
      await expect(check({ builders: [{ type: 'amazon-ebs', region: '{{env `AWS_REGION`}}' }] }, 'eu-west-1', 'packer')).resolves.toEqual([]);
    });

    it('warns about keys the builder’s older Packer may refuse', async () => {
      const warnings = await check({
        builders: [{ type: 'amazon-ebs', region: '', launch_block_device_mappings: [{ device_name: '/dev/sda1', volume_type: 'gp3', throughput: 125 }] }],
      });
      expect(warnings.join('\n')).toMatch(/launch_block_device_mappings\[0\]\.throughput \(needs Packer 1\.6\.6\)/);
    });

    it("warns when nothing would find Packer's instance after a build that ends without Packer's clean-up", async () => {
      const warnings = await check({ builders: [{ type: 'amazon-ebs', region: '', run_tags: { Name: 'packer {{timestamp}}' } }] });
      expect(warnings.join('\n')).toMatch(/gives Packer's build instance no run_tags the action can resolve before the build.*Add "run_tags"/);
      await expect(
        check({ variables: { n: '{{env `AWS_EB_PLATFORM_NAME`}}' }, builders: [{ type: 'amazon-ebs', region: '', run_tags: { owner: '{{user `n`}}' } }] }),
      ).resolves.toEqual([]);
    });

    it('refuses a template without an amazon-ebs builder', async () => {
      await expect(check({ builders: [{ type: 'docker' }] })).rejects.toThrow(/has no amazon-ebs builder/);
    });
  });

  describe('smoke.yaml, what the platform declares for the smoke test', () => {
    const smoke = (text: string) => fs.writeFileSync(path.join(fx.dir, 'smoke.yaml'), text);

    it("reads this repository's declaration: its checks, its sample app and the HTTP answer", async () => {
      const def = await readPlatformDefinition(shipped);
      expect(def.smoke?.checks.map((c) => c.name)).toEqual([
        'OS release',
        'Docker installed and its daemon active',
        'nginx active and its configuration valid',
        'blue and green units installed',
      ]);
      expect(def.smoke?.checks[2]).toMatchObject({ root: true, settle: 'nginx', timeoutMs: 240_000 });
      expect(def.smoke?.deploy).toEqual({ build: path.join(shipped, 'sample-app/build.sh'), command: '/usr/local/bin/eb-platform-deploy' });
      expect(def.smoke?.http).toEqual({ path: '/', expect: 'sample-app {version}' });
    });

    it('is optional: a platform that declares nothing gets the generic checks', async () => {
      expect((await readPlatformDefinition(fx.dir)).smoke).toBeUndefined();
    });

    it.each([
      ['an unknown key', 'probes: []\n', /'probes' is not a smoke\.yaml key: expected checks, deploy, http/],
      ['a check without a command', 'checks:\n  - name: x\n', /checks\[0\]\.run is missing/],
      ['a check with an unknown key', 'checks:\n  - name: x\n    run: "true"\n    sudo: true\n', /checks\[0\]\.sudo is not a check key/],
      [
        'an expectation that is not a regular expression',
        'checks:\n  - name: x\n    run: "true"\n    expect: "(unclosed"\n',
        /checks\[0\]\.expect is not a regular expression/,
      ],
      ['two checks of one name', 'checks:\n  - {name: x, run: a}\n  - {name: x, run: b}\n', /two checks are named 'x'/],
      ['a build that does not exist', 'deploy:\n  build: nope.sh\n  command: deploy\n', /deploy\.build names nope\.sh, which does not exist/],
      ['an HTTP path without a slash', 'http:\n  path: health\n  expect: ok\n', /http\.path must start with \/, not 'health'/],
    ])('refuses %s before any AWS call, naming the file', async (_what, text, message) => {
      smoke(text);
      await expect(readPlatformDefinition(fx.dir)).rejects.toThrow(new RegExp(`Input 'platform-dir': .*smoke\\.yaml: ${message.source}`));
    });
  });
});
