/** Every test under __tests__/, TypeScript through ts-jest (transpile only: `npm run typecheck` checks types). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  clearMocks: true,
  testTimeout: 30000,
};
