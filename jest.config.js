/** Every test under __tests__/, TypeScript through ts-jest (transpile only: `npm run typecheck` checks types). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.test.json' }],
  },
  clearMocks: true,
  // Two at once, also on a 2-core machine: most suites wait on processes, sockets and clocks, and
  // the two that boot the local instance take turns through its lock (local/lock.ts).
  maxWorkers: 2,
  // The last lines: the fault runs and what they leaked, then the end-to-end figures.
  globalSetup: './test/tally-setup.js',
  reporters: ['default', './test/aws-standin/leak-reporter.js', './test/e2e/reporter.js'],
  testTimeout: 30000,
};
