/**
 * The deploy hooks, run for real on bundles made for each case (no systemd needed for these),
 * with the host manager's tools played by the test-only stand-ins in test/eb-host-manager/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const uploads = path.resolve(__dirname, '../../platform/builder/platform-uploads');
const stageHook = path.join(uploads, 'opt/elasticbeanstalk/hooks/appdeploy/pre/01_stage.sh');
const deployCommand = path.join(uploads, 'usr/local/bin/eb-platform-deploy');
const configHook = path.join(uploads, 'opt/elasticbeanstalk/hooks/configdeploy/enact/01_reconfigure.sh');
const hostManager = path.resolve(__dirname, '../../test/eb-host-manager');

describe('deploy hooks', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** As on an Elastic Beanstalk instance: download-source-bundle fetches the version the test left in standin/. */
  const env = () => ({
    ...process.env,
    EB_PLATFORM_LIB: path.join(uploads, 'usr/local/lib/eb-platform'),
    EB_PLATFORM_APP_ROOT: path.join(tmp, 'app'),
    EB_PLATFORM_BUNDLE: path.join(tmp, 'appsource/source_bundle'),
    EB_PLATFORM_DEPLOY_LOG: path.join(tmp, 'deploy.log'),
    EB_PLATFORM_EB_BIN: hostManager,
    EB_STANDIN_DIR: path.join(tmp, 'standin'),
    EB_STANDIN_APPSOURCE: path.join(tmp, 'appsource/source_bundle'),
  });

  /** A zip made with the real zip tool from files created by `setup` in a scratch dir, left as the environment's application version. */
  function bundle(setup: (dir: string) => void): string {
    const dir = path.join(tmp, 'src');
    fs.mkdirSync(dir, { recursive: true });
    setup(dir);
    execFileSync('zip', ['-q', '-r', '-y', path.join(tmp, 'source_bundle.zip'), '.'], { cwd: dir });
    fs.mkdirSync(path.join(tmp, 'standin'), { recursive: true });
    fs.renameSync(path.join(tmp, 'source_bundle.zip'), path.join(tmp, 'standin/source_bundle'));
    return path.join(tmp, 'standin/source_bundle');
  }

  const stage = (extra: NodeJS.ProcessEnv = {}) => spawnSync('bash', [stageHook], { env: { ...env(), ...extra }, encoding: 'utf8' });
  const staged = () => fs.readdirSync(path.join(tmp, 'app/staging')).sort();

  it('stages a bundle with an executable application', () => {
    bundle((d) => {
      fs.writeFileSync(path.join(d, 'application'), '\x7fELF fake', { mode: 0o755 });
      fs.writeFileSync(path.join(d, 'config.json'), '{}');
    });
    const r = stage();
    expect(r.stderr).toMatch(/download-source-bundle: Downloaded the application version/);
    expect(r.stderr).toMatch(/staged 9 bytes of application/);
    expect(r.status).toBe(0);
    expect(staged()).toEqual(['application', 'config.json']);
    expect(fs.readFileSync(path.join(tmp, 'deploy.log'), 'utf8')).toMatch(/staged/);
  });

  it("leaves Elastic Beanstalk's configuration folders out of the release", () => {
    bundle((d) => {
      fs.writeFileSync(path.join(d, 'application'), 'x', { mode: 0o755 });
      fs.mkdirSync(path.join(d, '.ebextensions'));
      fs.writeFileSync(path.join(d, '.ebextensions/01.config'), 'option_settings: []');
    });
    expect(stage().status).toBe(0);
    expect(staged()).toEqual(['application']);
  });

  it('stages nothing, and succeeds, when the environment has no application version yet', () => {
    fs.mkdirSync(path.join(tmp, 'app/staging/old'), { recursive: true });
    const r = stage();
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/download-source-bundle found no application version: No application version is available/);
    expect(r.stderr).toMatch(/nothing staged/);
    expect(staged()).toEqual([]);
  });

  it('takes the bundle eb-platform-deploy hands over instead of downloading one', () => {
    const local = path.join(tmp, 'given.zip');
    fs.renameSync(
      bundle((d) => fs.writeFileSync(path.join(d, 'application'), 'given', { mode: 0o755 })),
      local,
    );
    const r = stage({ EB_PLATFORM_LOCAL_BUNDLE: local });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/download-source-bundle/);
    expect(fs.readFileSync(path.join(tmp, 'app/staging/application'), 'utf8')).toBe('given');
  });

  it('says what to do off Elastic Beanstalk, where there is no download-source-bundle', () => {
    bundle((d) => fs.writeFileSync(path.join(d, 'application'), 'x', { mode: 0o755 }));
    const r = stage({ EB_PLATFORM_EB_BIN: path.join(tmp, 'no-such-dir') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/download-source-bundle is missing: this is not an Elastic Beanstalk instance; deploy with: eb-platform-deploy BUNDLE\.zip/);
  });

  it.each([
    [
      'has no application',
      (d: string) => fs.writeFileSync(path.join(d, 'app'), 'x', { mode: 0o755 }),
      /the bundle has no 'application' at its root \(it holds: app/,
    ],
    [
      'holds a non-executable application',
      (d: string) => fs.writeFileSync(path.join(d, 'application'), 'x', { mode: 0o644 }),
      /'application' in the bundle is not executable/,
    ],
    [
      'holds application as a symlink',
      (d: string) => fs.symlinkSync('/bin/true', path.join(d, 'application')),
      /'application' in the bundle is a symbolic link/,
    ],
    [
      'holds application as a directory',
      (d: string) => fs.mkdirSync(path.join(d, 'application', 'x'), { recursive: true }) as unknown as void,
      /'application' in the bundle is not a regular file/,
    ],
  ])('refuses a bundle that %s, saying why', (_what, setup, message) => {
    bundle((d) => {
      fs.writeFileSync(path.join(d, 'README'), 'x');
      setup(d);
    });
    const r = stage();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(fs.readFileSync(path.join(tmp, 'deploy.log'), 'utf8')).toMatch(message);
  });

  it('refuses something that is not a zip', () => {
    fs.mkdirSync(path.join(tmp, 'standin'));
    fs.writeFileSync(path.join(tmp, 'standin/source_bundle'), 'not a zip at all');
    const r = stage();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a readable zip/);
  });

  it('says how to call the deploy command', () => {
    const r = spawnSync('bash', [deployCommand], { env: env(), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: eb-platform-deploy BUNDLE\.zip/);
  });

  it('stops a deploy at the first failing hook, naming it', () => {
    const hooks = path.join(tmp, 'hooks/appdeploy');
    for (const phase of ['pre', 'enact', 'post']) fs.mkdirSync(path.join(hooks, phase), { recursive: true });
    fs.copyFileSync(stageHook, path.join(hooks, 'pre/01_stage.sh'));
    fs.chmodSync(path.join(hooks, 'pre/01_stage.sh'), 0o755);
    fs.writeFileSync(path.join(hooks, 'enact/01_never.sh'), `#!/bin/sh\ntouch ${tmp}/enact-ran\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(tmp, 'bad.zip'), 'nope');
    const r = spawnSync('bash', [deployCommand, path.join(tmp, 'bad.zip')], {
      env: { ...env(), EB_PLATFORM_HOOKS: path.join(tmp, 'hooks') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a readable zip/);
    expect(r.stderr).toMatch(/appdeploy failed in pre\/01_stage\.sh/);
    expect(fs.existsSync(path.join(tmp, 'enact-ran'))).toBe(false);
    // The host manager's stand-in, given the same broken version, stops at the same hook.
    fs.mkdirSync(path.join(tmp, 'standin'));
    fs.copyFileSync(path.join(tmp, 'bad.zip'), path.join(tmp, 'standin/source_bundle'));
    const h = spawnSync('bash', [path.join(hostManager, 'eb-host-manager'), 'appdeploy'], {
      env: { ...env(), EB_STANDIN_HOOKS: path.join(tmp, 'hooks') },
      encoding: 'utf8',
    });
    expect(h.status).toBe(1);
    expect(h.stderr).toMatch(/hook .*pre\/01_stage\.sh failed/);
    expect(fs.existsSync(path.join(tmp, 'enact-ran'))).toBe(false);
  });

  describe("the application's environment, from get-config optionsettings", () => {
    const settings = (vars: Record<string, string>) => {
      fs.mkdirSync(path.join(tmp, 'standin'), { recursive: true });
      fs.writeFileSync(
        path.join(tmp, 'standin/optionsettings.json'),
        JSON.stringify({ 'aws:elasticbeanstalk:application:environment': vars, 'aws:elasticbeanstalk:container:custom:application': { IGNORED: 'x' } }),
      );
    };
    const reconfigure = () => spawnSync('bash', [configHook], { env: env(), encoding: 'utf8' });

    it('writes only the environment namespace, quoted for systemd, leaving PORT and impossible names out', () => {
      settings({ GREETING: 'hello "world"', MULTI: 'a\nb', PORT: '9999', 'bad-name': 'x', EMPTY: '' });
      const r = reconfigure();
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/environment properties written; no application is deployed yet/);
      expect(fs.readFileSync(path.join(tmp, 'app/env'), 'utf8')).toBe('EMPTY=""\nGREETING="hello \\"world\\""\nMULTI="a\\nb"\n');
    });

    it('changes nothing when the properties are as they were', () => {
      settings({ GREETING: 'hi' });
      expect(reconfigure().status).toBe(0);
      const r = reconfigure();
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/environment properties unchanged/);
    });

    it('fails, saying so, when get-config does not give JSON', () => {
      fs.mkdirSync(path.join(tmp, 'standin'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'standin/optionsettings.json'), 'not json');
      const r = reconfigure();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/get-config optionsettings did not give JSON/);
    });
  });

  it("lists the application's, the deploys' and nginx's logs for Elastic Beanstalk's log tasks", () => {
    const tasks = path.join(uploads, 'opt/elasticbeanstalk/tasks');
    expect(fs.readdirSync(tasks).sort()).toEqual(['bundlelogs.d', 'publishlogs.d', 'taillogs.d']);
    const tail = fs.readFileSync(path.join(tasks, 'taillogs.d/eb-platform.conf'), 'utf8').trim().split('\n');
    expect(tail).toEqual([
      '/var/log/app/blue.log',
      '/var/log/app/green.log',
      '/var/log/eb-platform-deploy.log',
      '/var/log/nginx/access.log',
      '/var/log/nginx/error.log',
    ]);
    // The units and nginx write where the tasks look.
    // The colour units (one definition installed as blue.service and green.service) log to /var/log/app/<colour>.log.
    const unit = fs.readFileSync(path.join(uploads, 'usr/local/lib/eb-platform/colour.service'), 'utf8');
    expect(unit).toContain('append:/var/log/app/%N.log');
    const site = fs.readFileSync(path.join(uploads, 'etc/nginx/conf.d/eb-platform.conf'), 'utf8');
    expect(site).toContain('access_log /var/log/nginx/access.log');
    expect(site).toContain('error_log /var/log/nginx/error.log');
    for (const file of ['bundlelogs.d', 'publishlogs.d']) {
      for (const line of fs
        .readFileSync(path.join(tasks, file, 'eb-platform.conf'), 'utf8')
        .trim()
        .split('\n'))
        expect(line).toMatch(/^\/var\/log\/(app|nginx)\/|^\/var\/log\/eb-platform-deploy\.log/);
    }
  });
});
