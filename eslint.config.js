// Flat config: typescript-eslint's recommended rules over every runtime's code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'data/',
      '.tsbuild/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/app/**', '**/server/**', 'node:*', 'preact', 'dexie'] },
      ],
    },
  },
  {
    files: ['src/app/**'],
    ignores: ['src/app/db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['dexie', '**/server/**'] }],
    },
  },
  { files: ['src/app/**', 'sw/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['src/server/**', 'scripts/**', 'e2e/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
);
