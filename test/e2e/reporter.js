// Prints the end-to-end suite's figures after jest's own summary, so they are the last line.
'use strict';
const fs = require('node:fs');

class EndToEndReporter {
  onRunComplete() {
    let t = { packerSeconds: [], smokeSeconds: [], checksPassed: 0, checksTotal: 0, leaked: 0 };
    try {
      t = JSON.parse(fs.readFileSync(process.env.E2E_TALLY_FILE, 'utf8'));
      fs.rmSync(process.env.E2E_TALLY_FILE, { force: true });
    } catch {
      // No end-to-end test ran.
    }
    const sum = (xs) => Math.round(xs.reduce((a, b) => a + b, 0));
    process.once('exit', () =>
      process.stdout.write(
        `end-to-end: packer ${sum(t.packerSeconds)} s, smoke ${sum(t.smokeSeconds)} s, checks ${t.checksPassed}/${t.checksTotal} passed, leaked resources: ${t.leaked}\n`,
      ),
    );
  }
}
module.exports = EndToEndReporter;
