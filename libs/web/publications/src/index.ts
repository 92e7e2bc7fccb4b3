export { indexesRoutes, serialsRoutes } from './lib/serials/serials.routes';
