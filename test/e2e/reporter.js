// Prints the end-to-end runs' figures after jest's own summary (see ../tally.js).
'use strict';
const { take, endToEndLine } = require('../tally');

class EndToEndReporter {
  onRunComplete() {
    const line = endToEndLine(take(process.env.E2E_TALLY_FILE));
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}
module.exports = EndToEndReporter;
