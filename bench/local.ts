/**
 * Figures from the local instance, as `name: value unit` lines: the smoke
 * test's checks over one shared SSH connection against one per command, how
 * long a deploy takes until the new version serves, throughput and latency
 * through nginx in steady state and during a deploy, and failed requests (the
 * last line).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalInstance } from '../local/instance';
import { percentile, runLoad, LoadResult } from '../__tests__/helpers/load';
import { checkHost } from '../src/smoke';
import { readSmokeSpec } from '../src/platform/smoke-spec';
import { memoryLog } from '../src/lib/log';
import type { LocalInstance } from '../local/instance';

const buildScript = path.resolve(__dirname, '../platform/sample-app/build.sh');
const CLIENTS = 6;
const STEADY_SECONDS = 10;

function line(name: string, value: number, unit: string): void {
  process.stdout.write(`${name}: ${Number(value.toFixed(2))} ${unit}\n`);
}

function report(label: string, result: LoadResult, seconds: number): void {
  line(`${label}: requests per second`, result.ok / seconds, 'req/s');
  line(`${label}: p50 latency`, percentile(result.latenciesMs, 50), 'ms');
  line(`${label}: p99 latency`, percentile(result.latenciesMs, 99), 'ms');
}

/** sshd's count of authenticated connections so far, read over one more connection (which it counts too). */
async function acceptedConnections(vm: LocalInstance): Promise<number> {
  const r = await vm.ssh("sudo journalctl -o cat | grep -c 'Accepted publickey' || true");
  return Number(r.stdout.trim());
}

/** The platform's smoke checks against the instance, timed, with the connections sshd accepted for them. */
async function smokeChecks(vm: LocalInstance, connections: 'shared' | 'per-command'): Promise<string> {
  const spec = readSmokeSpec(path.resolve(__dirname, '../platform'));
  const before = await acceptedConnections(vm);
  const started = performance.now();
  const results = await checkHost(
    { target: vm.target, httpUrl: `http://127.0.0.1:${vm.httpPort}`, spec, version: `bench-${connections}`, connections },
    memoryLog(),
  );
  const seconds = (performance.now() - started) / 1000;
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  if (failed.length) throw new Error(`smoke checks failed on the local instance: ${failed.join(', ')}`);
  // Less the connection that counted: each read is itself a connection sshd logs.
  const used = (await acceptedConnections(vm)) - before - 1;
  return `${results.length} checks in ${seconds.toFixed(1)} s over ${used} SSH connection(s)`;
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-local-'));
  const vm = await startLocalInstance({ log: (l) => process.stderr.write(l + '\n') });
  try {
    line('virtual machine accelerated by KVM', vm.accel === 'kvm' ? 1 : 0, 'boolean (0: TCG emulation)');
    // Before and after in one run: a connection per command (as the smoke test did), then one shared
    // connection, after a first pass that neither is measured by (Docker's and nginx's first answers are slow).
    await smokeChecks(vm, 'shared');
    process.stdout.write(`smoke checks, one connection per command: ${await smokeChecks(vm, 'per-command')}\n`);
    process.stdout.write(`smoke checks: ${await smokeChecks(vm, 'shared')}\n`);
    const upload = async (version: string) => {
      const out = path.join(tmp, version);
      execFileSync('bash', [buildScript, '--version', version, '--out', out], { stdio: 'pipe' });
      await vm.upload(path.join(out, 'bundle.zip'), `/tmp/bench-${version}.zip`);
      return `/tmp/bench-${version}.zip`;
    };
    const first = await upload('1.0.0');
    if ((await vm.deploy(first)).code !== 0) throw new Error('the first deploy failed');

    /** A fixed stretch of load with nothing else happening. */
    const steady = () => runLoad(vm.httpPort, { clients: CLIENTS, maxRequests: 1_000_000, stop: new Promise((r) => setTimeout(r, STEADY_SECONDS * 1000)) });
    /** The same load from just before a deploy until just after it, with how long until the new version served. */
    const deployUnderLoad = async (version: string) => {
      const remote = await upload(version);
      let stop!: () => void;
      const started = performance.now();
      const during = runLoad(vm.httpPort, { clients: CLIENTS, maxRequests: 1_000_000, stop: new Promise<void>((r) => (stop = r)) });
      const deployStart = performance.now();
      const deploying = vm.deploy(remote);
      // Time until nginx serves the new version, polled from the side.
      let servedAfter = NaN;
      while (Number.isNaN(servedAfter) && performance.now() - deployStart < 300_000) {
        const body = await (await fetch(`http://127.0.0.1:${vm.httpPort}/`)).text().catch(() => '');
        if (body.includes(version)) servedAfter = (performance.now() - deployStart) / 1000;
        else await new Promise((r) => setTimeout(r, 100));
      }
      const deployed = await deploying;
      const deploySeconds = (performance.now() - deployStart) / 1000;
      stop();
      const result = await during;
      if (deployed.code !== 0) throw new Error(`the measured deploy of ${version} failed: ${deployed.stderr}`);
      return { result, servedAfter, deploySeconds, seconds: (performance.now() - started) / 1000 };
    };

    // Each deploy after a steady stretch of its own, its p99 against that stretch's: the machine's
    // load drifts (two emulated vCPUs and the load generator share two cores), so four of them.
    const ratios: number[] = [];
    let failed = 0;
    for (let n = 2; n <= 5; n++) {
      const before = await steady();
      const d = await deployUnderLoad(`${n}.0.0`);
      ratios.push(percentile(d.result.latenciesMs, 99) / percentile(before.latenciesMs, 99));
      failed += d.result.failed;
      report(`steady state before deploy ${n - 1}`, before, STEADY_SECONDS);
      line(`deploy ${n - 1}: start to new version serving`, d.servedAfter, 's');
      line(`deploy ${n - 1}: start to deploy finished (old colour drained and stopped)`, d.deploySeconds, 's');
      report(`during deploy ${n - 1}`, d.result, d.seconds);
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    process.stdout.write(`p99 during deploy vs steady, each deploy: ${ratios.map((r) => r.toFixed(2)).join(', ')}\n`);
    process.stdout.write(`p99 during deploy vs steady: ${mean.toFixed(2)}, failed requests during deploy: ${failed}\n`);
    process.stdout.write(`failed requests during deploy: ${failed}\n`);
  } finally {
    await vm.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
