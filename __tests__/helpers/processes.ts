import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import * as net from 'node:net';

export { freePort } from '../../local/ports';

/** Children started by a test file, killed when it ends whatever happened. */
export function processGroup() {
  const children = new Set<ChildProcess>();
  return {
    start(cmd: string, args: string[], options: SpawnOptions = {}): ChildProcess & { output: () => string } {
      const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
      const chunks: Buffer[] = [];
      child.stdout?.on('data', (b: Buffer) => chunks.push(b));
      child.stderr?.on('data', (b: Buffer) => chunks.push(b));
      children.add(child);
      child.on('exit', () => children.delete(child));
      return Object.assign(child, { output: () => Buffer.concat(chunks).toString('utf8') });
    },
    async stopAll() {
      await Promise.all(
        [...children].map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              c.once('exit', () => resolve());
              // SIGTERM first, so a master process (nginx) takes its workers with it.
              c.kill('SIGTERM');
              setTimeout(() => c.kill('SIGKILL'), 3000).unref();
            }),
        ),
      );
    },
  };
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Waits until something accepts connections on the port. */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}
