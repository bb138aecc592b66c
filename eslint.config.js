import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'server/migrations/**', 'web/src/app/api-types.ts', 'e2e/artifacts/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', crypto: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', window: 'readonly', document: 'readonly', localStorage: 'readonly', navigator: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'platform/ knows no domain' }] }],
    },
  },
  // Only platform code is barred from importing modules; everything else may.
  { files: ['server/src/modules/**', 'server/src/cli/**', 'server/src/demo/**', 'server/src/*.ts', 'server/test/**', 'bench/**', 'e2e/**', 'web/**'], rules: { 'no-restricted-imports': 'off' } },
);
