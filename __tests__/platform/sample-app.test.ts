/** The sample app built for real, and two copies sharing a port through a SIGINT under load. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exited, freePort, processGroup, waitForPort } from '../helpers/processes';
import { runLoad } from '../helpers/load';

const buildScript = path.resolve(__dirname, '../../platform/sample-app/build.sh');

function build(dir: string, version: string, variant = 'normal'): string {
  execFileSync('bash', [buildScript, '--version', version, '--variant', variant, '--out', dir], { stdio: 'pipe' });
  return path.join(dir, 'application');
}

async function get(port: number, p = '/'): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${p}`);
  return { status: res.status, body: await res.text() };
}

describe('sample app', () => {
  const procs = processGroup();
  let tmp: string;
  let app: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-app-'));
    app = build(path.join(tmp, 'v1'), '1.0.0');
  }, 120_000);
  afterEach(() => procs.stopAll());
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is statically linked, and its bundle holds an executable application at the root', () => {
    expect(execFileSync('file', ['-b', app], { encoding: 'utf8' })).toMatch(/statically linked/);
    expect(spawnSync('ldd', [app], { encoding: 'utf8' }).stdout + spawnSync('ldd', [app], { encoding: 'utf8' }).stderr).toMatch(/not a dynamic executable/);
    const listing = execFileSync('zipinfo', [path.join(tmp, 'v1', 'bundle.zip')], { encoding: 'utf8' });
    expect(listing).toMatch(/^-rwxr-xr-x .* application$/m);
  });

  it('refuses a bad version or variant', () => {
    const r = spawnSync('bash', [buildScript, '--version', 'bad version', '--out', tmp], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--version must be/);
    expect(spawnSync('bash', [buildScript, '--version', '1', '--variant', 'odd', '--out', tmp], { encoding: 'utf8' }).stderr).toMatch(/--variant must be/);
  });

  it('answers on PORT with its version, and /health with its pid', async () => {
    const port = await freePort();
    const child = procs.start(app, [], { env: { PORT: String(port), BIND_ADDRESS: '127.0.0.1' } });
    await waitForPort(port);
    expect(await get(port, '/')).toEqual({ status: 200, body: 'sample-app 1.0.0\n' });
    expect(await get(port, '/health')).toEqual({ status: 200, body: `ok 1.0.0 pid=${child.pid}\n` });
    expect((await get(port, '/nope')).status).toBe(404);
    child.kill('SIGINT');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  });

  it('finishes a request in flight after SIGINT, then exits 0', async () => {
    const port = await freePort();
    const child = procs.start(app, [], { env: { PORT: String(port), BIND_ADDRESS: '127.0.0.1' } });
    await waitForPort(port);
    const slow = get(port, '/slow?ms=1500');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGINT');
    expect(await slow).toEqual({ status: 200, body: 'sample-app 1.0.0 slow 1500ms\n' });
    expect((await exited(child)).code).toBe(0);
    expect(child.output()).toMatch(/draining 1 connection/);
  });

  it('builds the variants the deploy tests need', async () => {
    const crash = build(path.join(tmp, 'crash'), '9.9.9', 'crash');
    expect(spawnSync(crash, [], { encoding: 'utf8' }).status).toBe(3);
    const stubborn = build(path.join(tmp, 'stubborn'), '9.9.8', 'ignore-sigint');
    const port = await freePort();
    const child = procs.start(stubborn, [], { env: { PORT: String(port), BIND_ADDRESS: '127.0.0.1' } });
    await waitForPort(port);
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 500));
    expect(child.exitCode).toBeNull();
    expect((await get(port)).body).toBe('sample-app 9.9.8\n');
  });

  it('shares its port with a second copy, and no request fails when one of them is stopped with SIGINT', async () => {
    const app2 = build(path.join(tmp, 'v2'), '2.0.0');
    const port = await freePort();
    const env = { PORT: String(port), BIND_ADDRESS: '127.0.0.1' };
    const first = procs.start(app, [], { env });
    await waitForPort(port);
    const second = procs.start(app2, [], { env });
    // Both listen: wait until the new one has answered.
    for (let i = 0; i < 200 && !(await get(port)).body.includes('2.0.0'); i++);

    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const load = runLoad(port, { clients: 8, maxRequests: 6000, stop: stopped });
    await new Promise((r) => setTimeout(r, 700));
    first.kill('SIGINT');
    expect((await exited(first)).code).toBe(0);
    await new Promise((r) => setTimeout(r, 700));
    stop();
    const result = await load;

    expect(result.errors).toEqual([]);
    expect(result.failed).toBe(0);
    expect(result.ok).toBeGreaterThan(100);
    expect(result.bodies.get('sample-app 1.0.0')).toBeGreaterThan(0);
    expect(result.bodies.get('sample-app 2.0.0')).toBeGreaterThan(0);
    // Only the second copy is left, and it serves.
    expect((await get(port)).body).toBe('sample-app 2.0.0\n');
    expect(second.exitCode).toBeNull();
  }, 60_000);
});
