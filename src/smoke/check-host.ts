/** The platform's checks against a host already reachable over SSH, over one shared connection. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Clock, realClock } from '../lib/clock';
import type { Log } from '../lib/log';
import type { SmokeSpec } from '../platform/smoke-spec';
import { CheckResult, runChecks, smokeChecks } from './checks';
import { shareConnection, SshTarget } from './ssh';

/** A host to prove, reachable over SSH with a key whose host key is already pinned in `target.knownHostsPath`. */
export interface HostUnderTest {
  target: SshTarget;
  /** Where the runner reaches the host's web server, without a path. */
  httpUrl: string;
  /** What the platform declares about itself (smoke.yaml). */
  spec?: SmokeSpec;
  userScript?: string;
  /** The sample app version to deploy and read back; unique per run. */
  version: string;
  deadline?: number;
  signal?: AbortSignal;
  /** A directory only this run can read, for the shared connection's socket; a fresh private one when not given. */
  controlDir?: string;
  /** One SSH connection for every check (the default), or one per command (the bench's comparison). */
  connections?: 'shared' | 'per-command';
}

/**
 * Runs the platform's check list against any SSH host: the smoke test's EC2
 * instance, or a local VM on a forwarded loopback port. Each result is logged
 * as it comes; a failed check does not stop the ones after it.
 */
export async function checkHost(host: HostUnderTest, log: Log, clock: Clock = realClock): Promise<CheckResult[]> {
  if (!host.spec)
    log.info(
      `The platform declares no smoke checks: only the checks that hold for any image run. Declare its own in smoke.yaml beside platform.yaml (see the README).`,
    );
  const ownDir = host.controlDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'eb-platform-ssh-control-'));
  const shared = host.connections === 'per-command' ? undefined : await shareConnection(host.target, host.controlDir ?? ownDir!, { log });
  try {
    return await log.group('Smoke test checks', () =>
      runChecks(
        smokeChecks(host.spec, host.version, host.userScript),
        {
          target: shared?.target ?? host.target,
          httpUrl: host.httpUrl,
          userScript: host.userScript,
          deadline: host.deadline,
          signal: host.signal,
          now: () => clock.now(),
          sleep: (ms) => clock.sleep(ms),
        },
        (r) => {
          const line = `${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${(r.durationMs / 1000).toFixed(1)} s)${r.excerpt ? `\n${indent(r.excerpt)}` : ''}`;
          if (r.ok) log.info(line);
          else log.error(line);
        },
      ),
    );
  } finally {
    await shared?.close();
    if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
