export * from './vocabularies';
export * from './personal-data';
export * from './catalogue';
export * from './enrollments';
