import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CommandResult, SshTarget, sshRun, sshUpload } from './ssh';

export interface CheckResult {
  name: string;
  ok: boolean;
  durationMs: number;
  excerpt: string;
}

export interface CheckContext {
  target: SshTarget;
  /** Where the runner reaches nginx on the instance. */
  httpUrl: string;
  sampleAppDir: string;
  userScript?: string;
}

export interface Check {
  name: string;
  run(ctx: CheckContext): Promise<{ ok: boolean; output: string }>;
}

const EXCERPT = 600;

/** The end of a command's output, where the reason for a failure usually is. */
export function excerpt(text: string): string {
  const t = text.trim();
  return t.length > EXCERPT ? '…' + t.slice(-EXCERPT) : t;
}

const both = (r: CommandResult) => [r.stdout, r.stderr].filter((s) => s.trim()).join('\n');

/** A check that passes when a remote command exits 0 (and, optionally, its output matches). */
export function commandCheck(name: string, command: string, expect?: RegExp): Check {
  return {
    name,
    async run(ctx) {
      const r = await sshRun(ctx.target, command);
      return { ok: r.code === 0 && (!expect || expect.test(r.stdout)), output: both(r) || `exit ${r.code}` };
    },
  };
}

/** Builds the sample app on the runner, deploys it through the platform's hooks, and reads it back through nginx. */
export function deployCheck(version: string): Check {
  return {
    name: 'deploy the sample app through the platform hooks',
    async run(ctx) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-platform-sample-'));
      try {
        await promisify(execFile)('bash', [path.join(ctx.sampleAppDir, 'build.sh'), '--version', version, '--out', out], { timeout: 120_000 });
        const remote = `/tmp/smoke-bundle-${version}.zip`;
        await sshUpload(ctx.target, path.join(out, 'bundle.zip'), remote);
        const r = await sshRun(ctx.target, `sudo /usr/local/bin/eb-platform-deploy ${remote}`, { timeoutMs: 300_000 });
        return { ok: r.code === 0, output: both(r) || `exit ${r.code}` };
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
  };
}

export function httpCheck(version: string, fetchImpl: typeof fetch = fetch): Check {
  return {
    name: `HTTP GET / through nginx answers version ${version}`,
    async run(ctx) {
      const res = await fetchImpl(ctx.httpUrl, { signal: AbortSignal.timeout(15_000) });
      const body = await res.text();
      return { ok: res.status === 200 && body.includes(version), output: `${res.status} ${body}` };
    },
  };
}

export function userScriptCheck(localPath: string): Check {
  return {
    name: `user script ${path.basename(localPath)}`,
    async run(ctx) {
      const remote = `/tmp/smoke-user-script-${path.basename(localPath).replace(/[^A-Za-z0-9._-]/g, '_')}`;
      await sshUpload(ctx.target, localPath, remote);
      const r = await sshRun(ctx.target, `chmod 0755 ${remote} && ${remote}`, { timeoutMs: 600_000 });
      return { ok: r.code === 0, output: both(r) || `exit ${r.code}` };
    },
  };
}

/** What the platform promises, checked in order; the deploy and HTTP checks prove the whole path. */
export function platformChecks(version: string, userScript?: string): Check[] {
  const checks: Check[] = [
    commandCheck('OS release', '. /etc/os-release && echo "$PRETTY_NAME"', /\S/),
    commandCheck('Docker installed and its daemon active', 'docker --version && systemctl is-active docker', /Docker version[\s\S]*\nactive/),
    commandCheck('nginx active and its configuration valid', 'systemctl is-active nginx && sudo nginx -t 2>&1', /^active[\s\S]*test is successful/),
    commandCheck('blue and green units installed', 'systemctl cat blue.service green.service >/dev/null && systemctl show -p Environment blue.service green.service', /PORT=5000/),
    deployCheck(version),
    httpCheck(version),
  ];
  if (userScript) checks.push(userScriptCheck(userScript));
  return checks;
}

/** Runs every check, timing each; a check that throws is a failed check, not an aborted run. */
export async function runChecks(checks: Check[], ctx: CheckContext, onResult: (r: CheckResult) => void, now: () => number = Date.now): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const started = now();
    let ok = false;
    let output = '';
    try {
      ({ ok, output } = await check.run(ctx));
    } catch (error) {
      output = error instanceof Error ? error.message : String(error);
    }
    const result = { name: check.name, ok, durationMs: now() - started, excerpt: excerpt(output) };
    results.push(result);
    onResult(result);
  }
  return results;
}
