// The typed door to test/tally.js, which the reporters share.
const { add } = require('../../test/tally') as { add: (file: string | undefined, entry: object) => void };

/** Adds one run's entry to a tally file the test run's reporters print last. */
export const addToTally = (file: string | undefined, entry: object): void => add(file, entry);
