/** The cross-package tests: end to end (the whole federation over real HTTP) and repository checks. */
const base = require('../jest.base.js');
module.exports = { ...base, testMatch: ['<rootDir>/e2e/**/*.test.ts', '<rootDir>/checks/**/*.test.ts'], testTimeout: 60000 };
