/**
 * What a platform declares about itself for the smoke test, in `smoke.yaml`
 * beside platform.yaml: command checks, how to build and deploy its sample
 * application, and the HTTP answer to expect. The action's own checks hold for
 * any image (SSH with the pinned host key, the boot finished, smoke-script);
 * everything about this platform is declared here, so any platform directory
 * can be proven. Checked before any AWS call.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../lib/errors';
import { isInside } from '../lib/paths';

export const SMOKE_FILE = 'smoke.yaml';

export interface DeclaredCheck {
  name: string;
  /** A shell command run over SSH as the login user. */
  run: string;
  /** Run as root (through non-interactive sudo unless the login user is root). */
  root: boolean;
  /** A systemd unit to let settle (at most three minutes) before the command runs. */
  settle?: string;
  /** What stdout must match (multiline), beside the exit status 0. */
  expect?: RegExp;
  timeoutMs: number;
}

export interface SmokeSpec {
  checks: DeclaredCheck[];
  /** The sample application: built on the runner, deployed over SSH. */
  deploy?: { build: string; command: string };
  /** An HTTP GET through the instance's web server after the deploy; `{version}` in `expect` is the deployed version. */
  http?: { path: string; expect: string };
}

const KEYS = ['checks', 'deploy', 'http'];
const CHECK_KEYS = ['name', 'run', 'root', 'settle', 'expect', 'timeout'];

function fail(file: string, what: string): never {
  throw new InputError('platform-dir', `${file}: ${what}`);
}

function mapping(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(file: string, at: string, value: unknown, required = true): string | undefined {
  if (value === undefined || value === null) {
    if (required) fail(file, `${at} is missing`);
    return undefined;
  }
  if (typeof value !== 'string' || !value.trim()) fail(file, `${at} must be a non-empty string`);
  return value;
}

function readCheck(file: string, item: unknown, i: number): DeclaredCheck {
  const at = `checks[${i}]`;
  const c = mapping(item);
  if (!c) fail(file, `${at} must be a mapping with name and run`);
  for (const key of Object.keys(c)) if (!CHECK_KEYS.includes(key)) fail(file, `${at}.${key} is not a check key: expected ${CHECK_KEYS.join(', ')}`);
  let expect: RegExp | undefined;
  const pattern = text(file, `${at}.expect`, c.expect, false);
  if (pattern !== undefined) {
    try {
      expect = new RegExp(pattern, 'm');
    } catch (e) {
      fail(file, `${at}.expect is not a regular expression: ${(e as Error).message}`);
    }
  }
  const timeout = c.timeout === undefined ? 120 : Number(c.timeout);
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 1800) fail(file, `${at}.timeout must be whole seconds from 1 to 1800`);
  if (c.root !== undefined && typeof c.root !== 'boolean') fail(file, `${at}.root must be true or false`);
  const settle = text(file, `${at}.settle`, c.settle, false);
  if (settle !== undefined && !/^[\w@.-]+$/.test(settle)) fail(file, `${at}.settle must be a systemd unit name`);
  return {
    name: text(file, `${at}.name`, c.name) as string,
    run: text(file, `${at}.run`, c.run) as string,
    root: c.root === true,
    settle,
    expect,
    timeoutMs: timeout * 1000,
  };
}

/** Reads the platform's smoke.yaml; a platform without one declares nothing (undefined). */
export function readSmokeSpec(platformDir: string): SmokeSpec | undefined {
  const file = path.join(platformDir, SMOKE_FILE);
  if (!fs.existsSync(file)) return undefined;
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { prettyErrors: true });
  if (doc.errors.length) fail(file, `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const raw = mapping(doc.toJS());
  if (!raw) fail(file, `expected a mapping with ${KEYS.join(', ')}`);
  for (const key of Object.keys(raw)) if (!KEYS.includes(key)) fail(file, `'${key}' is not a smoke.yaml key: expected ${KEYS.join(', ')}`);
  if (raw.checks !== undefined && !Array.isArray(raw.checks)) fail(file, "'checks' must be a list");
  const checks = ((raw.checks as unknown[]) ?? []).map((c, i) => readCheck(file, c, i));
  const names = new Set<string>();
  for (const c of checks) {
    if (names.has(c.name)) fail(file, `two checks are named '${c.name}'`);
    names.add(c.name);
  }
  let deploy: SmokeSpec['deploy'];
  if (raw.deploy !== undefined) {
    const d = mapping(raw.deploy);
    if (!d) fail(file, "'deploy' must be a mapping with build and command");
    const build = text(file, 'deploy.build', d.build) as string;
    const full = path.resolve(platformDir, build);
    if (!isInside(platformDir, full)) fail(file, `deploy.build (${build}) leaves the platform directory`);
    if (!fs.existsSync(full)) fail(file, `deploy.build names ${build}, which does not exist in ${platformDir}`);
    deploy = { build: full, command: text(file, 'deploy.command', d.command) as string };
  }
  let http: SmokeSpec['http'];
  if (raw.http !== undefined) {
    const h = mapping(raw.http);
    if (!h) fail(file, "'http' must be a mapping with path and expect");
    const p = text(file, 'http.path', h.path) as string;
    if (!p.startsWith('/')) fail(file, `http.path must start with /, not '${p}'`);
    http = { path: p, expect: text(file, 'http.expect', h.expect) as string };
  }
  return { checks, deploy, http };
}
