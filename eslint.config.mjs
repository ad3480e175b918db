// Lint rules for the whole repository (npm run lint runs ESLint, then Prettier --check).
// Syntax-only rules (no type-aware linting) so it stays fast; formatting is Prettier's job,
// hence eslint-config-prettier last.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

// The globals plain JavaScript files (scripts/*.mjs) may use under Node.
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'AbortController',
    'AbortSignal',
    'fetch',
    'performance',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
  ].map((name) => [name, 'readonly']),
)

export default defineConfig(
  {
    ignores: [
      'out/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      '.cache/',
      'bench/.data/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // TypeScript checks names itself; ESLint's no-undef does not know DOM or Node types.
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.vue'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // One SQL layer (DESIGN.md «Data»): services open transactions and call the repositories in
    // src/main/db/repositories/; they never build a query themselves.
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.type="Identifier"][callee.name=/^(trx|knex|tx|db|q|query)$/]',
          message: 'Запрос к базе строится в src/main/db/repositories/, не в сервисе.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(knex|raw|queryBuilder|schema)$/]',
          message: 'Запрос к базе строится в src/main/db/repositories/, не в сервисе.',
        },
        {
          selector: 'MemberExpression[property.name="schema"][object.property.name="knex"]',
          message: 'Схема базы меняется миграциями в src/main/db/migrations/.',
        },
      ],
    },
  },
  prettier,
)
