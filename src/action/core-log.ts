import * as core from '@actions/core';
import type { Log } from '../lib/log';

/** The Log the entry points hand to every step: the runner's log, groups and masking. */
export function coreLog(): Log {
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
    debug: (m) => core.debug(m),
    group: (name, fn) => core.group(name, fn),
    mask(secret) {
      // The runner masks line by line; a multi-line secret (a private key) is registered one line
      // at a time, leaving out PEM armour lines, which are not secret.
      const lines = secret.split(/\r?\n/).map((l) => l.trim());
      if (lines.length === 1) return core.setSecret(secret);
      for (const line of lines) if (line.length >= 4 && !/^-----(BEGIN|END) /.test(line)) core.setSecret(line);
    },
  };
}
