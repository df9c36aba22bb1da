/**
 * The stand-in with real parts behind it: EC2 instances are VMs booted from
 * image disks, the Ubuntu base image is registered under Canonical's owner id,
 * and Elastic Beanstalk's builds run the real Packer against this EC2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acquireLock } from '../../local/lock';
import { DEFAULT_CACHE } from '../../local/instance';
import { baseImage, BASE_IMAGE_NAME } from './base-image';
import { CANONICAL } from './ec2';
import { packerBuild } from './packer-build';
import { startStandin, StandinOptions } from './server';
import { assertCanBindLowPorts, vmMachines } from './vm-machines';

/**
 * The stand-in holds this machine's one emulated guest at a time (local/lock.ts)
 * for its whole life, not per instance: on EC2 an instance is pending for
 * seconds, and a run that met a VM of another test holding the machine would
 * see its instances pending for many minutes, past the waits of Packer and of
 * the action.
 */
export async function startRealStandin(options: StandinOptions & { log?: (line: string) => void } = {}) {
  assertCanBindLowPorts();
  const log = options.log ?? (() => {});
  const base = await baseImage(log);
  fs.mkdirSync(DEFAULT_CACHE, { recursive: true });
  const release = await acquireLock(path.join(DEFAULT_CACHE, '.instance.lock'), (holder) => log(`stand-in: ${holder} runs a VM; waiting for it to stop`));
  try {
    const standin = await startVmStandin(options, base, log);
    const stop = standin.stop;
    standin.stop = () => stop().finally(release);
    return standin;
  } catch (error) {
    release();
    throw error;
  }
}

async function startVmStandin(options: StandinOptions, base: Awaited<ReturnType<typeof baseImage>>, log: (line: string) => void) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-standin-vms-'));
  let machines: ReturnType<typeof vmMachines> | undefined;
  return startStandin({
    ...options,
    machines: ({ port }) => (machines = vmMachines({ port, workDir, log })),
    imds: (req, res, p) => machines?.imds(req, res, p),
    build: ({ url, region, bundle }) => packerBuild({ url, region, bundle, log: (l) => log(`packer: ${l}`) }),
    setup: (ec2) => {
      ec2.registerImage(
        {
          name: BASE_IMAGE_NAME,
          description: 'Canonical, Ubuntu, 24.04, amd64 noble image (stand-in: a Debian root)',
          ownerId: CANONICAL,
          architecture: 'x86_64',
          rootDeviceName: '/dev/sda1',
          virtualizationType: 'hvm',
          enaSupport: true,
          volumeSize: 8,
          tags: {},
        },
        { file: base.disk, kernel: base.kernel, initrd: base.initrd, sizeGiB: 8 },
      );
      options.setup?.(ec2);
    },
  });
}
