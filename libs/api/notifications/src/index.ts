export * from './notifications.module';
export * from './email-outbox';
export * from './email-outbox.entity';
export { EMAIL_TEMPLATES, type EmailTemplate, type EmailTemplateParams } from './templates';
export type {
  EmailCopy,
  EmailTemplateDefinition,
  TemplateContext,
} from './templates/email-template';
export { renderEmail, type RenderedEmail } from './templates/render-email';
export * from './jobs/notifications-worker.module';
export type { EmailWorkerOptions } from './jobs/email-worker.options';
