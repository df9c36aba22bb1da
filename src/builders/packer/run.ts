/**
 * `packer validate`, then `packer build -machine-readable` on the platform
 * directory's template: Packer's output streamed into the log as it comes,
 * with Packer's own timestamps; what its amazon-ebs builder makes recorded
 * in the ledger as it announces it; the AMI read from the artifact line, or
 * the failure in Packer's words with the failing provisioner's last lines.
 * On a cancel, Packer gets SIGINT and a bounded time to clean up after
 * itself, then SIGKILL; whatever it left is teardown's.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StepError } from '../../lib/errors';
import type { Log } from '../../lib/log';
import { runProcess, stopProcess } from '../../lib/process';
import { provisionerTail } from '../elastic-beanstalk/failure';
import { Announced, announcements, artifactAmi, formatPackerLine, parseMachineLine } from './output';

export interface PackerRun {
  packer: string;
  /** The platform directory: Packer runs in it, so the template's relative paths (builder/) resolve. */
  dir: string;
  templateFile: string;
  region: string;
  variables: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** How long Packer may take to clean up after SIGINT before it is killed (PACKER_CLEANUP_MS). */
  cleanupMs?: number;
  signal?: AbortSignal;
  /** Called as Packer announces each resource it makes, before it is used. */
  onAnnounced: (what: Announced) => void;
}

/**
 * How long Packer gets to clean up after a cancel before it is killed. GitHub's runner sends the
 * step SIGINT, SIGTERM 7.5 s later and kills the process tree 2.5 s after that (actions/runner,
 * src/Runner.Sdk/ProcessInvoker.cs): Packer's own clean-up (terminate, wait, delete) takes longer
 * on AWS, so what it has not removed in this time is teardown's, then the post step's, found by what
 * Packer announced and by the run's tags.
 */
export const PACKER_CLEANUP_MS = 6_000;

export const varArgs = (variables: Record<string, string>) => Object.entries(variables).flatMap(([k, v]) => ['-var', `${k}=${v}`]);

export async function validateTemplate(run: PackerRun): Promise<void> {
  const r = await runProcess(run.packer, ['validate', ...varArgs(run.variables), run.templateFile], { cwd: run.dir, env: run.env, timeoutMs: 120_000 });
  if (r.code !== 0) throw new StepError('packer', `packer validate ${run.templateFile} failed:\n${(r.stdout + r.stderr).trim()}`);
}

/** Runs the build; resolves with the AMI in the run's region. */
export function buildImage(run: PackerRun, log: Log): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.packer, ['build', '-machine-readable', '-color=false', ...varArgs(run.variables), run.templateFile], {
      cwd: run.dir,
      env: run.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const human: string[] = [];
    let ami: string | undefined;
    let errorText = '';
    let pending = '';
    // A line of human output (a Packer that printed some without -machine-readable's framing) is
    // read for announcements too; its build summary spans lines.
    let humanSummary = '';
    const take = (text: string) => {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const raw of lines) {
        const line = parseMachineLine(raw);
        if (!line) {
          if (raw.trim()) log.info(raw);
          humanSummary = /AMIs were created:\s*$/.test(raw) ? 'AMIs were created:' : humanSummary ? `${humanSummary}\n${raw}` : '';
          for (const made of announcements(humanSummary || raw)) run.onAnnounced(made);
          continue;
        }
        const shown = formatPackerLine(line);
        if (shown) {
          log.info(shown);
          human.push(...line.data.slice(1).join(',').split('\n'));
          for (const made of announcements(line.data.slice(1).join(','))) run.onAnnounced(made);
        }
        if (line.type === 'error') errorText = line.data.join(',').trim();
        ami ??= artifactAmi(line, run.region);
      }
    };
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      for (const l of t.split('\n')) if (l.trim()) log.info(l);
      human.push(...t.split('\n'));
    });

    const cancel = () => {
      log.warning(`Stopping Packer: it gets ${Math.round((run.cleanupMs ?? PACKER_CLEANUP_MS) / 1000)} s to clean up after itself.`);
      // SIGINT: Packer's own clean-up of what it made runs on an interrupt.
      void stopProcess(child, 'SIGINT', run.cleanupMs ?? PACKER_CLEANUP_MS);
    };
    if (run.signal?.aborted) cancel();
    run.signal?.addEventListener('abort', cancel, { once: true });

    child.on('error', (e) => reject(new StepError('packer', `Could not run ${run.packer}: ${e.message}`)));
    child.on('close', (code, signal) => {
      run.signal?.removeEventListener('abort', cancel);
      if (pending) take('\n');
      if (run.signal?.aborted) return reject(new StepError('packer', `Packer stopped (${signal ?? `exit ${code}`}) after the job was cancelled.`));
      if (code === 0 && ami) return resolve(ami);
      const why = errorText || (code === 0 ? `packer build succeeded but named no AMI in ${run.region}` : `packer build exited with ${signal ?? code}`);
      const tail = provisionerTail(human);
      reject(
        new StepError(
          'packer',
          `The image build failed: ${why}${tail.length ? `\nThe failing provisioner's last lines:\n${tail.map((l) => `  ${l}`).join('\n')}` : ''}`,
        ),
      );
    });
  });
}

/** What the run sets in its copy of the template. */
export interface RunTemplateSettings {
  region: string;
  /** AWS_ENDPOINT_URL_EC2 or AWS_ENDPOINT_URL (an AWS emulator, a test's stand-in), for a Packer whose AWS SDK does not read them. */
  endpoint?: string;
  /** The one source Packer's temporary security group lets SSH in from: the runner. */
  sourceCidr: string;
  /** The run's tags, on Packer's instance and volumes (and, with the amazon plugin, its key pair, security group, and the AMI and snapshot from their creation). */
  runTags: Record<string, string>;
  /** The `tags` input: on the AMI (`tags`) and its snapshots (`snapshot_tags`); the template's own keys win. */
  imageTags: Record<string, string>;
}

/** Keys of the amazon-ebs builder by which a template chooses its own security group, or its source. */
const OWN_SECURITY_GROUP = [
  'security_group_id',
  'security_group_ids',
  'security_group_filter',
  'temporary_security_group_source_cidrs',
  'temporary_security_group_source_public_ip',
];

/**
 * The template as the run builds it, written beside it (the repository's stays as it is), for each
 * amazon-ebs builder:
 * - `region`, where the template leaves it empty (AWS's samples do, "region": "", and rely on the
 *   builder setting AWS_REGION): set to the run's region, so nothing depends on that variable;
 * - `temporary_security_group_source_cidrs` set to the runner's address, unless the template
 *   chooses its own group or source: the plugin's default opens SSH to 0.0.0.0/0 ("The default is
 *   [0.0.0.0/0]", builder/common/run_config.go). Packer 1.6.6 knows this key; the plugin's
 *   `temporary_security_group_source_public_ip` is unknown to it;
 * - `run_tags` and `run_volume_tags` with the run's tags added, by which the post step finds what a
 *   killed build left: the plugin tags the temporary key pair and security group with run_tags
 *   (builder/ebs/builder.go, StepKeyPair and StepSecurityGroup), and the AMI and its snapshot from
 *   CreateImage on (builder/ebs/step_create_ami.go);
 * - `tags` and `snapshot_tags` with the `tags` input added (the template's own keys win, so the
 *   platform's name and version tags stay as it writes them);
 * - `custom_endpoint_ec2` when `endpoint` is given.
 */
export function templateForRun(dir: string, templateFile: string, settings: RunTemplateSettings): string {
  const template = JSON.parse(fs.readFileSync(path.join(dir, templateFile), 'utf8')) as { builders?: Record<string, unknown>[] };
  template.builders = (template.builders ?? []).map((b) => {
    if (b.type !== 'amazon-ebs') return b;
    const out: Record<string, unknown> = { ...b };
    if (!out.region) out.region = settings.region;
    if (!OWN_SECURITY_GROUP.some((k) => k in b)) out.temporary_security_group_source_cidrs = [settings.sourceCidr];
    out.run_tags = { ...(b.run_tags as object), ...settings.runTags };
    out.run_volume_tags = { ...(b.run_volume_tags as object), ...settings.runTags };
    if (Object.keys(settings.imageTags).length) {
      out.tags = { ...settings.imageTags, ...(b.tags as object) };
      out.snapshot_tags = { ...settings.imageTags, ...(b.snapshot_tags as object) };
    }
    if (settings.endpoint && !b.custom_endpoint_ec2) out.custom_endpoint_ec2 = settings.endpoint;
    return out;
  });
  const copy = `.packer-run-${path.basename(templateFile)}`;
  fs.writeFileSync(path.join(dir, copy), JSON.stringify(template, null, 2));
  return copy;
}
