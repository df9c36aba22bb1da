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
import { runProcess } from '../../lib/process';
import { provisionerTail } from '../elastic-beanstalk/failure';
import { Announced, announced, artifactAmi, formatPackerLine, parseMachineLine } from './output';

export interface PackerRun {
  packer: string;
  /** The platform directory: Packer runs in it, so the template's relative paths (builder/) resolve. */
  dir: string;
  templateFile: string;
  region: string;
  variables: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** How long Packer may take to clean up after SIGINT before it is killed. */
  cleanupMs?: number;
  signal?: AbortSignal;
  /** Called as Packer announces each resource it makes, before it is used. */
  onAnnounced: (what: Announced) => void;
}

const varArgs = (variables: Record<string, string>) => Object.entries(variables).flatMap(([k, v]) => ['-var', `${k}=${v}`]);

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
    const take = (text: string) => {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const raw of lines) {
        const line = parseMachineLine(raw);
        if (!line) {
          if (raw.trim()) log.info(raw);
          continue;
        }
        const shown = formatPackerLine(line);
        if (shown) {
          log.info(shown);
          human.push(...line.data.slice(1).join(',').split('\n'));
          const made = announced(line.data.slice(1).join(','));
          if (made) run.onAnnounced(made);
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

    let killer: NodeJS.Timeout | undefined;
    const cancel = () => {
      log.warning(`Stopping Packer: it gets ${Math.round((run.cleanupMs ?? 120_000) / 1000)} s to clean up after itself.`);
      child.kill('SIGINT');
      killer = setTimeout(() => child.kill('SIGKILL'), run.cleanupMs ?? 120_000);
    };
    if (run.signal?.aborted) cancel();
    run.signal?.addEventListener('abort', cancel, { once: true });

    child.on('error', (e) => reject(new StepError('packer', `Could not run ${run.packer}: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (killer) clearTimeout(killer);
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

/**
 * Where Packer's amazon plugin is pointed: when AWS_ENDPOINT_URL_EC2 or
 * AWS_ENDPOINT_URL sends the SDK elsewhere (an AWS emulator, a test's
 * stand-in), a copy of the template with custom_endpoint_ec2 set to it, since
 * Packer's SDK does not read those variables; otherwise the template as it is.
 */
export function templateForEndpoint(dir: string, templateFile: string, env: NodeJS.ProcessEnv): string {
  const endpoint = env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL;
  if (!endpoint) return templateFile;
  const template = JSON.parse(fs.readFileSync(path.join(dir, templateFile), 'utf8')) as { builders?: Record<string, unknown>[] };
  template.builders = (template.builders ?? []).map((b) => (b.type === 'amazon-ebs' && !b.custom_endpoint_ec2 ? { ...b, custom_endpoint_ec2: endpoint } : b));
  const copy = `.packer-endpoint-${path.basename(templateFile)}`;
  fs.writeFileSync(path.join(dir, copy), JSON.stringify(template, null, 2));
  return copy;
}
