#!/usr/bin/env node
// Runs the integration suite against a real MongoDB (a replica set, for transactions).
// Usage: TEST_MONGODB_URI='mongodb://localhost:27017/?replicaSet=rs0&directConnection=true' npm run test:mongo
// No MongoDB server can be installed on our own machines; CI on GitHub runs this.
import { spawnSync } from 'node:child_process'

if (!process.env.TEST_MONGODB_URI?.startsWith('mongodb')) {
  console.error('TEST_MONGODB_URI 未设置：请提供一个 MongoDB 副本集地址，例如 mongodb://localhost:27017/?replicaSet=rs0&directConnection=true')
  process.exit(2)
}
const sqliteOnly = ['tests/int/migrations/index.test.ts', 'tests/int/database/adapter.sqlite.test.ts']
const result = spawnSync(
  'node_modules/.bin/jest',
  ['tests/int', '--runInBand', ...sqliteOnly.flatMap((file) => ['--testPathIgnorePatterns', file])],
  { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules --no-warnings' } },
)
process.exit(result.status ?? 1)
