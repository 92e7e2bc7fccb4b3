export * from './vocabularies';
export * from './personal-data';
export * from './catalogue';
export * from './enrollments';
export * from './csv';
export * from './insertion';
export * from './calendar';
export * from './phone';
