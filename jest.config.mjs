/** @type {import('jest').Config} */
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
]

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@collections/(.*)$': '<rootDir>/collections/$1',
    '^@payload-types$': '<rootDir>/payload-types.ts',
  },
  setupFiles: ['<rootDir>/tests/helpers/environment.ts'],
  testMatch: ['<rootDir>/tests/{unit,int,e2e}/**/*.test.ts?(x)'],
  reporters: ['default', '<rootDir>/tests/helpers/summaryReporter.cjs'],
  testSequencer: '<rootDir>/tests/helpers/testSequencer.mjs',
  testTimeout: 120_000,
  // One file at a time unless told otherwise: npm test and its tiers (scripts/test.mjs) run two,
  // each end-to-end server on its own data directory and page cache (tests/helpers/demoServer.ts).
  maxWorkers: 1,
}
