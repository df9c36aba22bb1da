// Prints the end-to-end runs' figures after jest's own summary, or, where no end-to-end run was
// selected, that there are none (never zeros that nothing fed).
'use strict';
const { take } = require('../tally');

class EndToEndReporter {
  onRunComplete() {
    const runs = take(process.env.E2E_TALLY_FILE) ?? [];
    const sum = (f) => Math.round(runs.reduce((n, r) => n + (f(r) ?? 0), 0));
    const withSmoke = runs.filter((r) => r.smoke);
    const line = runs.length
      ? `end-to-end: ${runs.length} runs, packer ${sum((r) => r.packerSeconds)} s, smoke ${sum((r) => r.smoke?.seconds)} s, ` +
        `checks ${withSmoke.length ? `${sum((r) => r.smoke.passed)}/${sum((r) => r.smoke.total)} passed` : 'none run'}, leaked resources: ${sum((r) => r.leaked)}`
      : 'end-to-end: none (no end-to-end run in this selection)';
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}
module.exports = EndToEndReporter;
