export * from './vocabularies';
export * from './personal-data';
