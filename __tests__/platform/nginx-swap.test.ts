/**
 * The platform's own nginx site in a real nginx, in front of two copies of the
 * sample app: while load runs through nginx (kept-alive and new client
 * connections), the old copy gets SIGINT. Nothing may fail, and the new
 * version must be what is served afterwards.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exited, freePort, processGroup, waitForPort } from '../helpers/processes';
import { runLoad } from '../helpers/load';

const site = path.resolve(__dirname, '../../platform/builder/platform-uploads/etc/nginx/conf.d/eb-platform.conf');
const buildScript = path.resolve(__dirname, '../../platform/sample-app/build.sh');

describe('nginx in front of a colour swap', () => {
  const procs = processGroup();
  let tmp: string;
  beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-swap-'))));
  afterAll(async () => {
    await procs.stopAll();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('serves every request while the old colour drains, then serves the new version', async () => {
    for (const v of ['1.0.0', '2.0.0']) execFileSync('bash', [buildScript, '--version', v, '--out', path.join(tmp, v)], { stdio: 'pipe' });
    const [httpPort, appPort] = [await freePort(), await freePort()];
    const conf = fs
      .readFileSync(site, 'utf8')
      .replace(/listen 80 default_server;/, `listen 127.0.0.1:${httpPort} default_server;`)
      .replace(/127\.0\.0\.1:5000/g, `127.0.0.1:${appPort}`)
      .replace(/access_log \S+;/, 'access_log off;')
      .replace(/error_log \S+ warn;/, `error_log ${tmp}/site-error.log warn;`);
    expect(conf).not.toMatch(/:5000|listen 80/);
    fs.writeFileSync(path.join(tmp, 'site.conf'), conf);
    fs.writeFileSync(
      path.join(tmp, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 2;',
        `pid ${tmp}/nginx.pid;`,
        `error_log ${tmp}/error.log warn;`,
        'events { worker_connections 1024; }',
        'http {',
        `  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fcgi; uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;`,
        `  include ${tmp}/site.conf;`,
        '}',
      ].join('\n'),
    );
    const env = { PORT: String(appPort), BIND_ADDRESS: '127.0.0.1' };
    const blue = procs.start(path.join(tmp, '1.0.0/application'), [], { env });
    await waitForPort(appPort);
    const nginx = procs.start('nginx', ['-p', tmp, '-c', path.join(tmp, 'nginx.conf')]);
    await waitForPort(httpPort);

    let stop!: () => void;
    const load = runLoad(httpPort, { clients: 10, maxRequests: 8000, stop: new Promise<void>((r) => (stop = r)) });
    await new Promise((r) => setTimeout(r, 500));
    // The deploy: the new colour joins the port, then the old one is asked to drain.
    const green = procs.start(path.join(tmp, '2.0.0/application'), [], { env });
    await new Promise((r) => setTimeout(r, 300));
    blue.kill('SIGINT');
    expect((await exited(blue)).code).toBe(0);
    await new Promise((r) => setTimeout(r, 800));
    stop();
    const result = await load;

    expect(result.errors).toEqual([]);
    expect(result.failed).toBe(0);
    expect(result.bodies.get('sample-app 1.0.0')).toBeGreaterThan(0);
    expect(result.bodies.get('sample-app 2.0.0')).toBeGreaterThan(0);
    const after = await (await fetch(`http://127.0.0.1:${httpPort}/`)).text();
    expect(after).toBe('sample-app 2.0.0\n');
    expect(green.exitCode).toBeNull();
    expect(nginx.exitCode).toBeNull();
  }, 60_000);
});
