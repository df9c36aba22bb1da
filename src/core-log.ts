import * as core from '@actions/core';
import type { Log } from './log';

/** The Log the entry points hand to every step: the runner's log, groups and masking. */
export function coreLog(): Log {
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
    debug: (m) => core.debug(m),
    group: (name, fn) => core.group(name, fn),
    mask(secret) {
      // The runner masks a value whole; a key printed one line at a time needs each line masked too.
      core.setSecret(secret);
      for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 4) core.setSecret(line.trim());
    },
  };
}
