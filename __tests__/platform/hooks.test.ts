/** The deploy hooks' checks, run for real on bundles made for each case (no systemd needed for these). */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const uploads = path.resolve(__dirname, '../../platform/builder/platform-uploads');
const stageHook = path.join(uploads, 'opt/elasticbeanstalk/hooks/appdeploy/pre/01_stage.sh');
const deployCommand = path.join(uploads, 'usr/local/bin/eb-platform-deploy');

describe('deploy hooks', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hooks-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const env = () => ({
    ...process.env,
    EB_PLATFORM_LIB: path.join(uploads, 'usr/local/lib/eb-platform'),
    EB_PLATFORM_APP_ROOT: path.join(tmp, 'app'),
    EB_PLATFORM_BUNDLE: path.join(tmp, 'source_bundle'),
    EB_PLATFORM_DEPLOY_LOG: path.join(tmp, 'deploy.log'),
  });

  /** A zip made with the real zip tool from files created by `setup` in a scratch dir. */
  function bundle(setup: (dir: string) => void): void {
    const dir = path.join(tmp, 'src');
    fs.mkdirSync(dir, { recursive: true });
    setup(dir);
    execFileSync('zip', ['-q', '-r', '-y', path.join(tmp, 'source_bundle.zip'), '.'], { cwd: dir });
    fs.renameSync(path.join(tmp, 'source_bundle.zip'), path.join(tmp, 'source_bundle'));
  }

  const stage = () => spawnSync('bash', [stageHook], { env: env(), encoding: 'utf8' });

  it('stages a bundle with an executable application', () => {
    bundle((d) => {
      fs.writeFileSync(path.join(d, 'application'), '\x7fELF fake', { mode: 0o755 });
      fs.writeFileSync(path.join(d, 'config.json'), '{}');
    });
    const r = stage();
    expect(r.stderr).toMatch(/staged 9 bytes of application/);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(tmp, 'app/staging')).sort()).toEqual(['application', 'config.json']);
    expect(fs.readFileSync(path.join(tmp, 'deploy.log'), 'utf8')).toMatch(/staged/);
  });

  it.each([
    ['has no application', (d: string) => fs.writeFileSync(path.join(d, 'app'), 'x', { mode: 0o755 }), /the bundle has no 'application' at its root \(it holds: app/],
    ['holds a non-executable application', (d: string) => fs.writeFileSync(path.join(d, 'application'), 'x', { mode: 0o644 }), /'application' in the bundle is not executable/],
    ['holds application as a symlink', (d: string) => fs.symlinkSync('/bin/true', path.join(d, 'application')), /'application' in the bundle is a symbolic link/],
    ['holds application as a directory', (d: string) => fs.mkdirSync(path.join(d, 'application', 'x'), { recursive: true }) as unknown as void, /'application' in the bundle is not a regular file/],
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
    fs.writeFileSync(path.join(tmp, 'source_bundle'), 'not a zip at all');
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
    const r = spawnSync('bash', [deployCommand, path.join(tmp, 'bad.zip')], { env: { ...env(), EB_PLATFORM_HOOKS: path.join(tmp, 'hooks') }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/deploy failed in pre\/01_stage\.sh/);
    expect(fs.existsSync(path.join(tmp, 'enact-ran'))).toBe(false);
  });
});
