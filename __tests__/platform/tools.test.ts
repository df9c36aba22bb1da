/** The platform's files checked by the real tools that will read them. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const platform = path.resolve(__dirname, '../../platform');
const uploads = path.join(platform, 'builder/platform-uploads');

function shellScripts(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .filter((f) => /^#!\s*\/(usr\/)?bin\/(env )?(ba)?sh/.test(fs.readFileSync(f, 'utf8').slice(0, 40)));
}

describe('platform files', () => {
  let tmp: string;
  beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-tools-'))));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const scripts = shellScripts(platform);

  it('has the scripts, hooks and commands the builder and deploys need', () => {
    const rel = scripts.map((s) => path.relative(platform, s)).sort();
    expect(rel).toEqual(
      expect.arrayContaining([
        'builder/builder.sh',
        'builder/platform-uploads/opt/elasticbeanstalk/hooks/appdeploy/enact/01_flip.sh',
        'builder/platform-uploads/opt/elasticbeanstalk/hooks/appdeploy/pre/01_stage.sh',
        'builder/platform-uploads/opt/elasticbeanstalk/hooks/appdeploy/post/01_cleanup.sh',
        'builder/platform-uploads/usr/local/bin/eb-platform-deploy',
        'sample-app/build.sh',
      ]),
    );
  });

  it.each(shellScripts(platform).map((s) => [path.relative(platform, s), s]))(
    '%s passes shellcheck, runs under set -euo pipefail and is executable',
    (_rel, file) => {
      const r = spawnSync('shellcheck', ['-x', '--severity=style', file], { cwd: path.dirname(file), encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
      const text = fs.readFileSync(file, 'utf8');
      // Libraries are sourced into scripts that set the options; everything run directly sets them itself.
      if (!file.includes('/usr/local/lib/')) {
        expect(text).toMatch(/^set -euo pipefail$/m);
        expect(fs.statSync(file).mode & 0o111).not.toBe(0);
      }
    },
  );

  it('shellcheck fails a script with a real mistake (the check can fail)', () => {
    const bad = path.join(tmp, 'bad.sh');
    fs.writeFileSync(bad, '#!/usr/bin/env bash\nset -euo pipefail\nrm -rf $1/*\n');
    expect(spawnSync('shellcheck', [bad]).status).not.toBe(0);
  });

  it('passes packer validate, for Ubuntu 24.04 and 22.04', () => {
    const env = {
      ...process.env,
      AWS_REGION: 'eu-west-1',
      AWS_EB_PLATFORM_NAME: 'web',
      AWS_EB_PLATFORM_VERSION: '1.0.0',
      AWS_EB_PLATFORM_ARN: 'arn:aws:elasticbeanstalk:eu-west-1:123456789012:platform/web/1.0.0',
    };
    for (const extra of [[], ['-var', 'ubuntu_release=22.04']]) {
      const r = spawnSync('packer', ['validate', ...extra, 'custom_platform.json'], { cwd: platform, env, encoding: 'utf8' });
      expect(r.stdout + r.stderr).not.toMatch(/error/i);
      expect(r.status).toBe(0);
    }
  });

  it('keeps to template keys an older Packer takes: Packer 1.6.6 refuses the gp3 volume type without a throughput, which older Packer does not know', () => {
    const template = JSON.parse(fs.readFileSync(path.join(platform, 'custom_platform.json'), 'utf8'));
    const root = template.builders[0].launch_block_device_mappings[0];
    expect(Object.keys(root).sort()).toEqual(['delete_on_termination', 'device_name', 'volume_size']);
    const gp3 = path.join(tmp, 'gp3.json');
    fs.writeFileSync(
      gp3,
      JSON.stringify({
        ...template,
        provisioners: [],
        builders: [{ ...template.builders[0], launch_block_device_mappings: [{ ...root, volume_type: 'gp3' }] }],
      }),
    );
    const r = spawnSync('packer', ['validate', gp3], { cwd: platform, env: { ...process.env, AWS_REGION: 'eu-west-1' }, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/Throughput must be between 125 and 1000/);
  });

  it('finds its source AMI by filter on Canonical, never by id, and tags the AMI for the platform', () => {
    const template = JSON.parse(fs.readFileSync(path.join(platform, 'custom_platform.json'), 'utf8'));
    const builder = template.builders[0];
    expect(builder.source_ami).toBeUndefined();
    expect(builder.source_ami_filter.owners).toEqual(['099720109477']);
    expect(builder.source_ami_filter.filters.name).toContain('{{user `ubuntu_release`}}');
    expect(template.variables.ubuntu_release).toBe('24.04');
    // Left to the build's environment, as AWS's sample templates leave it.
    expect(builder.region).toBe('');
    expect(builder.run_tags).toMatchObject({ eb_platform_name: '{{user `platform_name`}}', eb_platform_version: '{{user `platform_version`}}' });
    expect(Object.keys(builder.tags)).toEqual(expect.arrayContaining(['eb_platform_name', 'eb_platform_version', 'eb_platform_arn']));
    expect(builder.ami_name).toContain('{{user `platform_name`}}-{{user `platform_version`}}');
    expect(JSON.stringify(template)).not.toMatch(/ami-[0-9a-f]{8}/);
  });

  it('passes nginx -t, and proxies port 80 to 127.0.0.1:5000 with WebSocket headers', () => {
    const site = path.join(uploads, 'etc/nginx/conf.d/eb-platform.conf');
    const text = fs.readFileSync(site, 'utf8');
    expect(text).toMatch(/listen 80 default_server;/);
    expect(text).toMatch(/server 127\.0\.0\.1:5000/);
    expect(text).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(text).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    const conf = path.join(tmp, 'nginx.conf');
    fs.writeFileSync(
      conf,
      [
        `pid ${tmp}/nginx.pid;`,
        `error_log ${tmp}/error.log;`,
        'events {}',
        'http {',
        '  include /etc/nginx/mime.types;',
        `  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fcgi; uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;`,
        `  include ${site};`,
        '}',
      ].join('\n'),
    );
    const r = spawnSync('nginx', ['-t', '-q', '-p', tmp, '-c', conf], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('passes systemd-analyze verify for blue and green, one definition installed under both names, with the settings the deploys rely on', () => {
    const root = path.join(tmp, 'root');
    fs.mkdirSync(path.join(root, 'etc/systemd/system'), { recursive: true });
    fs.mkdirSync(path.join(root, 'usr/lib/systemd'), { recursive: true });
    fs.cpSync('/usr/lib/systemd/system', path.join(root, 'usr/lib/systemd/system'), { recursive: true, dereference: false, verbatimSymlinks: true });
    fs.mkdirSync(path.join(root, 'var/app/current'), { recursive: true });
    fs.writeFileSync(path.join(root, 'var/app/current/application'), '#!/bin/sh\n', { mode: 0o755 });
    const unit = fs.readFileSync(path.join(uploads, 'usr/local/lib/eb-platform/colour.service'), 'utf8');
    // The colour is the unit's own name: nothing in the definition names one.
    expect(unit).toContain('Environment=APP_COLOUR=%N');
    expect(unit).toContain('StandardOutput=append:/var/log/app/%N.log');
    const settings = unit.split('\n').filter((l) => !l.startsWith('#') && !l.startsWith('Description='));
    expect(settings.join('\n')).not.toMatch(/\b(blue|green)\b/);
    for (const colour of ['blue', 'green']) {
      for (const line of [
        'ExecStart=/var/app/current/application',
        'Environment=PORT=5000',
        'KillSignal=SIGINT',
        'TimeoutStopSec=90',
        'Restart=on-failure',
        'NoNewPrivileges=yes',
      ]) {
        expect(unit).toContain(line);
      }
      fs.writeFileSync(path.join(root, `etc/systemd/system/${colour}.service`), unit);
    }
    const ok = spawnSync('systemd-analyze', ['verify', `--root=${root}`, 'blue.service', 'green.service'], { encoding: 'utf8' });
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    // The same check notices a broken unit.
    const broken = fs.readFileSync(path.join(root, 'etc/systemd/system/blue.service'), 'utf8').replace('KillSignal=SIGINT', 'KillSignal=SIGNOPE');
    fs.writeFileSync(path.join(root, 'etc/systemd/system/broken.service'), broken);
    const bad = spawnSync('systemd-analyze', ['verify', `--root=${root}`, 'broken.service'], { encoding: 'utf8' });
    expect(bad.stdout + bad.stderr).toMatch(/Failed to parse signal name/);
  });

  it('has a logrotate configuration logrotate accepts', () => {
    const state = path.join(tmp, 'logrotate.state');
    const r = spawnSync('logrotate', ['--debug', '--state', state, path.join(uploads, 'etc/logrotate.d/eb-platform')], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
  });

  it('is a valid platform definition that packages without the sample app', () => {
    const out = execFileSync(process.execPath, [path.resolve(__dirname, '../../dist/plan.js'), '--platform-dir', 'platform', '--platform-name', 'web'], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
      env: { ...process.env, GITHUB_WORKSPACE: '' },
    });
    expect(out).toMatch(/platform\.yaml valid \(flavor ubuntu1604\), Packer template custom_platform\.json/);
    expect(out).toMatch(/SHA-256 [0-9a-f]{64}/);
    expect(out).not.toMatch(/sample-app/);
  });
});
