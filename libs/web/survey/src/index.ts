export { surveyRoutes } from './lib/survey.routes';
