/**
 * The one logging surface every step writes to. Entry points back it with
 * `@actions/core`; the command line and tests back it with plain streams, so no
 * step module needs to know where it runs.
 */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a value that must never appear in the log again. */
  mask(secret: string): void;
}

/** A Log on plain streams that still honours `mask`, for the CLI, benches and tests. */
export function streamLog(
  out: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  err: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Log & { secrets: string[] } {
  const secrets: string[] = [];
  const scrub = (message: string): string => secrets.reduce((text, secret) => text.split(secret).join('***'), message);
  return {
    secrets,
    info: (m) => out(scrub(m)),
    warning: (m) => err('warning: ' + scrub(m)),
    error: (m) => err('error: ' + scrub(m)),
    debug: (m) => {
      if (process.env.RUNNER_DEBUG === '1') out('debug: ' + scrub(m));
    },
    async group(name, fn) {
      out(`▶ ${scrub(name)}`);
      return fn();
    },
    mask(secret) {
      // Multi-line secrets (private keys) are masked line by line too, as the runner does.
      for (const part of [secret, ...secret.split(/\r?\n/)]) {
        if (part.trim().length >= 4 && !secrets.includes(part)) secrets.push(part);
      }
      secrets.sort((a, b) => b.length - a.length);
    },
  };
}

/** A Log that keeps every line, for tests. */
export function memoryLog(): Log & { lines: string[]; secrets: string[]; text(): string } {
  const lines: string[] = [];
  const log = streamLog(
    (l) => lines.push(l),
    (l) => lines.push(l),
  );
  return Object.assign(log, { lines, text: () => lines.join('\n') });
}
