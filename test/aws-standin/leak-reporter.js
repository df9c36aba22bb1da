// Prints the fault runs' tally after jest's own summary (see ../tally.js).
'use strict';
const { take, faultLine } = require('../tally');

class LeakReporter {
  onRunComplete() {
    const line = faultLine(take(process.env.FAULT_TALLY_FILE));
    // Jest prints its own summary after every reporter's onRunComplete; this line comes after it.
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}
module.exports = LeakReporter;
