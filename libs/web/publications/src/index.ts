export {
  publicPublicationsRoutes,
  staffPublicationsRoutes,
} from './lib/publications/publications.routes';
