import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * The layers, as import bans. ESLint applies the last matching `no-restricted-imports` alone,
 * so every folder's fence repeats the global one (NEVER_APP) instead of replacing it.
 * tests/unit/eslint.config.test.ts lints a forbidden import in each fenced folder.
 */
const NEVER_APP = { group: ['**/app/*', '@/app/*'], message: 'src/ and collections/ never import app/ (layers do not reach backwards).' }
const NO_FRAMEWORK = { group: ['payload', 'payload/*', '@payloadcms/*', 'next', 'next/*', 'react'], message: 'src/newsroom is plain TypeScript: no Payload, Next or React.' }
const NO_READER = (who) => ({ group: ['**/reader/*', '**/reader/**', '@/reader/*'], message: `${who} never imports the reader site (src/reader): the publishing contract is in src/publishing.` })
const NO_ADMIN_OR_COLLECTIONS = { group: ['**/admin/**', '@/admin/*', '**/collections/**', '@collections/*'], message: 'Reader code never imports admin code or collection configs.' }
const NO_UPPER_LAYERS = { group: ['**/search/*', '@/search/*', '**/collections/**', '@collections/*', '**/admin/**', '@/admin/*'], message: 'src/publishing is the contract the layers above share: it imports none of them.' }

const fence = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [NEVER_APP, ...patterns] }] } })

export const FENCES = [
  fence(['src/newsroom/**/*.ts'], NO_FRAMEWORK),
  fence(['src/publishing/**/*.{ts,mjs}'], NO_READER('src/publishing'), NO_UPPER_LAYERS),
  fence(['src/search/**/*.ts'], NO_READER('src/search')),
  fence(['src/security/**/*.{ts,mjs}'], NO_READER('src/security')),
  fence(['src/cluster/**/*.ts'], NO_READER('src/cluster')),
  fence(['collections/**/*.ts'], NO_READER('A collection')),
  fence(['app/(reader)/**/*.{ts,tsx}', 'src/reader/**/*.{ts,tsx}'], NO_ADMIN_OR_COLLECTIONS),
]

export default tseslint.config(
  { ignores: ['node_modules/', '**/.next/', 'data/', 'media/', 'payload-types.ts', 'app/(payload)/admin/importMap.js', 'src/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearTimeout: 'readonly', performance: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [NEVER_APP] }],
    },
  },
  {
    // Tests read arbitrary JSON from the API under test.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    // CommonJS files are CommonJS because Node loads them as they are (a worker's script): require is their import.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...FENCES,
)
