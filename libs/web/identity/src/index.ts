export { identityRoutes } from './lib/identity.routes';
export { EmailConfirmationBanner } from './lib/email-confirmation-banner/email-confirmation-banner';
