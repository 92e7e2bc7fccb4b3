export { practicesRoutes, publicPracticesRoutes } from './lib/practices.routes';
