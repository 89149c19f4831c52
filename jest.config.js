/** Native ESM jest: run with node --experimental-vm-modules (see package.json). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The real-cluster suite has its own config (jest.e2e.config.js) and needs the cluster up.
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  // Generous: many tests start real JVMs and processes, and CI machines are small; hangs still end.
  testTimeout: 90_000,
};
