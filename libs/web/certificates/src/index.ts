export { certificatesRoutes, verifyRoutes } from './lib/certificates.routes';
