/**
 * The platform as the builder provisions it, booted in a local VM, checked
 * through real SSH and real HTTP: what the image promises, deploys as Elastic
 * Beanstalk makes them (the host manager's stand-in runs the hooks, the hooks
 * fetch the version with download-source-bundle and read get-config), colours
 * alternating, zero failed requests under load during a deploy (a binary slow
 * to bind, one slow to drain), a configuration change and a restart without a
 * failed request, a crashing binary rolled back, a stubborn one killed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalInstance, LocalInstance } from '../../local/instance';
import { readSmokeSpec } from '../../src/platform/smoke-spec';
import { checkHost } from '../../src/smoke';
import { memoryLog } from '../../src/lib/log';
import { runLoad } from '../helpers/load';

const buildScript = path.resolve(__dirname, '../../platform/sample-app/build.sh');

describe('local instance of the platform', () => {
  let vm: LocalInstance;
  let tmp: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'local-tests-'));
    vm = await startLocalInstance({ log: () => {} });
  }, 30 * 60_000);
  afterAll(async () => {
    await vm?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  async function bundle(version: string, variant = 'normal'): Promise<string> {
    const out = path.join(tmp, `${version}-${variant}`);
    execFileSync('bash', [buildScript, '--version', version, '--variant', variant, '--out', out], { stdio: 'pipe' });
    const remote = `/tmp/bundle-${version}-${variant}.zip`;
    await vm.upload(path.join(out, 'bundle.zip'), remote);
    return remote;
  }
  const deploy = (remote: string) => vm.deploy(remote);
  /** The environment the active colour's process runs with. */
  const processEnv = async () =>
    (await vm.ssh("c=$(cat /var/app/active-colour); sudo cat /proc/$(systemctl show -p MainPID --value $c.service)/environ | tr '\\0' '\\n'")).stdout;
  /** Runs `during` under a load through nginx, and returns the load's result with what `during` returned. */
  async function underLoad<T>(during: () => Promise<T>, clients = 6): Promise<{ load: Awaited<ReturnType<typeof runLoad>>; value: T }> {
    let stop!: () => void;
    const load = runLoad(vm.httpPort, { clients, maxRequests: 20_000, stop: new Promise<void>((r) => (stop = r)) });
    await new Promise((r) => setTimeout(r, 1000));
    const value = await during();
    await new Promise((r) => setTimeout(r, 1000));
    stop();
    return { load: await load, value };
  }
  const active = async () => (await vm.ssh('cat /var/app/active-colour')).stdout.trim();
  const state = async (colour: string) => (await vm.ssh(`systemctl is-active ${colour}.service || true`)).stdout.trim();
  const served = async () => (await (await fetch(`http://127.0.0.1:${vm.httpPort}/`)).text()).trim();

  it('holds what the platform promises: Docker and nginx running, both colours installed with PORT', async () => {
    // Docker's daemon takes its time to start on an emulated CPU.
    await vm.ssh('for i in $(seq 180); do systemctl is-active --quiet docker && exit 0; sleep 1; done; exit 1');
    const r = await vm.ssh(
      'systemctl is-active docker nginx; systemctl show -p Environment blue.service green.service; systemctl is-enabled blue.service green.service || true; sudo docker version --format "{{.Server.Version}}"; sudo nginx -t 2>&1',
    );
    expect(r.stdout).toMatch(/^active\nactive\n/);
    expect(r.stdout.match(/PORT=5000/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/test is successful/);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/m);
    // Nothing deployed yet: neither colour runs or starts at boot.
    expect(r.stdout).toMatch(/disabled\ndisabled/);
  }, 120_000);

  it('deploys the sample app through the platform hooks, and port 80 answers with its version', async () => {
    const r = await deploy(await bundle('1.0.0'));
    expect(r.stderr).toMatch(/blue serves \/var\/app\/releases\//);
    expect(r.code).toBe(0);
    expect(await served()).toBe('sample-app 1.0.0');
    expect(await active()).toBe('blue');
  }, 180_000);

  it('alternates blue and green over three deploys, the old colour gone after each and only the new one started at boot', async () => {
    const seen: string[] = [];
    for (const version of ['1.1.0', '1.2.0', '1.3.0']) {
      const r = await deploy(await bundle(version));
      expect(r.code).toBe(0);
      const now = await active();
      seen.push(now);
      expect(await state(now)).toBe('active');
      expect(await state(now === 'blue' ? 'green' : 'blue')).toBe('inactive');
      // What the next boot starts: the links systemctl enable writes, which boot reads (no reload is made).
      const enabled = await vm.ssh('systemctl is-enabled blue.service green.service || true');
      expect(enabled.stdout.trim().split('\n')).toEqual(now === 'blue' ? ['enabled', 'disabled'] : ['disabled', 'enabled']);
      expect(await served()).toBe(`sample-app ${version}`);
      const listeners = await vm.ssh("sudo ss -ltnpH 'sport = :5000' | grep -o 'pid=[0-9]*' | sort -u | wc -l");
      expect(listeners.stdout.trim()).toBe('1');
    }
    expect(seen).toEqual(['green', 'blue', 'green']);
  }, 600_000);

  it('serves every request of a load during a deploy of a binary that binds its port only after 20 s, and one that drains slowly', async () => {
    // Without the deploy's readiness wait the old colour would stop while the new one is not listening yet.
    const slowStart = await bundle('1.9.0', 'slow-start');
    const first = await underLoad(() => deploy(slowStart));
    expect(first.value.code).toBe(0);
    expect(first.value.stderr).toMatch(/starting (blue|green)/);
    expect(first.load.errors.slice(0, 5)).toEqual([]);
    expect(first.load.failed).toBe(0);
    expect(first.load.bodies.get('sample-app 1.9.0')).toBeGreaterThan(0);

    // 1.9.1 answers 3 s late once told to stop: the requests it holds when the next deploy stops it still succeed.
    expect((await deploy(await bundle('1.9.1', 'slow-drain'))).code).toBe(0);
    const remote = await bundle('2.0.0');
    const started = Date.now();
    const second = await underLoad(() => deploy(remote));
    expect(second.value.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThan(3000);
    expect(second.load.errors.slice(0, 5)).toEqual([]);
    expect(second.load.failed).toBe(0);
    expect(second.load.bodies.get('sample-app 1.9.1')).toBeGreaterThan(0);
    expect(second.load.bodies.get('sample-app 2.0.0')).toBeGreaterThan(0);
    expect(await served()).toBe('sample-app 2.0.0');
  }, 600_000);

  it('hands changed environment properties to the application through a colour swap, and restarts, with no failed request', async () => {
    const before = await active();
    await vm.setEnvironment({ GREETING: 'hello from configdeploy', PORT: '1' });
    const changed = await underLoad(() => vm.hostManager('configdeploy'));
    expect(changed.value.stderr).toMatch(/environment properties changed/);
    expect(changed.value.code).toBe(0);
    expect(changed.load.failed).toBe(0);
    expect(await active()).not.toBe(before);
    const env = await processEnv();
    expect(env).toMatch(/^GREETING=hello from configdeploy$/m);
    expect(env).toMatch(/^PORT=5000$/m);
    // One unit definition for both colours: %N, the unit's name, is the colour it runs as.
    expect(env).toMatch(new RegExp(`^APP_COLOUR=${await active()}$`, 'm'));
    expect(await served()).toBe('sample-app 2.0.0');

    // The same properties again: nothing restarts.
    const same = await vm.hostManager('configdeploy');
    expect(same.code).toBe(0);
    expect(same.stderr).toMatch(/environment properties unchanged/);

    const colour = await active();
    const restarted = await underLoad(() => vm.hostManager('restartappserver'));
    expect(restarted.value.code).toBe(0);
    expect(restarted.load.failed).toBe(0);
    expect(await active()).not.toBe(colour);
    expect(await processEnv()).toMatch(/^GREETING=hello from configdeploy$/m);
  }, 600_000);

  it("writes the logs Elastic Beanstalk's log tasks list", async () => {
    const r = await vm.ssh(
      'for f in $(cat /opt/elasticbeanstalk/tasks/taillogs.d/*.conf); do if sudo test -f "$f"; then echo "present $f"; else echo "missing $f"; fi; done',
    );
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(5);
    expect(lines.filter((l) => l.startsWith('missing'))).toEqual([]);
  }, 60_000);

  it('rolls back a binary that crashes at start, with no failed request, saying why', async () => {
    const before = await active();
    const remote = await bundle('3.0.0-crash', 'crash');
    const { value: r, load: result } = await underLoad(() => deploy(remote), 4);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/the new version did not come up: it exited/);
    expect(r.stderr).toMatch(/built to crash at start/);
    expect(result.failed).toBe(0);
    expect(result.bodies.has('sample-app 3.0.0-crash')).toBe(false);
    expect(await active()).toBe(before);
    expect(await served()).toBe('sample-app 2.0.0');
    expect((await vm.ssh('readlink /var/app/current; cat /var/app/current/application | strings | grep -c "3.0.0-crash" || true')).stdout).toMatch(/\n0\n?$/);
  }, 600_000);

  it('kills a binary that ignores SIGINT when its stop timeout runs out', async () => {
    await vm.ssh(
      'for c in blue green; do sudo mkdir -p /etc/systemd/system/$c.service.d; printf "[Service]\\nTimeoutStopSec=5\\n" | sudo tee /etc/systemd/system/$c.service.d/test-timeout.conf >/dev/null; done; sudo systemctl daemon-reload',
    );
    try {
      expect((await deploy(await bundle('4.0.0-stubborn', 'ignore-sigint'))).code).toBe(0);
      const stubborn = await active();
      const started = Date.now();
      const r = await deploy(await bundle('4.1.0'));
      const took = Date.now() - started;
      expect(r.code).toBe(0);
      expect(took).toBeGreaterThanOrEqual(5000);
      expect(r.stderr).toMatch(new RegExp(`${stubborn} did not finish draining within its stop timeout and was killed`));
      expect(await state(stubborn)).toBe('inactive');
      const journal = await vm.ssh(`sudo journalctl -u ${stubborn}.service --no-pager -n 30`);
      expect(journal.stdout).toMatch(/timed out\. Killing|Killing process .* with signal SIGKILL/);
      expect(await served()).toBe('sample-app 4.1.0');
    } finally {
      await vm.ssh(
        'sudo rm -f /etc/systemd/system/blue.service.d/test-timeout.conf /etc/systemd/system/green.service.d/test-timeout.conf; sudo systemctl daemon-reload',
      );
    }
  }, 600_000);

  it("passes the smoke test's checks over one shared SSH connection", async () => {
    const accepted = async () => Number((await vm.ssh("sudo journalctl -o cat | grep -c 'Accepted publickey' || true")).stdout.trim());
    const before = await accepted();
    const results = await checkHost(
      {
        target: vm.target,
        httpUrl: `http://127.0.0.1:${vm.httpPort}`,
        spec: readSmokeSpec(path.resolve(__dirname, '../../platform')),
        version: 'smoke-local-1',
      },
      memoryLog(),
    );
    expect(results.filter((c) => !c.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(6);
    // sshd saw the checks' one connection, and the one that counted.
    expect((await accepted()) - before).toBe(2);
  }, 600_000);

  it('passes the generic smoke test for a copy of the platform that declares no checks', async () => {
    const copy = path.join(tmp, 'undeclared-platform');
    fs.cpSync(path.resolve(__dirname, '../../platform'), copy, { recursive: true });
    fs.rmSync(path.join(copy, 'smoke.yaml'));
    fs.rmSync(path.join(copy, 'sample-app'), { recursive: true });
    const spec = readSmokeSpec(copy);
    expect(spec).toBeUndefined();
    const log = memoryLog();
    const results = await checkHost({ target: vm.target, httpUrl: `http://127.0.0.1:${vm.httpPort}`, spec, version: 'generic-1' }, log);
    expect(results.map((r) => [r.name, r.ok])).toEqual([['the boot finished', true]]);
    expect(log.text()).toMatch(/The platform declares no smoke checks: only the checks that hold for any image run\. Declare its own in smoke\.yaml/);
  }, 300_000);
});
