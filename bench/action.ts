/**
 * Figures for the action, each on its own line: cold start of the bundle
 * against a bare Node started in the same run, dist/ size, packaging speed,
 * on a 30-minute build on the stand-in the API calls made and the lag before Ready
 * is noticed, the time from the smoke test's verdict to its last delete, and
 * a whole clean run against the AWS stand-in.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { EC2Client } from '@aws-sdk/client-ec2';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { createEventStream } from '../src/builders/elastic-beanstalk/events';
import { streamLog } from '../src/lib/log';
import { waitForPlatform } from '../src/builders/elastic-beanstalk/wait';
import { virtualClock } from '../__tests__/helpers/virtual-clock';
import { startStandin } from '../test/aws-standin/server';
import { standinClients, startPlatformBuild } from '../__tests__/helpers/standin-clients';
import { ACTION_NODE, runAction, stepSeconds } from '../__tests__/helpers/run-action';
import { smokeScenario } from '../__tests__/faults/harness';
import { startSshd } from '../__tests__/helpers/sshd';
import { freePort } from '../__tests__/helpers/processes';
import { platformFixture } from '../__tests__/helpers/platform-fixture';
import { percentile } from '../__tests__/helpers/load';
import { listFiles } from './packaging';

const root = path.resolve(__dirname, '..');

function line(name: string, value: number | string, unit = ''): void {
  process.stdout.write(`${name}: ${typeof value === 'number' ? Number(value.toFixed(2)) : value}${unit ? ' ' + unit : ''}\n`);
}

/**
 * The environment both starts get: the variables a runner gives a step, and
 * nothing of this shell's (NODE_EXTRA_CA_CERTS alone makes every Node start
 * read a certificate bundle, which would flatter the ratio).
 */
const START_ENV = { PATH: process.env.PATH, HOME: process.env.HOME };

/** Spawns the bundled main step on the runtime action.yml names and times the first request it sends to an endpoint on loopback. */
async function coldStartOnce(): Promise<number> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cold-'));
  let first = 0;
  const server = http.createServer((_req, res) => {
    if (!first) first = performance.now();
    // Refuse everything: the first call is all this measures.
    res.writeHead(403, { 'content-type': 'text/xml' });
    res.end(
      '<ErrorResponse><Error><Type>Sender</Type><Code>InsufficientPrivilegesException</Code><Message>bench</Message></Error><RequestId>1</RequestId></ErrorResponse>',
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  for (const f of ['state', 'output', 'summary']) fs.writeFileSync(path.join(work, f), '');
  const started = performance.now();
  const child = spawn(ACTION_NODE, [path.join(root, 'dist/main.js')], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...START_ENV,
      GITHUB_WORKSPACE: root,
      GITHUB_REPOSITORY: 'bench/platform',
      GITHUB_STATE: path.join(work, 'state'),
      GITHUB_OUTPUT: path.join(work, 'output'),
      GITHUB_STEP_SUMMARY: path.join(work, 'summary'),
      RUNNER_TEMP: work,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDBENCH',
      AWS_SECRET_ACCESS_KEY: 'bench-secret',
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_MAX_ATTEMPTS: '1',
      'INPUT_PLATFORM-VERSION': '1.0.0',
      'INPUT_SMOKE-TEST': 'false',
    },
  });
  await new Promise((r) => child.on('exit', r));
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
  if (!first) throw new Error('the bundled action made no AWS call');
  return first - started;
}

/** A bare `node -e ''` from spawn to exit, on the same runtime (action.yml's node24) and environment: the floor any step starts from on this machine now. */
async function bareNodeOnce(): Promise<number> {
  const started = performance.now();
  const child = spawn(ACTION_NODE, ['-e', ''], { stdio: 'ignore', env: START_ENV });
  await new Promise((r) => child.on('exit', r));
  return performance.now() - started;
}

/** Medians of both, their runs interleaved so that the machine's load weighs on each alike. */
async function coldStart(runs: number): Promise<{ action: number; bare: number }> {
  const action: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await bareNodeOnce());
    action.push(await coldStartOnce());
  }
  return { action: percentile(action, 50), bare: percentile(bare, 50) };
}

function dirBytes(dir: string): number {
  return listFiles(dir).reduce((sum, f) => sum + fs.statSync(f).size, 0);
}

/** A 30-minute build on the stand-in, on a virtual clock it shares with the wait: how many calls over the build, and how late Ready is noticed. */
async function simulatedBuild(pollSeconds: number): Promise<{ calls: number; lagSeconds: number; buildMs: number }> {
  const clock = virtualClock();
  // A build ends at any moment; 29.5 minutes (the builder's 2-minute launch included) puts the verdict between two polls of the events.
  const buildMs = 29.5 * 60_000;
  const launchMs = 2 * 60_000;
  const standin = await startStandin({ clock, builderLaunchMs: launchMs, buildMs: buildMs - launchMs });
  const clients = standinClients(standin, 'eu-west-1');
  try {
    const eb = clients.get(ElasticBeanstalkClient);
    const platformArn = await startPlatformBuild(standin, clients, 'web', '1.0.0');
    const start = clock.now();
    const before = standin.seen.length;
    const log = streamLog(
      () => {},
      () => {},
    );
    const events = createEventStream(eb, platformArn, log, new Date(clock.now() - 60_000));
    await waitForPlatform(
      { eb, ec2: clients.get(EC2Client), logs: clients.get(CloudWatchLogsClient) },
      events,
      { platformArn, deadline: clock.now() + 60 * 60_000, intervalMs: pollSeconds * 1000, stillRunning: '' },
      log,
      clock,
    );
    const lag = clock.now() - start - buildMs;
    // The calls until the verdict was seen; the AMI's lookup comes after the build.
    const calls = standin.seen.slice(before).filter((x) => x.action !== 'DescribeImages').length;
    return { calls, lagSeconds: lag / 1000, buildMs: buildMs + lag };
  } finally {
    clients.destroy();
    await standin.stop();
  }
}

/**
 * The bundled action, main then post, on a clean run against the AWS stand-in
 * (a build of 1.2 s): the whole run, and how long main lingers after its last
 * AWS call (an open connection keeps a process alive).
 */
async function standinRun(): Promise<{ wallMs: number; lingerMs: number }> {
  const standin = await startStandin({ buildMs: 1200 });
  try {
    const started = Date.now();
    const run = await runAction({
      inputs: { 'smoke-test': 'false', 'poll-interval-seconds': '0.2' },
      env: { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDBENCH', AWS_SECRET_ACCESS_KEY: 'bench-secret', AWS_ENDPOINT_URL: standin.url },
    });
    if (run.main.code !== 0) throw new Error(`the clean run failed:\n${run.main.output}`);
    const lastCall = Math.max(...standin.seen.map((s) => s.at));
    return { wallMs: Date.now() - started, lingerMs: run.main.endedAt - lastCall };
  } finally {
    await standin.stop();
  }
}

/**
 * A run with the smoke test against a plain sshd (its checks fail there, which
 * is a verdict too): how long after the checks' verdict (their log group
 * closing) the last delete of the smoke test's resources reaches EC2.
 */
async function teardownAfterVerdict(): Promise<number> {
  const sshd = await startSshd();
  try {
    let verdictAt = 0;
    const { standin, leftovers } = await smokeScenario(
      { ...sshd, sshPort: sshd.port, httpPort: await freePort() },
      {
        interrupt: (_standin, _kill, output) => {
          const watch = setInterval(() => {
            if (!/::group::Smoke test checks[\s\S]*::endgroup::/.test(output())) return;
            verdictAt = Date.now();
            clearInterval(watch);
          }, 2);
        },
      },
    );
    if (!verdictAt) throw new Error('the smoke checks never ended');
    if (leftovers.length) throw new Error(`the run left ${leftovers.join(', ')}`);
    const deletes = standin.seen.filter((s) => /^(Terminate|Delete)/.test(s.action) && s.at >= verdictAt);
    return Math.max(...deletes.map((s) => s.at)) - verdictAt;
  } finally {
    await sshd.stop();
  }
}

/** AWS's durations for a release, scaled down in proportion: one second here stands for 90 s of AWS work. */
const RELEASE_SCALE = { buildMs: 20_000, copyMs: 12_000, regions: ['eu-central-1', 'us-east-1', 'us-west-2'] };

/**
 * A whole release of the bundled action against the stand-in (build, smoke
 * test on a booted sshd, copies to three regions, shares, parameters), and
 * what the same AWS work would take one step after another, from the same
 * run's own figures: the overlapped stretch (the copies beside the smoke test)
 * replaced by the smoke step plus each copy's own time, start to noticed.
 */
async function releaseOverlap(): Promise<{ overlapped: number; serial: number; floor: number; smoke: number }> {
  const sshd = await startSshd({ bootedHost: true });
  const fixture = platformFixture();
  fs.writeFileSync(path.join(fixture.dir, 'smoke.yaml'), 'checks:\n  - name: the host answers\n    run: echo ok\n    expect: "^ok$"\n');
  try {
    const started = Date.now();
    const { run, standin, leftovers } = await smokeScenario(
      { ...sshd, sshPort: sshd.port, httpPort: await freePort() },
      {
        workspace: fixture.root,
        buildMs: RELEASE_SCALE.buildMs,
        copyMs: RELEASE_SCALE.copyMs,
        inputs: {
          'ami-regions': RELEASE_SCALE.regions.join(', '),
          'ami-share-accounts': '210987654321',
          'ssm-parameter': '/platform/web/ami-id',
          'deadline-minutes': '5',
        },
      },
    );
    if (run.main.code !== 0 || leftovers.length) throw new Error(`the release failed or left ${leftovers.join(', ')}:\n${run.main.output}`);
    const overlapped = run.main.endedAt - started;
    const smoke = (stepSeconds(run.summary, 'Smoke test') ?? NaN) * 1000;
    // Each copy: from its CopyImage to the DescribeImages in its region that found it available (the last there).
    const copies = RELEASE_SCALE.regions.map((region) => {
      const inRegion = standin.seen.filter((x) => x.params.get('Action') && signedIn(x.headers.authorization, region));
      const start = inRegion.find((x) => x.action === 'CopyImage')?.at ?? NaN;
      const noticed = Math.max(...inRegion.filter((x) => x.action === 'DescribeImages').map((x) => x.at));
      return { start, noticed };
    });
    const stretch = Math.max(...copies.map((c) => c.noticed)) - Math.min(...copies.map((c) => c.start));
    const serial = overlapped - stretch + smoke + copies.reduce((sum, c) => sum + (c.noticed - c.start), 0);
    // The longest chain of AWS's own work: the builder's launch and the build, then the longest of the copy and the smoke test.
    const floor = 300 + RELEASE_SCALE.buildMs + Math.max(RELEASE_SCALE.copyMs, smoke);
    return { overlapped, serial, floor, smoke };
  } finally {
    await sshd.stop();
    fixture.cleanup();
  }
}

/** Whether a request was signed for `region` (its SigV4 credential scope). */
function signedIn(authorization: string | string[] | undefined, region: string): boolean {
  return typeof authorization === 'string' && authorization.includes(`/${region}/`);
}

/** Each figure by name: `npm run bench -- cold polling` prints only those two. */
const figures: Record<string, () => Promise<void>> = {
  cold: async () => {
    const cold = await coldStart(9);
    process.stdout.write(
      `cold start median: ${cold.action.toFixed(0)} ms, bare node median: ${cold.bare.toFixed(0)} ms, ratio: ${(cold.action / cold.bare).toFixed(2)}\n`,
    );
  },
  size: async () => {
    line('dist size', dirBytes(path.join(root, 'dist')) / 1024, 'KiB');
    // The largest chunk: EC2's SDK package, which a run reads only once it reaches EC2.
    const largest = fs
      .readdirSync(path.join(root, 'dist'))
      .filter((f) => f.endsWith('.js'))
      .reduce((max, f) => Math.max(max, fs.statSync(path.join(root, 'dist', f)).size), 0);
    line('dist/ largest file', largest / 1024, 'KiB');
  },
  packaging: async () => {
    // On the runtime the action runs on: its zlib is the one that packs the bundle.
    process.stdout.write(
      execFileSync(ACTION_NODE, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'packaging.ts')], { cwd: root, encoding: 'utf8' }),
    );
  },
  polling: async () => {
    const sim = await simulatedBuild(10);
    process.stdout.write(
      `polling: ${sim.calls} calls over a 30-minute build, ${(sim.calls / (sim.buildMs / 10_000)).toFixed(2)} per 10 s, Ready noticed after ${sim.lagSeconds.toFixed(1)} s\n`,
    );
  },
  teardown: async () => {
    process.stdout.write(`teardown: last delete issued ${(await teardownAfterVerdict()).toFixed(0)} ms after the verdict\n`);
  },
  release: async () => {
    const r = await releaseOverlap();
    process.stdout.write(
      `release: overlapped ${(r.overlapped / 1000).toFixed(1)} s vs one-after-another ${(r.serial / 1000).toFixed(1)} s, ratio ${(r.overlapped / r.serial).toFixed(2)}; ` +
        `floor ${(r.floor / 1000).toFixed(1)} s, overlapped at ${((r.overlapped / r.floor - 1) * 100).toFixed(1)}% above it ` +
        `(1 s for 90 s of AWS: build 20, smoke ${(r.smoke / 1000).toFixed(1)} measured, copies 12 each to ${RELEASE_SCALE.regions.length} regions)\n`,
    );
  },
  run: async () => {
    const clean = await standinRun();
    line('clean run against the stand-in (1.2 s build), main and post', clean.wallMs / 1000, 's');
    line('main step exits after its last AWS call', clean.lingerMs, 'ms');
  },
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in figures));
  if (unknown.length) throw new Error(`no figure named ${unknown.join(', ')}; the figures: ${Object.keys(figures).join(', ')}`);
  for (const [name, figure] of Object.entries(figures)) if (!asked.length || asked.includes(name)) await figure();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
