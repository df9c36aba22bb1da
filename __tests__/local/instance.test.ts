/**
 * The platform as the builder provisions it, booted in a local VM, checked
 * through real SSH and real HTTP: what the image promises, deploys through
 * the platform's own hooks, colours alternating, zero failed requests under
 * load during a deploy, a crashing binary rolled back, a stubborn one killed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalInstance, LocalInstance } from '../../local/instance';
import { platformChecks, runChecks } from '../../src/smoke/checks';
import { runLoad } from '../helpers/load';

const buildScript = path.resolve(__dirname, '../../platform/sample-app/build.sh');

describe('local instance of the platform', () => {
  let vm: LocalInstance;
  let tmp: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'local-tests-'));
    vm = await startLocalInstance({ log: () => {} });
  }, 20 * 60_000);
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
  const deploy = (remote: string) => vm.ssh(`sudo eb-platform-deploy ${remote}`);
  const active = async () => (await vm.ssh('cat /var/app/active-colour')).stdout.trim();
  const state = async (colour: string) => (await vm.ssh(`systemctl is-active ${colour}.service || true`)).stdout.trim();
  const served = async () => (await (await fetch(`http://127.0.0.1:${vm.httpPort}/`)).text()).trim();

  it('holds what the platform promises: Docker and nginx running, both colours installed with PORT', async () => {
    // Docker's daemon takes its time to start on an emulated CPU.
    await vm.ssh('for i in $(seq 180); do systemctl is-active --quiet docker && exit 0; sleep 1; done; exit 1');
    const r = await vm.ssh('systemctl is-active docker nginx; systemctl show -p Environment blue.service green.service; systemctl is-enabled blue.service green.service || true; sudo docker version --format "{{.Server.Version}}"; sudo nginx -t 2>&1');
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

  it('alternates blue and green over three deploys, the old colour gone after each', async () => {
    const seen: string[] = [];
    for (const version of ['1.1.0', '1.2.0', '1.3.0']) {
      const r = await deploy(await bundle(version));
      expect(r.code).toBe(0);
      const now = await active();
      seen.push(now);
      expect(await state(now)).toBe('active');
      expect(await state(now === 'blue' ? 'green' : 'blue')).toBe('inactive');
      expect(await served()).toBe(`sample-app ${version}`);
      const listeners = await vm.ssh("sudo ss -ltnpH 'sport = :5000' | grep -o 'pid=[0-9]*' | sort -u | wc -l");
      expect(listeners.stdout.trim()).toBe('1');
    }
    expect(seen).toEqual(['green', 'blue', 'green']);
  }, 600_000);

  it('serves every request of a load during a deploy, and the new version after it', async () => {
    const remote = await bundle('2.0.0');
    let stop!: () => void;
    const load = runLoad(vm.httpPort, { clients: 6, maxRequests: 20_000, stop: new Promise<void>((r) => (stop = r)) });
    await new Promise((r) => setTimeout(r, 1000));
    const r = await deploy(remote);
    await new Promise((r2) => setTimeout(r2, 1000));
    stop();
    const result = await load;
    expect(r.code).toBe(0);
    expect(result.errors.slice(0, 5)).toEqual([]);
    expect(result.failed).toBe(0);
    expect(result.bodies.get('sample-app 1.3.0')).toBeGreaterThan(0);
    expect(result.bodies.get('sample-app 2.0.0')).toBeGreaterThan(0);
    expect(await served()).toBe('sample-app 2.0.0');
  }, 600_000);

  it('rolls back a binary that crashes at start, with no failed request, saying why', async () => {
    const before = await active();
    const remote = await bundle('3.0.0-crash', 'crash');
    let stop!: () => void;
    const load = runLoad(vm.httpPort, { clients: 4, maxRequests: 20_000, stop: new Promise<void>((r) => (stop = r)) });
    const r = await deploy(remote);
    stop();
    const result = await load;
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
      await vm.ssh('sudo rm -f /etc/systemd/system/blue.service.d/test-timeout.conf /etc/systemd/system/green.service.d/test-timeout.conf; sudo systemctl daemon-reload');
    }
  }, 600_000);

  it("passes the smoke test's checks over SSH", async () => {
    const version = 'smoke-local-1';
    const results = await runChecks(
      platformChecks(version),
      { target: vm.target, httpUrl: `http://127.0.0.1:${vm.httpPort}/`, sampleAppDir: path.dirname(buildScript) },
      () => {},
    );
    expect(results.filter((c) => !c.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(6);
  }, 600_000);
});
