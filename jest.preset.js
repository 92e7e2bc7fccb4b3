const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // marked ships ESM only; Jest runs CommonJS, so tests load marked's UMD build instead.
  moduleNameMapper: { '^marked$': join(__dirname, 'node_modules/marked/lib/marked.umd.js') },
};
