// The last line of a test run: jest's count of tests in the plain form any CI reads
// ("tests: N passed, N failed, N skipped"), after the tallies of the other reporters.
'use strict';

class CountReporter {
  onRunComplete(_contexts, results) {
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped`;
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}
module.exports = CountReporter;
