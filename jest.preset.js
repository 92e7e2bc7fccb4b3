const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

// Runtime packages that ship ESM only but are required from CommonJS: sanitize-html's HTML parser
// (htmlparser2 12 and the dom* packages it brings), @fastify/static's content-disposition 3, and
// the verifiable-credential packages of the certificates (@digitalbazaar/*, base58/base64url).
// Node loads them through require(esm); Jest's CommonJS runtime cannot, so ts-jest transpiles
// exactly these to CommonJS (found at the top level or nested under their parent) and every other
// node_module stays as it is.
const ESM_ONLY_PARENTS = ['sanitize-html', '@fastify/static'];
const ESM_ONLY_PACKAGES = [
  'htmlparser2',
  'domhandler',
  'domutils',
  'domelementtype',
  'dom-serializer',
  'entities',
  'content-disposition',
  '@digitalbazaar/vc',
  '@digitalbazaar/data-integrity',
  '@digitalbazaar/ed25519-multikey',
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  'base58-universal',
  'base64url-universal',
];

module.exports = {
  ...nxPreset,
  // Jest's 5 s default is a timing assumption: a component spec that takes 1 s alone took over 5 s
  // on a 2-core machine at load average 26, and failed. A test that truly hangs still fails.
  testTimeout: 60_000,
  // marked ships ESM only; Jest runs CommonJS, so tests load marked's UMD build instead.
  // node-fetch 3 (ESM only, required by Citation.js for URLs, which the publications import never
  // fetches) is replaced by a stand-in that refuses to fetch.
  moduleNameMapper: {
    '^marked$': join(__dirname, 'node_modules/marked/lib/marked.umd.js'),
    '^node-fetch$': join(__dirname, 'tools/jest/node-fetch-unused.cjs'),
  },
  transformIgnorePatterns: [
    `/node_modules/(?!((${ESM_ONLY_PARENTS.join('|')})/node_modules/)?(${ESM_ONLY_PACKAGES.join('|')})/)`,
  ],
};
