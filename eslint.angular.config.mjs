import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import baseConfig from './eslint.config.mjs';

// The Angular projects (the web app and every web library) share these rules; each project's
// eslint.config.mjs only re-exports them.

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'oris',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'oris',
          style: 'kebab-case',
        },
      ],
    },
  },
  ...angular.configs.templateAccessibility.map((config) => ({ ...config, files: ['**/*.html'] })),
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
];
