module.exports = {
  displayName: 'api-notifications',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // Decorated config and entities need the metadata polyfill that Nest apps load in main.ts.
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/notifications',
};
