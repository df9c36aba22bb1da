/**
 * The blue/green deploy on real processes without a VM: eb-platform-deploy runs
 * the platform's own appdeploy hooks and deploy.sh, with systemd played by
 * test/systemctl-standin (colour.service read from the platform, its restart,
 * kill signal and stop timeout applied) and the sample app built for real. The
 * readiness wait, the rollback of a version that crashes or never listens, the
 * drain and the kill after the stop timeout, and the hooks' order each fail
 * `npm test` when broken, not only the VM tier.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLoad } from '../helpers/load';
import { freePort } from '../helpers/processes';

const uploads = path.resolve(__dirname, '../../platform/builder/platform-uploads');
const standin = path.resolve(__dirname, '../../test/systemctl-standin');
const buildScript = path.resolve(__dirname, '../../platform/sample-app/build.sh');
const VARIANTS = ['normal', 'crash', 'slow-start', 'ignore-sigint', 'slow-drain'] as const;

describe('the blue/green deploy, with systemd played by a stand-in', () => {
  let tmp: string;
  let bundles: string;
  let port: number;
  let env: NodeJS.ProcessEnv;
  const root = () => path.join(tmp, 'root');

  beforeAll(() => {
    bundles = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-bundles-'));
    for (const variant of VARIANTS) {
      for (const version of variant === 'normal' ? ['1.0.0', '2.0.0', '3.0.0'] : [`9.0.0-${variant}`]) {
        execFileSync('bash', [buildScript, '--version', version, '--variant', variant, '--out', path.join(bundles, version)], { stdio: 'pipe' });
      }
    }
  }, 180_000);
  afterAll(() => fs.rmSync(bundles, { recursive: true, force: true }));

  beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
    port = await freePort();
    env = {
      ...process.env,
      PATH: `${standin}:${process.env.PATH}`,
      EB_PLATFORM_LIB: path.join(uploads, 'usr/local/lib/eb-platform'),
      EB_PLATFORM_HOOKS: path.join(uploads, 'opt/elasticbeanstalk/hooks'),
      EB_PLATFORM_APP_ROOT: path.join(root(), 'app'),
      EB_PLATFORM_BUNDLE: path.join(tmp, 'appsource/source_bundle'),
      EB_PLATFORM_DEPLOY_LOG: path.join(tmp, 'deploy.log'),
      EB_PLATFORM_EB_BIN: path.join(tmp, 'no-eb-bin'),
      EB_PLATFORM_APP_PORT: String(port),
      EB_PLATFORM_READY_TIMEOUT: '8',
      SYSTEMCTL_STANDIN_DIR: path.join(tmp, 'systemd'),
      SYSTEMCTL_STANDIN_UNIT: path.join(uploads, 'usr/local/lib/eb-platform/colour.service'),
      SYSTEMCTL_STANDIN_ROOT: root(),
      SYSTEMCTL_STANDIN_PORT: String(port),
      SYSTEMCTL_STANDIN_STOP_TIMEOUT: '3',
    };
  });
  afterEach(() => {
    for (const colour of ['blue', 'green']) spawnSync('systemctl', ['stop', `${colour}.service`], { env });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const deploy = (version: string) =>
    spawnSync(path.join(uploads, 'usr/local/bin/eb-platform-deploy'), [path.join(bundles, version, 'bundle.zip')], { env, encoding: 'utf8', timeout: 60_000 });
  const unit = (colour: string) => JSON.parse(fs.readFileSync(path.join(tmp, 'systemd', `${colour}.json`), 'utf8'));
  const serving = async () => (await (await fetch(`http://127.0.0.1:${port}/`)).text()).trim();
  const deployLog = () => fs.readFileSync(path.join(tmp, 'deploy.log'), 'utf8');
  const activeColour = () => fs.readFileSync(path.join(root(), 'app/active-colour'), 'utf8').trim();

  /** Deploys `version` while clients send requests; the deploy's result and what the clients saw. */
  async function deployUnderLoad(version: string) {
    let done!: () => void;
    const stop = new Promise<void>((resolve) => (done = resolve));
    const load = runLoad(port, { clients: 4, stop });
    const child = await new Promise<{ status: number | null; output: string }>((resolve) => {
      const p = spawn(path.join(uploads, 'usr/local/bin/eb-platform-deploy'), [path.join(bundles, version, 'bundle.zip')], { env });
      let output = '';
      p.stdout.on('data', (b: Buffer) => (output += b));
      p.stderr.on('data', (b: Buffer) => (output += b));
      p.on('close', (status: number | null) => resolve({ status, output }));
    });
    // A moment of serving after the swap, then the tally.
    await new Promise((r) => setTimeout(r, 300));
    done();
    return { deploy: child, load: await load };
  }

  it('starts the first version in blue, enabled for boot', async () => {
    const r = deploy('1.0.0');
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(/blue serves /)]);
    expect(await serving()).toMatch(/1\.0\.0/);
    expect(activeColour()).toBe('blue');
    expect(unit('blue')).toMatchObject({ ActiveState: 'active', enabled: true });
  }, 60_000);

  it('swaps to the idle colour with no failed request: the old one drains on SIGINT, and boot starts only the new', async () => {
    expect(deploy('1.0.0').status).toBe(0);
    const { deploy: r, load } = await deployUnderLoad('2.0.0');
    expect(r.status).toBe(0);
    expect(load.failed).toBe(0);
    expect(load.ok).toBeGreaterThan(0);
    expect(await serving()).toMatch(/2\.0\.0/);
    expect(activeColour()).toBe('green');
    expect(unit('green')).toMatchObject({ ActiveState: 'active', enabled: true });
    expect(unit('blue')).toMatchObject({ ActiveState: 'inactive', enabled: false, Result: 'success' });
    const lines = deployLog();
    expect(lines.indexOf('starting green')).toBeLessThan(lines.indexOf('stopping blue'));
    expect(lines.indexOf('stopping blue')).toBeLessThan(lines.indexOf('green serves'));
  }, 60_000);

  it.each([
    ['crashes at start', '9.0.0-crash', /the new version did not come up: it exited \(exit-code, status \d+\)\. blue keeps serving/],
    [
      'never listens within the readiness timeout',
      '9.0.0-slow-start',
      /the new version did not come up: it did not listen on port \d+ within 8s\. blue keeps serving/,
    ],
  ])(
    'rolls back a version that %s, and the old colour serves throughout',
    async (_what, version, message) => {
      expect(deploy('1.0.0').status).toBe(0);
      const before = fs.readlinkSync(path.join(root(), 'app/current'));
      const { deploy: r, load } = await deployUnderLoad(version);
      expect(r.status).toBe(1);
      expect(r.output).toMatch(message);
      expect(load.failed).toBe(0);
      expect(await serving()).toMatch(/1\.0\.0/);
      expect(fs.readlinkSync(path.join(root(), 'app/current'))).toBe(before);
      expect(activeColour()).toBe('blue');
      expect(unit('green')).toMatchObject({ ActiveState: 'inactive' });
      expect(unit('blue')).toMatchObject({ ActiveState: 'active', enabled: true });
    },
    60_000,
  );

  it('lets a slow drain finish, and kills an old colour that ignores SIGINT after its stop timeout', async () => {
    expect(deploy('9.0.0-slow-drain').status).toBe(0);
    const drained = await deployUnderLoad('2.0.0');
    expect(drained.deploy.status).toBe(0);
    expect(drained.load.failed).toBe(0);
    expect(deployLog()).not.toMatch(/did not finish draining/);

    expect(deploy('9.0.0-ignore-sigint').status).toBe(0);
    const started = Date.now();
    const killed = await deployUnderLoad('3.0.0');
    expect(killed.deploy.status).toBe(0);
    expect(killed.load.failed).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(deployLog()).toMatch(/blue did not finish draining within its stop timeout and was killed/);
    expect(await serving()).toMatch(/3\.0\.0/);
  }, 90_000);

  it("runs the appdeploy hooks in the host manager's order, pre, enact, post, each in name order", () => {
    const hooks = path.join(tmp, 'hooks');
    fs.cpSync(path.join(uploads, 'opt/elasticbeanstalk/hooks'), hooks, { recursive: true });
    const order = path.join(tmp, 'order');
    const record = (phase: string, name: string) =>
      fs.writeFileSync(path.join(hooks, 'appdeploy', phase, name), `#!/usr/bin/env bash\nset -euo pipefail\necho "${phase}/${name}" >>"${order}"\n`, {
        mode: 0o755,
      });
    for (const phase of ['pre', 'enact', 'post']) {
      record(phase, '00_first');
      record(phase, '99_last');
    }
    // Not executable: the host manager skips it.
    fs.writeFileSync(path.join(hooks, 'appdeploy/enact/50_skipped'), `#!/usr/bin/env bash\necho enact/50_skipped >>"${order}"\n`, { mode: 0o644 });
    env.EB_PLATFORM_HOOKS = hooks;
    expect(deploy('1.0.0').status).toBe(0);
    expect(fs.readFileSync(order, 'utf8').trim().split('\n')).toEqual([
      'pre/00_first',
      'pre/99_last',
      'enact/00_first',
      'enact/99_last',
      'post/00_first',
      'post/99_last',
    ]);
    // The real hooks ran between them: staged by pre, started by enact, staging cleared by post.
    expect(deployLog()).toMatch(/staged \d+ bytes of application[\s\S]*blue serves/);
    expect(fs.readdirSync(path.join(root(), 'app/staging'))).toEqual([]);
  }, 60_000);
});
