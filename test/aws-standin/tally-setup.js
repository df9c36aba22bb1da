// Gives the fault tests a file to add their runs and leaks to, for the reporter's last line.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  const file = path.join(os.tmpdir(), `eb-platform-fault-tally-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ runs: 0, leaked: 0 }));
  process.env.FAULT_TALLY_FILE = file;
};
