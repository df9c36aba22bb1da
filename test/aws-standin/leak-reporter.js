// Prints the fault runs' tally after jest's own summary: the runs and what they leaked, or, where no
// fault run was selected, that there is no tally (never zeros that nothing fed).
'use strict';
const { take } = require('../tally');

class LeakReporter {
  onRunComplete() {
    const runs = take(process.env.FAULT_TALLY_FILE) ?? [];
    const leaked = runs.reduce((n, r) => n + r.leaked, 0);
    const line = runs.length ? `runs: ${runs.length}, leaked resources: ${leaked}` : 'runs: none (no fault run in this selection), leaks not counted';
    // Jest prints its own summary after every reporter's onRunComplete; this line comes after it.
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}
module.exports = LeakReporter;
