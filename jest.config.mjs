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
  },
  setupFiles: ['<rootDir>/tests/helpers/environment.ts'],
  testMatch: ['<rootDir>/tests/{unit,int,e2e}/**/*.test.ts?(x)'],
  reporters: ['default', '<rootDir>/tests/helpers/summaryReporter.cjs'],
  testTimeout: 120_000,
  // One file at a time: browser suites each start the production server, and servers
  // started side by side would share one build directory and Next.js data cache.
  maxWorkers: 1,
}
