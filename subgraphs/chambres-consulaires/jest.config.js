/** Jest config shared by every package: SWC transpiles TypeScript, type-checking is `npm run typecheck`. */
module.exports = require('../'.repeat(2) + 'jest.base.js');
