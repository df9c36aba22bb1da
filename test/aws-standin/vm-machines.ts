/**
 * EC2 instances as local VMs: each boots its image's disk under QEMU (KVM when
 * it works here, TCG otherwise) behind a copy-on-write overlay, on a loopback
 * address of its own (127.0.0.N) with ports 22 and 80 forwarded as they are,
 * so Packer and the smoke test reach it with their default ports. The serial
 * console is the console output; the metadata service is the stand-in's
 * /imds/INSTANCE/ path, reached from the guest through QEMU's host address.
 *
 * The stand-in holds the machine's one emulated guest slot for all its VMs (real.ts).
 * States move as EC2's do: pending until QEMU runs, running, stopping while the
 * guest shuts down after an ACPI power-off (StopInstances), stopped;
 * shutting-down and terminated (TerminateInstances kills the VM and deletes its
 * disk). A shutdown from inside follows InstanceInitiatedShutdownBehavior; a
 * VM that dies is reported terminated with EC2's Server.InternalError.
 */
import { ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { Accelerator, guestArgs, startQemu } from '../../local/qemu';
import { Disk, InstanceState, LaunchSpec, Machine, MachineBackend } from './machines';

export interface VmMachinesOptions {
  /** The stand-in's port on 127.0.0.1, which the guest reaches as 10.0.2.2. */
  port: number;
  /** Where overlays and image disks live; removed on close. */
  workDir: string;
  log?: (line: string) => void;
  memoryMiB?: number;
}

/** Port 22 on an address other than 127.0.0.1 needs root; say so where a test starts. */
export function assertCanBindLowPorts(): void {
  if (process.getuid?.() !== 0) {
    throw new Error('The stand-in runs instances as VMs on 127.0.0.N with ports 22 and 80 as on EC2, which needs root: run the tests as root (CI does).');
  }
}

function freeOn(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, address, () => srv.close(() => resolve(true)));
  });
}

async function qmp(socket: string, command: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const c = net.connect(socket);
    let sent = false;
    c.setEncoding('utf8');
    c.on('data', () => {
      if (sent) return;
      sent = true;
      c.write('{"execute":"qmp_capabilities"}\n');
      c.write(`{"execute":"${command}"}\n`);
      setTimeout(() => c.end(), 200);
    });
    c.on('close', () => resolve());
    c.on('error', reject);
  });
}

export function vmMachines(options: VmMachinesOptions) {
  const log = options.log ?? (() => {});
  fs.mkdirSync(options.workDir, { recursive: true });
  const vms = new Map<string, { child?: ChildProcess; dir: string; address: string }>();
  const metadata = new Map<string, { spec: LaunchSpec; address: string; tokens: Set<string> }>();
  const used = new Set<string>();

  function allocateAddress(): string {
    for (let n = 2; n < 255; n++) {
      const a = `127.0.0.${n}`;
      if (!used.has(a)) {
        used.add(a);
        return a;
      }
    }
    throw new Error('no loopback address left');
  }

  function launch(spec: LaunchSpec): Machine {
    if (!spec.disk.file || !spec.disk.kernel || !spec.disk.initrd) throw new Error(`image disk for ${spec.instanceId} has no file to boot`);
    const address = allocateAddress();
    const dir = path.join(options.workDir, spec.instanceId);
    fs.mkdirSync(dir, { recursive: true });
    const overlay = path.join(dir, 'disk.qcow2');
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', spec.disk.file, overlay]);
    const consoleLog = path.join(dir, 'console.log');
    fs.writeFileSync(consoleLog, '');
    const qmpSocket = path.join(dir, 'qmp.sock');
    metadata.set(spec.instanceId, { spec, address, tokens: new Set() });
    const vm: { child?: ChildProcess; dir: string; address: string } = { dir, address };
    vms.set(spec.instanceId, vm);

    let state: InstanceState = 'pending';
    let reason: { code: string; message: string } | undefined;
    let wanted: 'stop' | 'terminate' | undefined;
    const deleteDisk = () => fs.rmSync(dir, { recursive: true, force: true });

    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      used.delete(address);
      vm.child = undefined;
      if (wanted === 'terminate' || (!wanted && spec.shutdownBehavior === 'terminate' && code === 0)) {
        state = 'terminated';
        if (!wanted) reason = { code: 'Client.InstanceInitiatedShutdown', message: 'Client.InstanceInitiatedShutdown: Instance initiated shutdown' };
        deleteDisk();
      } else if (wanted === 'stop' || code === 0) {
        state = 'stopped';
        reason =
          wanted === 'stop'
            ? { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' }
            : { code: 'Client.InstanceInitiatedShutdown', message: 'Client.InstanceInitiatedShutdown: Instance initiated shutdown' };
      } else {
        state = 'terminated';
        reason = { code: 'Server.InternalError', message: `Server.InternalError: Internal error on launch (the VM exited with ${signal ?? `code ${code}`})` };
        log(`instance ${spec.instanceId}: QEMU exited with ${signal ?? code}; console tail:\n${fs.readFileSync(consoleLog, 'utf8').slice(-2000)}`);
        deleteDisk();
      }
      log(`instance ${spec.instanceId} (${address}): ${state}`);
    };

    void (async () => {
      try {
        for (const port of [22, 80]) if (!(await freeOn(address, port))) throw new Error(`${address}:${port} is taken`);
        // Terminated while still pending: it never runs.
        if (wanted === 'terminate') {
          used.delete(address);
          state = 'terminated';
          deleteDisk();
          return;
        }
        const imds = `http://10.0.2.2:${options.port}/imds/${spec.instanceId}`;
        const args = (accel: Accelerator) =>
          guestArgs(
            {
              kernel: spec.disk.kernel as string,
              initrd: spec.disk.initrd as string,
              append: `eb.imds=${imds}`,
              disk: overlay,
              forwards: [22, 80].map((port) => ({ host: `${address}:${port}`, guest: port })),
              consoleLog,
              memoryMiB: options.memoryMiB,
              extra: ['-qmp', `unix:${qmpSocket},server,nowait`],
            },
            accel,
          );
        const { child, accel } = await startQemu({ args, consoleLog, log: (l) => log(`instance ${spec.instanceId}: ${l}`) });
        vm.child = child;
        child.once('exit', onExit);
        state = 'running';
        log(`instance ${spec.instanceId}: running at ${address} (${accel.toUpperCase()})`);
      } catch (error) {
        log(`instance ${spec.instanceId}: could not start: ${(error as Error).message}`);
        used.delete(address);
        state = 'terminated';
        reason = { code: 'Server.InternalError', message: `Server.InternalError: ${(error as Error).message}` };
        deleteDisk();
      }
    })();

    return {
      publicAddress: address,
      privateAddress: '172.31.16.10',
      state: () => state,
      stateReason: () => reason,
      console: () => (fs.existsSync(consoleLog) ? fs.readFileSync(consoleLog, 'utf8') : ''),
      stop() {
        if (state !== 'running' && state !== 'pending') return;
        wanted = 'stop';
        state = 'stopping';
        // An ACPI power button press: the guest shuts down cleanly. EC2 forces a stop that takes too long.
        qmp(qmpSocket, 'system_powerdown').catch(() => vm.child?.kill('SIGTERM'));
        setTimeout(() => vm.child?.kill('SIGTERM'), 180_000).unref();
      },
      terminate() {
        if (state === 'terminated' || state === 'shutting-down') return;
        wanted = 'terminate';
        if (state === 'stopped') {
          state = 'terminated';
          deleteDisk();
          return;
        }
        state = 'shutting-down';
        // The watchdog ends QEMU on SIGTERM (a SIGKILL would orphan it); QEMU stops at once, with no shutdown.
        if (vm.child) vm.child.kill('SIGTERM');
      },
      async snapshot(): Promise<Disk> {
        const file = path.join(options.workDir, 'snapshots', `${spec.instanceId}-${randomBytes(4).toString('hex')}.qcow2`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // A copy of the overlay keeps its backing chain: a new image on top of its parent's disk.
        execFileSync('cp', ['--reflink=auto', overlay, file]);
        return { file, kernel: spec.disk.kernel, initrd: spec.disk.initrd, sizeGiB: spec.disk.sizeGiB };
      },
    };
  }

  /** The instance metadata service (IMDSv2 tokens; v1 answers only when tokens are optional). */
  function imds(req: http.IncomingMessage, res: http.ServerResponse, urlPath: string): void {
    const m = /^\/imds\/(i-[0-9a-f]+)(\/.*)$/.exec(urlPath);
    const meta = m ? metadata.get(m[1]) : undefined;
    if (!m || !meta) {
      res.writeHead(404).end();
      return;
    }
    const rest = m[2];
    if (rest === '/latest/api/token') {
      if (req.method !== 'PUT') return void res.writeHead(405).end();
      const token = randomBytes(24).toString('base64');
      meta.tokens.add(token);
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
    }
    const token = req.headers['x-aws-ec2-metadata-token'];
    if (typeof token === 'string' ? !meta.tokens.has(token) : meta.spec.tokensRequired) return void res.writeHead(401).end();
    const publicKey = meta.spec.publicKey;
    const values: Record<string, string | undefined> = {
      '/latest/meta-data/instance-id': meta.spec.instanceId,
      '/latest/meta-data/public-ipv4': meta.address,
      '/latest/meta-data/local-ipv4': '172.31.16.10',
      '/latest/meta-data/hostname': 'ip-172-31-16-10',
      '/latest/meta-data/public-keys/': publicKey ? '0=key' : undefined,
      '/latest/meta-data/public-keys/0/openssh-key': publicKey ? `${publicKey}\n` : undefined,
      '/latest/user-data': meta.spec.userData ? Buffer.from(meta.spec.userData, 'base64').toString('utf8') : undefined,
    };
    const value = values[rest];
    if (value === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(value);
  }

  const backend: MachineBackend & { imds: typeof imds } = {
    launch,
    imds,
    async close() {
      const children = [...vms.values()].map((v) => v.child).filter((c): c is ChildProcess => !!c);
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
            }),
        ),
      );
      fs.rmSync(options.workDir, { recursive: true, force: true });
    },
  };
  return backend;
}
