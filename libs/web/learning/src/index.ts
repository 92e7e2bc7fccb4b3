export { learningRoutes, unsubscribeRoutes } from './lib/learning.routes';
export { loadEnrollAction } from './lib/load-enroll-action';
