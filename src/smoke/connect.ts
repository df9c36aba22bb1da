/** Reaching the smoke instance over SSH: its host keys pinned from the console, then a first login. */
import { EC2Client, GetConsoleOutputCommand } from '@aws-sdk/client-ec2';
import { realClock } from '../lib/clock';
import { StepError, describeError } from '../lib/errors';
import { duration } from '../lib/duration';
import { backoff } from '../lib/retry';
import { fingerprint, hostFingerprintsFromConsole, hostKeysFromConsole, matchesFingerprint, sshdTrouble } from './host-keys';
import { SshFailure, SshTarget, classifySshFailure, scanHostKeys, sshRun, writeKnownHosts } from './ssh';
import type { SmokeDeps } from './index';

/** The instance's console output, decoded ('' while there is none yet), or why it could not be read. */
async function consoleText(ec2: EC2Client, instanceId: string): Promise<{ text: string; error?: string }> {
  let error = '';
  // `Latest` gives the live buffer on Nitro instances; other types refuse it and get the last snapshot instead.
  for (const latest of [true, false]) {
    try {
      const out = await ec2.send(new GetConsoleOutputCommand({ InstanceId: instanceId, ...(latest ? { Latest: true } : {}) }));
      return { text: out.Output ? Buffer.from(out.Output, 'base64').toString('utf8') : '' };
    } catch (e) {
      // The console is a help, not a requirement: remember why, for the log, and go on without it.
      error = describeError(e);
    }
  }
  return { text: '', error };
}

function describeKeys(keys: string[]): string {
  return keys.map((k) => `${k.split(' ')[0]} ${fingerprint(k)}`).join(', ');
}

function tail(text: string, lines: number): string[] {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => l.trim())
    .slice(-lines);
}

/** What the SSH wait is waiting for, in words. */
function waitingFor(answered: boolean, pinned: boolean | undefined, last: SshFailure): string {
  if (!answered) return 'the instance is booting (sshd has not answered yet)';
  if (pinned === undefined) return 'sshd answers; waiting for the instance to print its host keys to the console';
  if (last === 'refused') return "sshd does not accept the run's key yet (the instance installs it at first boot)";
  return `the last attempt: ${last}`;
}

/**
 * Waits until SSH answers with a host key we can vouch for. Keys come from the
 * console when the instance prints them, or from sshd itself when they match
 * the fingerprints the console printed; otherwise, once sshd has answered and
 * the console stayed silent for a grace period, from the first contact, and
 * the log says so with a warning.
 */
export async function connect(
  target: Omit<SshTarget, 'knownHostsPath'>,
  knownHostsPath: string,
  instanceId: string,
  deps: SmokeDeps,
  deadline: number,
): Promise<{ pinned: boolean }> {
  const clock = deps.clock ?? realClock;
  const log = deps.log;
  const graceMs = deps.consoleGraceMs ?? 180_000;
  const where = `${target.host}:${target.port}`;
  const pause = backoff(3_000, 15_000);
  const started = clock.now();
  let quietSince = started;
  let firstAnswer: number | undefined;
  let last: SshFailure = 'unreachable';
  let lastError = '';
  let pinned: boolean | undefined;
  let consoleError: string | undefined;
  while (clock.now() < deadline) {
    if (pinned === undefined) {
      const { text, error } = await consoleText(deps.ec2, instanceId);
      consoleError = error;
      const keys = hostKeysFromConsole(text);
      const prints = hostFingerprintsFromConsole(text);
      if (keys.length) {
        writeKnownHosts(knownHostsPath, target.host, target.port, keys);
        pinned = true;
        log.info(`Pinned ${keys.length} host key(s) from the instance's console output: ${describeKeys(keys)}.`);
      } else {
        const offered = await scanHostKeys(target.host, target.port);
        if (offered.length) firstAnswer ??= clock.now();
        if (offered.length && prints.length) {
          const vouched = offered.filter((k) => matchesFingerprint(k, prints));
          if (!vouched.length) {
            throw new StepError(
              'smoke',
              `SSH to ${where} refused: host key mismatch. None of the host keys sshd offers (${offered.map((k) => fingerprint(k)).join(', ')}) ` +
                `matches the fingerprints the instance printed to its console (${prints.join(', ')}). Someone may be in the middle.`,
            );
          }
          writeKnownHosts(knownHostsPath, target.host, target.port, vouched);
          pinned = true;
          log.info(`Pinned ${vouched.length} host key(s) that match the fingerprints in the instance's console output: ${describeKeys(vouched)}.`);
        } else if (offered.length && firstAnswer !== undefined && (clock.now() - firstAnswer >= graceMs || deadline - clock.now() <= 60_000)) {
          writeKnownHosts(knownHostsPath, target.host, target.port, offered);
          pinned = false;
          log.warning(
            `${consoleError ? `The instance's console could not be read (${consoleError})` : 'The instance printed no host keys or fingerprints to its console'}, so its SSH host key was trusted on first use ` +
              `(${describeKeys(offered)}), not verified.`,
          );
        }
      }
    }
    if (pinned !== undefined) {
      const r = await sshRun({ ...target, knownHostsPath }, 'true', { timeoutMs: 30_000, signal: deps.signal });
      last = classifySshFailure(r);
      lastError = r.stderr.trim();
      if (last === 'ok') return { pinned };
      if (last !== 'unreachable') firstAnswer ??= clock.now();
      if (last === 'host key mismatch') {
        throw new StepError(
          'smoke',
          `SSH to ${where} refused: host key mismatch. The server's key is not the one ${pinned ? 'the instance printed to its console' : 'it showed first'}. Someone may be in the middle.\n${lastError}`,
        );
      }
    }
    const left = deadline - clock.now();
    if (left <= 0) break;
    // A boot takes minutes on some instance types: one line a minute so the wait never looks hung.
    if (clock.now() - quietSince >= 60_000) {
      quietSince = clock.now();
      log.info(`Still waiting for SSH on ${where} after ${duration(clock.now() - started)}: ${waitingFor(firstAnswer !== undefined, pinned, last)}.`);
    }
    await clock.sleep(Math.min(pause.next(), left));
  }
  const { text, error: unreadable } = await consoleText(deps.ec2, instanceId);
  const trouble = sshdTrouble(text);
  const what =
    last === 'refused'
      ? `sshd answered but refused the run's key for user '${target.user}' (check ssh-user: Ubuntu images use 'ubuntu') (${lastError})`
      : last === 'dropped'
        ? `sshd accepted connections but closed them before authentication (${lastError})`
        : firstAnswer === undefined
          ? 'sshd never answered'
          : pinned === undefined
            ? 'sshd answered but no host key could be pinned'
            : `sshd stopped answering (${lastError || 'no error text'})`;
  const because = trouble
    ? ` The console says: ${trouble}.`
    : firstAnswer === undefined
      ? ' The console shows no sshd failure: a slow boot, or a network path (subnet, route, security group) that does not reach it.'
      : '';
  const consoleTail = tail(text, 40);
  throw new StepError(
    'smoke',
    `SSH to ${where} was not usable by the deadline: ${what}.${because}`,
    consoleTail.length
      ? ['The last lines of the instance console:', ...consoleTail.map((l) => `  ${l}`)]
      : [unreadable ? `The instance console could not be read (${unreadable}).` : 'The instance console was empty.'],
  );
}
