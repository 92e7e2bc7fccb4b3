export * from './database.options';
export * from './migrations';
export * from './database.module';
export * from './pg-channel-listener';
