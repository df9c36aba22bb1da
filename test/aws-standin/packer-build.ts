/**
 * A platform build as Elastic Beanstalk's builder runs it, with the real Packer
 * against the stand-in's EC2: the uploaded bundle unpacked, platform.yaml read,
 * the template copied with the builder's own parts injected (as the real
 * builder injects its flavor's bootstrap script, here the test-only host
 * manager tools, and the endpoint of this EC2), and `packer build` run with
 * the variables Elastic Beanstalk documents (AWS_EB_PLATFORM_ARN, _NAME,
 * _VERSION). Packer's output goes to the build's log stream; its artifact's
 * AMI or its error ends the build. Stopping the build kills Packer outright,
 * without its own clean-up, as stopping the builder's command would.
 *
 * Whether the real builder sets AWS_REGION for Packer is not documented; AWS's
 * sample templates leave "region" empty (aws-samples/eb-custom-platforms-samples,
 * NodePlatform_Ubuntu/custom_platform.json at HEAD), which Packer resolves from
 * its environment, so the builder must supply the build's region there: here,
 * AWS_REGION.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { BuildEngine } from './elastic-beanstalk';

export const HOST_MANAGER_DIR = path.resolve(__dirname, '../eb-host-manager');

export interface PackerBuildOptions {
  url: string;
  region: string;
  bundle: (bucket: string, key: string) => Buffer | undefined;
  /** The packer binary (Debian's here). */
  packer?: string;
  log?: (line: string) => void;
}

/** The template as the builder runs it: the endpoint, and the bootstrap before the platform's own provisioners. */
export function builderTemplate(template: Record<string, unknown>, url: string): Record<string, unknown> {
  const builders = (template.builders as Record<string, unknown>[]).map((b) => (b.type === 'amazon-ebs' ? { ...b, custom_endpoint_ec2: url } : b));
  const bootstrap = [
    { type: 'file', source: HOST_MANAGER_DIR, destination: '/tmp/' },
    {
      type: 'shell',
      inline: [
        'sudo install -d -m 0755 /opt/elasticbeanstalk/bin /var/lib/eb-standin',
        'sudo install -m 0755 /tmp/eb-host-manager/download-source-bundle /tmp/eb-host-manager/get-config /opt/elasticbeanstalk/bin/',
        'sudo install -m 0755 /tmp/eb-host-manager/eb-host-manager /usr/local/sbin/',
        'rm -rf /tmp/eb-host-manager',
      ],
    },
  ];
  return { ...template, builders, provisioners: [...bootstrap, ...((template.provisioners as unknown[]) ?? [])] };
}

/** The AMI in Packer's human-readable artifact lines ("eu-west-1: ami-0123…"). */
export function amiFromPackerOutput(output: string, region: string): string | undefined {
  const m = new RegExp(`${region}: (ami-[0-9a-f]+)`).exec(output);
  return m?.[1];
}

/** Packer's own error: its "Build 'NAME' errored: …" line. */
export function packerError(output: string): string {
  const m = /Build '([^']+)' errored(?: after [^:]+)?: (.+)/.exec(output);
  return m ? `Build "${m[1]}" errored: ${m[2].trim()}` : 'packer build exited without naming an error';
}

export function packerBuild(options: PackerBuildOptions): BuildEngine {
  return {
    start(platform, report) {
      let child: ChildProcess | undefined;
      let stopped = false;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-standin-build-'));
      const finish = () => fs.rmSync(dir, { recursive: true, force: true });
      const fail = (why: string) => {
        if (stopped) return;
        stopped = true;
        finish();
        report.failed(why);
      };
      try {
        const zip = options.bundle(platform.bundle.bucket, platform.bundle.key);
        if (!zip) throw new Error(`the platform definition archive s3://${platform.bundle.bucket}/${platform.bundle.key} is gone`);
        fs.writeFileSync(path.join(dir, 'bundle.zip'), zip);
        execFileSync('unzip', ['-qq', 'bundle.zip', '-d', 'platform'], { cwd: dir });
        const root = path.join(dir, 'platform');
        const definition = parseYaml(fs.readFileSync(path.join(root, 'platform.yaml'), 'utf8')) as { provisioner?: { template?: string } };
        const templateFile = definition.provisioner?.template ?? '';
        const template = JSON.parse(fs.readFileSync(path.join(root, templateFile), 'utf8')) as Record<string, unknown>;
        fs.writeFileSync(path.join(root, '.eb-builder-template.json'), JSON.stringify(builderTemplate(template, options.url), null, 2));
        const home = path.join(dir, 'home');
        fs.mkdirSync(home);
        child = spawn(options.packer ?? 'packer', ['build', '-color=false', '.eb-builder-template.json'], {
          cwd: root,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            PATH: process.env.PATH,
            HOME: home,
            TMPDIR: dir,
            CHECKPOINT_DISABLE: '1',
            PACKER_CACHE_DIR: path.join(dir, 'packer_cache'),
            AWS_ACCESS_KEY_ID: 'AKIDBUILDERINSTANCE',
            AWS_SECRET_ACCESS_KEY: 'builder-instance-profile-secret',
            AWS_REGION: options.region,
            // How often Packer's AWS waiters poll; on the builder it is Packer's default, here short for a test's time.
            AWS_POLL_DELAY_SECONDS: '2',
            AWS_EB_PLATFORM_ARN: platform.arn,
            AWS_EB_PLATFORM_NAME: platform.name,
            AWS_EB_PLATFORM_VERSION: platform.version,
          },
        });
        let output = '';
        const take = (chunk: Buffer) => {
          const text = chunk.toString('utf8');
          output += text;
          for (const line of text.split('\n'))
            if (line.trim()) {
              report.log(line);
              options.log?.(line);
            }
        };
        child.stdout?.on('data', take);
        child.stderr?.on('data', take);
        child.on('close', (code) => {
          if (stopped) return;
          if (code === 0) {
            const ami = amiFromPackerOutput(output, options.region);
            stopped = true;
            finish();
            if (ami) report.succeeded(ami);
            else report.failed('packer build succeeded but named no AMI');
          } else {
            fail(packerError(output));
          }
        });
      } catch (error) {
        setImmediate(() => fail((error as Error).message));
      }
      return {
        abort() {
          stopped = true;
          // Killed with its whole process group: Packer gets no chance to clean up.
          if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
          finish();
        },
      };
    },
  };
}
