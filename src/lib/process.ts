import { ChildProcess, spawn } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  timeoutMs?: number;
  /** The job was cancelled: the process is killed. */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs a command to its end, its time limit, or the job's cancel, whichever comes first; a non-zero exit is a result, not an exception. */
export function runProcess(cmd: string, args: string[], options: RunOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env, cwd: options.cwd });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let killed = false;
    const stop = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(stop, options.timeoutMs ?? 60_000);
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop);
    child.on('exit', () => {
      options.signal?.removeEventListener('abort', stop);
      // A process we killed may have passed its pipes on (an ssh client hands them to its shared
      // connection's master), so 'close' could wait for someone else: what was read is the result.
      if (killed) {
        child.stdout.destroy();
        child.stderr.destroy();
      }
    });
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 255 : 1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Asks a process to stop with `signal`, kills it if it has not exited `graceMs` later, and resolves once it has exited. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill(signal);
  });
}
