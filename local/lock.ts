/**
 * A lock file between processes on this machine: the holder's PID in a file
 * created exclusively. Waiters queue (a ticket file each, kept fresh while
 * they wait) and take the lock in the order they came, so a process that
 * takes it again and again cannot starve another. A lock or ticket whose
 * process has died is taken over, so a killed test run never blocks the next.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realClock } from '../src/lib/clock';

const POLL_MS = 500;
/** A ticket not refreshed for this long belongs to a waiter that is gone. */
const TICKET_STALE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let issued = 0;

/** The live tickets waiting for `file`, oldest first; dead ones are removed. */
function queue(file: string): string[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.wait.`;
  const live: string[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .sort()) {
    const ticket = path.join(dir, name);
    const pid = Number(name.slice(prefix.length).split('.')[1]);
    let fresh = false;
    try {
      fresh = Date.now() - fs.statSync(ticket).mtimeMs < TICKET_STALE_MS;
    } catch {
      continue;
    }
    if (alive(pid) && fresh) live.push(ticket);
    else fs.rmSync(ticket, { force: true });
  }
  return live;
}

/** Takes the lock when it is free and nobody queued before us; false when it is not ours yet. */
function tryTake(file: string, ticket: string | undefined): boolean {
  const waiting = queue(file);
  if (waiting.length && waiting[0] !== ticket) return false;
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** Who holds the lock, after taking over a lock whose holder died; undefined when it is free. */
function holder(file: string): string | undefined {
  let pid = NaN;
  let age = 0;
  try {
    pid = Number(fs.readFileSync(file, 'utf8'));
    age = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return undefined; // released meanwhile
  }
  // An empty file is a holder between creating and writing it, unless it has been so for long.
  if ((pid && !alive(pid)) || (!pid && age > 60_000)) {
    fs.rmSync(file, { force: true });
    return undefined;
  }
  return pid ? `process ${pid}` : 'another process';
}

/** Waits for the lock in turn (telling `onWait` once who holds it), takes it, and returns its release. */
export async function acquireLock(file: string, onWait: (holder: string) => void = () => {}): Promise<() => void> {
  let ticket: string | undefined;
  let told = false;
  try {
    while (!tryTake(file, ticket)) {
      if (!ticket) {
        ticket = `${file}.wait.${String(Date.now()).padStart(15, '0')}.${process.pid}.${String(issued++).padStart(6, '0')}`;
        fs.writeFileSync(ticket, '');
      } else {
        const now = new Date();
        fs.utimesSync(ticket, now, now);
      }
      const who = holder(file);
      if (who && !told) {
        onWait(who);
        told = true;
      }
      await realClock.sleep(POLL_MS);
    }
  } finally {
    if (ticket) fs.rmSync(ticket, { force: true });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Only our own lock: a holder that outlived a takeover must not free the next one's.
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
