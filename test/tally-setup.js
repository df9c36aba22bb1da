// Gives the fault runs and the end-to-end runs a file each to add to, for the reporters' last lines.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  for (const [name, variable] of [
    ['fault', 'FAULT_TALLY_FILE'],
    ['e2e', 'E2E_TALLY_FILE'],
  ]) {
    const file = path.join(os.tmpdir(), `eb-platform-${name}-tally-${process.pid}.jsonl`);
    fs.writeFileSync(file, '');
    process.env[variable] = file;
  }
};
