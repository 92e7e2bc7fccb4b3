export * from './database.options';
export * from './migrations';
export * from './database.module';
