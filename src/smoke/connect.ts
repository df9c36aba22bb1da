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

/** What the wait has learnt so far, for its next step and its final words. */
interface Wait {
  target: Omit<SshTarget, 'knownHostsPath'>;
  knownHostsPath: string;
  where: string;
  /** When sshd first answered at all. */
  firstAnswer?: number;
  last: SshFailure;
  lastError: string;
  /** true: keys from the console; false: trusted on first use; undefined: none yet. */
  pinned?: boolean;
}

/**
 * One attempt to pin the host keys: from the console, from sshd where they
 * match the fingerprints the console printed, or (sshd answered, the console
 * stayed silent past the grace period or the deadline is near) on first use.
 */
async function pinHostKeys(w: Wait, instanceId: string, deps: SmokeDeps, deadline: number): Promise<void> {
  const clock = deps.clock ?? realClock;
  const { target, knownHostsPath } = w;
  const { log } = deps;
  const { text, error: consoleError } = await consoleText(deps.ec2, instanceId);
  const keys = hostKeysFromConsole(text);
  if (keys.length) {
    writeKnownHosts(knownHostsPath, target.host, target.port, keys);
    w.pinned = true;
    log.info(`Pinned ${keys.length} host key(s) from the instance's console output: ${describeKeys(keys)}.`);
    return;
  }
  const prints = hostFingerprintsFromConsole(text);
  const offered = await scanHostKeys(target.host, target.port);
  if (!offered.length) return;
  w.firstAnswer ??= clock.now();
  if (prints.length) {
    const vouched = offered.filter((k) => matchesFingerprint(k, prints));
    if (!vouched.length) {
      throw new StepError(
        'smoke',
        `SSH to ${w.where} refused: host key mismatch. None of the host keys sshd offers (${offered.map((k) => fingerprint(k)).join(', ')}) ` +
          `matches the fingerprints the instance printed to its console (${prints.join(', ')}). Someone may be in the middle.`,
      );
    }
    writeKnownHosts(knownHostsPath, target.host, target.port, vouched);
    w.pinned = true;
    log.info(`Pinned ${vouched.length} host key(s) that match the fingerprints in the instance's console output: ${describeKeys(vouched)}.`);
  } else if (clock.now() - w.firstAnswer >= (deps.consoleGraceMs ?? 180_000) || deadline - clock.now() <= 60_000) {
    writeKnownHosts(knownHostsPath, target.host, target.port, offered);
    w.pinned = false;
    log.warning(
      `${consoleError ? `The instance's console could not be read (${consoleError})` : 'The instance printed no host keys or fingerprints to its console'}, so its SSH host key was trusted on first use ` +
        `(${describeKeys(offered)}), not verified.`,
    );
  }
}

/** One login with the pinned keys; true once it works. */
async function tryLogin(w: Wait, deps: SmokeDeps): Promise<boolean> {
  const r = await sshRun({ ...w.target, knownHostsPath: w.knownHostsPath }, 'true', { timeoutMs: 30_000, signal: deps.signal });
  w.last = classifySshFailure(r);
  w.lastError = r.stderr.trim();
  if (w.last === 'ok') return true;
  if (w.last !== 'unreachable') w.firstAnswer ??= (deps.clock ?? realClock).now();
  if (w.last === 'host key mismatch') {
    throw new StepError(
      'smoke',
      `SSH to ${w.where} refused: host key mismatch. The server's key is not the one ${w.pinned ? 'the instance printed to its console' : 'it showed first'}. Someone may be in the middle.\n${w.lastError}`,
    );
  }
  return false;
}

/** The error for a wait that reached its deadline: what sshd did, what the console says of it, and the console's last lines. */
async function notUsable(w: Wait, instanceId: string, deps: SmokeDeps): Promise<StepError> {
  const { text, error: unreadable } = await consoleText(deps.ec2, instanceId);
  const trouble = sshdTrouble(text);
  const what =
    w.last === 'refused'
      ? `sshd answered but refused the run's key for user '${w.target.user}' (check ssh-user: Ubuntu images use 'ubuntu') (${w.lastError})`
      : w.last === 'dropped'
        ? `sshd accepted connections but closed them before authentication (${w.lastError})`
        : w.firstAnswer === undefined
          ? 'sshd never answered'
          : w.pinned === undefined
            ? 'sshd answered but no host key could be pinned'
            : `sshd stopped answering (${w.lastError || 'no error text'})`;
  const because = trouble
    ? ` The console says: ${trouble}.`
    : w.firstAnswer === undefined
      ? ' The console shows no sshd failure: a slow boot, or a network path (subnet, route, security group) that does not reach it.'
      : '';
  const consoleTail = tail(text, 40);
  return new StepError(
    'smoke',
    `SSH to ${w.where} was not usable by the deadline: ${what}.${because}`,
    consoleTail.length
      ? ['The last lines of the instance console:', ...consoleTail.map((l) => `  ${l}`)]
      : [unreadable ? `The instance console could not be read (${unreadable}).` : 'The instance console was empty.'],
  );
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
  const w: Wait = { target, knownHostsPath, where: `${target.host}:${target.port}`, last: 'unreachable', lastError: '' };
  const pause = backoff(3_000, 15_000);
  const started = clock.now();
  let quietSince = started;
  while (clock.now() < deadline) {
    if (w.pinned === undefined) await pinHostKeys(w, instanceId, deps, deadline);
    if (w.pinned !== undefined && (await tryLogin(w, deps))) return { pinned: w.pinned };
    const left = deadline - clock.now();
    if (left <= 0) break;
    // A boot takes minutes on some instance types: one line a minute so the wait never looks hung.
    if (clock.now() - quietSince >= 60_000) {
      quietSince = clock.now();
      deps.log.info(
        `Still waiting for SSH on ${w.where} after ${duration(clock.now() - started)}: ${waitingFor(w.firstAnswer !== undefined, w.pinned, w.last)}.`,
      );
    }
    await clock.sleep(Math.min(pause.next(), left));
  }
  throw await notUsable(w, instanceId, deps);
}
