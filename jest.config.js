/**
 * The tiers, one jest project each (TypeScript through ts-jest, transpile only: the fast tier's
 * types.test.ts checks types, as `npm run typecheck` does):
 * - fast: unit, the stand-in on the wire, real sshd, real tools, and the fault suite's runs of the
 *   action in process on virtual time (__tests__/faults/{faults,smoke-faults,release}.test.ts). `npm test` runs it.
 * - faults: the bundled action (dist/) run as the runner runs it against the stand-in and killed at
 *   each step (a kill needs a process of its own, on the wall clock), on no VM. `npm run test:faults`.
 * - vm: what boots the local instance or runs the real Packer (the local instance, the smoke test on
 *   it, the end-to-end builds). `npm run test:vm` runs it.
 * `npm run test:all` (and .ci/run) runs them all in one jest run, so each tally prints once.
 * TEST_TIERS (comma-separated) picks the tiers, so that a path given after the script's own flags
 * (`npm test -- __tests__/release`) narrows the run within its tier.
 */
const VM = ['<rootDir>/__tests__/e2e/', '<rootDir>/__tests__/local/instance.test.ts', '<rootDir>/__tests__/faults/smoke-on-local-instance.test.ts'];
const FAULTS = ['<rootDir>/__tests__/faults/kills.test.ts'];
const files = (paths) => paths.map((p) => (p.endsWith('/') ? `${p}**/*.test.ts` : p));

const common = {
  testEnvironment: './test/jest-environment.js',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.test.json' }],
  },
  clearMocks: true,
};

const tiers = [
  { ...common, displayName: 'fast', testPathIgnorePatterns: ['/node_modules/', ...VM, ...FAULTS] },
  { ...common, displayName: 'faults', testMatch: files(FAULTS) },
  { ...common, displayName: 'vm', testMatch: files(VM) },
];
const wanted = (process.env.TEST_TIERS || tiers.map((t) => t.displayName).join(',')).split(',');
for (const w of wanted) if (!tiers.some((t) => t.displayName === w)) throw new Error(`TEST_TIERS names '${w}': expected fast, faults or vm`);

module.exports = {
  projects: tiers.filter((t) => wanted.includes(t.displayName)),
  // Two at once, also on a 2-core machine: most suites wait on processes, sockets and clocks, and
  // the suites that boot the local instance take turns through its lock (local/lock.ts).
  maxWorkers: 2,
  // One worker on the emulated guest, the other on everything else: see test/sequencer.js.
  testSequencer: './test/sequencer.js',
  testTimeout: 30000,
  // The last lines: the fault runs and what they leaked, the end-to-end figures, then the tests'
  // own count in the plain form any CI reads.
  globalSetup: './test/tally-setup.js',
  reporters: ['default', './test/aws-standin/leak-reporter.js', './test/e2e/reporter.js', './test/count-reporter.js'],
};
