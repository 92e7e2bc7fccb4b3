export { indexesRoutes, serialsRoutes } from './lib/serials/serials.routes';
export {
  publicPublicationsRoutes,
  staffPublicationsRoutes,
} from './lib/publications/publications.routes';
