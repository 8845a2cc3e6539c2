// Lint rules for the whole monorepo: typescript-eslint's recommended rules with type information,
// plus the project's own guard rails (no console in libraries: use the kit's logger).
//
// Type information comes from one program, tsconfig.typecheck.json (what `npm run typecheck`
// checks): every TypeScript file must be in it. The project service (`projectService: true`)
// finds the same errors but builds one program per package tsconfig, each re-reading the kit
// and mocks sources, and takes twice as long.
//
// In tests, import `expect` from '@jest/globals' where asymmetric matchers (expect.any,
// expect.objectContaining…) are used: @types/jest types them as `any`, which the no-unsafe-*
// rules refuse; @jest/globals types them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.typecheck.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Promises: none left floating, none passed where its rejection would be lost, nothing
      // awaited that is not a promise, no `async` without an `await`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*/src/*', '../../../*/src/*'], message: 'Import other packages by their package name.' }] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
);
