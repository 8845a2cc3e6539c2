// Lint rules for the whole monorepo: typescript-eslint's recommended set, plus the
// project's own guard rails (no console in libraries: use the kit's logger).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*/src/*', '../../../*/src/*'], message: 'Import other packages by their package name.' }] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
);
