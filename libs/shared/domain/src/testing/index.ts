// Test data shared by the domain's specs and the API tests (`@oris/shared/domain/testing`): kept
// out of the production entry point, so that no bundle carries it.
export * from './search-cases';
