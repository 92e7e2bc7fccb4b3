export { searchRoutes } from './lib/search.routes';
