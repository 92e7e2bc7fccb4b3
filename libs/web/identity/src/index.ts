export { identityRoutes } from './lib/identity.routes';
