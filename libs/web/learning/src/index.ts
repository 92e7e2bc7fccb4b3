export { learningRoutes, unsubscribeRoutes } from './lib/learning.routes';
export { provideEnrollAction } from './lib/enroll-action.provider';
