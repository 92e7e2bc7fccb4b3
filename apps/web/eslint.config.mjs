import angularConfig from '../../eslint.angular.config.mjs';

export default [
  ...angularConfig,
  {
    // Read by the Angular dev server, not by the platform: where the API listens in development.
    files: ['proxy.config.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
