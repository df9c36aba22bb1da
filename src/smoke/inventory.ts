/**
 * What a booted image holds, read on the instance over SSH while the smoke
 * test is there: the OS release, the running kernel, every installed package
 * with its version (dpkg on Debian-family images, rpm where that is the
 * package manager), the Docker engine, and the platform's own release file.
 * Nothing is taken from the repository.
 */
import { sshRun, SshTarget } from './ssh';

export interface InstalledPackage {
  name: string;
  version: string;
  arch: string;
}

export interface Inventory {
  /** /etc/os-release, as key → value. */
  os: Record<string, string>;
  kernel: string;
  machine: string;
  packageManager?: 'dpkg' | 'rpm';
  packages: InstalledPackage[];
  /** The Docker engine's version (the daemon's, or its package's where the daemon does not answer). */
  docker?: string;
  /** /etc/eb-platform-release, which the platform's builder writes: NAME and VERSION. */
  platform?: Record<string, string>;
}

/**
 * One POSIX shell run, sections marked by `== NAME` lines. `dpkg-query` lists
 * only installed packages (status `ii` or held `hi`); `rpm -qa` lists what the
 * rpm database holds, with the epoch where there is one. `sudo -n` reads the
 * Docker daemon where the login user is not in the docker group.
 */
export const INVENTORY_SCRIPT = [
  'echo "== os-release"; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null',
  'echo "== kernel"; uname -r',
  'echo "== machine"; uname -m',
  'echo "== platform"; cat /etc/eb-platform-release 2>/dev/null',
  'echo "== docker"; { docker version --format "{{.Server.Version}}" 2>/dev/null || sudo -n docker version --format "{{.Server.Version}}" 2>/dev/null; } | head -n 1',
  'if command -v dpkg-query >/dev/null 2>&1; then echo "== dpkg"; dpkg-query -W -f \'${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Architecture}\\n\'',
  'elif command -v rpm >/dev/null 2>&1; then echo "== rpm"; rpm -qa --qf \'ii \\t%{NAME}\\t%|EPOCH?{%{EPOCH}:}|%{VERSION}-%{RELEASE}\\t%{ARCH}\\n\'; fi',
  'echo "== end"',
].join('\n');

function sections(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const head = /^== (\S+)$/.exec(line);
    if (head) out.set(head[1], (current = []));
    else current?.push(line);
  }
  return out;
}

/** KEY=value lines, with the shell quoting os-release allows taken off. */
function keyValues(lines: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  return out;
}

/** Reads the script's output; undefined when it did not run to its end. */
export function parseInventory(text: string): Inventory | undefined {
  const s = sections(text);
  if (!s.has('end')) return undefined;
  const manager = s.has('dpkg') ? 'dpkg' : s.has('rpm') ? 'rpm' : undefined;
  const packages = (manager ? (s.get(manager) ?? []) : [])
    .map((l) => l.split('\t'))
    .filter((f) => f.length >= 4 && /^[ih]i/.test(f[0]) && f[1])
    .map(([, name, version, arch]) => ({ name, version, arch }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch));
  const platform = keyValues(s.get('platform'));
  return {
    os: keyValues(s.get('os-release')),
    kernel: (s.get('kernel') ?? [])[0]?.trim() ?? '',
    machine: (s.get('machine') ?? [])[0]?.trim() ?? '',
    packageManager: manager,
    packages,
    docker: (s.get('docker') ?? [])[0]?.trim() || packages.find((p) => p.name === 'docker-ce' || p.name === 'docker.io')?.version,
    platform: Object.keys(platform).length ? platform : undefined,
  };
}

/** Reads the inventory of the host behind `target`. */
export async function collectInventory(target: SshTarget, signal?: AbortSignal): Promise<Inventory> {
  const r = await sshRun(target, 'sh -s', { input: INVENTORY_SCRIPT, timeoutMs: 120_000, signal });
  const inventory = r.code === 0 ? parseInventory(r.stdout) : undefined;
  if (!inventory) throw new Error(`reading the installed packages failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-3).join(' ') || 'no output'}`);
  return inventory;
}
