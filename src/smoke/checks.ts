import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { realClock } from '../lib/clock';
import type { DeclaredCheck, SmokeSpec } from '../platform/smoke-spec';
import { CommandResult, SshTarget, sshRun, sshUpload } from './ssh';

export interface CheckResult {
  name: string;
  ok: boolean;
  durationMs: number;
  excerpt: string;
}

export interface CheckContext {
  target: SshTarget;
  /** Where the runner reaches the instance's web server (the http-port), without a path. */
  httpUrl: string;
  userScript?: string;
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

const EXCERPT = 600;

/** The end of a command's output, where the reason for a failure usually is. */
export function excerpt(text: string, limit = EXCERPT): string {
  const t = text.trim();
  return t.length > limit ? '…' + t.slice(-limit) : t;
}

const both = (r: CommandResult) =>
  [r.stdout, r.stderr]
    .map((s) => s.trimEnd())
    .filter((s) => s.trim())
    .join('\n');

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

/**
 * Builds the platform's sample app on the runner with its declared build
 * (`BUILD --version V --out DIR` leaves DIR/bundle.zip), uploads the bundle and
 * deploys it with the platform's declared command, as root.
 */
export function deployCheck(version: string, deploy: { build: string; command: string }): Check {
  return {
    name: `deploy sample app ${version} through the platform hooks`,
    async run(ctx) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-platform-sample-'));
      try {
        try {
          await promisify(execFile)('bash', [deploy.build, '--version', version, '--out', out], { timeout: budget(ctx, 180_000), signal: ctx.signal });
        } catch (error) {
          const e = error as { stderr?: string; message: string };
          return { ok: false, output: `building the sample app on the runner failed: ${(e.stderr || e.message).trim()}` };
        }
        const remote = `/tmp/eb-platform-smoke-${version}.zip`;
        await sshUpload(ctx.target, path.join(out, 'bundle.zip'), remote, { signal: ctx.signal });
        const r = await sshRun(ctx.target, removingAfter(asRoot(`${deploy.command} ${remote}`), remote), {
          timeoutMs: budget(ctx, 300_000),
          signal: ctx.signal,
        });
        return { ok: r.code === 0, output: (both(r) || '(no output)') + exitNote(r) };
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
  };
}

/** An HTTP GET from the runner through the instance's web server that must answer 200 with the declared text (`{version}` is the deployed one). */
export function httpCheck(
  version: string,
  http: { path: string; expect: string } = { path: '/', expect: '{version}' },
  fetchImpl: typeof fetch = fetch,
): Check {
  const wanted = http.expect.split('{version}').join(version);
  return {
    name: `HTTP GET ${http.path} answers version ${version}`,
    async run(ctx) {
      const url = ctx.httpUrl.replace(/\/$/, '') + http.path;
      const sleep = ctx.sleep ?? realClock.sleep;
      let last = '';
      // A refused or reset connection right after a deploy is retried a little; a wrong answer is not.
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          const timeout = AbortSignal.timeout(budget(ctx, 15_000));
          const res = await fetchImpl(url, { signal: ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout });
          const body = await res.text();
          const ok = res.status === 200 && body.includes(wanted);
          return { ok, output: `${res.status} ${res.statusText}\n${body}${ok ? '' : `\n(expected 200 with '${wanted}' in the body)`}` };
        } catch (error) {
          const e = error as Error & { cause?: { code?: string; message?: string } };
          last = `GET ${url} failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
        }
        if (attempt < 3) await sleep(2_000);
      }
      return { ok: false, output: last };
    },
  };
}

/**
 * The boot has finished, on any image: systemd has started what it starts at
 * boot (running, or degraded with the failed units named), and cloud-init, where
 * the image has it, is done.
 */
export function bootFinishedCheck(): Check {
  return commandCheck({
    name: 'the boot finished',
    command:
      'state="$(systemctl is-system-running --wait 2>/dev/null || true)"; echo "systemd: ${state:-unknown}"; ' +
      'if [ "$state" = degraded ]; then systemctl --failed --no-legend --plain | sed "s/^/failed: /"; fi; ' +
      'if command -v cloud-init >/dev/null 2>&1; then cloud-init status --wait >/dev/null 2>&1; cloud-init status; fi; ' +
      'case "$state" in running|degraded) exit 0 ;; *) exit 1 ;; esac',
    expect: /^systemd: (running|degraded)$/m,
    timeoutMs: 600_000,
  });
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
      const r = await sshRun(ctx.target, removingAfter(`chmod 0700 ${remote} && EB_PLATFORM_SMOKE_VERSION=${version} ${remote}`, remote), {
        timeoutMs: budget(ctx, 600_000),
        signal: ctx.signal,
      });
      return { ok: r.code === 0, output: (both(r) || '(no output)') + exitNote(r) };
    },
  };
}

/** A platform's declared command check, as the smoke test runs it. */
export function declaredCheck(c: DeclaredCheck): Check {
  const command = c.root ? asRoot(`sh -c '${c.run.replace(/'/g, `'\\''`)}'`) : c.run;
  return commandCheck({
    name: c.name,
    command: c.settle ? `${settledState(c.settle)} >/dev/null; ${command}` : command,
    expect: c.expect,
    timeoutMs: c.timeoutMs,
  });
}

/**
 * The whole list, in order: what holds for any image (the boot finished), the
 * platform's declared checks, its sample app deployed and read back over HTTP,
 * then the user's script.
 */
export function smokeChecks(spec: SmokeSpec | undefined, version: string, userScript?: string): Check[] {
  const checks: Check[] = [bootFinishedCheck(), ...(spec?.checks ?? []).map(declaredCheck)];
  if (spec?.deploy) checks.push(deployCheck(version, spec.deploy));
  if (spec?.http) checks.push(httpCheck(version, spec.http));
  if (userScript) checks.push(userScriptCheck(userScript, version));
  return checks;
}

/**
 * Runs every check, timing each. A check that throws is a failed check, not
 * an aborted run; once the deadline has passed, the rest are reported as not
 * run rather than started.
 */
export async function runChecks(
  checks: Check[],
  ctx: CheckContext,
  onResult: (r: CheckResult) => void,
  now: () => number = ctx.now ?? Date.now,
): Promise<CheckResult[]> {
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
