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
  /** The command (run over SSH, bundle path appended) that deploys a bundle; by default the platform's, as root. */
  deployCommand?: string;
  /** Epoch ms after which no check starts and running ones are cut short. */
  deadline?: number;
  /** The job was cancelled: no check starts, and the running one is cut short. */
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Check {
  name: string;
  run(ctx: CheckContext): Promise<{ ok: boolean; output: string }>;
}

/** A check that is nothing but a remote command: it passes when the command exits 0 and its stdout matches `expect`. */
export interface CommandCheckSpec {
  name: string;
  command: string;
  expect?: RegExp;
  timeoutMs?: number;
}

/** A command run as root: directly when the SSH user is root (a local VM), else through non-interactive sudo. */
export function asRoot(command: string): string {
  return `{ if [ "$(id -u)" -eq 0 ]; then ${command}; else sudo -n ${command}; fi; }`;
}

/**
 * A unit's state once it has stopped changing. SSH answers before the boot
 * has finished, and the Docker daemon in particular may still be
 * `activating` then: waiting (at most three minutes) tells a slow start from
 * a failed one.
 */
export function settledState(unit: string): string {
  return `for _ in $(seq 180); do case "$(systemctl is-active ${unit})" in activating|deactivating|reloading|refreshing) sleep 1 ;; *) break ;; esac; done; systemctl is-active ${unit}`;
}

/** How the platform deploys a bundle: its appdeploy hooks, in order, through the platform's own entry point. */
export const PLATFORM_DEPLOY = '/usr/local/bin/eb-platform-deploy';

/** What the platform promises about the machine itself, as data: easy to extend, and each runs against any SSH host. */
export const PLATFORM_COMMAND_CHECKS: readonly CommandCheckSpec[] = [
  { name: 'OS release', command: '. /etc/os-release && echo "$PRETTY_NAME"', expect: /\S/ },
  { name: 'Docker installed and its daemon active', command: `docker --version && ${settledState('docker')}`, expect: /Docker version[\s\S]*^active$/m, timeoutMs: 240_000 },
  { name: 'nginx active and its configuration valid', command: `${settledState('nginx')} && ${asRoot('nginx -t 2>&1')}`, expect: /^active$[\s\S]*test is successful/m, timeoutMs: 240_000 },
  {
    name: 'blue and green units installed',
    // `systemctl cat` fails unless both unit files exist; the port is where nginx proxies to.
    command: 'systemctl cat blue.service green.service >/dev/null && systemctl show -p Environment blue.service green.service',
    expect: /PORT=5000[\s\S]*PORT=5000/,
  },
];

const EXCERPT = 600;

/** The end of a command's output, where the reason for a failure usually is. */
export function excerpt(text: string, limit = EXCERPT): string {
  const t = text.trim();
  return t.length > limit ? '…' + t.slice(-limit) : t;
}

const both = (r: CommandResult) => [r.stdout, r.stderr].map((s) => s.trimEnd()).filter((s) => s.trim()).join('\n');

/** How long a step may take: its own bound, cut to what is left before the deadline. */
function budget(ctx: CheckContext, ms: number): number {
  if (ctx.deadline === undefined) return ms;
  return Math.max(1_000, Math.min(ms, ctx.deadline - (ctx.now ?? Date.now)()));
}

/** Runs a remote command, then removes the file it was given, keeping the command's exit status; the host may outlive the check. */
function removingAfter(command: string, remote: string): string {
  return `${command}; status=$?; rm -f ${remote}; exit $status`;
}

function exitNote(r: CommandResult): string {
  return r.code === 0 ? '' : `\n(exit ${r.code})`;
}

export function commandCheck(spec: CommandCheckSpec): Check;
export function commandCheck(name: string, command: string, expect?: RegExp): Check;
export function commandCheck(a: CommandCheckSpec | string, command?: string, expect?: RegExp): Check {
  const spec: CommandCheckSpec = typeof a === 'string' ? { name: a, command: command as string, expect } : a;
  return {
    name: spec.name,
    async run(ctx) {
      const r = await sshRun(ctx.target, spec.command, { timeoutMs: budget(ctx, spec.timeoutMs ?? 120_000), signal: ctx.signal });
      const matched = !spec.expect || spec.expect.test(r.stdout);
      const note = r.code === 0 && !matched ? `\n(output does not match ${spec.expect})` : exitNote(r);
      return { ok: r.code === 0 && matched, output: (both(r) || '(no output)') + note };
    },
  };
}

/** Builds the sample app on the runner, uploads its bundle and deploys it through the platform's hooks. */
export function deployCheck(version: string): Check {
  return {
    name: `deploy sample app ${version} through the platform hooks`,
    async run(ctx) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-platform-sample-'));
      try {
        try {
          await promisify(execFile)('bash', [path.join(ctx.sampleAppDir, 'build.sh'), '--version', version, '--out', out], { timeout: budget(ctx, 180_000), signal: ctx.signal });
        } catch (error) {
          const e = error as { stderr?: string; message: string };
          return { ok: false, output: `building the sample app on the runner failed: ${(e.stderr || e.message).trim()}` };
        }
        const remote = `/tmp/eb-platform-smoke-${version}.zip`;
        await sshUpload(ctx.target, path.join(out, 'bundle.zip'), remote, { signal: ctx.signal });
        const r = await sshRun(ctx.target, removingAfter(ctx.deployCommand ? `${ctx.deployCommand} ${remote}` : asRoot(`${PLATFORM_DEPLOY} ${remote}`), remote), { timeoutMs: budget(ctx, 300_000), signal: ctx.signal });
        return { ok: r.code === 0, output: (both(r) || '(no output)') + exitNote(r) };
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
  };
}

/** An HTTP GET from the runner through nginx that must answer 200 with the deployed version. */
export function httpCheck(version: string, fetchImpl: typeof fetch = fetch): Check {
  return {
    name: `HTTP GET / answers version ${version}`,
    async run(ctx) {
      const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
      let last = '';
      // A refused or reset connection right after a deploy is retried a little; a wrong answer is not.
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          const timeout = AbortSignal.timeout(budget(ctx, 15_000));
          const res = await fetchImpl(ctx.httpUrl, { signal: ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout });
          const body = await res.text();
          const ok = res.status === 200 && body.includes(version);
          return { ok, output: `${res.status} ${res.statusText}\n${body}${ok ? '' : `\n(expected 200 with '${version}' in the body)`}` };
        } catch (error) {
          const e = error as Error & { cause?: { code?: string; message?: string } };
          last = `GET ${ctx.httpUrl} failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
        }
        if (attempt < 3) await sleep(2_000);
      }
      return { ok: false, output: last };
    },
  };
}

/**
 * The user's own script (input smoke-script), uploaded and run as the SSH
 * user after the built-in checks. It runs unprivileged on purpose; the
 * platform's default user has passwordless sudo, so a script that needs root
 * says so with `sudo`. It gets the deployed version in EB_PLATFORM_SMOKE_VERSION
 * and passes when it exits 0.
 */
export function userScriptCheck(localPath: string, version: string): Check {
  return {
    name: `user script ${path.basename(localPath)}`,
    async run(ctx) {
      const remote = `/tmp/eb-platform-smoke-script-${path.basename(localPath).replace(/[^A-Za-z0-9._-]/g, '_')}`;
      await sshUpload(ctx.target, localPath, remote, { signal: ctx.signal });
      const r = await sshRun(ctx.target, removingAfter(`chmod 0700 ${remote} && EB_PLATFORM_SMOKE_VERSION=${version} ${remote}`, remote), { timeoutMs: budget(ctx, 600_000), signal: ctx.signal });
      return { ok: r.code === 0, output: (both(r) || '(no output)') + exitNote(r) };
    },
  };
}

/** The whole list, in order: the machine, then a real deploy read back over HTTP, then the user's script. */
export function platformChecks(version: string, userScript?: string): Check[] {
  const checks: Check[] = [...PLATFORM_COMMAND_CHECKS.map((spec) => commandCheck(spec)), deployCheck(version), httpCheck(version)];
  if (userScript) checks.push(userScriptCheck(userScript, version));
  return checks;
}

/**
 * Runs every check, timing each. A check that throws is a failed check, not
 * an aborted run; once the deadline has passed, the rest are reported as not
 * run rather than started.
 */
export async function runChecks(checks: Check[], ctx: CheckContext, onResult: (r: CheckResult) => void, now: () => number = ctx.now ?? Date.now): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const started = now();
    let ok = false;
    let output = '';
    if (ctx.signal?.aborted) {
      output = 'not run: the job was cancelled';
    } else if (ctx.deadline !== undefined && started >= ctx.deadline) {
      output = "not run: the smoke test's deadline had passed";
    } else {
      try {
        ({ ok, output } = await check.run({ ...ctx, now }));
      } catch (error) {
        output = error instanceof Error ? error.message : String(error);
      }
    }
    const result = { name: check.name, ok, durationMs: now() - started, excerpt: excerpt(output) };
    results.push(result);
    onResult(result);
  }
  return results;
}
