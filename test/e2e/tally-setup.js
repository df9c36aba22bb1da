// Gives the end-to-end tests a file to add their figures to, for the reporter's last line.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  const file = path.join(os.tmpdir(), `eb-platform-e2e-tally-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ packerSeconds: [], smokeSeconds: [], checksPassed: 0, checksTotal: 0, leaked: 0 }));
  process.env.E2E_TALLY_FILE = file;
};
