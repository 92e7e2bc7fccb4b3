export { teachingRoutes } from './lib/teaching.routes';
