// The tallies a test run prints last: each fault run and each end-to-end run appends one JSON line
// to its file (appends of a line are whole, so two jest workers never lose one), and the reporters
// add them up. A file with no line means nothing fed the tally, which the lines say.
'use strict';
const fs = require('node:fs');

function add(file, entry) {
  if (file && fs.existsSync(file)) fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** The entries, and removes the file; none where there is no file. */
function take(file) {
  if (!file || !fs.existsSync(file)) return [];
  const entries = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  fs.rmSync(file, { force: true });
  return entries;
}

/** The fault runs' line: `runs: N, leaked resources: M`, or that no fault run was selected. */
function faultLine(runs) {
  if (!runs.length) return 'runs: none (no fault run in this selection), leaks not counted';
  return `runs: ${runs.length}, leaked resources: ${runs.reduce((n, r) => n + r.leaked, 0)}`;
}

/** The end-to-end runs' line; a run without a smoke test adds no checks, and no run at all says so. */
function endToEndLine(runs) {
  if (!runs.length) return 'end-to-end: none (no end-to-end run in this selection)';
  const sum = (f) => Math.round(runs.reduce((n, r) => n + (f(r) ?? 0), 0));
  const smoked = runs.filter((r) => r.smoke);
  const checks = smoked.length ? `${sum((r) => r.smoke?.passed)}/${sum((r) => r.smoke?.total)} passed` : 'none run';
  return `end-to-end: ${runs.length} runs, packer ${sum((r) => r.packerSeconds)} s, smoke ${sum((r) => r.smoke?.seconds)} s, checks ${checks}, leaked resources: ${sum((r) => r.leaked)}`;
}

module.exports = { add, take, faultLine, endToEndLine };
