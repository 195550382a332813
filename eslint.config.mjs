import js from '@eslint/js'
import tseslint from 'typescript-eslint'

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
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/*', '@/app/*'], message: 'src/ and collections/ never import app/ (layers do not reach backwards).' }] },
      ],
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
  },
  {
    files: ['src/newsroom/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['payload', 'payload/*', '@payloadcms/*', 'next', 'next/*', 'react'], message: 'src/newsroom is plain TypeScript: no Payload, Next or React.' }] },
      ],
    },
  },
  {
    files: ['app/(reader)/**/*.{ts,tsx}', 'src/reader/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/admin/**', '@/admin/*', '**/collections/**'], message: 'Reader code never imports admin code or collection configs.' }] },
      ],
    },
  },
)
