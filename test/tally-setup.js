// `npm test` runs every suite: both tallies, so its output ends with the fault runs' and the end-to-end figures.
'use strict';
const faults = require('./aws-standin/tally-setup');
const endToEnd = require('./e2e/tally-setup');

module.exports = async () => {
  await faults();
  await endToEnd();
};
