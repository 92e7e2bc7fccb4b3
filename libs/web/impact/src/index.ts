export { impactRoutes, publicImpactRoutes } from './lib/impact.routes';
