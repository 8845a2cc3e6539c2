/**
 * Jest configuration shared by every package (each package's jest.config.js re-exports it).
 * SWC only transpiles; `npm run typecheck` is what checks types.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(ts|mjs|js)$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // msw 2 depends on ESM-only packages (.mjs); Jest's CommonJS runtime on Node 20 needs
  // them transpiled, so every .mjs file is transformed, the rest of node_modules is not.
  transformIgnorePatterns: ['/node_modules/(?!(until-async|rettime)/).+\\.(js|json|cjs)$'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testTimeout: 30000,
};
