export { catalogueRoutes } from './lib/catalogue.routes';
