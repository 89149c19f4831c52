/** The real-cluster suite: one test at a time (one small node), long timeouts (pods and JVMs start for real). */
import base from './jest.config.js';
export default {
  ...base,
  testMatch: ['**/*.e2e.test.ts'],
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 420_000,
  maxWorkers: 1,
};
