// The tallies a test run prints last: each fault run and each end-to-end run appends one JSON line
// to its file (appends of a line are whole, so two jest workers never lose one), and the reporters
// add them up. A file with no line means nothing fed the tally, which the reporters say.
'use strict';
const fs = require('node:fs');

function add(file, entry) {
  if (file && fs.existsSync(file)) fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** The entries, and removes the file; undefined where there is no file. */
function take(file) {
  if (!file || !fs.existsSync(file)) return undefined;
  const entries = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  fs.rmSync(file, { force: true });
  return entries;
}

module.exports = { add, take };
