export { insertionRoutes, publicIndicatorsRoutes } from './lib/insertion.routes';
