/**
 * A lock file between processes on this machine: the holder's PID in a file
 * created exclusively. A lock whose holder has died is taken over, so a killed
 * test run never blocks the next one.
 */
import * as fs from 'node:fs';
import { realClock } from '../src/lib/clock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits for the lock (telling `onWait` once who holds it), takes it, and returns its release. */
export async function acquireLock(file: string, onWait: (holder: string) => void = () => {}): Promise<() => void> {
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    let age = 0;
    try {
      holder = Number(fs.readFileSync(file, 'utf8'));
      age = Date.now() - fs.statSync(file).mtimeMs;
    } catch {
      continue; // released between our attempt and our look
    }
    // An empty file is a holder between creating and writing it, unless it has been so for long.
    if ((holder && !alive(holder)) || (!holder && age > 60_000)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (!told) onWait(holder ? `process ${holder}` : 'another process');
    told = true;
    await realClock.sleep(1000);
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
