/**
 * Two test processes that need the local instance's image at once must not
 * both build it: one holds the cache lock, the other waits for it; a lock
 * left by a dead process is taken over.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withCacheLock } from '../../local/debian-disk';
import { acquireLock } from '../../local/lock';

describe('the image cache lock', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-lock-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time and releases the lock after a failure too', async () => {
    const events: string[] = [];
    const hold = (name: string, fail = false) =>
      withCacheLock(
        dir,
        'k',
        () => {},
        async () => {
          events.push(`${name} in`);
          await new Promise((r) => setTimeout(r, 300));
          events.push(`${name} out`);
          if (fail) throw new Error(`${name} failed`);
          return name;
        },
      );
    const results = await Promise.allSettled([hold('a', true), hold('b'), hold('c')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i].replace(' in', ' out'));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock whose holder died', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    fs.writeFileSync(path.join(dir, '.lock-k'), String(dead.pid));
    const lines: string[] = [];
    await expect(
      withCacheLock(
        dir,
        'k',
        (l) => lines.push(l),
        async () => 'built',
      ),
    ).resolves.toBe('built');
    expect(lines).toEqual([]);
  });

  it('waits for a live holder, saying so', async () => {
    fs.writeFileSync(path.join(dir, '.lock-k'), String(process.ppid));
    const lines: string[] = [];
    setTimeout(() => fs.rmSync(path.join(dir, '.lock-k')), 1500);
    const started = Date.now();
    await withCacheLock(
      dir,
      'k',
      (l) => lines.push(l),
      async () => undefined,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(lines).toEqual([expect.stringMatching(/process \d+ is building it; waiting/)]);
  });

  it('lets waiters in in the order they came: a holder that takes the lock again at once waits its turn', async () => {
    const file = path.join(dir, '.instance.lock');
    const order: string[] = [];
    const first = await acquireLock(file);
    const waiter = acquireLock(file).then((release) => {
      order.push('waiter');
      release();
    });
    await new Promise((r) => setTimeout(r, 700));
    first();
    const again = await acquireLock(file);
    order.push('again');
    again();
    await waiter;
    expect(order).toEqual(['waiter', 'again']);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('skips the ticket of a waiter that died', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    const file = path.join(dir, '.instance.lock');
    fs.writeFileSync(`${file}.wait.000000000000001.${dead.pid}.000000`, '');
    const release = await acquireLock(file);
    release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('frees only its own lock: a holder whose lock was taken over leaves the new holder alone', async () => {
    const file = path.join(dir, '.instance.lock');
    const release = await acquireLock(file);
    fs.writeFileSync(file, '999999999');
    release();
    expect(fs.readFileSync(file, 'utf8')).toBe('999999999');
  });
});
