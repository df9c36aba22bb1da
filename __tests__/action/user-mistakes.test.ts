/**
 * Mistakes in names, tried on the shipped dist/ as a user meets it: through
 * `npm run plan` (dist/plan.js under action.yml's Node) and through the
 * action's entry with INPUT_* variables. None reaches AWS: no credentials or
 * endpoint are given, and each run is a dry run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ACTION_NODE, runAction } from '../helpers/run-action';

const root = path.resolve(__dirname, '../..');
const plan = (...args: string[]) =>
  spawnSync(ACTION_NODE, [path.join(root, 'dist/plan.js'), ...args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });

describe("a user's mistakes in names", () => {
  it('npm run plan refuses a flag that is no input, naming the nearest', () => {
    const r = plan('--platfrom-name', 'web');
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/--platfrom-name is not an input of this action: did you mean --platform-name\?/);
    expect(r.stderr).toMatch(/^Usage: npm run plan/m);
  });

  it('npm run plan refuses a misspelt region with one error naming the nearest', () => {
    const r = plan('--platform-name', 'web', '--aws-region', 'eu-wst-1');
    expect(r.status).toBe(1);
    expect((r.stdout + r.stderr).match(/eu-wst-1/g)).toHaveLength(1);
    expect(r.stdout + r.stderr).toMatch(/'eu-wst-1' is not an AWS region the action knows: did you mean eu-west-1\?/);
  });

  it('the action warns of an input it does not read, naming the nearest, and goes on', async () => {
    const run = await runAction({ inputs: { 'dry-run': 'true', 'platform-version': '1.0.0', 'smoke-tset': 'false', 'aws-region': 'eu-west-1' } });
    expect(run.main.code).toBe(0);
    expect(run.main.output).toMatch(/^::warning::Input 'smoke-tset' is not an input of this action: did you mean smoke-test\? It is ignored\.$/m);
    expect(run.main.output).toMatch(/Dry run: no AWS call made/);
  });
});

/** A copy of the shipped platform in a workspace of its own, changed by `edit`. */
function workspaceWith(edit: (platform: string, root: string) => void = () => {}): { root: string; cleanup(): void } {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mistake-'));
  fs.cpSync(path.join(root, 'platform'), path.join(ws, 'platform'), { recursive: true });
  edit(path.join(ws, 'platform'), ws);
  return { root: ws, cleanup: () => fs.rmSync(ws, { recursive: true, force: true }) };
}

const planIn = (ws: string, ...args: string[]) =>
  spawnSync(ACTION_NODE, [path.join(root, 'dist/plan.js'), '--platform-name', 'web', ...args], {
    cwd: ws,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GITHUB_WORKSPACE: ws },
  });

describe("a user's mistakes in what ships and in what the builder uses", () => {
  const cases: [string, (platform: string) => void, string[], RegExp][] = [
    [
      '.ebignore leaves out platform.yaml',
      (p) => fs.writeFileSync(path.join(p, '.ebignore'), 'platform.yaml\n'),
      [],
      /platform\.yaml is left out of the bundle by \.ebignore's line 'platform\.yaml': the builder needs it at the top of the bundle/,
    ],
    [
      '.ebignore leaves out the template',
      (p) => fs.writeFileSync(path.join(p, '.ebignore'), '*.json\n'),
      [],
      /'provisioner\.template' names custom_platform\.json, which is left out of the bundle by \.ebignore's line '\*\.json'/,
    ],
    [
      '.ebignore leaves out the builder scripts the template uploads',
      (p) => fs.writeFileSync(path.join(p, '.ebignore'), 'builder/\n'),
      [],
      /custom_platform\.json: provisioners\[\d+\]\.source names builder, which is left out of the bundle by \.ebignore's line 'builder\/'/,
    ],
    [
      'the template runs a script that is not there',
      (p) => {
        const t = JSON.parse(fs.readFileSync(path.join(p, 'custom_platform.json'), 'utf8'));
        t.provisioners.push({ type: 'shell', script: 'builder/missing.sh' });
        fs.writeFileSync(path.join(p, 'custom_platform.json'), JSON.stringify(t));
      },
      [],
      /provisioners\[\d+\]\.script names builder\/missing\.sh, which is not in /,
    ],
    [
      'a template variable without a default, with the Elastic Beanstalk builder',
      (p) => {
        const t = JSON.parse(fs.readFileSync(path.join(p, 'custom_platform.json'), 'utf8'));
        t.variables.team = null;
        fs.writeFileSync(path.join(p, 'custom_platform.json'), JSON.stringify(t));
      },
      [],
      /custom_platform\.json declares team without a default, and nothing sets it: Elastic Beanstalk's builder passes no -var/,
    ],
    [
      'a packer-variables name the template does not declare',
      () => {},
      ['--builder', 'packer', '--packer-version', 'path', '--packer-variables', 'dockr_source=distro'],
      /Input 'packer-variables': dockr_source is not declared in custom_platform\.json's variables/,
    ],
    [
      'a builder input given with the other builder',
      () => {},
      ['--builder', 'packer', '--builder-vpc-id', 'vpc-12345678'],
      /Input 'builder-vpc-id': given with builder packer, which makes no builder environment/,
    ],
    [
      "a Packer version given to Elastic Beanstalk's builder",
      () => {},
      ['--packer-version', '1.16.0'],
      /Input 'packer-version': given with builder elastic-beanstalk, whose builder runs its own Packer/,
    ],
    [
      'keep-builder with the packer builder',
      () => {},
      ['--builder', 'packer', '--packer-version', 'path', '--keep-builder', 'true'],
      /Input 'keep-builder': given with builder packer, which makes no builder environment to keep/,
    ],
    [
      'a private smoke address without the runner network',
      () => {},
      ['--smoke-address', 'private'],
      /Input 'smoke-allowed-cidr': not set while smoke-address is private/,
    ],
    [
      'the deadline under both names',
      () => {},
      ['--timeout-minutes', '30', '--deadline-minutes', '90'],
      /Input 'timeout-minutes': and deadline-minutes are both given/,
    ],
    [
      'more tags than the platform version takes',
      () => {},
      ['--tags', Array.from({ length: 45 }, (_, i) => `k${i}=v`).join('\n')],
      /Input 'tags': 45 tags given: expected at most 44/,
    ],
    [
      'a comma Elastic Beanstalk refuses in a tag value',
      () => {},
      ['--tags', 'Team=web,api'],
      /Input 'tags': tag 'Team=web,api' has a character Elastic Beanstalk refuses/,
    ],
    [
      'copy regions separated by spaces',
      () => {},
      ['--ami-regions', 'eu-central-1 us-east-1'],
      /Input 'ami-regions': 'eu-central-1 us-east-1' is several regions separated by spaces/,
    ],
    [
      'a smoke CIDR open to the internet',
      () => {},
      ['--smoke-allowed-cidr', '0.0.0.0/0'],
      /Input 'smoke-allowed-cidr': 0\.0\.0\.0\/0 lets the whole internet reach/,
    ],
    [
      'smoke.yaml with an unknown key',
      (p) => fs.appendFileSync(path.join(p, 'smoke.yaml'), '\nchecsk: []\n'),
      [],
      /smoke\.yaml: 'checsk' is not a smoke\.yaml key/,
    ],
  ];
  it.each(cases)('npm run plan refuses it, before any AWS call: %s', (_name, edit, args, message) => {
    const ws = workspaceWith(edit);
    try {
      const r = planIn(ws.root, '--aws-region', 'eu-west-1', ...args);
      expect(r.stdout + r.stderr).toMatch(message);
      expect(r.status).toBe(1);
      expect(r.stdout).not.toMatch(/Dry run: no AWS call made/);
    } finally {
      ws.cleanup();
    }
  });

  it("packages a repository's root without .github/ and node_modules/, says so, and takes one back on !DIR/", () => {
    const ws = workspaceWith((platform, wsRoot) => {
      for (const f of fs.readdirSync(platform)) fs.renameSync(path.join(platform, f), path.join(wsRoot, f));
      fs.rmdirSync(platform);
      fs.mkdirSync(path.join(wsRoot, '.github/workflows'), { recursive: true });
      fs.writeFileSync(path.join(wsRoot, '.github/workflows/release.yml'), 'on: push\n');
      fs.mkdirSync(path.join(wsRoot, 'node_modules/left-pad'), { recursive: true });
      fs.writeFileSync(path.join(wsRoot, 'node_modules/left-pad/index.js'), '');
      fs.writeFileSync(path.join(wsRoot, 'node_modules/left-pad/package.json'), '{}');
    });
    try {
      const r = planIn(ws.root, '--platform-dir', '.');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(
        /^Left out, as the platform directory is the repository's root \(\.ebignore's !DIR\/ takes one back\): \.github\/: 1 file, node_modules\/: 2 files$/m,
      );
      fs.writeFileSync(path.join(ws.root, '.ebignore'), '!node_modules/\n');
      const back = planIn(ws.root, '--platform-dir', '.');
      expect(back.stdout).toMatch(/^Left out, .*: \.github\/: 1 file$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('a dry run checks the template with the packer on PATH, and says when it cannot', () => {
    const ws = workspaceWith();
    try {
      const r = planIn(ws.root, '--builder', 'packer', '--packer-version', 'path', '--aws-region', 'eu-west-1');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^1\. checked already, .*packer validate -syntax-only \(Packer \d+\.\d+\.\d+\)$/m);
      const none = spawnSync(ACTION_NODE, [path.join(root, 'dist/plan.js'), '--platform-name', 'web', '--builder', 'packer', '--packer-version', 'path'], {
        cwd: ws.root,
        encoding: 'utf8',
        env: { PATH: path.dirname(ACTION_NODE), GITHUB_WORKSPACE: ws.root },
      });
      expect(none.status).toBe(0);
      expect(none.stdout).toMatch(/; not run: packer validate, since no packer is on PATH$/m);
    } finally {
      ws.cleanup();
    }
  });
});

describe('what a run says back', () => {
  it('a dry run sets the outputs it knows and shows the version in its summary', async () => {
    const run = await runAction({ inputs: { 'dry-run': 'true', 'platform-version': 'v2.3.4', 'aws-region': 'eu-west-1' } });
    expect(run.main.code).toBe(0);
    expect(run.outputs['platform-version']).toBe('2.3.4');
    expect(run.outputs['bundle-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputs.plan).toMatch(/^region eu-west-1, platform web-platform\/2\.3\.4/);
    expect(run.summary).toMatch(/\| Version \| `2\.3\.4` \|/);
    const auto = await runAction({ inputs: { 'dry-run': 'true', 'aws-region': 'eu-west-1' } });
    expect(auto.outputs['platform-version']).toBeUndefined();
    expect(auto.summary).toMatch(/\| Version \| `auto \(the next patch after the newest existing version, found at run time\)` \|/);
  });

  it('a run refused for its inputs still writes a summary naming each error and that nothing was done', async () => {
    const run = await runAction({ inputs: { 'aws-region': 'eu-wst-1', 'smoke-test': 'maybe' } });
    expect(run.main.code).toBe(1);
    expect(run.summary).toMatch(/^## Elastic Beanstalk custom platform `web-platform` ❌ refused: 2 inputs are invalid$/m);
    expect(run.summary).toMatch(/^- Input 'aws-region': 'eu-wst-1' is not an AWS region the action knows/m);
    expect(run.summary).toMatch(/^- Input 'smoke-test': 'maybe' is not a boolean/m);
    expect(run.summary).toMatch(/^Nothing was done: no AWS call was made/m);
  });

  it('marks a step that warned, and lists the warnings, the deprecated input among them', async () => {
    const run = await runAction({
      inputs: { 'dry-run': 'true', 'aws-region': 'eu-west-1', 'timeout-minutes': '30', 'smoke-allowed-cidr': '10.0.0.0/16', 'smoke-allow-wide-cidr': 'true' },
    });
    expect(run.main.code).toBe(0);
    expect(run.main.output).toMatch(/^::warning::Input 'timeout-minutes' is deprecated: it is now deadline-minutes/m);
    expect(run.summary).toMatch(/^\*\*Warnings\*\* \(2\)$/m);
    expect(run.summary).toMatch(/^- ⚠️ smoke-allowed-cidr: 10\.0\.0\.0\/16 lets 65,536 addresses reach/m);
    expect(run.summary).toMatch(/^\| Validate platform \| ok \|/m);

    const ws = workspaceWith((p) => {
      const t = JSON.parse(fs.readFileSync(path.join(p, 'custom_platform.json'), 'utf8'));
      t.builders[0].region = '{{env `MY_REGION`}}';
      fs.writeFileSync(path.join(p, 'custom_platform.json'), JSON.stringify(t));
    });
    try {
      const warned = await runAction({ workspace: ws.root, inputs: { 'dry-run': 'true', 'aws-region': 'eu-west-1' } });
      expect(warned.main.code).toBe(0);
      expect(warned.summary).toMatch(/^\| Validate platform \| ⚠️ ok, 1 warning \|/m);
      expect(warned.summary).toMatch(/^- ⚠️ .*custom_platform\.json \(builders\[0\]\.region\) takes its region from MY_REGION/m);
    } finally {
      ws.cleanup();
    }
  });
});

describe("the README's smallest platform", () => {
  it('passes the dry run on both builders, Packer 1.6.6 validating its template', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'minimal-'));
    fs.cpSync(path.join(root, 'examples/minimal-platform'), path.join(ws, 'platform'), { recursive: true });
    try {
      const eb = planIn(ws, '--aws-region', 'eu-west-1');
      expect([eb.status, eb.stderr]).toEqual([0, '']);
      expect(eb.stdout).toMatch(
        /^platform: the bundle's platform\.yaml valid \(flavor ubuntu1604\), Packer template template\.json, smoke\.yaml declares 1 check\(s\)$/m,
      );
      const packer = planIn(ws, '--aws-region', 'eu-west-1', '--builder', 'packer', '--packer-version', 'path');
      expect([packer.status, packer.stderr]).toEqual([0, '']);
      expect(packer.stdout).toMatch(/packer validate -syntax-only \(Packer \d+\.\d+\.\d+\)$/m);
      expect(packer.stdout).toMatch(/^\d+\. smoke checks from smoke\.yaml: the platform's file is there$/m);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
