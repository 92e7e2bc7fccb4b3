// Citation.js (@citation-js/core) requires node-fetch 3 (ESM only) for fetching URLs given as
// input. The publications import forces its input types, so nothing is ever fetched; Jest's
// CommonJS runtime cannot load node-fetch, so tests get this stand-in, which refuses to fetch.
class Headers extends Map {}
function fetch() {
  return Promise.reject(new Error('No network in tests: node-fetch is not loaded under Jest.'));
}
module.exports = { __esModule: true, default: fetch, Headers };
