module.exports = {
  displayName: 'web-practices',
  preset: '../../../jest.preset.js',
  testEnvironment: '<rootDir>/../testing/jsdom-with-fetch.environment.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../coverage/libs/web/practices',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // @jsverse ships untranspiled ESM (.esm.js), like Angular's .mjs. The test environment must stay
  // untransformed: compiling it with plain ts-jest would make jest-preset-angular reuse that
  // compiler, which skips inlining templateUrl/styleUrl.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/))', '\\.environment\\.cjs$'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
