/**
 * A platform build on a short clock, for the tests that are about the action
 * rather than the platform: it succeeds with an image registered in EC2, or
 * fails with Packer's error and a transcript of Packer's output in the build's
 * log stream, as a provisioner failing midway would leave it.
 */
import type { BuildEngine } from './elastic-beanstalk';
import type { Ec2, Image } from './ec2';

export function simulatedBuild(options: {
  ec2: Ec2;
  account: string;
  buildMs: number;
  /** How long the image stays pending after the build, and the state it then settles in. */
  image?: { delayMs?: number; state?: Image['state'] };
  now?: () => number;
}): BuildEngine {
  const now = options.now ?? Date.now;
  // What is due, on the stand-in's clock: a virtual clock's jump finishes a build at the next tick.
  const due: { at: number; run: () => void }[] = [];
  const at = (ms: number, run: () => void) => {
    const entry = { at: now() + ms, run };
    due.push(entry);
    return entry;
  };
  return {
    tick() {
      for (const entry of due.filter((d) => d.at <= now())) {
        due.splice(due.indexOf(entry), 1);
        entry.run();
      }
    },
    start(platform, report) {
      const build = at(options.buildMs, () => {
        report.log(`==> ebpacker: Prevalidating AMI Name: ${platform.name}-${platform.version}`);
        report.log('==> ebpacker: Launching a source AWS instance...');
        report.log('==> ebpacker: Provisioning with shell script: /tmp/packer-shell123456789');
        report.log('    ebpacker: ==> 20-docker.sh');
        if (platform.fails) {
          report.log('    ebpacker: E: Unable to locate package docker-ce');
          report.log('==> ebpacker: Terminating the source AWS instance...');
          report.log("Build 'ebpacker' errored: Script exited with non-zero exit status: 100");
          report.failed('Build "ebpacker" errored: Script exited with non-zero exit status: 100');
          return;
        }
        const image = options.ec2.registerImage(
          {
            name: `${platform.name}-${platform.version}-${now()}`,
            ownerId: options.account,
            state: 'pending',
            architecture: 'x86_64',
            rootDeviceName: '/dev/sda1',
            virtualizationType: 'hvm',
            enaSupport: true,
            volumeSize: 16,
            tags: { eb_platform_name: platform.name, eb_platform_version: platform.version, eb_platform_arn: platform.arn },
          },
          { sizeGiB: 16 },
        );
        // The image is pending while its snapshot completes.
        at(options.image?.delayMs ?? 100, () => {
          if (image.state === 'pending') options.ec2.setImageState(image.id, options.image?.state ?? 'available');
        });
        report.log(`--> ebpacker: AMIs were created:\n${image.id}`);
        report.succeeded(image.id);
      });
      return { abort: () => due.includes(build) && due.splice(due.indexOf(build), 1) };
    },
  };
}
