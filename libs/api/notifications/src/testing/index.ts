export * from './smtp-test-server';
export * from './parse-message';
export * from './start-email-worker';
