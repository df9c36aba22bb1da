// Prints the fault suite's tally after jest's own summary, so it is the last line.
'use strict';
const fs = require('node:fs');

class LeakReporter {
  onRunComplete() {
    let tally = { runs: 0, leaked: 0 };
    try {
      tally = JSON.parse(fs.readFileSync(process.env.FAULT_TALLY_FILE, 'utf8'));
      fs.rmSync(process.env.FAULT_TALLY_FILE, { force: true });
    } catch {
      // No fault test ran.
    }
    // Jest prints its own summary after every reporter's onRunComplete; this line comes last.
    process.once('exit', () => process.stdout.write(`runs: ${tally.runs}, leaked resources: ${tally.leaked}\n`));
  }
}
module.exports = LeakReporter;
