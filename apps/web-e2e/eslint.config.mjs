import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Browser journeys start their own API, worker and web servers, configured through the
    // environment they give them.
    rules: { 'no-restricted-properties': 'off' },
  },
];
