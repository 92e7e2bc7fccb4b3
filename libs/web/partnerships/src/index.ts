export { partnershipsRoutes } from './lib/partnerships.routes';
