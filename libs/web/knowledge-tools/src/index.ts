export { publicToolsRoutes, toolsRoutes } from './lib/tools.routes';
