/**
 * What runs behind an EC2 instance of the stand-in. The simulated machine only
 * moves through EC2's states on a short clock and stands for a host the test
 * provides (a plain sshd, the local instance); the VM machine (vm-machines.ts)
 * boots the image's disk under QEMU.
 */

/** EC2's instance states and their codes (API model, InstanceStateName; InstanceState.Code). */
export const STATE_CODES = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 } as const;
export type InstanceState = keyof typeof STATE_CODES;

/** A disk an image or snapshot holds: a file for VMs, nothing for simulated machines. */
export interface Disk {
  /** The qcow2 file, when the backend keeps real disks. */
  file?: string;
  /** The kernel and initrd that boot it (the base image's: images made from instances keep their parent's). */
  kernel?: string;
  initrd?: string;
  sizeGiB: number;
}

export interface LaunchSpec {
  instanceId: string;
  disk: Disk;
  /** The key pair's public key, installed for the image's login user at first boot. */
  publicKey?: string;
  /** Base64, as RunInstances takes it. */
  userData?: string;
  /** IMDSv2 only (HttpTokens=required). */
  tokensRequired: boolean;
  /** InstanceInitiatedShutdownBehavior: what a shutdown from inside does. */
  shutdownBehavior: 'stop' | 'terminate';
}

export interface Machine {
  /** The address the runner and Packer reach the instance at (EC2's public address). */
  readonly publicAddress: string;
  readonly privateAddress: string;
  state(): InstanceState;
  /** Why the instance stopped or ended, when it did so on its own. */
  stateReason(): { code: string; message: string } | undefined;
  /** What the instance printed on its serial console so far. */
  console(): string;
  /** StopInstances: a clean shutdown. */
  stop(): void;
  /** TerminateInstances: killed, its disk deleted. */
  terminate(): void;
  /** CreateImage on a stopped instance: its disk as it is, copied. */
  snapshot(): Promise<Disk>;
}

export interface MachineBackend {
  launch(spec: LaunchSpec): Machine;
  /** Releases whatever the backend holds (VMs, disks) when the stand-in stops. */
  close(): Promise<void>;
}

/**
 * Machines that only change state on a short clock, as EC2's do (pending,
 * running, stopping, stopped, shutting-down, terminated); their address and
 * console are the test's.
 */
export function simulatedMachines(options: { address?: string; console: () => string; transitionMs?: number; now?: () => number }): MachineBackend {
  const transitionMs = options.transitionMs ?? 300;
  const now = options.now ?? Date.now;
  return {
    launch(spec) {
      let state: InstanceState = 'pending';
      let changedAt = now();
      let target: InstanceState = 'running';
      const settle = () => {
        if (state !== target && now() - changedAt >= transitionMs) {
          state = target;
          changedAt = now();
        }
        return state;
      };
      const move = (through: InstanceState, to: InstanceState) => {
        settle();
        if (state === 'terminated' || state === 'shutting-down') return;
        state = through;
        target = to;
        changedAt = now();
      };
      return {
        publicAddress: options.address ?? '127.0.0.1',
        privateAddress: '172.31.16.10',
        state: settle,
        stateReason: () => undefined,
        console: options.console,
        stop: () => move('stopping', 'stopped'),
        terminate: () => move('shutting-down', 'terminated'),
        snapshot: async () => ({ ...spec.disk }),
      };
    },
    close: async () => {},
  };
}
